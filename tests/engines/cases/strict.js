// Strict pages in every engine (behaviour.md §1.13): a Content-Security-Policy without
// 'wasm-unsafe-eval' makes every call fail saying what to add; the host panel and sheet are styled
// under `style-src 'self'`; under Trusted Types (`require-trusted-types-for 'script'`) the panel's
// script loads through the 'ft-polyfill' policy. The routes below send the headers; every script
// of these pages is a same-origin file (the recorder too), so `script-src 'self'` lets them run.
import { RECORDER } from '../../helpers/engines.js';

const NO_WASM_CSP = "script-src 'self'";
const STYLE_CSP = "style-src 'self'";
const TRUSTED_TYPES_CSP = "require-trusted-types-for 'script'";
const WASM_ADVICE = "WebAssembly is blocked by the page's Content-Security-Policy: add 'wasm-unsafe-eval' to script-src";

/** @param {string} text */
const js = (text) => (/** @type {any} */ _req, /** @type {import('node:http').ServerResponse} */ res) => {
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
  res.end(text);
};

/**
 * A page under `csp` whose first scripts are the recorder and a violation counter (window.violations,
 * from before the polyfill runs), then the page's config and the polyfill, then `after`.
 * @param {string} csp @param {string} appId @param {string} [after]
 */
