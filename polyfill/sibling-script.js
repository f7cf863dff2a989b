// The classic script's files that are downloaded only when needed (the host UI, the inflate
// fallback): each sits next to dist/ft-polyfill.js and is added with a <script> tag (works from
// file:// too), with the polyfill tag's CSP nonce and, under Trusted Types, a TrustedScriptURL
// from the 'ft-polyfill' policy. Each file sets a global; when the page (or the testing kit) has
// already run it, nothing is downloaded.

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
 * Where `file` may be: next to the script; and, for a package address without a file name (a
 * CDN's `https://unpkg.com/ft-polyfill@0.1.0`, which redirects to the file), in the package's
 * dist/ (currentScript.src is the address as written, before any redirect).
 * @param {string} src  the polyfill script's address @param {string} file
 * @returns {string[]}
 */
export function siblingCandidates(src, file) {
  const url = new URL(src);
  const sibling = new URL(file, url).href;
  if (/\.m?js$/.test(url.pathname)) return [sibling];
  const root = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return [new URL(`${root}dist/${file}`, url).href, sibling];
}

const own = ownScript();
// A page with a nonce-based Content-Security-Policy allowed the polyfill's tag: the file's tag
// carries the same nonce.
const nonce = own ? own.nonce || own.getAttribute('nonce') || '' : '';
/** @type {Record<string, Promise<any>>} */
const loading = {};
/** @type {{ createScriptURL: (url: string) => any } | null | undefined} */
let policy;
/** Whether the page's `trusted-types` directive refused the policy's name. */
let refused = false;

/**
 * The address as a script src: a TrustedScriptURL where the browser has Trusted Types (a page
 * with `require-trusted-types-for 'script'` refuses plain strings). The policy, named
 * 'ft-polyfill' for pages whose `trusted-types` directive lists the allowed names, is created
 * once and kept here: only this module can use it, on the candidates it computed itself.
 * @param {string} src
 */
function scriptUrl(src) {
  const tt = /** @type {any} */ (globalThis).trustedTypes;
  if (policy === undefined) {
    try {
      policy = tt ? tt.createPolicy('ft-polyfill', { createScriptURL: (/** @type {string} */ url) => url }) : null;
    } catch {
      // A `trusted-types` list without 'ft-polyfill': the plain string is refused, with the page's own report.
      policy = null;
      refused = true;
    }
  }
  return policy ? policy.createScriptURL(src) : src;
}

/** @param {Document} doc @param {string} src @param {string} file @returns {Promise<void>} */
function addScript(doc, src, file) {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    const fail = () => {
      script.remove();
      reject(new Error(`ft-polyfill: ${src} could not be loaded (${refused ? "Trusted Types policy 'ft-polyfill' refused: add it to trusted-types" : `keep ${file} next to ft-polyfill.js; in a bundler, import 'ft-polyfill'`})`));
    };
    if (nonce) script.nonce = nonce;
    script.onload = () => resolve();
    script.onerror = fail;
    try {
      script.src = scriptUrl(src);
    } catch {
      return fail();
    }
    (doc.head || doc.documentElement).appendChild(script);
  });
}

/**
 * @param {string} file  e.g. 'ft-polyfill-ui.js' @param {string} name  the global it sets
 * @returns {Promise<any>}
 */
async function load(file, name) {
  const g = /** @type {any} */ (globalThis);
  const doc = g.document;
  const candidates = own ? siblingCandidates(own.src, file) : [];
  if (!candidates.length) {
    // The page may still add the file's own tag after the polyfill's: look again once it is parsed.
    if (doc && doc.readyState === 'loading') await new Promise((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true }));
    if (g[name]) return g[name];
    throw new Error(`ft-polyfill: ${file} is loaded from next to ft-polyfill.js, whose address is unknown here (the script was inlined or bundled). In a bundler, import 'ft-polyfill' instead of 'ft-polyfill/script'; otherwise add <script src=".../${file}"> to the page.`);
  }
  /** @type {unknown} */
  let failure = null;
  for (const src of candidates) {
    try {
      await addScript(doc, src, file);
      if (g[name]) return g[name];
      failure = new Error(`ft-polyfill: ${src} did not set ${name}`);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/**
 * The global `name` that `file` sets, loading the file (once; a failed load may be retried
 * later, e.g. once the file is served).
 * @param {string} file @param {string} name @returns {Promise<any>}
 */
export function loadSiblingScript(file, name) {
  const g = /** @type {any} */ (globalThis);
  if (g[name]) return Promise.resolve(g[name]);
  if (!loading[file]) {
    loading[file] = load(file, name);
    loading[file].catch(() => { delete loading[file]; });
  }
  return loading[file];
}
