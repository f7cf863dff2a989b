// Typings test of the CommonJS entry (require('ft-polyfill')): it exports createFt and installFt.
import polyfill = require('ft-polyfill');
import type { GetStorageSuccess } from 'ft-polyfill';

const { ft, host } = polyfill.createFt({ config: { appId: 'shop' } });
host.ready.then(async () => {
  const res: GetStorageSuccess = await ft.getStorage({ key: 'cart' });
  return res.data;
});
const installed = polyfill.installFt(globalThis);
if (installed) installed.ft.miniProgram.getEnv((r) => r.env);
// @ts-expect-error the CommonJS entry has no ready-made instance
polyfill.host.ready;
