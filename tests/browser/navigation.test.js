// Page-stack navigation in real Chromium (behaviour.md §3), driven through `ft` and `ftHost`: stack limits, tabBar rules, routes, titles, mini-program jumps, canGoBack.
import { useChromium } from '../helpers/browser.js';
import { TEA_HOUSE as APP } from '../helpers/apps.js';

const suite = useChromium();
const { open } = suite;

test('navigateTo pushes; the eleventh page fails and leaves the stack unchanged', async () => {
  const page = await open({ stack: ['pages/index/index', 'pages/web/web'] });
  const out = await page.evaluate(async () => {
    const results = [];
    for (let i = 3; i <= 10; i++) results.push((await ft.miniProgram.navigateTo({ url: `/pages/p${i}/p${i}?i=${i}` })).errMsg);
    const before = ftHost.stack();
    const eleventh = await ft.miniProgram.navigateTo({ url: '/pages/p11/p11' }).catch((e) => e);
    const seen = await new Promise((resolve) => ft.miniProgram.navigateTo({ url: '/pages/p11/p11', fail: resolve }));
    return { results, before, after: ftHost.stack(), eleventh, seen };
  });
  expect(out.results).toEqual(Array(8).fill('invokeMiniProgramAPI:ok'));
  expect(out.before).toHaveLength(10);
  expect(out.eleventh).toEqual({ errMsg: 'invokeMiniProgramAPI:fail webview count limit exceed' });
  expect(out.seen.errMsg).toBe('invokeMiniProgramAPI:fail webview count limit exceed');
  expect(out.after).toEqual(out.before);
  expect(out.after[9]).toEqual({ route: 'pages/p10/p10', query: { i: '10' }, url: 'pages/p10/p10?i=10' });
  expect(page.errors).toEqual([]);
  await page.close();
});

test('tabBar rules: navigateTo/redirectTo a tab fail, switchTab to a non-tab fails, switchTab drops non-tab pages and the query', async () => {
  const page = await open({ app: APP, stack: ['pages/index/index', 'pages/list/list', 'pages/web/web'] });
  const out = await page.evaluate(async () => {
    const err = (p) => p.then((r) => r.errMsg, (e) => e.errMsg);
    return {
      nav: await err(ft.miniProgram.navigateTo({ url: '/pages/cart/cart' })),
      redirect: await err(ft.miniProgram.redirectTo({ url: '/pages/me/me' })),
      nonTab: await err(ft.miniProgram.switchTab({ url: '/pages/detail/detail' })),
      unknown: await err(ft.miniProgram.navigateTo({ url: '/pages/nope/nope?a=1' })),
      missing: await err(ft.miniProgram.navigateTo({})),
      stackBefore: ftHost.stack().map((p) => p.url),
      tab: await err(ft.miniProgram.switchTab({ url: '/pages/cart/cart?x=1' })),
      stackAfter: ftHost.stack(),
    };
  });
  expect(out.nav).toBe('invokeMiniProgramAPI:fail can not navigateTo a tabbar page');
  expect(out.redirect).toBe('invokeMiniProgramAPI:fail can not redirectTo a tabbar page');
  expect(out.nonTab).toBe('invokeMiniProgramAPI:fail can not switch to no-tabBar page');
  expect(out.unknown).toBe('invokeMiniProgramAPI:fail page "pages/nope/nope?a=1" is not found');
  expect(out.missing).toMatch(/^invokeMiniProgramAPI:fail parameter error: parameter\.url should be String/);
  expect(out.stackBefore).toEqual(['pages/index/index', 'pages/list/list', 'pages/web/web']);
  expect(out.tab).toBe('invokeMiniProgramAPI:ok');
  expect(out.stackAfter).toEqual([{ route: 'pages/cart/cart', query: {}, url: 'pages/cart/cart' }]);
  await page.close();
});

