// The runtime's life as one state machine (polyfill/lifecycle.js), on real instances (the built
// dist/ft-polyfill.cjs and its WebAssembly core, fake-indexeddb): the states a start, a
// configure, a reset and a dispose go through, the drained queue dispose waits on, a start that
// fails, and an event a state does not take surfacing as an error instead of being ignored.
import { jest } from '@jest/globals';
import { polyfill } from '../helpers/node.js';

const DISPOSED = 'ft-polyfill instance disposed (ftHost.dispose() was called)';
let counter = 0;
const appId = () => `lifecycle-${process.pid}-${++counter}`;
/** A few turns of the event loop (for asserting that something has not happened). */
const turns = async (n = 5) => { for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve)); };

test('idle, starting, ready, applying (a configure, a reset), disposing, disposed: each step where it happens', async () => {
  const { ft, host, runtime } = polyfill.createFt({ config: { appId: appId() } });
  expect(runtime.state).toBe('idle');
  const stored = ft.setStorage({ key: 'k', data: 1 });
  // A call needs the core: its set-up starts, and the call waits for it.
  expect(runtime.state).toBe('starting');
  await host.ready;
  expect(runtime.state).toBe('ready');
  await expect(stored).resolves.toEqual({ errMsg: 'setStorage:ok' });
  const configured = host.configure({ appId: appId() });
  expect(runtime.state).toBe('applying');
  // A call made meanwhile waits behind the barrier, then runs against the new appId's storage.
  const read = ft.getStorage({ key: 'k' }).catch((e) => e);
  await configured;
  expect(runtime.state).toBe('ready');
  expect(await read).toEqual({ errMsg: 'getStorage:fail data not found' });
  const reset = host.reset();
  expect(runtime.state).toBe('applying');
  await reset;
  expect(runtime.state).toBe('ready');
  const disposed = host.dispose();
  expect(runtime.state).toBe('disposing');
  await disposed;
  expect(runtime.state).toBe('disposed');
  expect(host.dispose()).toBe(disposed);
});

test('dispose waits for the queue to drain: a configure still being applied finishes first, calls after dispose fail at once', async () => {
  const { ft, host, runtime } = polyfill.createFt({ config: { appId: appId() } });
  await host.ready;
  /** @type {() => void} */
  let open = () => {};
  const gate = new Promise((resolve) => { open = () => resolve(undefined); });
  // A concern whose reset work takes its time (as an appJson fetch does).
  runtime.onReset(() => gate);
  const order = [];
  const configured = host.configure({ appId: appId() }).then(() => order.push('configured'));
  const queued = ft.setStorage({ key: 'k', data: 2 }).then((r) => order.push(r.errMsg));
  const disposed = host.dispose().then(() => order.push('disposed'));
  expect(runtime.state).toBe('disposing');
  await expect(ft.getStorage({ key: 'k' })).rejects.toEqual({ errMsg: `getStorage:fail ${DISPOSED}` });
  await turns();
  expect(order).toEqual([]);
  expect(runtime.queue.length).toBeGreaterThan(0);
  open();
  await disposed;
  await Promise.all([configured, queued]);
  expect(order).toEqual(['configured', 'setStorage:ok', 'disposed']);
  expect(runtime.state).toBe('disposed');
  expect(runtime.queue).toEqual([]);
});

test('disposed while the core starts: the core comes up, what was queued runs, then everything is released', async () => {
  const { ft, host, runtime } = polyfill.createFt({ config: { appId: appId() } });
  const stored = ft.setStorage({ key: 'k', data: 3 });
  expect(runtime.state).toBe('starting');
  const disposed = host.dispose();
  expect(runtime.state).toBe('disposing');
  await expect(stored).resolves.toEqual({ errMsg: 'setStorage:ok' });
  await disposed;
  expect(runtime.state).toBe('disposed');
  expect(runtime.handles).toBeNull();
});

test('a start that fails: failed, every call fails with the reason; dispose still ends it', async () => {
  const { ft, host, runtime } = polyfill.createFt({ config: { appId: appId() }, loadCore: () => Promise.reject(new Error('no WebAssembly here')) });
  const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const queued = ft.getStorage({ key: 'k' }).catch((e) => e);
    await expect(host.ready).rejects.toThrow('no WebAssembly here');
    expect(runtime.state).toBe('failed');
    expect(await queued).toEqual({ errMsg: 'getStorage:fail internal error: the WebAssembly core could not start (no WebAssembly here)' });
    await expect(host.reset()).rejects.toThrow('the WebAssembly core could not start (no WebAssembly here)');
    expect(runtime.state).toBe('failed');
    await host.dispose();
    expect(runtime.state).toBe('disposed');
  } finally {
    errors.mockRestore();
  }
});

test('a transition the table does not list throws and leaves the state as it was (a bug surfaces, it is not ignored)', async () => {
  const { host, runtime } = polyfill.createFt({ config: { appId: appId() } });
  expect(() => runtime.to('ready')).toThrow('ft-polyfill lifecycle: idle to ready');
  expect(runtime.state).toBe('idle');
  await host.ready;
  expect(() => runtime.to('starting')).toThrow('ft-polyfill lifecycle: ready to starting');
  expect(() => runtime.to('disposed')).toThrow('ft-polyfill lifecycle: ready to disposed');
  expect(runtime.state).toBe('ready');
  await host.dispose();
  for (const next of ['idle', 'starting', 'ready', 'applying', 'failed', 'disposing', 'disposed']) {
    expect(() => runtime.to(next)).toThrow(`ft-polyfill lifecycle: disposed to ${next}`);
  }
  expect(runtime.state).toBe('disposed');
});
