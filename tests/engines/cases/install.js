// Loading the script in every engine (behaviour.md §1.8, §1.9, §1.13): twice, inside a real host,
// on a plain page, and without DecompressionStream (Safari before 16.4, Firefox before 113): the
// core then comes from the inflate fallback file beside the polyfill, which no other browser
// downloads (the page's Resource Timing entries say which files it fetched).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers/browser.js';
import { withRecorder } from '../../helpers/engines.js';

// What Safari before 16.4 lacks: the page's first script removes it before the polyfill runs.
const WITHOUT_STREAMS = "window.ftHostConfig = { appId: 'engines-no-decompression' }; delete window.DecompressionStream; delete window.CompressionStream;";
const IMPORT_MODULE = '<script type="module">import ft from \'/dist/ft-polyfill.mjs\'; window.moduleFt = ft;</script>';

/** A page whose head runs `head`, then `body` (script tags). @param {string} head @param {string} body */
const pageWith = (head, body) => (/** @type {any} */ _req, /** @type {import('node:http').ServerResponse} */ res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(withRecorder(`<!doctype html><html><head><title>install</title><script>${head}</script>${body}</head><body></body></html>`));
};

/** A file of dist/, read when asked for. @param {string} name */
const distFile = (name) => (/** @type {any} */ _req, /** @type {import('node:http').ServerResponse} */ res) => {
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
  res.end(readFileSync(join(ROOT, 'dist', name), 'utf8'));
};

/**
 * What a page sees of getEnv, storage (a Date included) and navigation through `api` (the page's
 * `ft` global), and the inflate files it fetched. Runs in the page.
 * @param {string} api
 */
async function useTheCore(api) {
  const ft = /** @type {any} */ (window)[api];
  /** @type {Record<string, any>} */ const out = { streams: typeof DecompressionStream };
  out.env = await ft.miniProgram.getEnv();
  await ft.setStorage({ key: 'profile', data: { name: '张三', tags: ['a', 1, null] } });
  await ft.setStorage({ key: 'when', data: new Date(5) });
  const when = (await ft.getStorage({ key: 'when' })).data;
  out.read = { ...(await ft.getStorage({ key: 'profile' })).data, when: when instanceof Date ? when.getTime() : when };
  out.navigate = (await ft.miniProgram.navigateTo({ url: '/pages/detail/index?id=7' })).errMsg;
  out.stack = /** @type {any} */ (window).ftHost.stack().map((/** @type {any} */ p) => p.url);
  const fetched = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
  out.polyfill = fetched.filter((p) => /\/ft-polyfill\.m?js$/.test(p));
  out.inflate = fetched.filter((p) => p.includes('inflate'));
  return out;
}

