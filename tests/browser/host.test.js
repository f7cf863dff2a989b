// The simulated host in real Chromium (behaviour.md §3, §4), driven through `ft` and `ftHost`.
import { launchChromium, serveRoot, newPage } from '../helpers/browser.js';

/** @type {import('playwright-core').Browser} */ let browser;
/** @type {{ url: string, close: () => Promise<void> }} */ let server;
/** @type {import('playwright-core').BrowserContext} */ let context;

const APP = {
  pages: ['pages/index/index', 'pages/list/list', 'pages/detail/detail', 'pages/web/web', 'pages/cart/cart', 'pages/me/me'],
  tabBar: { list: [{ pagePath: 'pages/index/index', text: 'Home' }, { pagePath: 'pages/cart/cart', text: 'Cart' }, { pagePath: 'pages/me/me', text: 'Me' }] },
  window: { navigationBarTitleText: 'Tea House' },
};

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveRoot()]);
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** Opens the blank test page with a host configuration and waits for the core. @param {object} [config] @param {string} [extra] */
async function open(config = {}, extra = '') {
  const page = await newPage(context);
  await page.goto(`${server.url}/tests/pages/blank.html?config=${encodeURIComponent(JSON.stringify(config))}${extra}`);
  await page.evaluate(() => ftHost.ready);
  return page;
}

const routes = (stack) => stack.map((p) => p.url);

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

test('postMessage is buffered and delivered as one array at back, share and destroy; then calls fail', async () => {
  const page = await open({ stack: ['pages/index/index', 'pages/web/web'] });
  const out = await page.evaluate(async () => {
    const messages = [];
    ftHost.on('message', (m) => messages.push(m));
    ft.miniProgram.postMessage({ data: { step: 1 } });
    ft.miniProgram.postMessage({ foo: 'no data field' });
    await new Promise((r) => setTimeout(r, 20));
    const beforeShare = messages.length;
    await ftHost.share();
    const afterShare = JSON.parse(JSON.stringify(messages));
    ft.miniProgram.postMessage({ data: 'last words' });
    const back = await ft.miniProgram.navigateBack();
    await new Promise((r) => setTimeout(r, 20));
    const afterClose = await ft.miniProgram.navigateTo({ url: '/pages/x/x' }).catch((e) => e.errMsg);
    return { beforeShare, afterShare, all: messages, back: back.errMsg, afterClose };
  });
  expect(out.beforeShare).toBe(0);
  expect(out.afterShare).toEqual([{ detail: { data: [{ step: 1 }, { foo: 'no data field' }] } }]);
  expect(out.all[1]).toEqual({ detail: { data: ['last words'] } });
  expect(out.all).toHaveLength(2);
  expect(out.back).toBe('invokeMiniProgramAPI:ok');
  expect(out.afterClose).toBe('invokeMiniProgramAPI:fail web-view page is closed');

  const page2 = await open();
  const destroyed = await page2.evaluate(async () => {
    const seen = [];
    ftHost.on('message', (m) => seen.push(['message', m.detail.data]));
    ft.miniProgram.onUnload(() => seen.push(['unload']));
    ft.miniProgram.postMessage({ data: 1 });
    await new Promise((r) => setTimeout(r, 10));
    await ftHost.destroy();
    return seen;
  });
  expect(destroyed).toEqual([['message', [1]], ['unload']]);
  await page.close();
  await page2.close();
});

test('sendWebviewEvent reaches the host at once; host events reach every listener; offWebviewEvent() removes all', async () => {
  const page = await open();
  const out = await page.evaluate(async () => {
    const host = [];
    ftHost.on('event', (e) => host.push(e));
    const sent = { kind: 'cart', n: 2 };
    await new Promise((r) => setTimeout(r, 0));
    ft.miniProgram.sendWebviewEvent(sent);
    await new Promise((r) => setTimeout(r, 10));
    const same = host[0].detail.data === sent;
    const got = [];
    const a = (d) => got.push(['a', d]);
    const b = (d) => got.push(['b', d]);
    ft.miniProgram.onWebviewEvent(a);
    ft.miniProgram.onWebviewEvent(a);
    ft.miniProgram.onWebviewEvent(b);
    const first = await ftHost.sendWebviewEvent({ x: 1 });
    ft.miniProgram.offWebviewEvent(a);
    const second = await ftHost.sendWebviewEvent({ x: 2 });
    ft.miniProgram.onWebviewEvent(a);
    ft.miniProgram.offWebviewEvent();
    const third = await ftHost.sendWebviewEvent({ x: 3 });
    return { host: JSON.parse(JSON.stringify(host)), same, got, first, second, third };
  });
  expect(out.host).toEqual([{ detail: { data: { kind: 'cart', n: 2 } } }]);
  expect(out.same).toBe(true);
  expect(out.got).toEqual([['a', { x: 1 }], ['b', { x: 1 }], ['b', { x: 2 }]]);
  expect([out.first.listeners, out.second.listeners, out.third.listeners]).toEqual([2, 1, 0]);
  await page.close();
});

