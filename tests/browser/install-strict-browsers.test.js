// Older browsers (behaviour.md §1.13): a browser without DecompressionStream (Safari before 16.4,
// Firefox before 113) still loads the core, from the inflate fallback file that no other browser
// downloads. These stay in Chromium: they check which files were requested, through Playwright's
// request events. The strict pages (a Content-Security-Policy without 'wasm-unsafe-eval',
// `style-src 'self'`, Trusted Types) run in every engine: tests/engines/cases/strict.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useChromium, newPage, ROOT } from '../helpers/browser.js';

/** @param {string} head */
const html = (head) => (/** @type {any} */ _req, /** @type {any} */ res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body></body></html>`);
};
/** @param {string | (() => string)} text */
const js = (text) => (/** @type {any} */ _req, /** @type {any} */ res) => {
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
  res.end(typeof text === 'function' ? text() : text);
};
/** A file of dist/, read when asked for. @param {string} name */
const distFile = (name) => js(() => readFileSync(join(ROOT, 'dist', name), 'utf8'));
const config = (/** @type {object} */ c) => js(`window.ftHostConfig = ${JSON.stringify(c)};`);

// What Safari before 16.4 lacks: the page's first script removes it before the polyfill runs.
const WITHOUT_STREAMS = '<script>delete window.DecompressionStream; delete window.CompressionStream;</script>';

const suite = useChromium({
  '/no-streams/config.js': config({ appId: 'no-streams' }),
  '/no-streams/script.html': html(`${WITHOUT_STREAMS}<script src="/no-streams/config.js"></script><script src="/dist/ft-polyfill.js"></script>`),
  '/no-streams/module.html': html(`${WITHOUT_STREAMS}<script src="/no-streams/config.js"></script><script type="module">import ft from '/dist/ft-polyfill.mjs'; window.moduleFt = ft;</script>`),
  '/streams/module.html': html('<script src="/no-streams/config.js"></script><script type="module">import ft from \'/dist/ft-polyfill.mjs\'; window.moduleFt = ft;</script>'),
  // The polyfill served from elsewhere: the fallback is looked for next to it, not next to the page.
  '/vendor/ft/ft-polyfill.js': distFile('ft-polyfill.js'),
  '/vendor/ft/ft-polyfill-inflate.js': distFile('ft-polyfill-inflate.js'),
  '/no-streams/vendor.html': html(`${WITHOUT_STREAMS}<script src="/no-streams/config.js"></script><script src="/vendor/ft/ft-polyfill.js"></script>`),
});

/** A fresh context whose page records every url requested. */
async function openContext() {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  /** @type {string[]} */
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  return { context, page, requested };
}

/** What a page sees of storage, getEnv and navigation; `api` is the page's `ft` expression. */
function useTheCore() {
  return async (/** @type {string} */ api) => {
    const ft = /** @type {any} */ (window)[api];
    const out = /** @type {Record<string, any>} */ ({ streams: typeof DecompressionStream });
    out.env = await ft.miniProgram.getEnv();
    await ft.setStorage({ key: 'profile', data: { name: '张三', tags: ['a', 1, null] } });
    await ft.setStorage({ key: 'when', data: new Date(5) });
    const when = (await ft.getStorage({ key: 'when' })).data;
    out.read = { ...(await ft.getStorage({ key: 'profile' })).data, when: when instanceof Date ? when.getTime() : when };
    out.navigate = (await ft.miniProgram.navigateTo({ url: '/pages/detail/index?id=7' })).errMsg;
    out.stack = /** @type {any} */ (window).ftHost.stack().map((/** @type {any} */ p) => p.url);
    return out;
  };
}

const CORE_WORKS = {
  streams: 'undefined',
  env: { env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' },
  read: { name: '张三', tags: ['a', 1, null], when: 5 },
  navigate: 'invokeMiniProgramAPI:ok',
};

describe('without DecompressionStream (Safari before 16.4, Firefox before 113)', () => {
  test('the classic script loads the core with the inflate fallback file beside it', async () => {
    const { context, page, requested } = await openContext();
    await page.goto(`${suite.server.url}/no-streams/script.html`);
    const seen = await page.evaluate(useTheCore(), 'ft');
    expect(seen).toEqual({ ...CORE_WORKS, stack: [expect.any(String), 'pages/detail/index?id=7'] });
    expect(requested.filter((p) => p.includes('inflate'))).toEqual(['/dist/ft-polyfill-inflate.js']);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  test('the ES module build imports the fallback module beside it', async () => {
    const { context, page, requested } = await openContext();
    await page.goto(`${suite.server.url}/no-streams/module.html`);
    await page.waitForFunction(() => /** @type {any} */ (window).moduleFt);
    const seen = await page.evaluate(useTheCore(), 'moduleFt');
    expect(seen).toEqual({ ...CORE_WORKS, stack: [expect.any(String), 'pages/detail/index?id=7'] });
    expect(requested.filter((p) => p.includes('inflate'))).toEqual(['/dist/ft-polyfill-inflate.mjs']);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  test('a polyfill served from another folder finds the fallback next to itself', async () => {
    const { context, page, requested } = await openContext();
    await page.goto(`${suite.server.url}/no-streams/vendor.html`);
    expect((await page.evaluate(useTheCore(), 'ft')).read).toEqual(CORE_WORKS.read);
    expect(requested.filter((p) => p.includes('inflate'))).toEqual(['/vendor/ft/ft-polyfill-inflate.js']);
    await context.close();
  });

  test('a browser with DecompressionStream never downloads the fallback (classic script and ES module)', async () => {
    const { context, page, requested } = await openContext();
    for (const [path, api] of [[`/tests/pages/blank.html?config=${encodeURIComponent('{"appId":"with-streams"}')}`, 'ft'], ['/streams/module.html', 'moduleFt']]) {
      await page.goto(`${suite.server.url}${path}`);
      await page.waitForFunction((name) => /** @type {any} */ (window)[name], api);
      const seen = await page.evaluate(useTheCore(), api);
      expect([path, seen.streams, seen.read]).toEqual([path, 'function', CORE_WORKS.read]);
    }
    expect(requested.some((p) => p.endsWith('/dist/ft-polyfill.js'))).toBe(true);
    expect(requested.some((p) => p.endsWith('/dist/ft-polyfill.mjs'))).toBe(true);
    expect(requested.filter((p) => p.includes('inflate'))).toEqual([]);
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
