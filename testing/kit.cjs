// ft-polyfill/testing: the polyfill in Jest (node and jsdom environments) and in Playwright.
//
// Jest:        const { setupFt } = require('ft-polyfill/testing');
//              beforeAll(() => setupFt({ appId: 'my-app' }));   // global ft + host, core ready
//              beforeEach(() => host.reset());                  // storage, stack, listeners, mocks, call log
// Playwright:  await injectFt(page, { appId: 'my-app' });       // before page.goto
//              const { stack, calls, messages } = await readHost(page);
'use strict';

const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { trackFileChannels, releaseFileChannels } = require('./file-channels.cjs');
const { requireWithCodeCache, saveCodeCaches } = require('./code-cache.cjs');
const { inlineConfigJson } = require('./config-json.cjs');
const { deviceCheckError, endOfTestError, recordChecks } = require('./device-checks.cjs');

const DIST = join(__dirname, '..', 'dist');
/**
 * The host UI's script (dist/ft-polyfill-ui.js: panel and sheets). A page that adds ft-polyfill.js
 * inline (page.addScriptTag({ path: scriptPath })) adds this one too, since the inlined script
 * has no address to load it from.
 */
const uiScriptPath = join(DIST, 'ft-polyfill-ui.js');

/** The page's (or Jest environment's) global object. */
const pageGlobal = /** @type {any} */ (globalThis);

/**
 * Fills in what the core needs on `global` from Node's own implementations (structuredClone,
 * TextDecoder, fetch, ...) and, for the page's own use, an in-memory IndexedDB (fake-indexeddb,
 * bundled in dist/fake-indexeddb.cjs) when the environment has none; ft's storage is then kept in
 * memory. Existing globals are kept.
 * @param {any} [global]
 * @returns {string[]} the names it added
 */
function polyfillGlobals(global = pageGlobal) {
  return polyfill().polyfillGlobals(global);
}

/**
 * The CommonJS build (dist/ft-polyfill.cjs, which loads dist/ft-polyfill-node.cjs), the build
 * compiled with V8's code cache in a fresh Node process (testing/code-cache.cjs), and its
 * in-memory IndexedDB too when the page's global has none.
 * @returns {any}
 */
function polyfill() {
  if (!pageGlobal[Symbol.for('ft-polyfill.node-build')]) {
    if (typeof pageGlobal.indexedDB === 'undefined') requireWithCodeCache(require, join(DIST, 'fake-indexeddb.cjs'));
    requireWithCodeCache(require, join(DIST, 'ft-polyfill-node.cjs'));
  }
  return require('../dist/ft-polyfill.cjs');
}

/** The instance already on `global` (or on globalThis beside it), else null. @param {any} global */
function existingInstance(global) {
  return polyfill().installedOn(global);
}

/**
 * Installs the polyfill on `global` (globalThis by default) as the script tag does, and also as
 * `host`: `ft`, `ftHost`, `host`, `__fcjs_environment`. Synchronous; calls made before the core is
 * ready are queued. There is one instance per global object (behaviour.md §1.11): when the
 * application's `import 'ft-polyfill'` (or an earlier call) installed it already, that one is
 * returned, with the globals defined (`config` is then applied by `setupFt`, not here).
 * @param {object} [config]  ftHostConfig (force is implied: tests never run inside a real host)
 * @param {{ global?: any }} [options]
 * @returns {{ ft: any, host: any }}
 */
function installFt(config = {}, { global = pageGlobal } = {}) {
  refuseUncheckedStrict('installFt', config);
  polyfillGlobals(global);
  if (global === pageGlobal) trackFileChannels(global);
  let instance = existingInstance(global);
  if (!instance) {
    global.ftHostConfig = { ...config, force: true };
    instance = polyfill().installFt(global);
  }
  // The application's later `import 'ft-polyfill'` shares this instance: that is no double load.
  instance.warnedTwice = true;
  global.ft = instance.ft;
  global.ftHost = instance.host;
  global.host = instance.host;
  global.__fcjs_environment = 'miniprogram';
  checks.hosts.add(instance.host);
  recordChecks(instance.host);
  return instance;
}

