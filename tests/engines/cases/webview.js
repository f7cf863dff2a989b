// The host's web-view in every engine (behaviour.md §3.11, §3.13-§3.15, §4.7): canGoBack counts
// only the web-view's own history, the host's back steps through it first (backMode), the host
// hears 'load' once per document, setSrc changes the hash in the document or loads a new one, and
// share answers the web-view's current url. tests/pages/webview.html keeps the tab's 'load' and
// 'error' events in sessionStorage, across documents.

/** The tab's host events so far, oldest first: [[name, src], ...]. */
const hostEvents = () => JSON.parse(sessionStorage.getItem('ft-test-host-events') || '[]');

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: "canGoBack counts only the web-view's own history: false from the start in a tab with an earlier page (§3.11)",
    async run(browser) {
      // The tab's first entry is a page without the polyfill: it never counts.
      const page = await (await browser.newProfile()).open(browser.url('/package.json'));
      await page.goto(browser.pageUrl({ appId: 'engines-webview-history' }));
      const out = await page.evaluate(async () => {
        const can = async () => (await ft.canGoBack()).canGoBack;
        const fresh = await can();
        history.replaceState({}, '', '#replaced');
        const afterReplace = await can();
        history.pushState({}, '', '#pushed');
        const afterPush = await can();
        const miniProgram = (await ft.miniProgram.canGoBack()).canGoBack;
        return { fresh, afterReplace, afterPush, miniProgram };
      });
      expect(out).toEqual({ fresh: false, afterReplace: false, afterPush: true, miniProgram: true });
      // A later document of the web-view: its first document's entry counts.
      await page.goto(browser.pageUrl({ appId: 'engines-webview-history', doc: 2 }));
      expect(await page.evaluate(async () => (await ft.canGoBack()).canGoBack)).toBe(true);
    },
  },
  {
    name: "ftHost.back steps back through the page's own history first with backMode 'history', and leaves at once with 'page' (§3.13)",
    async run(browser) {
      const stack = ['pages/index/index', 'pages/web/web'];
      const page = await (await browser.newProfile()).open(browser.pageUrl({ stack }));
      const history = await page.evaluate(async () => {
        await ftHost.ready;
        history.pushState({}, '', '#one');
        const back = await ftHost.back();
        while (location.hash !== '') await new Promise((r) => setTimeout(r, 10));
        const pages = ftHost.stack().length;
        const canGoBack = (await ft.canGoBack()).canGoBack;
        const left = await ftHost.back();
        return { back, pages, canGoBack, left, after: ftHost.stack().length, alive: ftHost.state().webview.alive };
      });
      expect(history).toEqual({ back: { ok: true }, pages: 2, canGoBack: false, left: { ok: true }, after: 1, alive: false });

      const other = await (await browser.newProfile()).open(browser.pageUrl({ stack, backMode: 'page' }));
      const pageMode = await other.evaluate(async () => {
        await ftHost.ready;
        history.pushState({}, '', '#one');
        const back = await ftHost.back();
        return { back, pages: ftHost.stack().length, hash: location.hash, backMode: ftHost.state().backMode };
      });
      expect(pageMode).toEqual({ back: { ok: true }, pages: 1, hash: '#one', backMode: 'page' });

      const bad = await browser.open(browser.pageUrl({ stack, backMode: 'tab' }));
      expect(await bad.evaluate(async () => {
        await ftHost.ready;
        return { error: ftHost.configError(), backMode: ftHost.state().backMode };
      })).toEqual({ error: "invalid config: backMode should be 'history' or 'page'", backMode: 'history' });
    },
  },
  {
    name: "ftHost.back goes back to the web-view's previous document, then leaves the web-view page (§3.11, §3.13)",
    async run(browser) {
      const config = encodeURIComponent(JSON.stringify({ stack: ['pages/index/index', 'pages/web/web'] }));
      const first = browser.url(`/tests/pages/webview.html?doc=1&config=${config}`);
      const second = browser.url(`/tests/pages/webview.html?doc=2&config=${config}`);
      const page = await (await browser.newProfile()).open(first);
      await page.waitFor(() => ftHost.ready.then(() => true));
      await page.navigateBy((url) => ftHost.setSrc(url), second);
      expect(await page.evaluate(async () => (await ft.canGoBack()).canGoBack)).toBe(true);
      // The step back may come from the back-forward cache: wait for the first document's url.
      await page.soon(() => { ftHost.back(); });
      while (await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => '') !== first) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const out = await page.evaluate(async () => {
        await ftHost.ready;
        const canGoBack = (await ft.canGoBack()).canGoBack;
        const left = await ftHost.back();
        return { canGoBack, left, pages: ftHost.stack().length, href: location.href };
      });
      expect(out).toEqual({ canGoBack: false, left: { ok: true }, pages: 1, href: first });
    },
  },
  {
    name: "the host hears 'load' once per document, never for pushState or a hash change; setSrc changes the hash in the document or loads the url (§3.14, §3.15)",
    async run(browser) {
      const first = browser.url('/tests/pages/webview.html?doc=1');
      const page = await (await browser.newProfile()).open(first);
      expect(await page.waitFor(() => ftHost.ready.then(() => sessionStorage.getItem('ft-test-host-events')))).toBe(JSON.stringify([['load', first]]));
      const inDocument = await page.evaluate(async () => {
        /** @type {any} */ (window).__sameDocument = true;
        const hashes = [];
        addEventListener('hashchange', (e) => hashes.push(new URL(e.newURL).hash));
        history.pushState({}, '', '?doc=1&pushed');
        location.hash = 'moved';
        const set = await ftHost.setSrc(`${location.pathname}?doc=1&pushed#a#b`);
        while (hashes.length < 2) await new Promise((r) => setTimeout(r, 10));
        const bad = await ftHost.setSrc('http://[');
        return { set, hashes, bad: bad.ok, canGoBack: (await ft.canGoBack()).canGoBack, same: /** @type {any} */ (window).__sameDocument };
      });
      expect(inDocument).toEqual({ set: { ok: true }, hashes: ['#moved', '#a%23b'], bad: false, canGoBack: true, same: true });
      const second = browser.url('/tests/pages/webview.html?doc=2');
      await page.navigateBy((url) => ftHost.setSrc(url), second);
      // Firefox can report the new document complete before its scripts are seen from the driver:
      // wait for its ftHost too.
      expect(await page.waitFor((n) => typeof ftHost === 'object' && ftHost.ready.then(() => {
        const seen = JSON.parse(sessionStorage.getItem('ft-test-host-events') || '[]');
        return seen.length >= n && seen;
      }), 3)).toEqual([['load', first], ['error', 'http://['], ['load', second]]);
      expect(await page.evaluate(hostEvents)).toHaveLength(3);
    },
  },
  {
    name: "ftHost.share resolves the web-view's current url, after pushState too (§4.7)",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/index/index', 'pages/web/web'] }));
      const out = await page.evaluate(async () => {
        ft.miniProgram.postMessage({ data: 'kept' });
        const messages = [];
        ftHost.on('message', (e) => messages.push(e.detail.data));
        history.pushState({}, '', '/tests/pages/shared.html?item=7#top');
        const shared = await ftHost.share();
        return { shared, messages, href: location.href };
      });
      expect(out).toEqual({ shared: { ok: true, webViewUrl: out.href }, messages: [['kept']], href: browser.url('/tests/pages/shared.html?item=7#top') });
    },
  },
];
