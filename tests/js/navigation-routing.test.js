// Route urls and the page's routing calls against the real core (behaviour.md §3.6, §3.8).
import { ROUTING_APP as APP, ROUTING_STACK as STACK } from '../helpers/apps.js';
import { freshFt } from '../helpers/node.js';

/** The errMsg a call settles with, success or failure. @param {Promise<any>} p */
const errMsg = (p) => p.then((r) => r.errMsg, (e) => e.errMsg);

test("a root-less app.json path ('pages/detail/index') opens that page when the relative reading names none", async () => {
  const { ft, host } = await freshFt({ app: APP, stack: STACK });
  // What H5 code written for FinClip hosts produces from '../detail/index'.
  expect(await errMsg(ft.miniProgram.navigateTo({ url: 'pages/detail/index?id=7' }))).toBe('invokeMiniProgramAPI:ok');
  expect(host.stack().map((p) => p.url)).toEqual(['pages/index/index', 'pages/web/index', 'pages/detail/index?id=7']);
  expect(await errMsg(ft.miniProgram.redirectTo({ url: 'pages/cart/index' }))).toBe('invokeMiniProgramAPI:ok');
  expect(await errMsg(ft.miniProgram.switchTab({ url: 'pages/mine/index' }))).toBe('invokeMiniProgramAPI:ok');
  expect(host.stack().map((p) => p.url)).toEqual(['pages/mine/index']);
});

test('the relative reading comes first; a path that names no page fails with it', async () => {
  const { ft, host } = await freshFt({ app: APP, stack: STACK });
  expect(await errMsg(ft.miniProgram.navigateTo({ url: '../detail/index' }))).toBe('invokeMiniProgramAPI:ok');
  expect(host.stack()[2].route).toBe('pages/detail/index');
  await ft.miniProgram.navigateBack();
  expect(await errMsg(ft.miniProgram.navigateTo({ url: 'pages/nope/index' })))
    .toBe('invokeMiniProgramAPI:fail page "pages/web/pages/nope/index" is not found');
  expect(await errMsg(ft.miniProgram.navigateTo({ url: './pages/detail/index' })))
    .toBe('invokeMiniProgramAPI:fail page "pages/web/pages/detail/index" is not found');
  expect(host.stack().map((p) => p.url)).toEqual(STACK);
});

test('an encoded path is not decoded: %2Fpages%2Fmine%2Findex is not found', async () => {
  const { ft, host } = await freshFt({ app: APP, stack: STACK });
  for (const api of ['navigateTo', 'redirectTo', 'reLaunch']) {
    expect(await errMsg(ft.miniProgram[api]({ url: '%2Fpages%2Fmine%2Findex' })))
      .toBe('invokeMiniProgramAPI:fail page "pages/web/%2Fpages%2Fmine%2Findex" is not found');
  }
  expect(await errMsg(ft.miniProgram.navigateTo({ url: '/pages%2Fdetail%2Findex' })))
    .toBe('invokeMiniProgramAPI:fail page "pages%2Fdetail%2Findex" is not found');
  expect(host.stack().map((p) => p.url)).toEqual(STACK);
});

test('on a one-page stack navigateBack fails for any delta and keeps the postMessage buffer', async () => {
  const { ft, host } = await freshFt({ app: APP, stack: ['pages/web/index'] });
  /** @type {unknown[]} */
  const delivered = [];
  host.on('message', (/** @type {any} */ m) => delivered.push(m.detail.data));
  ft.miniProgram.postMessage({ data: { kept: true } });
  for (const delta of [undefined, 1, 0, -1, 2, 10, 1e9]) {
    const options = delta === undefined ? {} : { delta };
    expect(await errMsg(ft.miniProgram.navigateBack(options))).toBe('invokeMiniProgramAPI:fail cannot navigate back at first page');
  }
  expect(await host.back()).toEqual({ ok: false, reason: 'cannot navigate back at first page' });
  expect(await host.back(5)).toEqual({ ok: false, reason: 'cannot navigate back at first page' });
  expect(delivered).toEqual([]);
  expect(host.state().pendingMessages).toBe(1);
  expect(host.state().webview.alive).toBe(true);
  await host.share();
  expect(delivered).toEqual([[{ kept: true }]]);
});

// §3.8: whatever closed the web-view page, every routing call from it fails the same way.
const CLOSERS = {
  'navigateBack': ({ ft }) => ft.miniProgram.navigateBack(),
  'redirectTo': ({ ft }) => ft.miniProgram.redirectTo({ url: '/pages/detail/index' }),
  'reLaunch': ({ ft }) => ft.miniProgram.reLaunch({ url: '/pages/detail/index' }),
  'switchTab': ({ ft }) => ft.miniProgram.switchTab({ url: '/pages/mine/index' }),
  'close': ({ ft }) => ft.miniProgram.close(),
  'navigateBackMiniProgram': ({ ft }) => ft.miniProgram.navigateBackMiniProgram({}),
  'ftHost.back': ({ host }) => host.back(),
  'ftHost.destroy': ({ host }) => host.destroy(),
  'ftHost.switchTab': ({ host }) => host.switchTab('/pages/mine/index'),
};

test.each(Object.keys(CLOSERS))('after %s closed the web-view page, every routing call fails web-view page is closed', async (closer) => {
  const instance = await freshFt({ app: APP, stack: STACK, callers: ['wxcaller'] });
  const { ft, host } = instance;
  await CLOSERS[closer](instance);
  expect(host.state().webview.alive).toBe(false);
  const stack = host.stack();
  const closed = 'invokeMiniProgramAPI:fail web-view page is closed';
  expect({
    navigateTo: await errMsg(ft.miniProgram.navigateTo({ url: '/pages/detail/index' })),
    rootless: await errMsg(ft.miniProgram.navigateTo({ url: 'pages/detail/index' })),
    redirectTo: await errMsg(ft.miniProgram.redirectTo({ url: '/pages/detail/index' })),
    switchTab: await errMsg(ft.miniProgram.switchTab({ url: '/pages/index/index' })),
    reLaunch: await errMsg(ft.miniProgram.reLaunch({ url: '/pages/web/index' })),
    navigateBack: await errMsg(ft.miniProgram.navigateBack({ delta: 1 })),
    navigateToMiniProgram: await errMsg(ft.miniProgram.navigateToMiniProgram({ appId: 'wxother' })),
    navigateBackMiniProgram: await errMsg(ft.miniProgram.navigateBackMiniProgram({})),
    close: await errMsg(ft.miniProgram.close()),
  }).toEqual({
    navigateTo: closed, rootless: closed, redirectTo: closed, switchTab: closed, reLaunch: closed, navigateBack: closed,
    navigateToMiniProgram: closed, navigateBackMiniProgram: closed, close: 'close:fail web-view page is closed',
  });
  expect(host.stack()).toEqual(stack);
});
