// The JS pipeline of the host-routed and messaging APIs against the real core (Node, CJS build).
import { jest } from '@jest/globals';
import { freshFt, callWithCallbacks } from './helpers.js';

const APP = { pages: ['pages/index/index', 'pages/list/list', 'pages/cart/cart'], tabBar: { list: [{ pagePath: 'pages/index/index' }, { pagePath: 'pages/cart/cart' }] } };

test('route APIs report invokeMiniProgramAPI and call fail/complete once, asynchronously', async () => {
  const { ft, host } = await freshFt({ app: APP });
  const seen = callWithCallbacks(ft.miniProgram.navigateTo, { url: '/pages/cart/cart' });
  const ok = callWithCallbacks(ft.miniProgram.navigateTo, { url: '/pages/list/list?a=%20b' });
  expect(await seen).toEqual([
    ['fail', { errMsg: 'invokeMiniProgramAPI:fail can not navigateTo a tabbar page' }],
    ['complete', { errMsg: 'invokeMiniProgramAPI:fail can not navigateTo a tabbar page' }],
  ]);
  expect((await ok)[0]).toEqual(['success', { errMsg: 'invokeMiniProgramAPI:ok' }]);
  expect(host.stack()).toEqual([
    { route: 'pages/index/index', query: {}, url: 'pages/index/index' },
    { route: 'pages/list/list', query: { a: '%20b' }, url: 'pages/list/list?a=%20b' },
  ]);
  const calls = host.calls().map((c) => [c.api, c.result.errMsg]);
  expect(calls).toContainEqual(['miniProgram.navigateTo', 'invokeMiniProgramAPI:ok']);
});

test('wrong arguments fail with parameter errors, never throw', async () => {
  const { ft } = await freshFt();
  await expect(ft.miniProgram.navigateBack({ delta: 'x' })).rejects.toEqual({ errMsg: 'invokeMiniProgramAPI:fail parameter error: parameter.delta should be Number instead of String' });
  await expect(ft.miniProgram.navigateToMiniProgram({ appId: '' })).rejects.toHaveProperty('errMsg', expect.stringMatching(/^invokeMiniProgramAPI:fail parameter error/));
  const cyclic = {}; cyclic.self = cyclic;
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  expect(() => ft.miniProgram.postMessage(cyclic)).not.toThrow();
  await new Promise((r) => setTimeout(r, 10));
  expect(warn.mock.calls[0][0]).toMatch(/^ft\.miniProgram\.postMessage: postMessage:fail parameter error: message can not be serialized/);
  warn.mockRestore();
  await expect(ft.callNativeAPI(42)).rejects.toHaveProperty('errMsg', expect.stringMatching(/^callNativeAPI:fail parameter error: parameter\.name should be String/));
});

test('route events, postMessage delivery before unload, and ftHost.configure resets the stack', async () => {
  const { ft, host } = await freshFt({ stack: ['pages/a/a', 'pages/web/web'] });
  const events = [];
  host.on('route', (r) => events.push(['route', r.action, r.stack.length]));
  host.on('message', (m) => events.push(['message', m.detail.data]));
  ft.miniProgram.onUnload(() => events.push(['unload']));
  ft.miniProgram.postMessage({ data: { n: 1 } });
  await ft.miniProgram.navigateBack();
  expect(events).toEqual([['message', [{ n: 1 }]], ['unload'], ['route', 'navigateBack', 1]]);
  await expect(ft.canNavigateBack()).rejects.toEqual({ errMsg: 'canNavigateBack:fail web-view page is closed' });
  await host.configure({ stack: ['pages/x/x', 'pages/y/y'] });
  expect(host.stack().map((p) => p.url)).toEqual(['pages/x/x', 'pages/y/y']);
  expect(await ft.canNavigateBack()).toEqual({ canNavigateBack: true, errMsg: 'canNavigateBack:ok' });
});

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
  const { ft, host } = await freshFt({ webviewTimeout: 50 });
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
