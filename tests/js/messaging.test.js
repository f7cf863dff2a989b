// Messaging APIs (callNativeAPI, the web-view load timeout) and ftHost.reset's new host, against the real core (Node, CJS build).
import { freshFt } from '../helpers/node.js';

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
