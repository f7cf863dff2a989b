// Page-stack navigation APIs through the JS pipeline against the real core (Node, CJS build): errMsg prefix, argument errors, route events.
import { jest } from '@jest/globals';
import { freshFt, callWithCallbacks } from '../helpers/node.js';

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
  await expect(ft.miniProgram.navigateBack({ delta: 'x' })).rejects.toEqual({ errMsg: 'invokeMiniProgramAPI:fail parameter error: parameter.delta should be Number instead of String;' });
  await expect(ft.miniProgram.navigateToMiniProgram({ appId: '' })).rejects.toHaveProperty('errMsg', expect.stringMatching(/^invokeMiniProgramAPI:fail parameter error/));
  const cyclic = {}; cyclic.self = cyclic;
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  expect(() => ft.miniProgram.postMessage(cyclic)).not.toThrow();
  await new Promise((r) => setTimeout(r, 10));
  expect(warn.mock.calls[0][0]).toMatch(/^ft\.miniProgram\.postMessage: postMessage:fail parameter error: message is not serialisable \(/);
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

test('titles and queries with lone surrogates reach the host exactly (one lone-surrogate policy, core-wire.js)', async () => {
  const { ft, host } = await freshFt({ app: APP });
  const odd = ['\ud800', 'a\udc00b', '\uffff', '\uffffd800'];
  const titles = [];
  for (const s of odd) {
    await ft.setNavigationBarTitle({ title: `t${s}` });
    titles.push(host.title());
  }
  expect(titles).toEqual(odd.map((s) => `t${s}`));
  await ft.miniProgram.navigateTo({ url: `/pages/list/list?q=${odd[1]}` });
  expect(host.stack()[1].query).toEqual({ q: odd[1] });
  await expect(ft.miniProgram.navigateTo({ url: `/pages/none${odd[0]}` })).rejects.toMatchObject({ errMsg: `invokeMiniProgramAPI:fail page "pages/none${odd[0]}" is not found` });
});