test('lifecycle: onHide/onShow when a page is pushed and popped and when the app hides; onUnload on redirect', async () => {
  const page = await open({ stack: ['pages/index/index', 'pages/web/web?from=home'] });
  const seen = await page.evaluate(async () => {
    const seen = [];
    ft.miniProgram.onShow((r) => seen.push(['show', r]));
    ft.miniProgram.onHide((r) => seen.push(['hide', r]));
    ft.miniProgram.onUnload((r) => seen.push(['unload', r]));
    await new Promise((r) => setTimeout(r, 0));
    await ft.miniProgram.navigateTo({ url: '/pages/x/x' });
    await ftHost.back();
    await ftHost.hide();
    await ftHost.show();
    seen.push(['--']);
    await ft.miniProgram.redirectTo({ url: '/pages/y/y' });
    return seen;
  });
  expect(seen).toEqual([
    ['hide', {}], ['show', { data: { from: 'home' } }], ['hide', {}], ['show', { data: { from: 'home' } }], ['--'], ['unload', {}],
  ]);
  await page.close();
});

test('callNativeAPI with and without a host handler; ftHost.callJS with onNativeAPIHandler and registNativeAPIHandler', async () => {
  const page = await open();
  const out = await page.evaluate(async () => {
    const missing = await new Promise((resolve) => ft.callNativeAPI('scan', { a: 1 }, resolve));
    const missingPromise = await ft.callNativeAPI('scan', {}).catch((e) => e);
    await ftHost.registerNativeAPI('scan', async (data) => ({ code: `got ${data.a}` }));
    const found = await new Promise((resolve) => ft.callNativeAPI('scan', { a: 1 }, resolve));
    await ftHost.unregisterNativeAPI('scan');
    const gone = await ft.callNativeAPI('scan').catch((e) => e.errMsg);

    const noHandler = await ftHost.callJS('getCart', {}).catch((e) => e.message);
    const order = [];
    const skip = (p) => { order.push('skip'); return undefined; };
    const answer = (p) => { order.push('answer'); return { items: p.n }; };
    ft.onNativeAPIHandler('getCart', skip);
    ft.onNativeAPIHandler('getCart', answer);
    ft.registNativeAPIHandler('getCart', () => 'regist');
    const first = await ftHost.callJS('getCart', { n: 3 });
    ft.offNativeAPIHandler('getCart', answer);
    const second = await ftHost.callJS('getCart', { n: 4 });
    ft.registNativeAPIHandler('getCart', () => Promise.resolve('replaced'));
    ft.offNativeAPIHandler('getCart');
    const third = await ftHost.callJS('getCart', {});
    return { missing, missingPromise, found, gone, noHandler, first, second, third, order };
  });
  expect(out.missing).toEqual({ errMsg: 'callNativeAPI:fail api scan not found' });
  expect(out.missingPromise).toEqual({ errMsg: 'callNativeAPI:fail api scan not found' });
  expect(out.found).toEqual({ code: 'got 1', errMsg: 'callNativeAPI:ok' });
  expect(out.gone).toBe('callNativeAPI:fail api scan not found');
  expect(out.noHandler).toBe('handler getCart not found');
  expect(out.first).toEqual({ items: 3 });
  expect(out.second).toBe('regist');
  expect(out.third).toBe('replaced');
  // offNativeAPIHandler(name) removed `skip` too; the regist handler is never removed (§4.5).
  expect(out.order).toEqual(['skip', 'answer', 'skip']);
  await page.close();
});