const strictPage = (csp, appId, after = '') => (/** @type {any} */ _req, /** @type {import('node:http').ServerResponse} */ res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>strict</title>
<script src="/engines/strict/recorder.js"></script>
<script src="/engines/strict/violations.js"></script>
<script src="/engines/strict/${appId}.js"></script>
<script src="/dist/ft-polyfill.js"></script>${after}
</head><body><p>${csp}</p></body></html>`);
};

/**
 * The calls a page makes at script time (queued before the core is up), their errMsgs in
 * window.scriptTimeResults, and whether the engine lets the page instantiate WebAssembly at all
 * (window.wasmProof); a same-origin file, so it runs under `script-src 'self'`.
 */
const SCRIPT_TIME_CALLS = `
// The policy is in force: the engine refuses the page a WebAssembly instance (of the smallest
// module; WebKitGTK compiles it and refuses only the instance, so compile alone proves nothing).
window.wasmProof = WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(function () { return 'instantiated'; }, function (e) { return e.name; });
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

/**
 * A page under `script-src 'self' 'wasm-unsafe-eval'` whose marked config scripts (as
 * ft-polyfill/vite adds them) cannot run: `inline` an inline one, else a file that fails to load.
 * @param {boolean} inline
 */
const blockedConfigPage = (inline) => (/** @type {any} */ _req, /** @type {import('node:http').ServerResponse} */ res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'" });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>config blocked</title>
<script src="/engines/strict/recorder.js"></script>
${inline ? "<script data-ft-host-config>window.ftHostConfig = { appId: 'engines-config-blocked' };</script>" : '<script src="/engines/strict/missing-config.js" data-ft-host-config></script>'}
<script src="/dist/ft-polyfill.js"></script>
</head><body></body></html>`);
};

/** @type {Record<string, import('../../../bin/server.js').RouteHandler>} */
export const routes = {
  '/engines/strict/config-inline.html': blockedConfigPage(true),
  '/engines/strict/config-missing.html': blockedConfigPage(false),
  '/engines/strict/trusted-types-unlisted.html': strictPage(`${TRUSTED_TYPES_CSP}; trusted-types other-policy`, 'engines-trusted-types'),
  '/engines/strict/recorder.js': js(RECORDER.replace(/^<script>/, '').replace(/<\/script>$/, '')),
  '/engines/strict/violations.js': js("window.violations = []; document.addEventListener('securitypolicyviolation', function (e) { window.violations.push(e.violatedDirective + ' ' + e.blockedURI); });"),
  '/engines/strict/engines-no-wasm.js': js("window.ftHostConfig = { appId: 'engines-no-wasm' };"),
  '/engines/strict/engines-style.js': js("window.ftHostConfig = { appId: 'engines-style' };"),
  '/engines/strict/engines-trusted-types.js': js("window.ftHostConfig = { appId: 'engines-trusted-types' };"),
  '/engines/strict/calls.js': js(SCRIPT_TIME_CALLS),
  '/engines/strict/no-wasm.html': strictPage(NO_WASM_CSP, 'engines-no-wasm', '\n<script src="/engines/strict/calls.js"></script>'),
  '/engines/strict/style.html': strictPage(STYLE_CSP, 'engines-style'),
  '/engines/strict/trusted-types.html': strictPage(TRUSTED_TYPES_CSP, 'engines-trusted-types'),
  // A page that allow-lists policy names: docs/guides/script-tag-and-import.md names ours.
  '/engines/strict/trusted-types-listed.html': strictPage(`${TRUSTED_TYPES_CSP}; trusted-types ft-polyfill`, 'engines-trusted-types'),
};

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: "under script-src 'self' (no 'wasm-unsafe-eval') every call fails with an errMsg naming 'wasm-unsafe-eval'; getEnv answers; nothing throws (§1.13)",
    async run(browser) {
      const page = await browser.open(browser.url('/engines/strict/no-wasm.html'));
      await page.waitFor(() => Object.keys(/** @type {any} */ (window).scriptTimeResults || {}).length === 5);
      const out = await page.evaluate(async () => {
        const w = /** @type {any} */ (window);
        const errMsg = (/** @type {Promise<any>} */ p) => p.then((r) => r.errMsg, (r) => r.errMsg);
        return {
          // The header the page was served with: the policy the case is about.
          policy: await fetch(location.href, { cache: 'no-store' }).then((r) => r.headers.get('content-security-policy')),
          violated: w.violations.length > 0,
          wasm: await w.wasmProof,
          ready: await ftHost.ready.then(() => 'resolved', () => 'rejected'),
          setStorage: await errMsg(ft.setStorage({ key: 'b', data: 2 })),
          removeStorage: await errMsg(ft.removeStorage({ key: 'b' })),
          request: await errMsg(ft.request({ url: `${location.origin}/echo` })),
          redirectTo: await errMsg(ft.miniProgram.redirectTo({ url: '/pages/other/index' })),
          callNativeAPI: await new Promise((resolve) => ft.callNativeAPI('track', {}, (/** @type {any} */ r) => resolve(r.errMsg))),
          getEnv: await ft.miniProgram.getEnv(),
          scriptTimeResults: w.scriptTimeResults,
          scriptTimeEnv: w.scriptTimeEnv,
        };
      });
      const fail = (/** @type {string} */ api) => `${api}:fail internal error: ${WASM_ADVICE}`;
      const env = { env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' };
      expect(out).toEqual({
        policy: NO_WASM_CSP,
        // Chromium and Firefox also report the refusal as a violation of the policy (an event);
        // WebKitGTK refuses the instance without one (seen in 2.50.6), so there wasmProof alone shows it.
        violated: browser.engine !== 'webkit',
        wasm: expect.stringMatching(/^(CompileError|EvalError)$/),
        ready: 'rejected',
        setStorage: fail('setStorage'),
        removeStorage: fail('removeStorage'),
        request: fail('request'),
        redirectTo: fail('invokeMiniProgramAPI'),
        callNativeAPI: fail('callNativeAPI'),
        // getEnv needs no core: the page still learns where it runs.
        getEnv: env,
        scriptTimeResults: {
          setStorage: fail('setStorage'),
          getStorage: fail('getStorage'),
          navigateTo: fail('invokeMiniProgramAPI'),
          getStorageInfo: fail('getStorageInfo'),
          // A getEnv made while calls before it waited for the core fails with them (call order, §1.6).
          getEnvBehindCalls: fail('getEnv'),
        },
        scriptTimeEnv: env,
      });
      // Said once, as one console.error; nothing thrown, no unhandled rejection.
      expect(await page.errors()).toEqual([`error: ft-polyfill: ${WASM_ADVICE}`]);
    },
  },
  {
    name: "under style-src 'self' (no 'unsafe-inline') the host panel and a sheet are styled, with no violation (§1.13)",
    async run(browser) {
      const page = await browser.open(browser.url('/engines/strict/style.html'));
      const policy = await page.evaluate(async () => {
        const served = await fetch(location.href, { cache: 'no-store' }).then((r) => r.headers.get('content-security-policy'));
        await ftHost.panel.open();
        /** @type {any} */ (window).__picked = ft.chooseLocation().catch((e) => e.errMsg);
        return served;
      });
      expect(policy).toBe(STYLE_CSP);
      const styled = await page.waitFor(() => {
        const panel = document.querySelector('ft-host-panel')?.shadowRoot;
        const sheet = document.querySelector('[data-ft-sheet="chooseLocation"]')?.shadowRoot;
        const root = /** @type {HTMLElement | null | undefined} */ (panel?.querySelector('.root'));
        const backdrop = /** @type {HTMLElement | null | undefined} */ (sheet?.querySelector('.backdrop'));
        const box = /** @type {HTMLElement | null | undefined} */ (sheet?.querySelector('.sheet'));
        if (!root || !backdrop || !box) return null;
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
      const picked = await page.evaluate(() => {
        const root = /** @type {ShadowRoot} */ (document.querySelector('[data-ft-sheet="chooseLocation"]')?.shadowRoot);
        /** @type {HTMLElement} */ (root.querySelector('[data-action="cancel"]')).click();
        return /** @type {any} */ (window).__picked;
      });
      expect(picked).toBe('chooseLocation:fail cancel');
      expect(await page.errors()).toEqual([]);
    },
  },
  ...[['trusted-types', "require-trusted-types-for 'script'"], ['trusted-types-listed', "require-trusted-types-for 'script' and a trusted-types list naming 'ft-polyfill'"]].map(([file, what]) => ({
    name: `under ${what} the panel's script loads through the 'ft-polyfill' policy, with no violation (§1.13)`,
    /** @param {import('../../helpers/engines.js').EngineBrowser} browser */
    async run(browser) {
      const page = await browser.open(browser.url(`/engines/strict/${file}.html`));
      const out = await page.evaluate(async () => {
        const w = /** @type {any} */ (window);
        let thrown = '';
        try {
          await ftHost.panel.open();
        } catch (error) {
          thrown = String(error);
        }
        const violations = w.violations.slice();
        // Whether the policy is in force: a plain string is refused as a script url (a violation
        // of its own, after the snapshot above).
        let plainRefused = false;
        try { document.createElement('script').src = '/x.js'; } catch { plainRefused = true; }
        return {
          trustedTypes: typeof w.trustedTypes,
          thrown,
          open: ftHost.panel.isOpen(),
          sections: document.querySelector('ft-host-panel')?.shadowRoot?.querySelectorAll('section').length || 0,
          uiScript: document.querySelector('script[src$="/dist/ft-polyfill-ui.js"]') !== null,
          plainRefused,
          violations,
        };
      });
      // An engine without Trusted Types ignores the header (tests/engines/limits.js lists it as an
      // engine limit): the same page then shows it has none, and the panel still loads.
      const enforced = browser.can('trustedTypes');
      expect(out).toEqual({
        trustedTypes: enforced ? 'object' : 'undefined',
        thrown: '', open: true, sections: expect.any(Number), uiScript: true,
        plainRefused: enforced,
        violations: [],
      });
      expect(out.sections).toBeGreaterThan(0);
      expect(await page.errors()).toEqual([]);
    },
  })),
  {
    name: "a config script the page marked (ft-polyfill/vite's) that could not run: ftHost.configError() and a console error say so, the defaults apply (§1.13)",
    async run(browser) {
      for (const [file, script] of [['config-inline', '(inline)'], ['config-missing', browser.url('/engines/strict/missing-config.js')]]) {
        const page = await browser.open(browser.url(`/engines/strict/${file}.html`));
        const out = await page.evaluate(async () => ({ appId: (await ft.getAppletInfo()).appId, stored: (await ft.getStorageInfo()).errMsg, configError: ftHost.configError() }));
        const message = `config script ${script} did not run (blocked by the page's CSP?)`;
        expect([file, out]).toEqual([file, { appId: 'ft-polyfill-app', stored: 'getStorageInfo:ok', configError: message }]);
        expect([file, await page.errors()]).toEqual([file, [`error: ft-polyfill: ftHostConfig: ${message}`]]);
      }
    },
  },
  {
    name: "under Trusted Types with a trusted-types list lacking 'ft-polyfill', loading the panel fails naming the policy (§1.13)",
    async run(browser) {
      const page = await browser.open(browser.url('/engines/strict/trusted-types-unlisted.html'));
      const thrown = await page.evaluate(() => ftHost.panel.open().then(() => '', (e) => String(e)));
      if (browser.can('trustedTypes')) expect(thrown).toMatch(/could not be loaded \(Trusted Types policy 'ft-polyfill' refused: add it to trusted-types\)/);
      else expect(thrown).toBe('');
    },
  },
];
