// Storage in the Node build when the environment has no IndexedDB of its own (the testing kits,
// plain Node): the appId's entries are kept in this realm's memory (wasm-glue/memory-store.js)
// with the protocol a browser's IndexedDB gets (wasm-glue/store-sync.js). A success still means
// the write is where a new instance reads it; live instances of one appId see each other's writes,
// as tabs do. tests/js/storage.test.js runs the same core over fake-indexeddb.
import { createRequire } from 'node:module';
import { jest } from '@jest/globals';

const require = createRequire(import.meta.url);
/** @type {{ createFt: (o?: any) => { ft: any, host: any } }} */
const polyfill = require('../../dist/ft-polyfill.cjs');

let counter = 0;
const nextAppId = () => `memory-${process.pid}-${++counter}`;
/** @type {Array<{ host: any }>} */
const made = [];
/** A ready instance of `appId`. @param {string} appId */
async function instance(appId) {
  const one = polyfill.createFt({ config: { appId } });
  made.push(one);
  await one.host.ready;
  return one;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((one) => one.host.dispose()));
});

/** What `ft` reads for `key` once it reads something (another instance's write arrives later). @param {any} ft @param {string} key */
async function eventually(ft, key) {
  for (let i = 0; i < 200; i++) {
    const read = await ft.getStorage({ key }).catch(() => null);
    if (read) return read.data;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return undefined;
}

test('there is no IndexedDB here, and nothing warns: storage is kept, not lost', async () => {
  expect(typeof globalThis.indexedDB).toBe('undefined');
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const { ft } = await instance(nextAppId());
    await ft.setStorage({ key: 'k', data: 1 });
    expect(warn).not.toHaveBeenCalled();
  } finally {
    warn.mockRestore();
  }
});

test('a write that succeeded is read by a new instance of the appId, as after a reload', async () => {
  const appId = nextAppId();
  const first = await instance(appId);
  await first.ft.setStorage({ key: 'cart', data: { items: [1, 2] } });
  const second = await instance(appId);
  expect((await second.ft.getStorage({ key: 'cart' })).data).toEqual({ items: [1, 2] });
  expect(await instance(nextAppId()).then(({ ft }) => ft.getStorageInfo())).toMatchObject({ keys: [] });
});

test('live instances of one appId read each other\'s writes, as tabs do', async () => {
  const appId = nextAppId();
  const a = await instance(appId);
  const b = await instance(appId);
  await a.ft.setStorage({ key: 'from-a', data: 'a' });
  expect(await eventually(b.ft, 'from-a')).toBe('a');
  await b.ft.removeStorage({ key: 'from-a' });
  await b.ft.setStorage({ key: 'from-b', data: 'b' });
  expect(await eventually(a.ft, 'from-b')).toBe('b');
  await expect(a.ft.getStorage({ key: 'from-a' })).rejects.toMatchObject({ errMsg: 'getStorage:fail data not found' });
});

test('writes made at once by two instances all survive (the second catches up and writes on top)', async () => {
  const appId = nextAppId();
  const a = await instance(appId);
  const b = await instance(appId);
  const keys = Array.from({ length: 10 }, (_, i) => i);
  await Promise.all(keys.flatMap((i) => [a.ft.setStorage({ key: `a${i}`, data: i }), b.ft.setStorage({ key: `b${i}`, data: i })]));
  const c = await instance(appId);
  expect((await c.ft.getStorageInfo()).keys.sort()).toEqual(keys.flatMap((i) => [`a${i}`, `b${i}`]).sort());
  expect(await eventually(a.ft, 'b9')).toBe(9);
  expect(await eventually(b.ft, 'a9')).toBe(9);
});

test('compacted journals, a clear and a reset reach a new instance as they are', async () => {
  const appId = nextAppId();
  const a = await instance(appId);
  for (let i = 0; i < 40; i++) await a.ft.setStorage({ key: `k${i % 5}`, data: i });
  await new Promise((resolve) => setTimeout(resolve, 400)); // past COMPACT_AFTER_MS: the journals are folded
  expect(await instance(appId).then(async ({ ft }) => (await ft.getStorage({ key: 'k4' })).data)).toBe(39);
  await a.ft.clearStorage();
  expect(await instance(appId).then(({ ft }) => ft.getStorageInfo())).toMatchObject({ keys: [] });
  await a.ft.setStorage({ key: 'again', data: 1 });
  await a.host.reset();
  expect(await instance(appId).then(({ ft }) => ft.getStorageInfo())).toMatchObject({ keys: [] });
});

test('a disposed instance is no longer told of writes; the others go on', async () => {
  const appId = nextAppId();
  const a = await instance(appId);
  const b = await instance(appId);
  await a.host.dispose();
  await b.ft.setStorage({ key: 'k', data: 2 });
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect((await a.ft.getStorage({ key: 'k' }).catch((/** @type {any} */ e) => e)).errMsg).toMatch(/disposed/);
  expect((await instance(appId).then(({ ft }) => ft.getStorage({ key: 'k' }))).data).toBe(2);
});
