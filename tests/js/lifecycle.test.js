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

test('idle, starting, ready, configuring, resetting, disposing, disposed: each step where it happens', async () => {
  const { ft, host, runtime } = polyfill.createFt({ config: { appId: appId() } });
  const life = runtime.life;
  expect(life.state).toBe('idle');
  const stored = ft.setStorage({ key: 'k', data: 1 });
  // A call needs the core: its set-up starts, and the call waits for it.
  expect(life.state).toBe('starting');
  await host.ready;
  expect(life.state).toBe('ready');
  await expect(stored).resolves.toEqual({ errMsg: 'setStorage:ok' });
  const configured = host.configure({ appId: appId() });
  expect(life.state).toBe('configuring');
  // A call made meanwhile waits behind the barrier, then runs against the new appId's storage.
  const read = ft.getStorage({ key: 'k' }).catch((e) => e);
  await configured;
  expect(life.state).toBe('ready');
  expect(await read).toEqual({ errMsg: 'getStorage:fail data not found' });
  const reset = host.reset();
  expect(life.state).toBe('resetting');
  await reset;
  expect(life.state).toBe('ready');
  const disposed = host.dispose();
  expect(life.state).toBe('disposing');
  await disposed;
  expect(life.state).toBe('disposed');
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
  expect(runtime.life.state).toBe('disposing');
  await expect(ft.getStorage({ key: 'k' })).rejects.toEqual({ errMsg: `getStorage:fail ${DISPOSED}` });
  await turns();
  expect(order).toEqual([]);
  expect(runtime.life.queue.length).toBeGreaterThan(0);
  open();
  await disposed;
  await Promise.all([configured, queued]);
  expect(order).toEqual(['configured', 'setStorage:ok', 'disposed']);
  expect(runtime.life.state).toBe('disposed');
  expect(runtime.life.queue).toEqual([]);
});

test('disposed while the core starts: the core comes up, what was queued runs, then everything is released', async () => {
  const { ft, host, runtime } = polyfill.createFt({ config: { appId: appId() } });
  const stored = ft.setStorage({ key: 'k', data: 3 });
  expect(runtime.life.state).toBe('starting');
  const disposed = host.dispose();
  expect(runtime.life.state).toBe('disposing');
  await expect(stored).resolves.toEqual({ errMsg: 'setStorage:ok' });
  await disposed;
  expect(runtime.life.state).toBe('disposed');
  expect(runtime.handles).toBeNull();
});

test('a start that fails: failed, every call fails with the reason; dispose still ends it', async () => {
  const { ft, host, runtime } = polyfill.createFt({ config: { appId: appId() }, loadCore: () => Promise.reject(new Error('no WebAssembly here')) });
  const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const queued = ft.getStorage({ key: 'k' }).catch((e) => e);
    await expect(host.ready).rejects.toThrow('no WebAssembly here');
    expect(runtime.life.state).toBe('failed');
    expect(await queued).toEqual({ errMsg: 'getStorage:fail internal error: the WebAssembly core could not start (no WebAssembly here)' });
    await expect(host.reset()).rejects.toThrow('the WebAssembly core could not start (no WebAssembly here)');
    expect(runtime.life.state).toBe('failed');
    await host.dispose();
    expect(runtime.life.state).toBe('disposed');
  } finally {
    errors.mockRestore();
  }
});

test('an event the state does not take throws and leaves the state as it was (a bug surfaces, it is not ignored)', async () => {
  const { host, runtime } = polyfill.createFt({ config: { appId: appId() } });
  const life = runtime.life;
  expect(() => life.to('up')).toThrow('ft-polyfill lifecycle: up in state idle');
  expect(life.state).toBe('idle');
  await host.ready;
  expect(() => life.to('start')).toThrow('ft-polyfill lifecycle: start in state ready');
  expect(() => life.to('applied')).toThrow('ft-polyfill lifecycle: applied in state ready');
  expect(life.state).toBe('ready');
  await host.dispose();
  for (const event of ['start', 'up', 'fail', 'configure', 'reset', 'applied', 'dispose', 'released']) {
    expect(() => life.to(event)).toThrow(`ft-polyfill lifecycle: ${event} in state disposed`);
  }
  expect(life.state).toBe('disposed');
});