/**
 * One call for a test file: installs `ft`, `ftHost` and `host` globally and resolves once the core
 * is ready and `config` applied (on the instance already there when the application imported
 * ft-polyfill first). Rejects with an Error when the configuration cannot be applied, e.g. an
 * `appJson` that cannot be loaded or parsed (otherwise every page would silently exist), and with
 * onDeviceCheck: 'error' in Jest when the kit could not add the afterEach that fails a test on a
 * device check (refuseUncheckedStrict).
 * @param {object} [config]  ftHostConfig
 * @param {{ global?: any }} [options]
 * @returns {Promise<{ ft: any, host: any }>}
 */
async function setupFt(config = {}, options = {}) {
  refuseUncheckedStrict('setupFt', config);
  const global = options.global || pageGlobal;
  const had = Boolean(existingInstance(global));
  const instance = installFt(config, options);
  try {
    await (had ? instance.host[Symbol.for('ft-polyfill.setup')](config) : instance.host.ready);
  } catch (error) {
    if (!instance.host.configError()) throw error;
  }
  const error = instance.host.configError();
  if (error) throw new Error(`setupFt: ${error}`);
  saveCodeCaches();
  return instance;
}

/**
 * Throws when `host` (globalThis.ftHost by default) has device checks (ftHost.warnings()): a
 * test's own way of asserting that a page would work on a device.
 * @param {any} [host]
 */
function expectNoDeviceChecks(host = pageGlobal.ftHost) {
  const error = deviceCheckError(host && typeof host.warnings === 'function' ? host.warnings() : []);
  if (error) throw error;
}

// Jest (its globals; Vitest's setup file registers its own): a test during which an instance
// the kit installed was configured with onDeviceCheck: 'error' (by setupFt, installFt, or a later
// ftHost.configure or reset) fails after it if that page produced a device check, naming each
// one. That is an afterEach, and Jest takes hooks only before a file's tests start (at its top
// level or in setupFilesAfterEnv: one added inside a test fails that test, one added in a
// beforeAll fails the whole file) and has none to take in setupFiles, before its test functions
// exist. So the hook is added at the first of this module's load or an install that can; where
// none could, installFt and setupFt refuse onDeviceCheck: 'error' rather than leave it unchecked.
// Kept on the file's global, so a copy of this module loaded again (jest.resetModules) shares it.
/** @type {{ hosts: Set<any>, hooked: boolean }} */
const checks = pageGlobal[Symbol.for('ft-polyfill.testing-checks')] || (pageGlobal[Symbol.for('ft-polyfill.testing-checks')] = { hosts: new Set(), hooked: false });
/** Whether Jest's test functions are this global's (not Vitest's, which has its own setup). */
const inJest = () => typeof pageGlobal.afterEach === 'function' && !pageGlobal.__vitest_worker__;
/** Whether Jest has started running this file's tests (jest-circus's state, else expect's). */
const jestStarted = () => {
  try {
    const key = Object.getOwnPropertySymbols(pageGlobal).find((symbol) => symbol.description === 'JEST_STATE_SYMBOL');
    const state = key && pageGlobal[key];
    if (state && typeof state === 'object') return Boolean(state.hasStarted || state.currentlyRunningTest);
    return Boolean(pageGlobal.expect && pageGlobal.expect.getState && pageGlobal.expect.getState().currentTestName);
  } catch {
    return false;
  }
};
/** Adds the afterEach (and the afterAll that closes the file's channels) when Jest can take them. */
function hookJest() {
  if (checks.hooked || !inJest() || jestStarted()) return;
  try {
    pageGlobal.afterEach(() => {
      const error = endOfTestError(checks.hosts);
      if (error) throw error;
    });
    checks.hooked = true;
    if (typeof pageGlobal.afterAll === 'function') {
      trackFileChannels(pageGlobal);
      pageGlobal.afterAll(releaseFileChannels(pageGlobal));
    }
  } catch {
    // A runner that refuses the hook: refuseUncheckedStrict says so.
  }
}
hookJest();

/**
 * Throws, in Jest, for onDeviceCheck: 'error' when the afterEach that would fail a test on a
 * device check could not be added.
 * @param {string} by  installFt or setupFt @param {any} config
 */
function refuseUncheckedStrict(by, config) {
  hookJest();
  if (checks.hooked || !inJest() || !config || config.onDeviceCheck !== 'error') return;
  throw new Error(`${by}: onDeviceCheck: 'error' fails a test through an afterEach hook, which Jest takes only before a file's tests start, but ft-polyfill/testing could not add one: it was first required inside a hook or a test, or in setupFiles (before Jest's test functions exist). Require it at the top of the test file or in setupFilesAfterEnv, or call expectNoDeviceChecks() in an afterEach of your own`);
}

