/**
 * @jest-environment jsdom
 */
// ft-polyfill/testing in Jest's jsdom environment (no structuredClone, TextDecoder, fetch or
// IndexedDB there): the kit fills them in from Node and the polyfill works on `window`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kit = require('../../testing/index.cjs');

test('jsdom lacks what the core needs, and the kit fills it in', async () => {
  const missing = ['structuredClone', 'indexedDB'].filter((n) => typeof globalThis[n] === 'undefined');
  expect(missing.length).toBeGreaterThan(0); // proves the test runs where the gap exists
  await kit.setupFt({ appId: `kit-jsdom-${process.pid}` });
  for (const name of ['structuredClone', 'TextDecoder', 'indexedDB']) expect(typeof globalThis[name]).not.toBe('undefined');
  expect(window.ft).toBe(globalThis.ft);
  expect(window.__fcjs_environment).toBe('miniprogram');
});

test('storage, getEnv and reset work under jsdom', async () => {
  await ft.setStorage({ key: 'user', data: { name: 'Li' } });
  expect((await ft.getStorage({ key: 'user' })).data).toEqual({ name: 'Li' });
  expect((await ft.miniProgram.getEnv()).env).toBe('miniprogram');
  await host.reset();
  expect(host.calls()).toEqual([]);
  expect((await ft.getStorageInfo()).keys).toEqual([]);
});

test('chooseImage and chooseLocation without a mock fail at once in jsdom (nobody can answer a sheet there)', async () => {
  expect((await ft.chooseImage({}).catch((e) => e)).errMsg).toBe('chooseImage:fail no file picker in jsdom (nobody can answer it there): use ftHost.mock');
  expect((await ft.chooseLocation({}).catch((e) => e)).errMsg).toBe('chooseLocation:fail no location picker in jsdom (nobody can answer it there): use ftHost.mock');
});

test("ft.request's arraybuffer is this page's ArrayBuffer, though jsdom's fetch is Node's (another realm)", async () => {
  const { createServer } = require('node:http');
  const server = createServer((_req, res) => res.end(Buffer.from([1, 2, 3])));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  try {
    const { data } = await ft.request({ url: `http://127.0.0.1:${server.address().port}/bytes`, responseType: 'arraybuffer' });
    expect(data instanceof ArrayBuffer).toBe(true);
    expect([...new Uint8Array(data)]).toEqual([1, 2, 3]);
  } finally {
    server.close();
  }
});

test('ft.request sends an ArrayBuffer from either realm as bytes, and a mock rule answers with one (isBinary is not instanceof)', async () => {
  const { createServer } = require('node:http');
  const server = createServer((req, res) => {
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => res.end(JSON.stringify({ bytes: [...Buffer.concat(parts)] })));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const url = `http://127.0.0.1:${server.address().port}/echo`;
  const nodeRealm = require('node:vm').runInThisContext('new Uint8Array([7, 8, 9]).buffer');
  const fileRealm = new Uint8Array([4, 5, 6]).buffer;
  expect(nodeRealm instanceof ArrayBuffer).not.toBe(fileRealm instanceof ArrayBuffer); // two realms
  try {
    for (const [data, bytes] of [[nodeRealm, [7, 8, 9]], [fileRealm, [4, 5, 6]]]) {
      const { data: echoed } = await ft.request({ url, method: 'POST', data });
      expect(echoed.bytes).toEqual(bytes);
    }
  } finally {
    server.close();
  }
  const mocked = await kit.createFt({ appId: `kit-jsdom-rule-${process.pid}`, mocks: { request: [{ url: '*/rule-bytes', response: { data: fileRealm } }] } });
  try {
    const { data } = await mocked.ft.request({ url: 'https://api.example.com/rule-bytes', responseType: 'arraybuffer' });
    expect([...new Uint8Array(data)]).toEqual([4, 5, 6]);
  } finally {
    await mocked.host.dispose();
  }
});

test("what the kit fills in is Node's, read when first used; a test's own assignment replaces it", () => {
  const node = require('node:vm').runInThisContext('globalThis');
  expect(globalThis.Response).toBe(node.Response);
  expect(new globalThis.Response('{"a":1}').headers.get('content-type')).toBe('text/plain;charset=UTF-8');
  const own = () => 'own fetch';
  globalThis.fetch = own;
  expect(globalThis.fetch).toBe(own);
});

// The kit keeps ft's storage in memory here too (no IndexedDB of jsdom's own): no channel that
// Node's BroadcastChannel would carry to every file of the worker.
test("the kit's storage is in memory under jsdom: no BroadcastChannel, no IndexedDB database", async () => {
  await ft.setStorage({ key: 'k', data: 1 });
  const channels = globalThis.BroadcastChannel.ftPolyfillFile;
  expect(channels ? [...channels] : []).toEqual([]);
  expect(await globalThis.indexedDB.databases()).toEqual([]);
});
