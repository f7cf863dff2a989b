// The simulator of `ft-polyfill serve --simulator` (docs/guides/simulator.md): a shell page at
// /__ft/simulator/ that runs an H5 page of the served folder in a phone-sized, same-origin frame
// and draws the host's chrome around it from the frame's own window.ftHost. The shell's code is
// dist/ft-polyfill-simulator.mjs (polyfill/host/simulator/, built like the host UI and loaded by
// the shell page only, never by the polyfill); this file only serves
// the shell page, its boot module and the frame's hand-off script.
//
// The hand-off (FRAME_SCRIPT) is added around the page's polyfill script tag: before it, it asks
// the shell for the ftHostConfig to start with (the page's own, plus the launch, stack and settings
// the shell kept across reloads; a config the page assigns later passes through the shell too);
// after it, it tells the shell that window.ftHost exists (mocks and native APIs are applied then,
// before the page's own scripts). Outside the simulator it does nothing.

import { PAGE_CONFIG } from './inject.js';

/** Where the simulator is served. */
export const SIMULATOR_PATH = '/__ft/simulator/';

/** The hand-off script's url. */
export const FRAME_SCRIPT_PATH = '/__ft/simulator/frame.js';

/** Runs in the frame, once before and once after the polyfill script. */
const FRAME_SCRIPT = `/* ft-polyfill simulator: hand-off between the shell and the page in its frame */
(function () {
  var sim = null;
  try { sim = window.parent !== window ? window.parent.__ftSimulator : null; } catch (e) { sim = null; }
  if (!sim) return;
  if (window.ftHost) return sim.frameReady(window);
  if (Object.getOwnPropertyDescriptor(window, 'ftHostConfig') && Object.getOwnPropertyDescriptor(window, 'ftHostConfig').set) return;
  // A config the page sets later (a bundle's first module) goes through the shell too.
  var config = sim.frameConfig(window, window.ftHostConfig);
  Object.defineProperty(window, 'ftHostConfig', { configurable: true, enumerable: true,
    get: function () { return config; },
    set: function (value) { config = sim.frameConfig(window, value); } });
})();
`;

/** The boot module of the shell page (options in a JSON data block: CSP allows it). */
const BOOT_SCRIPT = `import { createSimulator } from '/__ft/ft-polyfill-simulator.mjs';
const options = JSON.parse(document.getElementById('ft-simulator-options').textContent);
createSimulator(document, options);
`;

/** A strict CSP for the shell: its own scripts only, no inline style (constructable stylesheets). */
const SHELL_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** The first classic script tag that loads the polyfill (injected or the page's own). */
const POLYFILL_TAG = /<script\b[^>]*\bsrc=["'][^"']*(?:\/__ft\/ft-polyfill\.js|ft-polyfill(?:\.min)?\.js)(?:\?[^"']*)?["'][^>]*>\s*<\/script>/i;

/**
 * Adds the hand-off script around the page's polyfill script tag; a page without one (its bundle
 * contains ft-polyfill) gets it after its ftHostConfig script, so the shell's settings apply on top
 * of the page's config, or else at the start of <head> (the shell then attaches when the frame has
 * loaded).
 * @param {string} html @returns {string}
 */
export function withFrameScript(html) {
  // A page of the Vite plugin's dev server has it already (vite/index.js).
  if (html.includes(`src="${FRAME_SCRIPT_PATH}"`)) return html;
  const tag = `<script src="${FRAME_SCRIPT_PATH}"></script>`;
  const m = POLYFILL_TAG.exec(html);
  if (m) return html.slice(0, m.index) + tag + m[0] + tag + html.slice(m.index + m[0].length);
  const config = [...html.matchAll(PAGE_CONFIG)].pop();
  if (config && config.index !== undefined) return html.slice(0, config.index + config[0].length) + tag + html.slice(config.index + config[0].length);
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

/**
 * @typedef {object} SimulatorOptions
 * @property {string} page      the frame's first url (a path of the served folder, e.g. "/")
 * @property {string} [device]  a device preset's id or name (polyfill/host/simulator/devices.js)
 * @property {boolean} [landscape]
 * @property {string} [scenario]  url parameters of a scenario (bin/scenario.js), under the shell url's
 */

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The shell page. `?page=`, `?device=` and `?landscape` in its url override the options.
 * @param {SimulatorOptions} options @param {URL} url
 * @returns {string}
 */
function shellHtml(options, url) {
  const page = url.searchParams.get('page');
  const device = url.searchParams.get('device');
  const merged = {
    page: page && page.startsWith('/') && !page.startsWith('//') ? page : options.page,
    device: device || options.device || '',
    landscape: url.searchParams.has('landscape') || Boolean(options.landscape),
    scenario: options.scenario || '',
  };
  const json = JSON.stringify(merged).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>ft-polyfill simulator · ${escapeHtml(merged.page)}</title>
<script type="application/json" id="ft-simulator-options">${json}</script>
<script type="module" src="${SIMULATOR_PATH}boot.js"></script>
</head>
<body>
<noscript>The ft-polyfill simulator needs JavaScript.</noscript>
</body>
</html>
`;
}

/**
 * The routes of the simulator (exact paths, for serve()'s `routes`).
 * @param {SimulatorOptions} options
 * @returns {Record<string, import('./server.js').RouteHandler>}
 */
export function simulatorRoutes(options) {
  /** @param {import('node:http').ServerResponse} res @param {string} type @param {string} body @param {Record<string, string>} [extra] */
  const send = (res, type, body, extra = {}) => {
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache', ...extra });
    res.end(body);
  };
  return {
    [SIMULATOR_PATH]: (_req, res, url) => send(res, 'text/html', shellHtml(options, url), { 'content-security-policy': SHELL_CSP }),
    [`${SIMULATOR_PATH}index.html`]: (_req, res, url) => send(res, 'text/html', shellHtml(options, url), { 'content-security-policy': SHELL_CSP }),
    [`${SIMULATOR_PATH}boot.js`]: (_req, res) => send(res, 'text/javascript', BOOT_SCRIPT),
    [FRAME_SCRIPT_PATH]: (_req, res) => send(res, 'text/javascript', FRAME_SCRIPT),
  };
}
