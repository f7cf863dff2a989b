// Lifetimes (ftHost.dispose), in the style of manifold's wasm memory test: instances created and
// disposed, and many settled calls, leave nothing behind: no Embind handle undeleted, no grown wasm
// heap after a warm-up, no listener or Module kept alive. Real core (the built glue, the built
// dist/ft-polyfill.cjs) with fake-indexeddb; "kept alive" is measured with the garbage collector
// (V8's gc, exposed to this test) and FinalizationRegistry, counted in rounds, never timed.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { polyfill } from '../helpers/node.js';

const require = createRequire(import.meta.url);
const createFtCore = require('../../build/wasm/ft-core-node.cjs');
setFlagsFromString('--expose-gc');
/** @type {() => void} */
const gc = runInNewContext('gc');

const DISPOSED = 'ft-polyfill instance disposed (ftHost.dispose() was called)';
let counter = 0;
const appId = () => `lifetime-${process.pid}-${++counter}`;

/** Collects until `done()` or 50 rounds (each: a full GC, then a turn of the event loop for finalizers). */
async function collect(done = () => false) {
  for (let round = 0; round < 50 && !done(); round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * A loadCore that counts the Embind objects the polyfill makes: every Module.Host, Storage and
 * FileRegistry is the real class, constructed through a Proxy that remembers the handle.
 * @param {any} Module
 */
function counting(Module) {
  /** @type {any[]} */
  const handles = [];
  for (const name of ['Host', 'Storage', 'FileRegistry']) {
    const real = Module[name];
    Module[name] = new Proxy(real, {
      construct(target, args) {
        const handle = new target(...args);
        handles.push(handle);
        return handle;
      },
    });
  }
  return handles;
}

/** Calls an options-style interface, resolving with its callback's result once complete. */
const settled = (fn, options) => new Promise((resolve) => {
  let result;
  fn({ ...options, success: (r) => { result = r; }, fail: (r) => { result = r; }, complete: () => resolve(result) });
});

/** A temp file and a saved file (the instance makes its FileRegistry; the save runs under the tab lock). */
async function touchFiles(ft, host) {
  host.mock('downloadFile', { data: 'hello', statusCode: 200 });
  expect(await settled(ft.downloadFile, { url: 'https://example.com/a.txt' })).toMatchObject({ statusCode: 200 });
  expect(await settled(ft.downloadFile, { url: 'https://example.com/a.txt', filePath: 'saved/a.txt' })).toMatchObject({ filePath: expect.any(String) });
}

describe('ftHost.dispose', () => {
  test('releases every Embind handle the instance made; emval handles back to their count', async () => {
    const Module = await createFtCore();
    const handles = counting(Module);
    const emvals = Module.count_emval_handles();
    for (let i = 0; i < 5; i++) {
      const { ft, host } = polyfill.createFt({ loadCore: async () => Module, config: { appId: appId() } });
      await host.ready;
      await ft.setStorage({ key: 'k', data: { i } });
      await touchFiles(ft, host);
      await host.configure({ appId: appId() });  // an appId switch makes a second Storage
      await host.reset();                         // a full reset makes a second Module.Host
      await host.dispose();
    }
    expect(handles.length).toBeGreaterThanOrEqual(5 * 4);
    expect(handles.filter((h) => !h.isDeleted())).toEqual([]);
    expect(Module.count_emval_handles()).toBe(emvals);
  });

  test('every call after it fails cleanly with the reason; calls made before it still run', async () => {
    const { ft, host, runtime } = polyfill.createFt({ config: { appId: appId() } });
    const before = ft.setStorage({ key: 'k', data: 1 });
    const disposed = host.dispose();
    await expect(before).resolves.toEqual({ errMsg: 'setStorage:ok' });
    await disposed;
    await expect(ft.getStorage({ key: 'k' })).rejects.toEqual({ errMsg: `getStorage:fail ${DISPOSED}` });
    await expect(ft.miniProgram.getEnv()).rejects.toEqual({ errMsg: `getEnv:fail ${DISPOSED}` });
    expect(() => ft.miniProgram.onWebviewEvent(() => {})).not.toThrow();
    await expect(host.back()).resolves.toEqual({ ok: false, reason: DISPOSED });
    await expect(host.registerNativeAPI('scan', () => 1)).resolves.toEqual({ ok: false, reason: DISPOSED });
    await expect(host.configure({ appId: 'other' })).rejects.toThrow(DISPOSED);
    await expect(host.reset()).rejects.toThrow(DISPOSED);
    await expect(host.callJS('x')).rejects.toThrow(DISPOSED);
    await expect(host.flushed()).rejects.toThrow(DISPOSED);
    await expect(host.ready).resolves.toBeUndefined();
    expect(host.stack()).toEqual([]);
    expect(host.state()).toBeNull();
    expect(runtime.listeners.size).toBe(0);
    expect(host.dispose()).toBe(disposed);
  });

  test('an instance disposed before its core started never loads it', async () => {
    let loads = 0;
    const { ft, host } = polyfill.createFt({ loadCore: async () => { loads++; return createFtCore(); }, config: { appId: appId() } });
    await host.dispose();
    await expect(ft.getStorage({ key: 'k' })).rejects.toEqual({ errMsg: `getStorage:fail ${DISPOSED}` });
    await host.ready;
    expect(loads).toBe(0);
  });

  test('100 instances created and disposed on one core: the wasm heap does not grow after a warm-up', async () => {
    const Module = await createFtCore();
    const handles = counting(Module);
    // 256 KB per instance: 100 instances that kept their Storage would hold 25 MB, past the
    // 16 MB the heap starts with.
    const value = 'x'.repeat(256 * 1024);
    const cycle = async () => {
      const { ft, host, runtime } = polyfill.createFt({ loadCore: async () => Module, config: { appId: appId() } });
      await host.ready;
      host.on('call', () => {});
      await ft.setStorage({ key: 'big', data: value });
      ft.miniProgram.onWebviewEvent(() => {});
      ft.onNativeAPIHandler('scan', () => 1);
      await host.dispose();
      expect(runtime.listeners.size).toBe(0);
    };
    for (let i = 0; i < 5; i++) await cycle();
    const heap = Module.HEAP8.buffer.byteLength;
    for (let i = 0; i < 100; i++) await cycle();
    expect(Module.HEAP8.buffer.byteLength).toBe(heap);
    expect(handles.filter((h) => !h.isDeleted())).toEqual([]);
  });

  test('100 independent instances (each its own core) created and disposed are all collected', async () => {
    let collected = 0;
    const registry = new FinalizationRegistry(() => { collected++; });
    for (let i = 0; i < 100; i++) {
      const { ft, host, runtime } = polyfill.createFt({ config: { appId: appId() } });
      await host.ready;
      await ft.setStorage({ key: 'k', data: i });
      ft.miniProgram.onWebviewEvent(() => {});
      registry.register(runtime.core().Module, i);
      await host.dispose();
    }
    await collect(() => collected === 100);
    expect(collected).toBe(100);
  });
});

describe('10,000 settled calls', () => {
  test('storage, listener and handler pairs grow neither the wasm heap nor the listener registries', async () => {
    const Module = await createFtCore();
    const { ft, host } = polyfill.createFt({ loadCore: async () => Module, config: { appId: appId() } });
    await host.ready;
    let released = 0;
    const registry = new FinalizationRegistry(() => { released++; });
    const round = async (n, track) => {
      for (let i = 0; i < n; i++) {
        await ft.setStorage({ key: `k${i % 10}`, data: { i, text: 'v'.repeat(i % 100) } });
        await ft.getStorage({ key: `k${i % 10}` });
        const listener = () => {};
        ft.miniProgram.onWebviewEvent(listener);
        ft.miniProgram.offWebviewEvent(listener);
        const handler = () => i;
        ft.onNativeAPIHandler('scan', handler);
        ft.offNativeAPIHandler('scan', handler);
        if (track) {
          registry.register(listener, 'listener');
          registry.register(handler, 'handler');
        }
      }
    };
    await round(500, false);
    const heap = Module.HEAP8.buffer.byteLength;
    const emvals = Module.count_emval_handles();
    await round(10000, true);
    expect(Module.HEAP8.buffer.byteLength).toBe(heap);
    expect(Module.count_emval_handles()).toBe(emvals);
    // The call log keeps the newest CALL_LOG_LIMIT (1000) calls with their arguments: calls
    // without functions push the last listeners out of it.
    for (let i = 0; i < 1000; i++) ft.miniProgram.getEnv();
    // Every removed listener and handler is released: the garbage collector gets them all.
    await collect(() => released === 20000);
    expect(released).toBe(20000);
    expect(host.calls().length).toBe(1000);
    await host.dispose();
  }, 180000);
});
