// The shared call pipeline (behaviour.md §1) against the real core.
import { API_TABLE } from '../../polyfill/api-table.js';
import { freshFt, callWithCallbacks, polyfill } from '../helpers/node.js';

describe('call pipeline', () => {
  test('every interface of the table exists, 37 in all', async () => {
    const { ft } = await freshFt();
    expect(API_TABLE).toHaveLength(37);
    for (const def of API_TABLE) {
      const owner = def.ns === 'ft' ? ft : ft.miniProgram;
      expect(typeof owner[def.name]).toBe('function');
    }
  });

  test('success then complete, once each, asynchronously, with the same object', async () => {
    const { ft } = await freshFt();
    let returned = false;
    const seen = callWithCallbacks((o) => { ft.getStorageInfo(o); returned = true; });
    expect(returned).toBe(true);
    const events = await seen;
    expect(events.map((e) => e[0])).toEqual(['success', 'complete']);
    expect(events[0][1]).toBe(events[1][1]);
    expect(events[0][1].errMsg).toBe('getStorageInfo:ok');
  });

  test('an options getter that throws when the call settles does not stop the calls after it', async () => {
    const { ft } = await freshFt();
    let reads = 0;
    const reported = [];
    const previous = globalThis.reportError;
    globalThis.reportError = (e) => reported.push(String(e));
    try {
      const hostile = { key: 'k', get success() { reads += 1; if (reads > 1) throw new Error('second read'); return () => {}; } };
      ft.getStorageInfo(hostile);
      const after = await ft.getStorageInfo();
      expect(after.errMsg).toBe('getStorageInfo:ok');
      expect(reported).toEqual(['Error: second read']);
    } finally {
      globalThis.reportError = previous;
    }
  });

  test('callbacks never run inside the call', async () => {
    const { ft } = await freshFt();
    let inside = true;
    const ran = new Promise((resolve) => ft.getStorageInfo({ success: () => resolve(inside) }));
    inside = false;
    expect(await ran).toBe(false);
  });

  test('a Promise without callbacks; undefined with them', async () => {
    const { ft } = await freshFt();
    const p = ft.setStorage({ key: 'k', data: 1 });
    expect(p).toBeInstanceOf(Promise);
    await expect(p).resolves.toEqual({ errMsg: 'setStorage:ok' });
    expect(ft.setStorage({ key: 'k', data: 1, complete() {} })).toBeUndefined();
    await expect(ft.getStorage({ key: 'nope' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' });
  });

  test('wrong argument types fail with the parameter error text and never throw', async () => {
    const { ft } = await freshFt();
    await expect(ft.getStorage({ key: 12 })).rejects.toEqual({
      errMsg: 'getStorage:fail parameter error: parameter.key should be String instead of Number;',
    });
    await expect(ft.getStorage({})).rejects.toEqual({
      errMsg: 'getStorage:fail parameter error: parameter.key should be String instead of Undefined;',
    });
    await expect(ft.getStorage('key')).rejects.toEqual({
      errMsg: 'getStorage:fail parameter error: parameter should be Object instead of String;',
    });
    const hostile = new Proxy({}, { ownKeys() { throw new Error('boom'); } });
    await expect(ft.getStorage(hostile)).rejects.toMatchObject({ errMsg: expect.stringMatching(/^getStorage:fail parameter error/) });
    // The runtime is alive afterwards.
    await expect(ft.setStorage({ key: 'alive', data: true })).resolves.toEqual({ errMsg: 'setStorage:ok' });
  });

  test('a callback that throws does not stop complete', async () => {
    const { ft } = await freshFt();
    const original = console.error;
    console.error = () => {};
    try {
      const completed = new Promise((resolve) => ft.getStorageInfo({ success() { throw new Error('page bug'); }, complete: resolve }));
      await expect(completed).resolves.toMatchObject({ errMsg: 'getStorageInfo:ok' });
    } finally {
      console.error = original;
    }
  });

  test('calls made before the core is ready are queued in order', async () => {
    const { ft, host } = polyfill.createFt({ config: { appId: `jest-queue-${process.pid}` } });
    const order = [];
    const a = ft.setStorage({ key: 'q', data: 'first' }).then(() => order.push('set'));
    const b = ft.getStorage({ key: 'q' }).then((r) => order.push(`get:${r.data}`));
    await Promise.all([a, b, host.ready]);
    expect(order.sort()).toEqual(['get:first', 'set']);
  });

  test('getEnv and __fcjs_environment', async () => {
    const fakeWindow = {};
    const { ft } = polyfill.installFt(fakeWindow);
    expect(fakeWindow.__fcjs_environment).toBe('miniprogram');
    const res = await new Promise((resolve) => ft.miniProgram.getEnv(resolve));
    expect(res).toEqual({ env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' });
  });

  test('getAppletInfo answers from the configured app info', async () => {
    const { ft } = await freshFt({ appId: 'wx-shop', appInfo: { appTitle: 'Shop', userId: 'dev1' } });
    await expect(ft.getAppletInfo()).resolves.toMatchObject({ appId: 'wx-shop', appTitle: 'Shop', userId: 'dev1', errMsg: 'getAppletInfo:ok' });
  });

  test('the call log records settled calls', async () => {
    const { ft, host } = await freshFt();
    const seen = [];
    host.on('call', (entry) => seen.push(entry.api));
    await ft.getStorageInfo();
    await ft.getStorage({ key: 'x' }).catch(() => {});
    expect(seen).toEqual(['getStorageInfo', 'getStorage']);
    const log = host.calls();
    expect(log.at(-1)).toMatchObject({ api: 'getStorage', result: { errMsg: 'getStorage:fail data not found' } });
    expect(typeof log.at(-1).time).toBe('number');
  });
});

test('getEnv answers before the core is up when nothing is queued, and keeps call order otherwise', async () => {
  const first = polyfill.createFt({ config: { appId: `jest-env-first-${process.pid}` } });
  let ready = false;
  first.host.ready.then(() => { ready = true; });
  const env = await new Promise((resolve) => first.ft.miniProgram.getEnv(resolve));
  expect(env.errMsg).toBe('getEnv:ok');
  expect(ready).toBe(false);  // answered without waiting for the WebAssembly core

  const second = polyfill.createFt({ config: { appId: `jest-env-second-${process.pid}` } });
  const order = [];
  second.ft.getStorage({ key: 'nope', complete: () => order.push('getStorage') });
  second.ft.miniProgram.getEnv(() => order.push('getEnv'));
  await second.host.ready;
  await new Promise((r) => setTimeout(r, 20));
  expect(order).toEqual(['getStorage', 'getEnv']);
  await first.host.ready;
});