test('redirectTo replaces the top; reLaunch opens any page alone; relative urls and raw queries', async () => {
  const page = await open({ stack: ['pages/index/index', 'pages/goods/list'] });
  const out = await page.evaluate(async () => {
    await ft.miniProgram.navigateTo({ url: 'detail?id=1&name=%E8%8C%B6&x=a+b' });
    const afterRelative = ftHost.stack();
    await ft.miniProgram.redirectTo({ url: '../cart/cart?from=detail' });
    const afterRedirect = ftHost.stack().map((p) => p.url);
    await ft.miniProgram.reLaunch({ url: '/pages/me/me?tab=1' });
    return { afterRelative, afterRedirect, afterRelaunch: ftHost.stack().map((p) => p.url) };
  });
  expect(out.afterRelative[2]).toEqual({ route: 'pages/goods/detail', query: { id: '1', name: '%E8%8C%B6', x: 'a+b' }, url: 'pages/goods/detail?id=1&name=%E8%8C%B6&x=a+b' });
  expect(out.afterRedirect).toEqual(['pages/index/index', 'pages/goods/list', 'pages/cart/cart?from=detail']);
  expect(out.afterRelaunch).toEqual(['pages/me/me?tab=1']);
  await page.close();
});

test('navigateBack: delta 1 by default, clamps to the first page, fails on the first page', async () => {
  const page = await open({ stack: ['pages/a/a', 'pages/b/b', 'pages/c/c', 'pages/web/web'] });
  const out = await page.evaluate(async () => {
    await ft.miniProgram.navigateTo({ url: '/pages/x/x' });
    await ft.miniProgram.navigateTo({ url: '/pages/y/y' });
    const can = (await ft.canNavigateBack()).canNavigateBack;
    const one = await ftHost.back();
    const afterOne = ftHost.stack().length;
    const clamp = await ftHost.back(99);
    const first = await ftHost.back();
    return { can, one, afterOne, clamp, first, stack: ftHost.stack().map((p) => p.url) };
  });
  expect(out.can).toBe(true);
  expect(out.one).toEqual({ ok: true });
  expect(out.afterOne).toBe(5);
  expect(out.clamp).toEqual({ ok: true });
  expect(out.first).toEqual({ ok: false, reason: 'cannot navigate back at first page' });
  expect(out.stack).toEqual(['pages/a/a']);

  const page2 = await open({ stack: ['pages/a/a', 'pages/b/b', 'pages/web/web'] });
  const h5 = await page2.evaluate(async () => {
    const back = (await ft.miniProgram.navigateBack({ delta: 10 })).errMsg;
    const stack = ftHost.stack().map((p) => p.url);
    await ftHost.configure({ stack: ['pages/web/web'] });
    const first = await ft.miniProgram.navigateBack().catch((e) => e.errMsg);
    const can = (await ft.canNavigateBack()).canNavigateBack;
    return { back, stack, first, can };
  });
  expect(h5).toEqual({ back: 'invokeMiniProgramAPI:ok', stack: ['pages/a/a'], first: 'invokeMiniProgramAPI:fail cannot navigate back at first page', can: false });
  await page.close();
  await page2.close();
});

test("routes resolve against the current page's folder, never the H5 document's url", async () => {
  const page = await open({ app: APP, stack: ['pages/index/index', 'pages/web/web'] });
  const out = await page.evaluate(async () => {
    // The H5 document somewhere else entirely: its url must play no part.
    history.pushState({}, '', '/h5/deep/folder/index.html');
    const err = (p) => p.then((r) => r.errMsg, (e) => e.errMsg);
    const relative = await err(ft.miniProgram.navigateTo({ url: '../detail/detail?from=%2Fh5' }));
    const afterRelative = ftHost.stack().map((p) => p.url);
    await ft.miniProgram.navigateBack();
    const rootless = await err(ft.miniProgram.navigateTo({ url: 'pages/detail/detail' }));
    await ft.miniProgram.navigateBack();
    return {
      relative, afterRelative, rootless,
      folder: await err(ft.miniProgram.navigateTo({ url: 'folder/index' })),
      encoded: await err(ft.miniProgram.navigateTo({ url: '%2Fpages%2Fdetail%2Fdetail' })),
      stack: ftHost.stack().map((p) => p.url),
    };
  });
  expect(out.relative).toBe('invokeMiniProgramAPI:ok');
  expect(out.afterRelative).toEqual(['pages/index/index', 'pages/web/web', 'pages/detail/detail?from=%2Fh5']);
  expect(out.rootless).toBe('invokeMiniProgramAPI:ok');
  expect(out.folder).toBe('invokeMiniProgramAPI:fail page "pages/web/folder/index" is not found');
  expect(out.encoded).toBe('invokeMiniProgramAPI:fail page "pages/web/%2Fpages%2Fdetail%2Fdetail" is not found');
  expect(out.stack).toEqual(['pages/index/index', 'pages/web/web']);
  expect(page.errors).toEqual([]);
  await page.close();
});

