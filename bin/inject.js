// What `ft-polyfill serve` adds to every HTML page it serves (the files on disk are not changed):
// window.ftHostConfig and the polyfill script, at the very start of <head>, so the polyfill is
// installed before any page script. A page that loads ft-polyfill itself (a script tag, or a
// bundle that contains it: an e2e build) gets no second copy; a page with its own ftHostConfig
// (the Vite plugin's script) keeps it, with serve's options applied on top, after it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import configJson from '../testing/config-json.cjs';

/** Requests for FinClip's JSSDK script (finclip-jssdk-1.4.20.js, .esm.js, any copy). */
export const JSSDK_PATH = /\/finclip-jssdk[^/]*\.js$/;

/** An absolute url of the JSSDK in a page (script src or module import). */
const JSSDK_ABSOLUTE = /(["'])(?:https?:)?\/\/[^"'\s]*\/(finclip-jssdk[^"'/\s]*\.js)\1/gi;

/** A page that loads the polyfill itself (its script or module, or our mount). */
const LOADS_POLYFILL = /<script[^>]+src=["'][^"']*(?:ft-polyfill[^"'/]*\.m?js|\/__ft\/)[^"']*["']|from\s+["']ft-polyfill["']/i;

/**
 * The page's own ftHostConfig script: the Vite plugin's inline `window.ftHostConfig = ...`, or any
 * script marked `data-ft-host-config`. The last one is the page's.
 */
export const PAGE_CONFIG = /<script\b(?:[^>]*\bdata-ft-host-config\b[^>]*>[\s\S]*?|[^>]*>\s*window\.ftHostConfig\s*=[\s\S]*?)<\/script>/gi;

/** Text every build of ft-polyfill contains (polyfill/install.js), minified or not. */
export const POLYFILL_MARK = 'ft-polyfill: loaded more than once';

/** Module scripts and module preloads of a page (an app bundle's entry and its chunks). */
const MODULE_FILES = /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']|<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*\btype=["']module["']|<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/gi;

/**
 * Whether one of the page's module scripts (its own files under `root`) contains ft-polyfill: an
 * e2e build bundles it, and a second copy from serve would only warn "loaded more than once".
 * @param {string} html @param {string} root the served folder @param {string} pageUrl the request's path
 * @returns {boolean}
 */
export function bundlesPolyfill(html, root, pageUrl) {
  for (const m of html.matchAll(MODULE_FILES)) {
    const ref = m[1] || m[2] || m[3];
    if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(ref)) continue;
    let path;
    try {
      path = decodeURIComponent(new URL(ref, `http://page${pageUrl}`).pathname);
    } catch {
      continue;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || !existsSync(file)) continue;
    const stat = statSync(file);
    if (stat.isFile() && stat.size < 50 * 1024 * 1024 && readFileSync(file, 'utf8').includes(POLYFILL_MARK)) return true;
  }
  return false;
}

/**
 * @param {string} html the page as on disk
 * @param {object} config ftHostConfig (serve's options)
 * @param {{ src?: string, bundled?: boolean }} [options] src: url of the classic script (default:
 *   the /__ft/ mount of dist/); bundled: the page's own modules contain ft-polyfill (bundlesPolyfill)
 * @returns {string}
 */
export function injectPolyfill(html, config, { src = '/__ft/ft-polyfill.js', bundled = false } = {}) {
  if (LOADS_POLYFILL.test(html)) return html;
  // The JSSDK from FinClip's CDN (or any absolute url) is fetched from this server instead.
  html = html.replace(JSSDK_ABSOLUTE, (_m, q, name) => `${q}/__ft/jssdk/${name}${q}`);
  const json = configJson.inlineConfigJson(config);
  const script = bundled ? '' : `<script src="${src}"></script>`;
  const own = [...html.matchAll(PAGE_CONFIG)].pop();
  if (own && own.index !== undefined) {
    // The page's config first, serve's options on top, as outside serve plus the options.
    const at = own.index + own[0].length;
    const merged = Object.keys(config).length ? `<script>window.ftHostConfig = Object.assign({}, window.ftHostConfig, ${json});</script>` : '';
    return html.slice(0, at) + merged + script + html.slice(at);
  }
  const tags = `<script>window.ftHostConfig = ${json};</script>${script}`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length);
  const open = /<html(?:\s[^>]*)?>/i.exec(html);
  if (open) return html.slice(0, open.index + open[0].length) + `<head>${tags}</head>` + html.slice(open.index + open[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + tags + html.slice(at);
}

/** The stand-in for FinClip's JSSDK script: the polyfill injected before it already installed window.ft. */
export const JSSDK_CLASSIC = '/* ft-polyfill serve: the FinClip JSSDK is replaced by the polyfill injected into the page */\n';
/** The stand-in for its ES module form. */
export const JSSDK_ESM = '/* ft-polyfill serve */\nconst ft = window.ft;\nexport { ft };\nexport default ft;\n';