test('callJS: every handler runs in order; a Promise resolving to undefined lets the next answer; a throw is reported and skipped', async () => {
  const page = await open();
  const out = await page.evaluate(async () => {
    const ran = [];
    const reported = [];
    window.addEventListener('error', (e) => { reported.push(e.message); e.preventDefault(); });
    ft.onNativeAPIHandler('getUser', (p) => { ran.push(`later ${p.id}`); return new Promise((r) => setTimeout(() => r(undefined), 10)); });
    ft.onNativeAPIHandler('getUser', (p) => { ran.push(`throws ${p.id}`); throw new Error('user handler broke'); });
    ft.onNativeAPIHandler('getUser', (p) => { ran.push(`answers ${p.id}`); return Promise.resolve({ name: 'Li' }); });
    ft.registNativeAPIHandler('getUser', (p) => { ran.push(`regist ${p.id}`); return 'regist'; });
    const answer = await ftHost.callJS('getUser', { id: 7 });
    return { answer, ran, reported };
  });
  expect(out.answer).toEqual({ name: 'Li' });
  expect(out.ran).toEqual(['later 7', 'throws 7', 'answers 7', 'regist 7']);
  // The throwing handler is the page's error, reported as the browser reports one (reportError).
  expect(out.reported).toEqual([expect.stringContaining('user handler broke')]);
  await page.close();
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

test('the load timeout fires only without ft.complete()', async () => {
  // The listeners go on before the timer starts: ftHost.configure restarts it (on a loaded
  // machine, the page's own start could otherwise beat a listener added afterwards).
  const slow = await open();
  const fired = await slow.evaluate(() => new Promise((resolve) => {
    ftHost.on('timeout', (e) => resolve(e));
    ftHost.configure({ appId: 'test-app', webviewTimeout: 150 }).then(() => setTimeout(() => resolve('no timeout'), 2000));
  }));
  expect(fired).toEqual({ detail: { timeout: 150 } });

  const quick = await open();
  const result = await quick.evaluate(async () => {
    const seen = [];
    ftHost.on('timeout', () => seen.push('timeout'));
    ftHost.on('complete', () => seen.push('complete'));
    await ftHost.configure({ appId: 'test-app', webviewTimeout: 150 });
    ft.complete();
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { seen, state: ftHost.state().loadComplete };
  });
  expect(result).toEqual({ seen: ['complete'], state: true });
  await slow.close();
  await quick.close();
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

test('the panel opens from ?ft-panel, shows stack, title, tabBar and log, and renders hostile strings as text', async () => {
  const page = await open({ app: APP, stack: ['pages/index/index', 'pages/web/web'] }, '&ft-panel');
  await page.waitForSelector('ft-host-panel', { state: 'attached' });
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await page.evaluate(async (hostile) => {
    window.__pwned = 0;
    await ft.setNavigationBarTitle({ title: hostile });
    ft.miniProgram.postMessage({ data: hostile });
    await ftHost.share();
    await ft.miniProgram.navigateTo({ url: `/pages/detail/detail?q=${hostile}` });
  }, hostile);
  await page.waitForTimeout(100);
  const view = await page.evaluate(() => {
    const root = document.querySelector('ft-host-panel').shadowRoot;
    return {
      title: root.querySelector('.navbar .title').textContent,
      stack: [...root.querySelectorAll('.stack li')].map((li) => li.textContent),
      tabs: [...root.querySelectorAll('.tabbar button')].map((b) => b.textContent),
      cover: root.querySelector('.cover') && root.querySelector('.cover .route').textContent,
      imgs: root.querySelectorAll('img').length + document.querySelectorAll('img').length,
      log: [...root.querySelectorAll('[data-slot=log] li')].map((li) => li.textContent),
      received: root.querySelector('[data-slot=received]').textContent,
      pwned: window.__pwned,
      pageColor: getComputedStyle(document.body).color,
    };
  });
  expect(view.title).toBe(hostile);
  expect(view.stack[2]).toContain('pages/detail/detail?q=<img');
  expect(view.tabs).toEqual(['Home', 'Cart', 'Me']);
  expect(view.cover).toBe('pages/detail/detail');
  expect(view.imgs).toBe(0);
  expect(view.log[0]).toMatch(/^miniProgram\.navigateTo invokeMiniProgramAPI:ok/);
  expect(view.log[1]).toMatch(/^miniProgram.postMessage postMessage:ok/);
  expect(view.log[2]).toContain('setNavigationBarTitle:ok');
  expect(view.received).toContain(`message {"detail":{"data":[${JSON.stringify(hostile)}]}}`);
  expect(view.pwned).toBe(0);
  // The tabBar is the host's: clicking switches tab.
  await page.locator('ft-host-panel').locator('.tabbar button', { hasText: 'Cart' }).click();
  await page.waitForTimeout(50);
  expect(await page.evaluate(() => ftHost.stack().map((p) => p.url))).toEqual(['pages/cart/cart']);
  await page.evaluate(() => ftHost.panel.close());
  expect(await page.evaluate(() => [document.querySelector('ft-host-panel'), ftHost.panel.isOpen()])).toEqual([null, false]);
  expect(page.errors).toEqual([]);
  await page.close();
});

test('ftHostConfig.appJson loads the app.json from a url; a bad config is reported, not thrown', async () => {
  const page = await open({ appJson: '/demo/tabs/app.json' });
  const out = await page.evaluate(async () => ({
    tab: await ft.miniProgram.navigateTo({ url: '/pages/index/index' }).catch((e) => e.errMsg),
    stack: ftHost.stack().map((p) => p.route),
  }));
  expect(out.tab).toBe('invokeMiniProgramAPI:fail can not navigateTo a tabbar page');
  const bad = await newPage(context);
  await bad.goto(`${server.url}/tests/pages/blank.html?config=${encodeURIComponent(JSON.stringify({ app: { pages: [] } }))}`);
  const after = await bad.evaluate(async () => { await ftHost.ready; return (await ft.miniProgram.navigateTo({ url: '/pages/any/any' })).errMsg; });
  expect(after).toBe('invokeMiniProgramAPI:ok');
  expect(bad.errors.join('\n')).toContain('invalid app.json');
  await page.close();
  await bad.close();
});
