// ftHost.configure and ftHost.reset are queued with the calls (behaviour.md §1.10): whatever is
// made after them, awaited or not, runs against the new configuration and the new appId's
// storage; nothing made after them lands in the old store; no Embind "deleted object" error
// reaches the page or a callback. Node, the real core (CommonJS build) with fake-indexeddb.
import { createServer } from 'node:http';
import { jest } from '@jest/globals';
import { createRequire } from 'node:module';
import { polyfill, freshFt } from '../helpers/node.js';

const kit = createRequire(import.meta.url)('../../testing/index.cjs');

/** Unhandled rejections and console errors seen while a test runs. */
let problems;
const onRejection = (reason) => problems.push(`unhandledRejection: ${reason && reason.message ? reason.message : JSON.stringify(reason)}`);
beforeEach(() => {
  problems = [];
  process.on('unhandledRejection', onRejection);
  jest.spyOn(console, 'error').mockImplementation((...args) => problems.push(`console.error: ${args.join(' ')}`));
});
afterEach(() => {
  process.off('unhandledRejection', onRejection);
  jest.restoreAllMocks();
});

let apps = 0;
const appId = (name) => `ordered-${process.pid}-${++apps}-${name}`;

test('an appId switch without await: the write lands in the new app, not the old one, also after a "reload"', async () => {
  const a = appId('a');
  const b = appId('b');
  const { ft, host } = await freshFt({ appId: a });
  host.configure({ appId: b });                         // not awaited, as pages do
  const written = await ft.setStorage({ key: 'cart', data: [1, 2] });
  expect(written).toEqual({ errMsg: 'setStorage:ok' });
  expect((await ft.getStorage({ key: 'cart' })).data).toEqual([1, 2]);
  expect((await ft.getAppletInfo()).appId).toBe(b);

  // A new instance of each app reads what IndexedDB holds (what a reload would see).
  const readerA = polyfill.createFt({ config: { appId: a } });
  const readerB = polyfill.createFt({ config: { appId: b } });
  await expect(readerA.ft.getStorage({ key: 'cart' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' });
  expect((await readerB.ft.getStorage({ key: 'cart' })).data).toEqual([1, 2]);
  expect(problems).toEqual([]);
});

test('calls made right after configure, before the core is even up, run in order against the new app', async () => {
  const a = appId('a');
  const b = appId('b');
  const { ft, host } = polyfill.createFt({ config: { appId: a } });   // core not ready yet
  const before = ft.setStorage({ key: 'k', data: 'for A' });           // made before: A's
  host.configure({ appId: b, appInfo: { appTitle: 'Bee' } });
  const info = ft.getAppletInfo();
  const after = ft.setStorage({ key: 'k', data: 'for B' });
  const read = ft.getStorage({ key: 'k' });
  expect(await before).toEqual({ errMsg: 'setStorage:ok' });
  expect(await after).toEqual({ errMsg: 'setStorage:ok' });
  expect((await read).data).toBe('for B');
  expect(await info).toMatchObject({ appId: b, appTitle: 'Bee', errMsg: 'getAppletInfo:ok' });
  const readerA = polyfill.createFt({ config: { appId: a } });
  expect((await readerA.ft.getStorage({ key: 'k' })).data).toBe('for A');
  expect(problems).toEqual([]);
});

test('configure then getAppletInfo, navigateTo and canNavigateBack: each sees the new configuration', async () => {
  const app = { pages: ['pages/home/index', 'pages/web/index', 'pages/detail/index'] };
  const { ft, host } = await freshFt();
  host.configure({ appId: appId('nav'), appInfo: { appTitle: 'Shop' }, app, stack: ['pages/home/index', 'pages/web/index'] });
  const info = ft.getAppletInfo();
  const back = ft.canNavigateBack();
  const pushed = ft.miniProgram.navigateTo({ url: '/pages/detail/index?id=7' });
  const missing = ft.miniProgram.navigateTo({ url: '/pages/nowhere/index' }).catch((e) => e);
  expect((await info).appTitle).toBe('Shop');
  expect(await back).toEqual({ canNavigateBack: true, errMsg: 'canNavigateBack:ok' });
  expect(await pushed).toEqual({ errMsg: 'invokeMiniProgramAPI:ok' });
  expect(await missing).toEqual({ errMsg: 'invokeMiniProgramAPI:fail page "pages/nowhere/index" is not found' });
  // The push was applied to the new stack and not wiped by the configuration.
  expect(host.stack().map((p) => p.url)).toEqual(['pages/home/index', 'pages/web/index', 'pages/detail/index?id=7']);
  expect(problems).toEqual([]);
});

test('host controls and ftHost.ready made after configure act on the new configuration', async () => {
  const { host } = await freshFt();
  host.configure({ appId: appId('ctl'), stack: ['pages/a/index', 'pages/b/index', 'pages/web/index'] });
  await host.ready;
  expect(host.stack().length).toBe(3);
  host.configure({ stack: ['pages/a/index', 'pages/b/index', 'pages/web/index'] });
  const back = host.back();
  expect(await back).toEqual({ ok: true });
  expect(host.stack().map((p) => p.route)).toEqual(['pages/a/index', 'pages/b/index']);
});

test('reset without await, then calls: storage, listeners and stack start fresh for those calls', async () => {
  const { ft, host } = await freshFt({ stack: ['pages/a/index', 'pages/web/index'] });
  await ft.setStorage({ key: 'left', data: 1 });
  const seen = [];
  host.on('call', (c) => seen.push(c.api));
  host.reset();
  const read = ft.getStorage({ key: 'left' }).catch((e) => e);
  const info = ft.getStorageInfo();
  expect(await read).toEqual({ errMsg: 'getStorage:fail data not found' });
  expect((await info).keys).toEqual([]);
  await host.ready;
  expect(seen).not.toContain('getStorageInfo');   // the 'call' listener went with the reset
  expect(host.calls().map((c) => c.api)).toEqual(['getStorage', 'getStorageInfo']);
  expect(problems).toEqual([]);
});

test('many appId switches interleaved with fire-and-forget writes: each lands in its app, nothing throws', async () => {
  const ids = [appId('x'), appId('y'), appId('z')];
  const { ft, host } = await freshFt({ appId: ids[0] });
  const pending = [];
  for (let round = 0; round < 3; round++) {
    for (const id of ids) {
      host.configure({ appId: id });
      pending.push(ft.setStorage({ key: `r${round}`, data: id }));
      ft.setStorage({ key: 'last', data: `${id}:${round}` });   // fire and forget
    }
  }
  const settled = await Promise.allSettled(pending);
  expect(settled.filter((s) => s.status !== 'fulfilled')).toEqual([]);
  await host.flushed();
  for (const id of ids) {
    const reader = polyfill.createFt({ config: { appId: id } });
    const { keys } = await reader.ft.getStorageInfo();
    expect(keys.sort()).toEqual(['last', 'r0', 'r1', 'r2']);
    expect((await reader.ft.getStorage({ key: 'r2' })).data).toBe(id);
    expect((await reader.ft.getStorage({ key: 'last' })).data).toBe(`${id}:2`);
  }
  expect(problems).toEqual([]);
});

describe('an app.json that cannot be used is an error, not a silent "every page exists"', () => {
  /** @type {import('node:http').Server} */ let server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/bad.json') { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{ "pages": [ '); return; }
      if (req.url === '/good.json') { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ pages: ['pages/index/index'] })); return; }
      res.writeHead(404); res.end();
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  test('ftHost.configure rejects for a missing or unparsable appJson, and says which', async () => {
    const { host } = await freshFt();
    await expect(host.configure({ appJson: `${base}/missing.json` })).rejects.toThrow(`appJson ${base}/missing.json could not be loaded: HTTP 404`);
    await expect(host.configure({ appJson: `${base}/bad.json` })).rejects.toThrow(/appJson .*bad\.json could not be parsed/);
    await expect(host.configure({ appJson: `${base}/good.json` })).resolves.toBeUndefined();
    expect(host.configError()).toBe('');
  });

  test('setupFt rejects for an appJson that cannot be loaded', async () => {
    // A global of its own, so this file's other tests keep theirs.
    const global = { __proto__: globalThis };
    await expect(kit.setupFt({ appId: appId('kit'), appJson: `${base}/missing.json` }, { global })).rejects.toThrow(/^setupFt: appJson .* could not be loaded: HTTP 404/);
  });
});

test('a core that cannot start fails every call, queued or later, with the reason (nothing waits forever)', async () => {
  const { ft, host } = polyfill.createFt({ config: { appId: appId('broken') }, loadCore: () => Promise.reject(new Error('WebAssembly blocked')) });
  const queued = ft.setStorage({ key: 'k', data: 1 }).catch((e) => e);
  const configured = host.configure({ appId: appId('broken-2') }).catch((e) => e.message);
  await expect(host.ready).rejects.toThrow('WebAssembly blocked');
  expect(await queued).toEqual({ errMsg: 'setStorage:fail internal error: the WebAssembly core could not start (WebAssembly blocked)' });
  expect(await configured).toBe('the WebAssembly core could not start (WebAssembly blocked)');
  await expect(ft.getStorage({ key: 'k' })).rejects.toEqual({ errMsg: 'getStorage:fail internal error: the WebAssembly core could not start (WebAssembly blocked)' });
  expect(await host.back()).toBeDefined();
  problems = problems.filter((p) => !p.includes('could not start') && !p.includes('internal error'));
  expect(problems).toEqual([]);
});