const CORE_WORKS = {
  env: { env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' },
  read: { name: '张三', tags: ['a', 1, null], when: 5 },
  navigate: 'invokeMiniProgramAPI:ok',
};
/** The stack after useTheCore's navigateTo: the first page (the default one), then the new one. */
const STACK_AFTER = () => [expect.any(String), 'pages/detail/index?id=7'];

/** A page whose head runs `head`, then the polyfill script `times` times. @param {string} head @param {number} [times] */
const page = (head, times = 1) => (/** @type {any} */ _req, /** @type {import('node:http').ServerResponse} */ res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(withRecorder(`<!doctype html><html><head><title>install</title><script>${head}</script>${'<script src="/dist/ft-polyfill.js"></script>'.repeat(times)}</head><body></body></html>`));
};

/** @type {Record<string, import('../../../bin/server.js').RouteHandler>} */
export const routes = {
  '/engines/plain.html': page(''),
  '/engines/twice.html': page('', 2),
  '/engines/real-host.html': page("window.__fcjs_environment = 'miniprogram';"),
  // FinClip's user-agent marker, as the page's script sees it (the polyfill reads navigator.userAgent).
  '/engines/finclip-user-agent.html': page("Object.defineProperty(navigator, 'userAgent', { configurable: true, get: () => 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 Provider/finogeeks' });"),
  '/engines/real-host-forced.html': page("window.__fcjs_environment = 'miniprogram'; window.ftHostConfig = { appId: 'engines-forced', force: true };"),
  '/engines/no-decompression.html': page(WITHOUT_STREAMS),
  '/engines/no-decompression-module.html': pageWith(WITHOUT_STREAMS, IMPORT_MODULE),
  '/engines/streams-module.html': pageWith("window.ftHostConfig = { appId: 'engines-streams' };", IMPORT_MODULE),
  // The polyfill served from elsewhere: the fallback is looked for next to it, not next to the page.
  '/engines/vendor/ft/ft-polyfill.js': distFile('ft-polyfill.js'),
  '/engines/vendor/ft/ft-polyfill-inflate.js': distFile('ft-polyfill-inflate.js'),
  '/engines/no-decompression-vendor.html': pageWith(WITHOUT_STREAMS, '<script src="/engines/vendor/ft/ft-polyfill.js"></script>'),
};

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'loaded twice (and a third time later): the first instance and its listeners are kept, one warning (§1.8)',
    async run(browser) {
      const p = await browser.open(browser.url('/engines/twice.html'));
      // One warning for the second script of the page...
      expect(await p.records('warn', /more than once/)).toHaveLength(1);
      const result = await p.evaluate(async () => {
        const first = window.ft;
        const host = window.ftHost;
        /** @type {string[]} */ const seen = [];
        host.on('call', (/** @type {any} */ c) => seen.push(c.api));
        await new Promise((resolve, reject) => {
          const s = document.createElement('script');
          s.src = '/dist/ft-polyfill.js';
          s.onload = resolve;
          s.onerror = reject;
          document.head.appendChild(s);
        });
        await ft.miniProgram.getEnv();
        return { sameFt: window.ft === first, sameHost: window.ftHost === host, seen };
      });
      expect(result).toEqual({ sameFt: true, sameHost: true, seen: ['miniProgram.getEnv'] });
      // ...and none more for the third.
      expect(await p.records('warn', /more than once/)).toHaveLength(1);
      expect(await p.errors()).toEqual([]);
    },
  },
  {
    name: 'a plain page gets ft with no console noise',
    async run(browser) {
      const p = await browser.open(browser.url('/engines/plain.html'));
      expect(await p.evaluate(async () => { await ftHost.ready; return window.__fcjs_environment; })).toBe('miniprogram');
      expect(await p.log()).toEqual([]);
    },
  },
  {
    name: 'the start-up phases are User Timing marks, in order, the last when ftHost.ready settles',
    async run(browser) {
      const p = await browser.open(browser.url('/engines/plain.html'));
      const { marks, readyAt } = await p.evaluate(async () => {
        await ftHost.ready;
        const readyAt = performance.now();
        return { marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ft:')).map((m) => [m.name, m.startTime]), readyAt };
      });
      const order = ['ft:installed', 'ft:core-compiled', 'ft:core-instantiated', 'ft:db-read', 'ft:ready'];
      expect(marks.map(([name]) => name).sort()).toEqual([...order].sort());
      // In order by time; two marks of one millisecond (WebKit's clock is coarse) may be listed either way.
      const at = Object.fromEntries(marks);
      for (let i = 1; i < order.length; i++) expect([order[i], at[order[i]] >= at[order[i - 1]]]).toEqual([order[i], true]);
      expect(readyAt).toBeGreaterThanOrEqual(at['ft:ready']);
    },
  },
  {
    name: 'inside a real FinClip host (window.__fcjs_environment set first) nothing is installed, one console.info (§1.9)',
    async run(browser) {
      const p = await browser.open(browser.url('/engines/real-host.html'));
      expect(await p.evaluate(() => [typeof window.ft, typeof window.ftHost])).toEqual(['undefined', 'undefined']);
      expect(await p.records('info', /real FinClip host/)).toHaveLength(1);
      expect(await p.errors()).toEqual([]);
    },
  },
  {
    name: "FinClip's user-agent marker (Provider/finogeeks) is detected as a real host too: nothing installed, one console.info (§1.9)",
    async run(browser) {
      const p = await browser.open(browser.url('/engines/finclip-user-agent.html'));
      expect(await p.evaluate(() => [typeof window.ft, navigator.userAgent.includes('Provider/finogeeks')])).toEqual(['undefined', true]);
      expect(await p.records('info')).toHaveLength(1);
      expect(await p.errors()).toEqual([]);
    },
  },
  {
    name: 'ftHostConfig.force installs inside a real FinClip host, with no console.info (§1.9)',
    async run(browser) {
      const p = await browser.open(browser.url('/engines/real-host-forced.html'));
      expect((await p.evaluate(() => ft.miniProgram.getEnv())).errMsg).toBe('getEnv:ok');
      expect(await p.records('info')).toEqual([]);
      expect(await p.errors()).toEqual([]);
    },
  },
  {
    name: 'without DecompressionStream the core still loads: getEnv and storage work (§1.13)',
    async run(browser) {
      const p = await browser.open(browser.url('/engines/no-decompression.html'));
      const out = await p.evaluate(async () => {
        // A bound on waiting, so that a call that never settles is reported as such.
        const settled = (/** @type {Promise<any>} */ p) => Promise.race([p, new Promise((r) => setTimeout(() => r('still pending after 10 s'), 10000))]);
        const env = await settled(ft.miniProgram.getEnv().then((r) => r.errMsg, (e) => e.errMsg));
        const ready = await settled(ftHost.ready.then(() => 'ready', (/** @type {any} */ e) => `rejected: ${e && e.message}`));
        const stored = await settled(ft.setStorage({ key: 'k', data: 1 }).then((r) => r.errMsg, (e) => e.errMsg));
        return { env, ready, stored };
      });
      expect(out).toEqual({ env: 'getEnv:ok', ready: 'ready', stored: 'setStorage:ok' });
      expect(await p.evaluate(useTheCore, 'ft')).toEqual({ ...CORE_WORKS, stack: STACK_AFTER(), streams: 'undefined', polyfill: ['/dist/ft-polyfill.js'], inflate: ['/dist/ft-polyfill-inflate.js'] });
      expect(await p.errors()).toEqual([]);
    },
  },
  {
    name: 'without DecompressionStream the ES module build imports the fallback module beside it (§1.13)',
    async run(browser) {
      const p = await browser.open(browser.url('/engines/no-decompression-module.html'));
      await p.waitFor(() => /** @type {any} */ (window).moduleFt);
      expect(await p.evaluate(useTheCore, 'moduleFt')).toEqual({ ...CORE_WORKS, stack: STACK_AFTER(), streams: 'undefined', polyfill: ['/dist/ft-polyfill.mjs'], inflate: ['/dist/ft-polyfill-inflate.mjs'] });
      expect(await p.errors()).toEqual([]);
    },
  },
  {
    name: 'without DecompressionStream a polyfill served from another folder finds the fallback next to itself (§1.13)',
    async run(browser) {
      const p = await browser.open(browser.url('/engines/no-decompression-vendor.html'));
      const seen = await p.evaluate(useTheCore, 'ft');
      expect([seen.read, seen.inflate]).toEqual([CORE_WORKS.read, ['/engines/vendor/ft/ft-polyfill-inflate.js']]);
    },
  },
  {
    name: 'with DecompressionStream neither the classic script nor the ES module downloads the fallback (§1.13)',
    async run(browser) {
      for (const [url, api, polyfill] of [[browser.pageUrl({ appId: 'engines-streams' }), 'ft', '/dist/ft-polyfill.js'], [browser.url('/engines/streams-module.html'), 'moduleFt', '/dist/ft-polyfill.mjs']]) {
        const p = await browser.open(url);
        await p.waitFor((name) => /** @type {any} */ (window)[name], api);
        const seen = await p.evaluate(useTheCore, api);
        expect([api, seen.streams, seen.read, seen.polyfill, seen.inflate]).toEqual([api, 'function', CORE_WORKS.read, [polyfill], []]);
        expect(await p.errors()).toEqual([]);
      }
    },
  },
];
