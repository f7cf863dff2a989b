// The simulated page stack in every engine (behaviour.md §3): limits, tabBar, relative urls,
// back, hostile urls, the page's own history, titles, an app.json from a url.

const APP = {
  pages: ['pages/index/index', 'pages/list/list', 'pages/detail/detail', 'pages/web/web', 'pages/cart/cart', 'pages/me/me'],
  tabBar: { list: [{ pagePath: 'pages/index/index', text: 'Home' }, { pagePath: 'pages/cart/cart', text: 'Cart' }, { pagePath: 'pages/me/me', text: 'Me' }] },
  window: { navigationBarTitleText: 'Tea House' },
};

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'navigateTo pushes; the eleventh page fails and leaves the stack unchanged (§3.1)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/index/index', 'pages/web/web'] }));
      const out = await page.evaluate(async () => {
        const results = [];
        for (let i = 3; i <= 10; i++) results.push((await ft.miniProgram.navigateTo({ url: `/pages/p${i}/p${i}?i=${i}` })).errMsg);
        const before = ftHost.stack();
        const eleventh = await ft.miniProgram.navigateTo({ url: '/pages/p11/p11' }).catch((e) => e);
        const viaFail = await new Promise((resolve) => ft.miniProgram.navigateTo({ url: '/pages/p11/p11', fail: resolve }));
        return { results, before, after: ftHost.stack(), eleventh, viaFail };
      });
      expect(out.results).toEqual(Array(8).fill('invokeMiniProgramAPI:ok'));
      expect(out.before).toHaveLength(10);
      expect(out.eleventh).toEqual({ errMsg: 'invokeMiniProgramAPI:fail webview count limit exceed' });
      expect(out.viaFail).toEqual({ errMsg: 'invokeMiniProgramAPI:fail webview count limit exceed' });
      expect(out.after).toEqual(out.before);
      expect(out.after[9]).toEqual({ route: 'pages/p10/p10', query: { i: '10' }, url: 'pages/p10/p10?i=10' });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'tabBar rules: no navigateTo/redirectTo to a tab, no switchTab to a non-tab; switchTab drops non-tab pages and the query (§3.2, §3.3, §3.7)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ app: APP, stack: ['pages/index/index', 'pages/list/list', 'pages/web/web'] }));
      const out = await page.evaluate(async () => {
        const err = (/** @type {Promise<any>} */ p) => p.then((r) => r.errMsg, (e) => e.errMsg);
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
      expect(out).toEqual({
        nav: 'invokeMiniProgramAPI:fail can not navigateTo a tabbar page',
        redirect: 'invokeMiniProgramAPI:fail can not redirectTo a tabbar page',
        nonTab: 'invokeMiniProgramAPI:fail can not switch to no-tabBar page',
        unknown: 'invokeMiniProgramAPI:fail page "pages/nope/nope?a=1" is not found',
        missing: 'invokeMiniProgramAPI:fail parameter error: parameter.url should be String instead of Undefined',
        stackBefore: ['pages/index/index', 'pages/list/list', 'pages/web/web'],
        tab: 'invokeMiniProgramAPI:ok',
        stackAfter: [{ route: 'pages/cart/cart', query: {}, url: 'pages/cart/cart' }],
      });
    },
  },
  {
    name: 'redirectTo replaces the top, reLaunch opens one page; relative urls resolve against the page, queries stay raw (§3.4, §3.5, §3.8)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/index/index', 'pages/goods/list'] }));
      const out = await page.evaluate(async () => {
        await ft.miniProgram.navigateTo({ url: 'detail?id=1&name=%E8%8C%B6&x=a+b' });
        const afterRelative = ftHost.stack()[2];
        await ft.miniProgram.redirectTo({ url: '../cart/cart?from=detail' });
        const afterRedirect = ftHost.stack().map((p) => p.url);
        await ft.miniProgram.reLaunch({ url: '/pages/me/me?tab=1' });
        return { afterRelative, afterRedirect, afterRelaunch: ftHost.stack().map((p) => p.url) };
      });
      expect(out.afterRelative).toEqual({ route: 'pages/goods/detail', query: { id: '1', name: '%E8%8C%B6', x: 'a+b' }, url: 'pages/goods/detail?id=1&name=%E8%8C%B6&x=a+b' });
      expect(out.afterRedirect).toEqual(['pages/index/index', 'pages/goods/list', 'pages/cart/cart?from=detail']);
      expect(out.afterRelaunch).toEqual(['pages/me/me?tab=1']);
    },
  },
  {
    name: 'navigateBack: delta 1 by default, clamps to the first page, fails on the first page (§3.6)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/a/a', 'pages/b/b', 'pages/c/c', 'pages/web/web'] }));
      const out = await page.evaluate(async () => {
        await ft.miniProgram.navigateTo({ url: '/pages/x/x' });
        const can = (await ft.canNavigateBack()).canNavigateBack;
        const one = await ftHost.back();
        const afterOne = ftHost.stack().length;
        await ftHost.configure({ stack: ['pages/a/a', 'pages/b/b', 'pages/web/web'] });
        const far = (await ft.miniProgram.navigateBack({ delta: 10 })).errMsg;
        const stack = ftHost.stack().map((p) => p.url);
        await ftHost.configure({ stack: ['pages/web/web'] });
        const first = await ft.miniProgram.navigateBack().catch((e) => e.errMsg);
        const firstStack = ftHost.stack().map((p) => p.url);
        return { can, one, afterOne, far, stack, first, firstStack, canNow: (await ft.canNavigateBack()).canNavigateBack };
      });
      expect(out).toEqual({
        can: true, one: { ok: true }, afterOne: 4,
        far: 'invokeMiniProgramAPI:ok', stack: ['pages/a/a'],
        first: 'invokeMiniProgramAPI:fail cannot navigate back at first page', firstStack: ['pages/web/web'], canNow: false,
      });
    },
  },
  {
    name: 'javascript: and external urls are refused and nothing runs',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/index/index', 'pages/web/web'] }));
      const out = await page.evaluate(async () => {
        /** @type {any} */ (window).__ran = 0;
        const urls = ['javascript:window.__ran=1', 'JavaScript:window.__ran=1', 'java\tscript:window.__ran=1', 'https://evil.example/x', '//evil.example/x', 'data:text/html,x'];
        const results = [];
        for (const url of urls) results.push(await ft.miniProgram.navigateTo({ url }).then((r) => r.errMsg, (e) => e.errMsg));
        await new Promise((r) => setTimeout(r, 20));
        return { results, ran: /** @type {any} */ (window).__ran, stack: ftHost.stack().length, href: location.pathname };
      });
      for (const r of out.results.slice(0, 3)) expect(r).toBe('invokeMiniProgramAPI:fail invalid url: javascript urls are not allowed');
      for (const r of out.results.slice(3)) expect(r).toBe('invokeMiniProgramAPI:fail invalid url: external urls are not allowed');
      expect(out).toMatchObject({ ran: 0, stack: 2, href: '/tests/pages/blank.html' });
    },
  },
  {
    name: "canGoBack follows the H5 page's own history (§3.11)",
    async run(browser) {
      // A new profile's first tab: the page is its first history entry, as in a web-view.
      const page = await (await browser.newProfile()).open(browser.pageUrl());
      const before = await page.evaluate(async () => {
        const fresh = (await ft.canGoBack()).canGoBack;
        history.pushState({}, '', '#two');
        return { fresh, afterPush: (await ft.canGoBack()).canGoBack };
      });
      expect(before).toEqual({ fresh: false, afterPush: true });
      await page.goto(browser.pageUrl({ appId: 'engines-history' }));
      expect(await page.evaluate(async () => (await ft.canGoBack()).canGoBack)).toBe(true);
    },
  },
  {
    name: 'setNavigationBarTitle sets the title and a later document.title change wins (§3.12)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ app: { pages: ['pages/index/index'], window: { navigationBarTitleText: 'App' } } }));
      const out = await page.evaluate(async () => {
        await ftHost.ready;
        const initial = ftHost.title();
        const set = (await ft.setNavigationBarTitle({ title: 'From ft' })).errMsg;
        const afterSet = ftHost.title();
        document.title = 'From document';
        while (ftHost.title() !== 'From document') await new Promise((r) => setTimeout(r, 10));
        const bad = await ft.setNavigationBarTitle({ title: 5 }).catch((e) => e.errMsg);
        return { initial, set, afterSet, afterDoc: ftHost.title(), bad };
      });
      expect(out).toEqual({
        initial: 'ft test page', set: 'setNavigationBarTitle:ok', afterSet: 'From ft', afterDoc: 'From document',
        bad: 'setNavigationBarTitle:fail parameter error: parameter.title should be String instead of Number',
      });
    },
  },
  {
    name: 'an app.json loaded from a url (appJson) gives the tabBar rules',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appJson: '/demo/tabs/app.json' }));
      const out = await page.evaluate(async () => ({
        tab: await ft.miniProgram.navigateTo({ url: '/pages/index/index' }).catch((e) => e.errMsg),
        configError: ftHost.configError(),
      }));
      expect(out).toEqual({ tab: 'invokeMiniProgramAPI:fail can not navigateTo a tabbar page', configError: '' });
      expect(await page.errors()).toEqual([]);
    },
  },
];
