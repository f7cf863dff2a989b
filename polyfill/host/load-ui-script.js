// Loads the host's UI in the classic script: dist/ft-polyfill-ui.js, next to dist/ft-polyfill.js,
// with a <script> tag (works from file:// too). The UI script sets window.__ftPolyfillUi; when a
// page (or the testing kit) has already run it, nothing is downloaded.

const GLOBAL_NAME = '__ftPolyfillUi';
const FILE = 'ft-polyfill-ui.js';

/**
 * The polyfill's own <script> element, found while it runs (document.currentScript is only set
 * then); null when it was added inline or bundled into another script.
 * @returns {HTMLScriptElement | null}
 */
function ownScript() {
  const doc = typeof document !== 'undefined' ? document : null;
  const current = /** @type {HTMLScriptElement | null} */ (doc && doc.currentScript);
  if (current && current.src) return current;
  // Added inline (e.g. page.addScriptTag({ path })): a <script src=".../ft-polyfill.js"> may still be on the page.
  const scripts = doc ? Array.from(doc.getElementsByTagName('script')) : [];
  return scripts.find((s) => /(?:^|\/)ft-polyfill(?:\.min)?\.js(?:[?#]|$)/.test(s.src)) || null;
}

/**
 * Where the UI may be: next to the script; and, for a package address without a file name (a
 * CDN's `https://unpkg.com/ft-polyfill@0.1.0`, which redirects to the file), in the package's
 * dist/ (currentScript.src is the address as written, before any redirect).
 * @param {string} src
 * @returns {string[]}
 */
export function uiCandidates(src) {
  const url = new URL(src);
  const sibling = new URL(FILE, url).href;
  if (/\.m?js$/.test(url.pathname)) return [sibling];
  const root = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return [new URL(`${root}dist/${FILE}`, url).href, sibling];
}

const own = ownScript();
const candidates = own ? uiCandidates(own.src) : [];
// A page with a nonce-based Content-Security-Policy allowed the polyfill's tag: the UI's tag
// carries the same nonce.
const nonce = own ? own.nonce || own.getAttribute('nonce') || '' : '';
/** @type {Promise<import('./load-ui.js').HostUi> | null} */
let loading = null;

/** @param {Document} doc @param {string} src @returns {Promise<void>} */
function addScript(doc, src) {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    if (nonce) script.nonce = nonce;
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`ft-polyfill: the host UI could not be loaded from ${src} (keep ${FILE} next to ft-polyfill.js; in a bundler, import 'ft-polyfill')`));
    };
    (doc.head || doc.documentElement).appendChild(script);
  });
}

/** @returns {Promise<import('./load-ui.js').HostUi>} */
async function load() {
  const g = /** @type {any} */ (globalThis);
  const doc = g.document;
  if (!candidates.length) {
    // The page may still add the UI's own tag after the polyfill's: look again once it is parsed.
    if (doc && doc.readyState === 'loading') await new Promise((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true }));
    if (g[GLOBAL_NAME]) return g[GLOBAL_NAME];
    throw new Error(`ft-polyfill: the host UI (${FILE}) is loaded from next to ft-polyfill.js, whose address is unknown here (the script was inlined or bundled). In a bundler, import 'ft-polyfill' instead of 'ft-polyfill/script'; otherwise add <script src=".../${FILE}"> to the page.`);
  }
  /** @type {unknown} */
  let failure = null;
  for (const src of candidates) {
    try {
      await addScript(doc, src);
      if (g[GLOBAL_NAME]) return g[GLOBAL_NAME];
      failure = new Error(`ft-polyfill: ${src} did not install the host UI`);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/** @returns {Promise<import('./load-ui.js').HostUi>} */
export function loadUi() {
  const g = /** @type {any} */ (globalThis);
  if (g[GLOBAL_NAME]) return Promise.resolve(g[GLOBAL_NAME]);
  if (!loading) {
    loading = load();
    // A failed load may be retried later (e.g. once the file is served).
    loading.catch(() => { loading = null; });
  }
  return loading;
}
