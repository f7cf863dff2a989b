// ft-polyfill/testing in Jest's node environment: one call installs ft + host globally, reset
// clears what a test left behind, fake timers do not stall callbacks.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { jest } from '@jest/globals';

const require = createRequire(import.meta.url);
const kit = require('../../testing/index.cjs');

beforeAll(() => kit.setupFt({ appId: `kit-node-${process.pid}` }));
beforeEach(() => globalThis.host.reset());

test('setupFt installs ft, ftHost and host on the global object with the core ready', async () => {
  expect(typeof globalThis.ft.setStorage).toBe('function');
  expect(globalThis.ftHost).toBe(globalThis.host);
  expect(globalThis.__fcjs_environment).toBe('miniprogram');
  const env = await ft.miniProgram.getEnv();
  expect(env).toEqual({ env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' });
});

test('a second setupFt keeps the instance and applies the new config', async () => {
  const before = globalThis.ft;
  await kit.setupFt({ appId: `kit-node-${process.pid}`, appInfo: { appTitle: 'Second' } });
  expect(globalThis.ft).toBe(before);
  expect((await ft.getAppletInfo()).appTitle).toBe('Second');
});

test('reset clears storage, the call log and host listeners', async () => {
  await ft.setStorage({ key: 'left', data: 1 });
  const seen = [];
  host.on('call', (c) => seen.push(c.api));
  expect(host.calls().length).toBeGreaterThan(0);
  await host.reset();
  expect(host.calls()).toEqual([]);
  expect((await ft.getStorageInfo()).keys).toEqual([]);
  const count = seen.length;
  await ft.getStorageInfo();
  expect(seen.length).toBe(count); // the listener added before reset is gone
  await expect(ft.getStorage({ key: 'left' })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^getStorage:fail/) });
});

test('storage starts empty in the next test (reset ran in beforeEach)', async () => {
  expect((await ft.getStorageInfo()).keys).toEqual([]);
  expect(host.calls().map((c) => c.api)).toEqual(['getStorageInfo']);
});

describe('with jest.useFakeTimers()', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('callbacks and Promises settle without advancing timers (microtasks, not timers)', async () => {
    const env = await ft.miniProgram.getEnv();
    expect(env.errMsg).toBe('getEnv:ok');
    const info = await new Promise((resolve) => ft.getAppletInfo({ success: resolve }));
    expect(info.errMsg).toBe('getAppletInfo:ok');
    expect(await ft.getStorageInfo()).toMatchObject({ errMsg: 'getStorageInfo:ok' });
  });

  test('storage writes settle too (the kit keeps them in memory, on promises, not timers)', async () => {
    await expect(ft.setStorage({ key: 'k', data: { a: 1 } })).resolves.toMatchObject({ errMsg: 'setStorage:ok' });
    expect((await ft.getStorage({ key: 'k' })).data).toEqual({ a: 1 });
  });

  test('a mock without a delay settles too; a delay waits for the timers', async () => {
    try {
      await host.reset({ appId: `kit-node-${process.pid}`, mocks: { request: [{ url: 'https://api.example.com/*', response: { data: { n: 1 } } }] } });
      expect((await ft.request({ url: 'https://api.example.com/now' })).data).toEqual({ n: 1 });
      expect(ftHost.mock('getLocation', { latitude: 1, longitude: 2 })).toBe(true);
      expect(await ft.getLocation()).toMatchObject({ latitude: 1, longitude: 2 });
      // ftHost.mock's answer object takes a delay, as the configuration's does, and it is not a field.
      ftHost.mock('getLocation', { latitude: 3, longitude: 4, delay: 500 });
      let settled = null;
      const later = ft.getLocation().then((r) => { settled = r; });
      await jest.advanceTimersByTimeAsync(499);
      expect(settled).toBeNull();
      await jest.advanceTimersByTimeAsync(1);
      await later;
      expect(settled).toMatchObject({ latitude: 3, longitude: 4 });
      expect(settled).not.toHaveProperty('delay');
    } finally {
      ftHost.unmock();
      await host.reset({ appId: `kit-node-${process.pid}` });
    }
  });
});

test("host.reset() goes back to setupFt's config, not to a test's own ftHost.configure", async () => {
  await host.configure({ appId: `kit-node-other-${process.pid}`, stack: ['pages/a/a', 'pages/b/b'] });
  expect((await ft.getAppletInfo()).appId).toBe(`kit-node-other-${process.pid}`);
  await host.reset();
  expect((await ft.getAppletInfo()).appId).toBe(`kit-node-${process.pid}`);
  expect(host.stack().length).toBe(1);
});

test('a reset after a configure that failed is not poisoned by it', async () => {
  await expect(host.configure({ appJson: 'http://127.0.0.1:1/app.json' })).rejects.toThrow(/^ftHost\.configure: appJson/);
  await expect(host.reset()).resolves.toBeUndefined();
  expect(host.configError()).toBe('');
});

test('setupFt in a fresh process loads no part of Node it does not use (fetch: undici, tens of ms per test file; crypto: WebCrypto)', () => {
  const script = `require(${JSON.stringify(require.resolve('../../testing/index.cjs'))}).setupFt({ appId: 'kit-lean' })
    .then(() => { process.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => /undici|webcrypto/.test(m)))); process.exit(0); });`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual([]);
});

// Without an IndexedDB of its own the environment gets fake-indexeddb for the page's own use, and
// ft's storage is in memory (wasm-glue/memory-store.js): no database, no channel between instances
// that would keep this file's instance alive in the worker.
test("the kit's storage is in memory: no IndexedDB database and no BroadcastChannel; the page has its own indexedDB", async () => {
  const channels = globalThis.BroadcastChannel.ftPolyfillFile;
  expect(channels ? [...channels] : []).toEqual([]);
  await ft.setStorage({ key: 'k', data: 1 });
  expect(await globalThis.indexedDB.databases()).toEqual([]);
  expect(globalThis.IDBKeyRange.only(1)).toBeInstanceOf(globalThis.IDBKeyRange);
  // Every IndexedDB name fake-indexeddb has (polyfill/node-globals.js lists them).
  const idb = require('../../dist/fake-indexeddb.cjs');
  const names = Object.keys(idb).filter((name) => name === 'indexedDB' || name.startsWith('IDB'));
  expect(names.length).toBeGreaterThan(10);
  for (const name of names) expect([name, globalThis[name]]).toEqual([name, idb[name]]);
});
afterAll(async () => {
  await globalThis.ft.setStorage({ key: 'after', data: 1 });
  expect((await globalThis.ft.getStorage({ key: 'after' })).data).toBe(1);
});