/**
 * A separate instance, not installed anywhere (its own core; give it its own appId for its own
 * storage).
 * @param {object} [config]
 * @returns {Promise<{ ft: any, host: any }>}
 */
async function createFt(config = {}) {
  polyfillGlobals(pageGlobal);
  const instance = polyfill().createFt({ config: { ...config, force: true } });
  await instance.host.ready;
  return { ft: instance.ft, host: instance.host };
}

/** Requests for FinClip's JSSDK script (its CDN's finclip-jssdk-1.4.20.js / .esm.js or any copy). */
const JSSDK_URL = /\/finclip-jssdk[^/?#]*\.js(?:[?#].*)?$/;

/** What the JSSDK request gets once the polyfill is injected: the instance already installed. */
const JSSDK_CLASSIC = '/* ft-polyfill: the FinClip JSSDK is replaced by the polyfill injected before the page */\n';
const JSSDK_ESM = '/* ft-polyfill */\nconst ft = window.ft;\nexport { ft };\nexport default ft;\n';

/**
 * Makes `config` the page's window.ftHostConfig, winning over the page's own: the page (a Vite dev
 * server with ft-polyfill/vite, `ft-polyfill serve`) may set ftHostConfig in an inline script of
 * its own, which would otherwise replace the test's. The page's fields stay as the base. A mock
 * rule's RegExp goes as "/re/flags" (docs/guides/mocks.md).
 * @param {object} config
 */
function configScript(config) {
  return `;(function () {
  var injected = ${inlineConfigJson(config)}, own, merged = injected;
  Object.defineProperty(window, 'ftHostConfig', {
    configurable: true, enumerable: true,
    get: function () { return merged; },
    set: function (value) { own = value; merged = own && typeof own === 'object' ? Object.assign({}, own, injected) : injected; },
  });
})();`;
}

/** Runs in the page, right after the polyfill: records what the host's 'message' listeners get. */
const RECORDER = `;(function () {
  var host = window.ftHost;
  // The page's own ft-polyfill (a dev server's bundle, a script tag) shares the injected instance:
  // that is intended, not a double load to warn about.
  if (window.__ftPolyfill) window.__ftPolyfill.warnedTwice = true;
  if (!host || window.__ftPolyfillMessages) return;
  window.__ftPolyfillMessages = [];
  host.on('message', function (e) { window.__ftPolyfillMessages.push(e && e.detail ? e.detail.data : e); });
  // ft-polyfill/playwright's binding: each device check as it is made, with whether the page's
  // configuration then asked for onDeviceCheck: 'error', so one made in a document that has since
  // navigated away or closed, or before a reset, still counts.
  var runtime = host[Symbol.for('ft-polyfill.runtime')];
  var forward = window.__ftPolyfillDeviceCheck;
  if (typeof forward === 'function' && runtime) {
    runtime.on('deviceCheck', function (w) {
      forward({ kind: w.kind, api: w.api, message: w.message, site: w.site, strict: runtime.config.onDeviceCheck === 'error' }).catch(function () {});
    });
  }
})();`;

/**
 * The url of a document already loaded in a Playwright Page (or in a page of a BrowserContext),
 * which an init script no longer reaches; '' when there is none (only about:blank).
 * @param {any} target
 * @returns {string}
 */
function loadedPageUrl(target) {
  const pages = typeof target.pages === 'function' ? target.pages() : [target];
  const urls = pages.map((/** @type {any} */ p) => (typeof p.url === 'function' ? p.url() : 'about:blank'));
  return urls.find((/** @type {string} */ url) => url && url !== 'about:blank') || '';
}

/**
 * The host UI's script, run only when the polyfill first asks for window.__ftPolyfillUi (a
 * sheet, the panel, mock rules): most pages never do, and running it in every page of every
 * test cost about 7 ms a page. A page that loads the UI script itself replaces the getter.
 * @param {string} ui  dist/ft-polyfill-ui.js
 */
const uiOnFirstUse = (ui) => `var define = function (value) { Object.defineProperty(window, '__ftPolyfillUi', { configurable: true, enumerable: true, writable: true, value: value }); };
Object.defineProperty(window, '__ftPolyfillUi', {
  configurable: true, enumerable: true,
  get: function () {
    define(undefined);
    (function () {
${ui}
    })();
    return window.__ftPolyfillUi;
  },
  set: define,
});`;

/** dist/ft-polyfill.js and its UI script, read once per process (a Playwright worker injects them in every test). @type {string[] | null} */
let scripts = null;
/** @returns {string[]} the host UI (panel, sheets: an injected script has no address to load it from) on first use, then the polyfill */
function injectedScripts() {
  if (!scripts) scripts = [uiOnFirstUse(readFileSync(uiScriptPath, 'utf8')), readFileSync(join(DIST, 'ft-polyfill.js'), 'utf8')];
  return scripts;
}

/**
 * Playwright: installs the polyfill in every page (and frame) of `target` before any page script
 * runs, with `config` as window.ftHostConfig, and answers requests for FinClip's JSSDK script
 * (…/finclip-jssdk*.js, e.g. from its CDN) with a stub that leaves the injected instance in place
 * (the .esm.js stub exports it as default and `ft`). Call it before page.goto.
 * @param {any} target  a Playwright Page or BrowserContext
 * @param {object} [config]  ftHostConfig
 * @returns {Promise<void>}  rejects when a page of target has already loaded a document (an init
 *   script reaches only later navigations)
 */
async function injectFt(target, config = {}) {
  if (!target || typeof target.addInitScript !== 'function' || typeof target.route !== 'function') {
    throw new TypeError('injectFt: the first argument should be a Playwright Page or BrowserContext, e.g. injectFt(page, { appId: \'shop\' })');
  }
  const loaded = loadedPageUrl(target);
  if (loaded) throw new Error(`injectFt: ${loaded} is already loaded, and an init script only reaches later navigations; call injectFt(page, config) before page.goto`);
  // Only in documents that load something: a new tab's first about:blank would start a second
  // polyfill whose storage (and its warnings) the page never sees. Each piece in a function of its
  // own keeps its "use strict" a directive.
  const content = `if (location.href !== 'about:blank') {\n${[configScript(config), ...injectedScripts(), RECORDER].map((piece) => `(function () {\n${piece}\n})();`).join('\n')}\n}`;
  await target.addInitScript({ content });
  await target.route(JSSDK_URL, (/** @type {any} */ route) => {
    const esm = /\.esm\.js(?:[?#]|$)/.test(route.request().url());
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*' },
      body: esm ? JSSDK_ESM : JSSDK_CLASSIC,
    });
  });
}

/**
 * Playwright: the host's state in `page`, for assertions: the page stack (bottom first), the call
 * log (JSON-safe: functions become '[Function]') and the message arrays delivered to the host's
 * 'message' listeners since injection.
 * @param {any} page
 * @returns {Promise<import('./index.js').HostSnapshot>}  rejects when the
 *   page has no ft-polyfill host (window.ftHost)
 */
async function readHost(page) {
  if (!page || typeof page.evaluate !== 'function') throw new TypeError('readHost: the argument should be a Playwright Page, e.g. readHost(page)');
  const snapshot = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    const host = w.ftHost;
    if (!host || typeof host.calls !== 'function') return null;
    /** @param {any} v */
    const safe = (v) => JSON.parse(JSON.stringify(v === undefined ? null : v, (_k, x) => (typeof x === 'function' ? '[Function]' : x)));
    return { stack: safe(host.stack()), calls: safe(host.calls()), messages: safe(w.__ftPolyfillMessages || []), warnings: safe(typeof host.warnings === 'function' ? host.warnings() : []) };
  });
  if (!snapshot) {
    const url = typeof page.url === 'function' ? page.url() : 'the page';
    // about:blank: nothing loaded yet (the fixture injects into every document the page loads).
    if (url === 'about:blank') throw new Error('readHost: the page has loaded nothing yet (about:blank); call page.goto first (outside ft-polyfill/playwright\'s fixture, injectFt(page, config) before page.goto)');
    throw new Error(`readHost: ${url} has no ft-polyfill (window.ftHost is undefined); call injectFt(page, config) before page.goto`);
  }
  return snapshot;
}

/** The classic script's path (dist/ft-polyfill.js), e.g. for page.addScriptTag({ path }). */
const scriptPath = join(DIST, 'ft-polyfill.js');

const { ftMatchers, pendingMessages } = require('./matchers.cjs');

module.exports = { ftMatchers, pendingMessages, setupFt, installFt, createFt, polyfillGlobals, injectFt, readHost, expectNoDeviceChecks, deviceCheckError, scriptPath, uiScriptPath, JSSDK_URL };
