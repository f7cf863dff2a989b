// Loads the host's UI in the classic script: dist/ft-polyfill-ui.js, next to dist/ft-polyfill.js,
// with a <script> tag (works from file:// too). The UI script sets window.__ftPolyfillUi; when a
// page (or the testing kit) has already run it, nothing is downloaded.

const GLOBAL_NAME = '__ftPolyfillUi';
const FILE = 'ft-polyfill-ui.js';

/**
 * Where ft-polyfill.js came from, read while it runs (document.currentScript is only set then).
 * @returns {string}
 */
function ownScriptUrl() {
  const doc = typeof document !== 'undefined' ? document : null;
  const current = /** @type {HTMLScriptElement | null} */ (doc && doc.currentScript);
  if (current && current.src) return current.src;
  // Added inline (e.g. page.addScriptTag({ path })): a <script src=".../ft-polyfill.js"> may still be on the page.
  const scripts = doc ? Array.from(doc.getElementsByTagName('script')) : [];
  const tag = scripts.find((s) => /(?:^|\/)ft-polyfill(?:\.min)?\.js(?:[?#]|$)/.test(s.src));
  return tag ? tag.src : '';
}

const base = ownScriptUrl();
/** @type {Promise<import('./load-ui.js').HostUi> | null} */
let loading = null;

/** @returns {Promise<import('./load-ui.js').HostUi>} */
export function loadUi() {
  const g = /** @type {any} */ (globalThis);
  if (g[GLOBAL_NAME]) return Promise.resolve(g[GLOBAL_NAME]);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const doc = g.document;
      if (!base || !doc) {
        reject(new Error(`ft-polyfill: the host UI (${FILE}) is loaded from next to ft-polyfill.js, whose address is unknown here (inlined script); load ${FILE} with a <script> tag as well`));
        return;
      }
      const script = doc.createElement('script');
      script.src = new URL(FILE, base).href;
      script.onload = () => (g[GLOBAL_NAME] ? resolve(g[GLOBAL_NAME]) : reject(new Error(`ft-polyfill: ${script.src} did not install the host UI`)));
      script.onerror = () => reject(new Error(`ft-polyfill: the host UI could not be loaded from ${script.src}`));
      (doc.head || doc.documentElement).appendChild(script);
    });
    // A failed load may be retried later (e.g. once the file is served).
    loading.catch(() => { loading = null; });
  }
  return loading;
}
