// One instance per global object (behaviour.md §1.11), Jest's node environment, in the order an
// application test file runs: the module under test imports ft-polyfill (CommonJS, as babel-jest
// or ts-jest compile `import ft, { host } from 'ft-polyfill'`) before setupFt runs.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// What `import ft, { host } from 'ft-polyfill'` becomes in CommonJS (babel's interop helper).
const interop = (m) => (m && m.__esModule ? m : { default: m });
const appModule = interop(require('../../dist/ft-polyfill.cjs'));
const kit = require('../../testing/index.cjs');

test('requiring the module installs nothing until ft or host is read', () => {
  expect(globalThis.__ftPolyfill).toBeUndefined();
  expect(typeof appModule.createFt).toBe('function');
  expect(globalThis.ft).toBeUndefined();
});

test("the application's import and ft-polyfill/testing share one instance; setupFt defines the globals", async () => {
  const appFt = appModule.default;          // the application reads ft first (its module code runs)
  expect(typeof appFt.setStorage).toBe('function');
  await appFt.setStorage({ key: 'cart', data: [{ id: 1 }] });

  const { ft, host } = await kit.setupFt({ appId: `one-instance-${process.pid}` });
  expect(ft).toBe(appFt);
  expect(appModule.ft).toBe(appFt);
  expect(host).toBe(appModule.host);
  expect(globalThis.ft).toBe(appFt);
  expect(globalThis.ftHost).toBe(host);
  expect(globalThis.host).toBe(host);
  // setupFt applied its config to the shared instance: a new appId, so a new (empty) store...
  expect((await ft.getAppletInfo()).appId).toBe(`one-instance-${process.pid}`);
  await expect(ft.getStorage({ key: 'cart' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' });
  // ...and what the application writes now, the test reads.
  await appFt.setStorage({ key: 'cart', data: [{ id: 2 }] });
  expect((await globalThis.ft.getStorage({ key: 'cart' })).data).toEqual([{ id: 2 }]);
});

test('the ES module build for Node is the same instance', async () => {
  const esm = await import('../../dist/ft-polyfill.node.mjs');
  expect(esm.default).toBe(globalThis.ft);
  expect(esm.ft).toBe(globalThis.ft);
  expect(esm.host).toBe(globalThis.host);
});

test('no "loaded more than once" warning for the kit adopting the application\'s instance', async () => {
  const warnings = [];
  const original = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));
  try {
    await kit.setupFt({ appId: `one-instance-${process.pid}` });
    expect(appModule.default).toBe(globalThis.ft);
  } finally {
    console.warn = original;
  }
  expect(warnings).toEqual([]);
});

test('createFt still makes a separate instance, installed nowhere', async () => {
  const other = await kit.createFt({ appId: `one-instance-other-${process.pid}` });
  expect(other.ft).not.toBe(globalThis.ft);
  expect(globalThis.ft).toBe(appModule.default);
});
