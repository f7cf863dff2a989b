// What `ft-polyfill serve` adds to every HTML page it serves (the files on disk are not changed):
// window.ftHostConfig and the polyfill script, at the very start of <head>, so the polyfill is
// installed before any page script. Pages that already load ft-polyfill are left as they are.

/** Requests for FinClip's JSSDK script (finclip-jssdk-1.4.20.js, .esm.js, any copy). */
export const JSSDK_PATH = /\/finclip-jssdk[^/]*\.js$/;

/** An absolute url of the JSSDK in a page (script src or module import). */
const JSSDK_ABSOLUTE = /(["'])(?:https?:)?\/\/[^"'\s]*\/(finclip-jssdk[^"'/\s]*\.js)\1/gi;

/** A page that loads the polyfill itself (its script or module, or our mount). */
const LOADS_POLYFILL = /<script[^>]+src=["'][^"']*(?:ft-polyfill[^"'/]*\.m?js|\/__ft\/)[^"']*["']|from\s+["']ft-polyfill["']/i;

/**
 * @param {string} html the page as on disk
 * @param {object} config ftHostConfig
 * @param {string} [src] url of the classic script (default: the /__ft/ mount of dist/)
 * @returns {string}
 */
export function injectPolyfill(html, config, src = '/__ft/ft-polyfill.js') {
  if (LOADS_POLYFILL.test(html)) return html;
  // The JSSDK from FinClip's CDN (or any absolute url) is fetched from this server instead.
  html = html.replace(JSSDK_ABSOLUTE, (_m, q, name) => `${q}/__ft/jssdk/${name}${q}`);
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const tags = `<script>window.ftHostConfig = ${json};</script><script src="${src}"></script>`;
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
