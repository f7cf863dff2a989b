// The simulated page stack in every engine (behaviour.md §3): limits, tabBar, relative urls,
// back, hostile urls, the page's own history, titles, an app.json from a url; root-less and
// encoded paths, a one-page stack, routing from a closed web-view page (§3.6, §3.8).
import { ROUTING_APP, ROUTING_STACK, TEA_HOUSE as APP } from '../../helpers/apps.js';

// javascript: urls in their disguises (mixed case, a tab inside the scheme, leading spaces) and
// external ones (http(s), scheme-relative, backslashes, data:, file:), each with its kind.
const HOSTILE_URLS = [
  ['javascript:window.__ran=1', 'javascript'],
  ['JavaScript:window.__ran=1', 'javascript'],
  ['java\tscript:window.__ran=1', 'javascript'],
  ['  java\tscript:window.__ran=1', 'javascript'],
  ['https://evil.example/x', 'external'],
  ['https://evil.example/pages/index/index', 'external'],
  ['http://127.0.0.1/pages/index/index', 'external'],
  ['//evil.example/x', 'external'],
  ['\\\\evil.example/x', 'external'],
  ['data:text/html,x', 'external'],
  ['data:text/html,<script>window.__ran=1</script>', 'external'],
  ['file:///etc/passwd', 'external'],
];

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
        missing: 'invokeMiniProgramAPI:fail parameter error: parameter.url should be String instead of Undefined;',
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
        await ft.miniProgram.navigateTo({ url: '/pages/y/y' });
        const clamp = await ftHost.back(99);
        const clampStack = ftHost.stack().map((p) => p.url);
        const atFirst = await ftHost.back();
        await ftHost.configure({ stack: ['pages/a/a', 'pages/b/b', 'pages/web/web'] });
        const far = (await ft.miniProgram.navigateBack({ delta: 10 })).errMsg;
        const stack = ftHost.stack().map((p) => p.url);
        await ftHost.configure({ stack: ['pages/web/web'] });
        const first = await ft.miniProgram.navigateBack().catch((e) => e.errMsg);
        const firstStack = ftHost.stack().map((p) => p.url);
        return { can, one, afterOne, clamp, clampStack, atFirst, far, stack, first, firstStack, canNow: (await ft.canNavigateBack()).canNavigateBack };
      });
      expect(out).toEqual({
        can: true, one: { ok: true }, afterOne: 4,
        clamp: { ok: true }, clampStack: ['pages/a/a'], atFirst: { ok: false, reason: 'cannot navigate back at first page' },
        far: 'invokeMiniProgramAPI:ok', stack: ['pages/a/a'],
        first: 'invokeMiniProgramAPI:fail cannot navigate back at first page', firstStack: ['pages/web/web'], canNow: false,
      });
    },
  },
  {
    name: 'navigateTo, redirectTo, switchTab and reLaunch refuse javascript: and external urls; nothing runs, the page stays',
    async run(browser) {
      const app = { pages: ['pages/index/index', 'pages/web/web'], tabBar: { list: [{ pagePath: 'pages/index/index' }, { pagePath: 'pages/web/web' }] } };
      const page = await browser.open(browser.pageUrl({ appId: 'engines-hostile', app, stack: ['pages/index/index', 'pages/web/web'] }));
      const out = await page.evaluate(async (urls) => {
        /** @type {any} */ (window).__ran = 0;
        /** @type {Record<string, string[]>} */ const results = {};
        for (const api of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch']) {
          results[api] = [];
          for (const [url] of urls) results[api].push(await ft.miniProgram[api]({ url }).then((r) => `ok ${r.errMsg}`, (e) => e.errMsg));
        }
        await new Promise((r) => setTimeout(r, 20));
        return { results, ran: /** @type {any} */ (window).__ran, stack: ftHost.stack().length, href: location.pathname };
      }, HOSTILE_URLS);
      const refused = HOSTILE_URLS.map(([, kind]) => `invokeMiniProgramAPI:fail invalid url: ${kind} urls are not allowed`);
      expect(out).toEqual({
        results: { navigateTo: refused, redirectTo: refused, switchTab: refused, reLaunch: refused },
        ran: 0, stack: 2, href: '/tests/pages/blank.html',
      });
      expect(await page.errors()).toEqual([]);
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
        bad: 'setNavigationBarTitle:fail parameter error: parameter.title should be String instead of Number;',
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
  {
    name: "a root-less app.json path lands on that page, an encoded path is not found, the H5 document's url plays no part (§3.8)",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ app: ROUTING_APP, stack: ROUTING_STACK }));
      const out = await page.evaluate(async () => {
        const err = (/** @type {Promise<any>} */ p) => p.then((r) => r.errMsg, (e) => e.errMsg);
        const urls = () => ftHost.stack().map((p) => p.url);
        // The H5 document somewhere else entirely: its url must play no part.
        history.pushState({}, '', '/h5/deep/folder/index.html');
        const rootless = await err(ft.miniProgram.navigateTo({ url: 'pages/detail/index?id=7' }));
        const afterRootless = urls();
        await ft.miniProgram.navigateBack();
        const relative = await err(ft.miniProgram.navigateTo({ url: '../detail/index?from=%2Fh5' }));
        const afterRelative = urls();
        await ft.miniProgram.navigateBack();
        return {
          rootless, afterRootless, relative, afterRelative,
          folder: await err(ft.miniProgram.navigateTo({ url: 'folder/index' })),
          encoded: await err(ft.miniProgram.navigateTo({ url: '%2Fpages%2Fdetail%2Findex' })),
          encodedRedirect: await err(ft.miniProgram.redirectTo({ url: '%2Fpages%2Fcart%2Findex' })),
          encodedAbsolute: await err(ft.miniProgram.navigateTo({ url: '/pages%2Fdetail%2Findex' })),
          stack: urls(),
          href: location.pathname,
        };
      });
      expect(out).toEqual({
        rootless: 'invokeMiniProgramAPI:ok',
        afterRootless: ['pages/index/index', 'pages/web/index', 'pages/detail/index?id=7'],
        relative: 'invokeMiniProgramAPI:ok',
        afterRelative: ['pages/index/index', 'pages/web/index', 'pages/detail/index?from=%2Fh5'],
        folder: 'invokeMiniProgramAPI:fail page "pages/web/folder/index" is not found',
        encoded: 'invokeMiniProgramAPI:fail page "pages/web/%2Fpages%2Fdetail%2Findex" is not found',
        encodedRedirect: 'invokeMiniProgramAPI:fail page "pages/web/%2Fpages%2Fcart%2Findex" is not found',
        encodedAbsolute: 'invokeMiniProgramAPI:fail page "pages%2Fdetail%2Findex" is not found',
        stack: ROUTING_STACK,
        href: '/h5/deep/folder/index.html',
      });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'on a one-page stack navigateBack fails for any delta and keeps the postMessage buffer (§3.6)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ app: ROUTING_APP, stack: ['pages/web/index'] }));
      const out = await page.evaluate(async () => {
        /** @type {any[]} */ const delivered = [];
        ftHost.on('message', (/** @type {any} */ m) => delivered.push(m.detail.data));
        ft.miniProgram.postMessage({ data: { kept: true } });
        /** @type {Record<string, string>} */ const back = {};
        for (const delta of [undefined, 1, 0, -1, 2, 10, 1e9]) {
          back[String(delta)] = await ft.miniProgram.navigateBack(delta === undefined ? {} : { delta }).then((r) => r.errMsg, (e) => e.errMsg);
        }
        const hostBack = [await ftHost.back(), await ftHost.back(5)];
        const before = { delivered: delivered.slice(), pending: ftHost.state().pendingMessages, alive: ftHost.state().webview.alive, stack: ftHost.stack().map((p) => p.url) };
        await ftHost.share();
        return { back, hostBack, before, afterShare: delivered };
      });
      const firstPage = 'invokeMiniProgramAPI:fail cannot navigate back at first page';
      expect(out).toEqual({
        back: { undefined: firstPage, 1: firstPage, 0: firstPage, '-1': firstPage, 2: firstPage, 10: firstPage, 1000000000: firstPage },
        hostBack: [{ ok: false, reason: 'cannot navigate back at first page' }, { ok: false, reason: 'cannot navigate back at first page' }],
        before: { delivered: [], pending: 1, alive: true, stack: ['pages/web/index'] },
        afterShare: [[{ kept: true }]],
      });
    },
  },
  {
    name: 'once the web-view page is closed (back, redirectTo, reLaunch, switchTab, close, ftHost.destroy) every routing call fails web-view page is closed (§3.8)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ app: ROUTING_APP, stack: ROUTING_STACK, callers: ['wxcaller'] }));
      const out = await page.evaluate(async ({ app, stack }) => {
        const err = (/** @type {Promise<any>} */ p) => p.then((r) => r.errMsg, (e) => e.errMsg);
        /** @type {Record<string, () => Promise<any>>} */
        const closers = {
          navigateBack: () => ft.miniProgram.navigateBack(),
          redirectTo: () => ft.miniProgram.redirectTo({ url: '/pages/detail/index' }),
          reLaunch: () => ft.miniProgram.reLaunch({ url: '/pages/detail/index' }),
          switchTab: () => ft.miniProgram.switchTab({ url: '/pages/mine/index' }),
          close: () => ft.miniProgram.close(),
          'ftHost.back': () => ftHost.back(),
          'ftHost.destroy': () => ftHost.destroy(),
        };
        /** @type {Record<string, any>} */ const seen = {};
        for (const [name, close] of Object.entries(closers)) {
          await ftHost.configure({ appId: 'engines-closed', app, stack, callers: ['wxcaller'] });
          const aliveBefore = ftHost.state().webview.alive;
          await close();
          const alive = ftHost.state().webview.alive;
          const kept = JSON.stringify(ftHost.stack());
          seen[name] = {
            aliveBefore, alive,
            navigateTo: await err(ft.miniProgram.navigateTo({ url: '/pages/detail/index' })),
            rootless: await err(ft.miniProgram.navigateTo({ url: 'pages/detail/index' })),
            redirectTo: await err(ft.miniProgram.redirectTo({ url: '/pages/detail/index' })),
            switchTab: await err(ft.miniProgram.switchTab({ url: '/pages/index/index' })),
            reLaunch: await err(ft.miniProgram.reLaunch({ url: '/pages/web/index' })),
            navigateBack: await err(ft.miniProgram.navigateBack({ delta: 1 })),
            navigateToMiniProgram: await err(ft.miniProgram.navigateToMiniProgram({ appId: 'wxother' })),
            navigateBackMiniProgram: await err(ft.miniProgram.navigateBackMiniProgram({})),
            close: await err(ft.miniProgram.close()),
            stackKept: JSON.stringify(ftHost.stack()) === kept,
          };
        }
        return seen;
      }, { app: ROUTING_APP, stack: ROUTING_STACK });
      const closed = 'invokeMiniProgramAPI:fail web-view page is closed';
      const expected = {
        aliveBefore: true, alive: false,
        navigateTo: closed, rootless: closed, redirectTo: closed, switchTab: closed, reLaunch: closed, navigateBack: closed,
        navigateToMiniProgram: closed, navigateBackMiniProgram: closed, close: 'close:fail web-view page is closed', stackKept: true,
      };
      expect(out).toEqual(Object.fromEntries(['navigateBack', 'redirectTo', 'reLaunch', 'switchTab', 'close', 'ftHost.back', 'ftHost.destroy'].map((k) => [k, expected])));
    },
  },
  {
    name: 'the page opened receives the query as the host cuts it; a cut query is a device check route-query (§3.8, §1.15)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/index/index', 'pages/web/web'] }));
      const out = await page.evaluate(async () => {
        const cut = (await ft.miniProgram.navigateTo({ url: '/pages/user/user?id=VXNlci0xMA==&flag&next=/p?x=1' })).errMsg;
        const { url, query } = ftHost.stack()[2];
        await ftHost.back();
        const encoded = (await ft.miniProgram.navigateTo({ url: `/pages/user/user?id=${encodeURIComponent('VXNlci0xMA==')}&next=${encodeURIComponent('/p?x=1')}` })).errMsg;
        const encodedQuery = ftHost.stack()[2].query;
        const afterEncoded = ftHost.warnings().length;
        await ft.miniProgram.redirectTo({ url: '/pages/user/user?a=1=2' });
        return { cut, url, query, encoded, encodedQuery, afterEncoded, topQuery: ftHost.stack()[2].query, warnings: ftHost.warnings().map(({ kind, api, message }) => ({ kind, api, message })) };
      });
      expect(out).toEqual({
        cut: 'invokeMiniProgramAPI:ok',
        url: 'pages/user/user?id=VXNlci0xMA==&flag&next=/p?x=1',
        query: { id: 'VXNlci0xMA', flag: 'undefined', next: '/p' },
        encoded: 'invokeMiniProgramAPI:ok',
        encodedQuery: { id: 'VXNlci0xMA%3D%3D', next: '%2Fp%3Fx%3D1' },
        afterEncoded: 1,
        topQuery: { a: '1' },
        warnings: [
          { kind: 'route-query', api: 'miniProgram.navigateTo', message: 'query "id=VXNlci0xMA==&flag&next=/p?x=1" reaches the page as "id=VXNlci0xMA&flag=undefined&next=/p"; encode each value with encodeURIComponent' },
          { kind: 'route-query', api: 'miniProgram.redirectTo', message: 'query "a=1=2" reaches the page as "a=1"; encode each value with encodeURIComponent' },
        ],
      });
    },
  },
  {
    name: 'navigateBack delta: truncated, below 1 and NaN count as 1, beyond the stack to the first page, a non-number is a parameter error (§3.6)',
    async run(browser) {
      const stack = ['pages/a/a', 'pages/b/b', 'pages/c/c', 'pages/d/d', 'pages/web/web'];
      const page = await browser.open(browser.pageUrl({ stack }));
      const out = await page.evaluate(async (stack) => {
        /** @type {Record<string, unknown>} */ const left = {};
        for (const [name, delta] of [['2.9', 2.9], ['1.5', 1.5], ['0', 0], ['-3', -3], ['0.5', 0.5], ['NaN', NaN], ['Infinity', Infinity], ['99', 99]]) {
          await ftHost.configure({ stack });
          const errMsg = (await ft.miniProgram.navigateBack({ delta })).errMsg;
          left[name] = [errMsg, ftHost.stack().length];
        }
        await ftHost.configure({ stack });
        const text = await ft.miniProgram.navigateBack({ delta: '2' }).catch((e) => e.errMsg);
        return { left, text, after: ftHost.stack().length };
      }, stack);
      const ok = 'invokeMiniProgramAPI:ok';
      expect(out.left).toEqual({ '2.9': [ok, 3], '1.5': [ok, 4], 0: [ok, 4], '-3': [ok, 4], 0.5: [ok, 4], NaN: [ok, 4], Infinity: [ok, 1], 99: [ok, 1] });
      expect(out.text).toBe('invokeMiniProgramAPI:fail parameter error: parameter.delta should be Number instead of String;');
      expect(out.after).toBe(5);  // nothing changed
    },
  },
];