test('titles: setNavigationBarTitle, then a later document.title change wins', async () => {
  const page = await open({ app: { pages: ['pages/index/index'], window: { navigationBarTitleText: 'App' } } });
  const out = await page.evaluate(async () => {
    const initial = ftHost.title();
    const set = (await ft.setNavigationBarTitle({ title: 'From ft' })).errMsg;
    const afterSet = ftHost.title();
    document.title = 'From document';
    await new Promise((r) => setTimeout(r, 20));
    const bad = await ft.setNavigationBarTitle({ title: 5 }).catch((e) => e.errMsg);
    return { initial, set, afterSet, afterDoc: ftHost.title(), bad };
  });
  expect(out.initial).toBe('ft test page');
  expect(out).toMatchObject({ set: 'setNavigationBarTitle:ok', afterSet: 'From ft', afterDoc: 'From document' });
  expect(out.bad).toBe('setNavigationBarTitle:fail parameter error: parameter.title should be String instead of Number');
  await page.close();
});

test('navigateToMiniProgram / navigateBackMiniProgram hand extraData back; close unloads', async () => {
  const page = await open({ appId: 'wxA', callers: ['wxCaller'] });
  const out = await page.evaluate(async () => {
    const events = [];
    for (const name of ['navigateToMiniProgram', 'navigateBackMiniProgram', 'close']) ftHost.on(name, (e) => events.push([name, e.appId || e.toAppId, e.extraData]));
    const to = (await ft.miniProgram.navigateToMiniProgram({ appId: 'wxB', path: 'pages/x', extraData: { k: 1 } })).errMsg;
    const hiddenApps = ftHost.state().apps.map((a) => a.appId);
    await ftHost.backMiniProgram({ back: true });
    const back = (await ft.miniProgram.navigateBackMiniProgram({ extraData: { bye: 1 } })).errMsg;
    const after = await ft.miniProgram.close().catch((e) => e.errMsg);
    return { to, hiddenApps, back, events, after };
  });
  expect(out.to).toBe('invokeMiniProgramAPI:ok');
  expect(out.hiddenApps).toEqual(['wxCaller', 'wxA', 'wxB']);
  expect(out.back).toBe('invokeMiniProgramAPI:ok');
  expect(out.events[0]).toEqual(['navigateToMiniProgram', 'wxB', { k: 1 }]);
  expect(out.events[1]).toEqual(['navigateBackMiniProgram', 'wxA', { back: true }]);
  expect(out.events[2]).toEqual(['navigateBackMiniProgram', 'wxCaller', { bye: 1 }]);
  expect(out.after).toBe('close:fail web-view page is closed');

  const page2 = await open();
  const closed = await page2.evaluate(async () => {
    const seen = [];
    ft.miniProgram.onUnload(() => seen.push('unload'));
    ftHost.on('close', () => seen.push('close'));
    seen.push((await ft.miniProgram.close()).errMsg);
    return seen;
  });
  expect(closed).toEqual(['unload', 'close', 'close:ok']);
  await page.close();
  await page2.close();
});

test('canGoBack follows the H5 page\'s own history', async () => {
  const page = await open();
  const out = await page.evaluate(async () => {
    const before = (await ft.canGoBack()).canGoBack;
    history.pushState({}, '', '#two');
    const after = (await ft.canGoBack()).canGoBack;
    return { before, after };
  });
  expect(out).toEqual({ before: false, after: true });
  await page.close();
});
