// Typings test of the CommonJS entry (require('ft-polyfill')): the global instance (default, ft,
// host) and createFt / installFt / polyfillGlobals.
import polyfill = require('ft-polyfill');
import type { GetStorageSuccess } from 'ft-polyfill';

const { ft, host } = polyfill.createFt({ config: { appId: 'shop' } });
host.ready.then(async () => {
  const res: GetStorageSuccess = await ft.getStorage({ key: 'cart' });
  return res.data;
});
const installed = polyfill.installFt(globalThis);
installed.ft.miniProgram.getEnv((r) => r.env);
polyfill.host.ready.then(() => polyfill.default.getStorage({ key: 'cart' }));
polyfill.ft.miniProgram.navigateTo({ url: '/pages/cart/cart' });
const added: string[] = polyfill.polyfillGlobals(globalThis);
// @ts-expect-error createFt takes an options object, not a config
polyfill.createFt('shop');
void added;
