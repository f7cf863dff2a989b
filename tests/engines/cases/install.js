// Loading the script in every engine (behaviour.md §1.8, §1.9, §1.13): twice, inside a real host,
// on a plain page, and without DecompressionStream (Safari before 16.4).
import { withRecorder } from '../../helpers/engines.js';

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
  '/engines/no-decompression.html': page("window.ftHostConfig = { appId: 'engines-no-decompression' }; delete window.DecompressionStream;"),
};

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'loaded twice (and a third time later): the first instance and its listeners are kept, one warning (§1.8)',
    async run(browser) {
      const p = await browser.open(browser.url('/engines/twice.html'));
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
    name: 'inside a real FinClip host (window.__fcjs_environment set first) nothing is installed, one console.info (§1.9)',
    async run(browser) {
      const p = await browser.open(browser.url('/engines/real-host.html'));
      expect(await p.evaluate(() => [typeof window.ft, typeof window.ftHost])).toEqual(['undefined', 'undefined']);
      expect(await p.records('info', /real FinClip host/)).toHaveLength(1);
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
    },
  },
];
