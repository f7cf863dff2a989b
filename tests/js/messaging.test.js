// Messaging APIs (callNativeAPI, the web-view load timeout) and ftHost.reset's new host, against the real core (Node, CJS build).
import { freshFt, polyfill } from '../helpers/node.js';

test('callNativeAPI answers: object fields, other values as data, a throwing handler fails', async () => {
  const { ft, host } = await freshFt();
  await host.registerNativeAPI('obj', (d) => ({ echo: d }));
  await host.registerNativeAPI('num', () => 7);
  await host.registerNativeAPI('bad', () => { throw new Error('scanner busy'); });
  expect(await ft.callNativeAPI('obj', { a: 1 })).toEqual({ echo: { a: 1 }, errMsg: 'callNativeAPI:ok' });
  expect(await ft.callNativeAPI('num')).toEqual({ data: 7, errMsg: 'callNativeAPI:ok' });
  await expect(ft.callNativeAPI('bad')).rejects.toEqual({ errMsg: 'callNativeAPI:fail scanner busy' });
  expect(await host.registerNativeAPI('x', 'not a function')).toEqual({ ok: false, reason: 'handler should be a function' });
});

test('ftHost.reset starts from a new host: page listeners and host APIs are gone', async () => {
  const { ft, host } = await freshFt();
  if (typeof host.reset !== 'function') return;
  const got = [];
  ft.miniProgram.onWebviewEvent((d) => got.push(d));
  await host.registerNativeAPI('scan', () => ({}));
  await new Promise((r) => setTimeout(r, 0));
  expect((await host.sendWebviewEvent(1)).listeners).toBe(1);
  await host.reset();
  expect((await host.sendWebviewEvent(2)).listeners).toBe(0);
  await expect(ft.callNativeAPI('scan')).rejects.toEqual({ errMsg: 'callNativeAPI:fail api scan not found' });
  expect(got).toEqual([1]);
});

test('the webview timeout fires in Node too, and not after complete()', async () => {
  const { host } = await freshFt({ webviewTimeout: 50 });
  const fired = [];
  host.on('timeout', (e) => fired.push(e.detail.timeout));
  await new Promise((r) => setTimeout(r, 120));
  expect(fired).toEqual([50]);
  const second = await freshFt({ webviewTimeout: 50 });
  const none = [];
  second.host.on('timeout', () => none.push(1));
  second.ft.complete();
  await new Promise((r) => setTimeout(r, 120));
  expect(none).toEqual([]);
});

test('a webviewTimeout past 2^31-1 ms is clamped by the core, and the page\'s timer waits the core\'s value (never fires at once)', async () => {
  /** @type {number[]} */
  const delays = [];
  // The page's timers as the bridge sees them: the load timer's delay is recorded, not run.
  const global = { __proto__: globalThis, setTimeout: (/** @type {any} */ _fn, /** @type {number} */ ms) => { delays.push(ms); return 0; }, clearTimeout: () => {} };
  const { host } = polyfill.createFt({ global, config: { appId: `jest-${process.pid}-clamp`, webviewTimeout: 1e300 } });
  await host.ready;
  expect(host.state().webviewTimeout).toBe(2147483647);
  expect(delays).toEqual([2147483647]);
  await host.configure({ appId: `jest-${process.pid}-clamp`, webviewTimeout: 4294967296 });
  expect(delays).toEqual([2147483647, 2147483647]);
  await host.configure({ appId: `jest-${process.pid}-clamp`, webviewTimeout: 0 });
  expect(host.state().webviewTimeout).toBe(0);
  expect(delays).toHaveLength(2);
  await host.dispose();
});
