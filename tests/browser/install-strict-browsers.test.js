// Older and stricter browsers (behaviour.md §1.13): a browser without DecompressionStream (Safari
// before 16.4, Firefox before 113) still loads the core, from the inflate fallback file that no
// other browser downloads; a Content-Security-Policy without 'wasm-unsafe-eval' makes every call
// fail with an errMsg that says what to add; the host UI renders under `style-src 'self'` and
// under Trusted Types. Written against standard DOM only, so any engine can run them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useChromium, newPage, ROOT } from '../helpers/browser.js';

/** @param {string} head @param {Record<string, string>} [headers] @param {string} [body] */
const html = (head, headers = {}, body = '') => (/** @type {any} */ _req, /** @type {any} */ res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
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
const NO_WASM_CSP = "script-src 'self'";
const STYLE_CSP = "style-src 'self'";
const TRUSTED_TYPES_CSP = "require-trusted-types-for 'script'";
const WASM_ADVICE = "WebAssembly is blocked by the page's Content-Security-Policy: add 'wasm-unsafe-eval' to script-src";

/**
 * The calls a page makes at script time (queued before the core is up) and their errMsgs, in
 * window.scriptTimeResults; served as a same-origin file, so it runs under `script-src 'self'`.
 */
const SCRIPT_TIME_CALLS = `
window.scriptTimeResults = {};
window.scriptTimeEnv = null;
ft.miniProgram.getEnv(function (res) { window.scriptTimeEnv = res; });
function record(name) { return function (res) { window.scriptTimeResults[name] = res.errMsg; }; }
ft.setStorage({ key: 'a', data: 1, fail: record('setStorage'), success: record('setStorage') });
ft.getStorage({ key: 'a', fail: record('getStorage'), success: record('getStorage') });
ft.miniProgram.navigateTo({ url: '/pages/detail/index', fail: record('navigateTo'), success: record('navigateTo') });
ft.getStorageInfo().then(record('getStorageInfo'), record('getStorageInfo'));
ft.miniProgram.getEnv().then(record('getEnvBehindCalls'), record('getEnvBehindCalls'));
`;

const suite = useChromium({
  '/no-streams/config.js': config({ appId: 'no-streams' }),
  '/no-streams/script.html': html(`${WITHOUT_STREAMS}<script src="/no-streams/config.js"></script><script src="/dist/ft-polyfill.js"></script>`),
  '/no-streams/module.html': html(`${WITHOUT_STREAMS}<script src="/no-streams/config.js"></script><script type="module">import ft from '/dist/ft-polyfill.mjs'; window.moduleFt = ft;</script>`),
  '/streams/module.html': html('<script src="/no-streams/config.js"></script><script type="module">import ft from \'/dist/ft-polyfill.mjs\'; window.moduleFt = ft;</script>'),
  // The polyfill served from elsewhere: the fallback is looked for next to it, not next to the page.
  '/vendor/ft/ft-polyfill.js': distFile('ft-polyfill.js'),
  '/vendor/ft/ft-polyfill-inflate.js': distFile('ft-polyfill-inflate.js'),
  '/no-streams/vendor.html': html(`${WITHOUT_STREAMS}<script src="/no-streams/config.js"></script><script src="/vendor/ft/ft-polyfill.js"></script>`),

  '/no-wasm/config.js': config({ appId: 'no-wasm' }),
  '/no-wasm/calls.js': js(SCRIPT_TIME_CALLS),
  '/no-wasm/page.html': html('<script src="/no-wasm/config.js"></script><script src="/dist/ft-polyfill.js"></script><script src="/no-wasm/calls.js"></script>', { 'content-security-policy': NO_WASM_CSP }),

  '/style/config.js': config({ appId: 'style-csp' }),
  '/style/page.html': html('<script src="/style/config.js"></script><script src="/dist/ft-polyfill.js"></script>', { 'content-security-policy': STYLE_CSP }, '<p>style-src self</p>'),
  '/trusted-types/page.html': html('<script src="/style/config.js"></script><script src="/dist/ft-polyfill.js"></script>', { 'content-security-policy': TRUSTED_TYPES_CSP }, '<p>trusted types</p>'),
  // A page that allow-lists policy names: the README names ours.
  '/trusted-types/listed.html': html('<script src="/style/config.js"></script><script src="/dist/ft-polyfill.js"></script>', { 'content-security-policy': `${TRUSTED_TYPES_CSP}; trusted-types ft-polyfill` }, '<p>trusted types</p>'),
});

/**
 * A fresh context whose pages count CSP violations (window.violations) from before any script
 * runs, and record every url requested.
 */
async function openContext() {
  const context = await suite.browser.newContext();
  await context.addInitScript(() => {
    /** @type {any} */ (window).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => /** @type {any} */ (window).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
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

test("under a Content-Security-Policy without 'wasm-unsafe-eval' every call fails saying what to add, and nothing throws", async () => {
  const { context, page } = await openContext();
  /** @type {string[]} */
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  const response = await page.goto(`${suite.server.url}/no-wasm/page.html`);
  expect(response?.headers()['content-security-policy']).toBe(NO_WASM_CSP);
  await page.waitForFunction(() => Object.keys(/** @type {any} */ (window).scriptTimeResults).length === 5);
  const later = await page.evaluate(async () => {
    const ft = /** @type {any} */ (window).ft;
    const errMsg = (/** @type {any} */ p) => p.then((/** @type {any} */ r) => r.errMsg, (/** @type {any} */ r) => r.errMsg);
    return {
      ready: await /** @type {any} */ (window).ftHost.ready.then(() => 'resolved', () => 'rejected'),
      setStorage: await errMsg(ft.setStorage({ key: 'b', data: 2 })),
      removeStorage: await errMsg(ft.removeStorage({ key: 'b' })),
      request: await errMsg(ft.request({ url: '/no-wasm/config.js' })),
      redirectTo: await errMsg(ft.miniProgram.redirectTo({ url: '/pages/other/index' })),
      callNativeAPI: await new Promise((resolve) => ft.callNativeAPI('track', {}, (/** @type {any} */ r) => resolve(r.errMsg))),
      getEnv: await ft.miniProgram.getEnv(),
    };
  });
  const { scriptTimeResults, scriptTimeEnv, violations } = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    return { scriptTimeResults: w.scriptTimeResults, scriptTimeEnv: w.scriptTimeEnv, violations: w.violations };
  });
  const fail = (/** @type {string} */ api) => `${api}:fail internal error: ${WASM_ADVICE}`;
  expect(scriptTimeResults).toEqual({
    setStorage: fail('setStorage'),
    getStorage: fail('getStorage'),
    navigateTo: fail('invokeMiniProgramAPI'),
    getStorageInfo: fail('getStorageInfo'),
    // A getEnv made while calls before it waited for the core fails with them (call order, §1.6).
    getEnvBehindCalls: fail('getEnv'),
  });
  expect(later).toEqual({
    ready: 'rejected',
    setStorage: fail('setStorage'),
    removeStorage: fail('removeStorage'),
    request: fail('request'),
    redirectTo: fail('invokeMiniProgramAPI'),
    callNativeAPI: fail('callNativeAPI'),
    // getEnv needs no core: the page still learns where it runs (README, Behaviour §1.13).
    getEnv: { env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' },
  });
  expect(scriptTimeEnv).toEqual({ env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' });
  // The policy was in force: the browser refused the WebAssembly (a `script-src` violation).
  expect(violations.length).toBeGreaterThan(0);
  // Nothing was thrown into the page; the polyfill said once why the core did not start. (The
  // pipeline also logs each failed call as `ft.<api>: internal error`, with the same advice.)
  // One console error in all: the calls' own failures are not logged again.
  expect(page.errors).toEqual([`ft-polyfill: ${WASM_ADVICE}`]);
  expect(consoleErrors.filter((e) => e.startsWith('ft-polyfill:'))).toEqual([`ft-polyfill: ${WASM_ADVICE}`]);
  await context.close();
});

describe("the host UI under style-src 'self' and Trusted Types", () => {
  test("under style-src 'self' (no 'unsafe-inline') the panel and a sheet are styled, with no violation", async () => {
    const { context, page } = await openContext();
    const response = await page.goto(`${suite.server.url}/style/page.html`);
    expect(response?.headers()['content-security-policy']).toBe(STYLE_CSP);
    await page.evaluate(() => /** @type {any} */ (window).ftHost.panel.open());
    await page.waitForSelector('ft-host-panel', { state: 'attached' });
    // chooseLocation shows the host's sheet (its sheet is the place picker).
    await page.evaluate(() => { /** @type {any} */ (window).picked = /** @type {any} */ (window).ft.chooseLocation().catch((/** @type {any} */ e) => e.errMsg); });
    await page.waitForSelector('[data-ft-sheet="chooseLocation"]', { state: 'attached' });
    const styled = await page.evaluate(() => {
      const panel = /** @type {ShadowRoot} */ (/** @type {Element} */ (document.querySelector('ft-host-panel')).shadowRoot);
      const root = /** @type {HTMLElement} */ (panel.querySelector('.root'));
      const sheetHost = /** @type {ShadowRoot} */ (/** @type {Element} */ (document.querySelector('[data-ft-sheet="chooseLocation"]')).shadowRoot);
      const backdrop = /** @type {HTMLElement} */ (sheetHost.querySelector('.backdrop'));
      const box = /** @type {HTMLElement} */ (sheetHost.querySelector('.sheet'));
      const p = getComputedStyle(root);
      const b = getComputedStyle(backdrop);
      return {
        panel: { position: p.position, width: p.width, right: p.right, display: p.display },
        backdrop: { position: b.position, display: b.display, alignItems: b.alignItems },
        sheetRadius: getComputedStyle(box).borderTopLeftRadius,
        pageMargin: getComputedStyle(document.documentElement).marginRight,
        violations: /** @type {any} */ (window).violations,
      };
    });
    expect(styled).toEqual({
      panel: { position: 'fixed', width: '380px', right: '0px', display: 'flex' },
      backdrop: { position: 'fixed', display: 'flex', alignItems: 'flex-end' },
      sheetRadius: '12px',
      pageMargin: '380px',
      violations: [],
    });
    // The sheet works: cancelling it settles the call.
    await page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (/** @type {Element} */ (document.querySelector('[data-ft-sheet="chooseLocation"]')).shadowRoot);
      /** @type {HTMLElement} */ (root.querySelector('[data-action="cancel"]')).click();
    });
    expect(await page.evaluate(() => /** @type {any} */ (window).picked)).toBe('chooseLocation:fail cancel');
    expect(page.errors).toEqual([]);
    await context.close();
  });

  for (const [path, what] of [['/trusted-types/page.html', "require-trusted-types-for 'script'"], ['/trusted-types/listed.html', "and a trusted-types list naming 'ft-polyfill'"]]) {
    test(`under Trusted Types (${what}) the UI file loads through the 'ft-polyfill' policy and the panel opens`, async () => {
      const { context, page } = await openContext();
      await page.goto(`${suite.server.url}${path}`);
      const outcome = await page.evaluate(async () => {
        const w = /** @type {any} */ (window);
        let thrown = '';
        try {
          await w.ftHost.panel.open();
        } catch (error) {
          thrown = String(error);
        }
        return {
          thrown,
          open: w.ftHost.panel.isOpen(),
          sections: document.querySelector('ft-host-panel')?.shadowRoot?.querySelectorAll('section').length || 0,
          uiScript: document.querySelector('script[src$="/dist/ft-polyfill-ui.js"]') !== null,
          violations: w.violations,
        };
      });
      expect(outcome).toEqual({ thrown: '', open: true, sections: expect.any(Number), uiScript: true, violations: [] });
      expect(outcome.sections).toBeGreaterThan(0);
      expect(page.errors).toEqual([]);
      // Proof that the policy was in force: a plain string is refused as a script url.
      const plainRefused = await page.evaluate(() => {
        try { document.createElement('script').src = '/x.js'; } catch { return true; }
        return false;
      });
      expect(plainRefused).toBe(true);
      await context.close();
    });
  }
});
