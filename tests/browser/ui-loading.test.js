// How the classic script finds its host UI (dist/ft-polyfill-ui.js, loaded on first use) and when
// the core starts (docs/guides/script-tag-and-import.md, §1.6): from a CDN's package address, under a nonce-based CSP,
// inlined with the UI's tag after it; ftHost.ready starting the core; a sandboxed iframe (no Web
// Locks, no IndexedDB) whose writes still settle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useChromium, newPage } from '../helpers/browser.js';

const dist = join(process.cwd(), 'dist');
const script = () => readFileSync(join(dist, 'ft-polyfill.js'), 'utf8');
const uiScript = () => readFileSync(join(dist, 'ft-polyfill-ui.js'), 'utf8');

/** @param {string} body @param {Record<string, string>} [headers] */
const html = (body, headers = {}) => (/** @type {any} */ _req, /** @type {any} */ res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(`<!doctype html><html><head><meta charset="utf-8">${body}</head><body></body></html>`);
};
/** @param {() => string} text */
const js = (text) => (/** @type {any} */ _req, /** @type {any} */ res) => {
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
  res.end(text());
};

const suite = useChromium({
  // A CDN's package address redirects to the file (as unpkg and jsDelivr do).
  '/npm/ft-polyfill@0.1.0': (_req, res) => { res.writeHead(302, { location: '/npm/ft-polyfill@0.1.0/dist/ft-polyfill.js' }).end(); },
  '/npm/ft-polyfill@0.1.0/dist/ft-polyfill.js': js(script),
  '/npm/ft-polyfill@0.1.0/dist/ft-polyfill-ui.js': js(uiScript),
  '/cdn.html': html('<script>window.ftHostConfig = { appId: "ui-cdn" };</script><script src="/npm/ft-polyfill@0.1.0"></script>'),
  '/csp.html': html('<meta http-equiv="Content-Security-Policy" content="script-src \'nonce-abc\' \'wasm-unsafe-eval\'">'
    + '<script nonce="abc">window.ftHostConfig = { appId: "ui-csp" };</script><script nonce="abc" src="/dist/ft-polyfill.js"></script>'),
  // The polyfill inlined, the panel asked for at start, the UI's own tag after the polyfill's.
  '/inline.html': (_req, res) => html(`<script>window.ftHostConfig = { appId: "ui-inline", panel: true };</script><script>${script()}</script><script src="/dist/ft-polyfill-ui.js"></script>`)(_req, res),
  // ftHost.ready read while a later script is still downloading: the core starts without waiting for the page.
  '/slow.js': (_req, res) => { setTimeout(() => js(() => 'window.slowLoaded = performance.now();')(_req, res), 1500); },
  '/ready.html': html('<script>window.ftHostConfig = { appId: "ui-ready" };</script><script src="/dist/ft-polyfill.js"></script>'
    + '<script>ftHost.ready.then(function () { window.readyAt = performance.now(); });'
    + 'document.addEventListener("DOMContentLoaded", function () { window.parsedAt = performance.now(); });</script><script src="/slow.js"></script>'),
  '/sandboxed.html': html('<script>addEventListener("message", function (e) { window.answer = e.data; });</script><iframe sandbox="allow-scripts" src="/sandboxed-inner.html"></iframe>'),
  '/sandboxed-inner.html': html('<script>window.ftHostConfig = { appId: "ui-sandboxed" };</script><script src="/dist/ft-polyfill.js"></script><script>'
    + 'addEventListener("load", async function () {'
    + '  var out = {};'
    + '  out.set = (await ft.setStorage({ key: "a", data: 1 }).catch(function (e) { return e; })).errMsg;'
    + '  out.get = await ft.getStorage({ key: "a" }).then(function (r) { return r.data; }, function (e) { return e.errMsg; });'
    + '  out.remove = (await ft.removeStorage({ key: "a" }).catch(function (e) { return e; })).errMsg;'
    + '  parent.postMessage(out, "*");'
    + '});</script>'),
});

/** A fresh context and page on `path`; the caller closes the context. @param {string} path */
async function open(path) {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(`${suite.server.url}${path}`);
  return { context, page };
}

test('from a CDN package address (redirected to the file), the panel loads the UI from the package dist/', async () => {
  const { context, page } = await open('/cdn.html');
  await page.evaluate(() => window.ftHost.panel.open());
  expect(await page.evaluate(() => window.ftHost.panel.isOpen())).toBe(true);
  expect(page.errors).toEqual([]);
  await context.close();
});

test('under a nonce-based Content-Security-Policy the UI tag carries the nonce and loads', async () => {
  const { context, page } = await open('/csp.html');
  await page.evaluate(() => window.ftHost.panel.open());
  expect(await page.evaluate(() => [window.ftHost.panel.isOpen(), document.querySelector('script[src$="ft-polyfill-ui.js"]')?.nonce])).toEqual([true, 'abc']);
  await context.close();
});

test('inlined polyfill with the panel asked for at start: the UI tag placed after it is used', async () => {
  const { context, page } = await open('/inline.html');
  await page.waitForFunction(() => window.ftHost.panel.isOpen());
  expect(page.errors).toEqual([]);
  await context.close();
});

test('reading ftHost.ready starts the core: it resolves while a later script of the page still downloads', async () => {
  const { context, page } = await open('/ready.html');
  await page.waitForFunction(() => window.parsedAt && window.readyAt);
  const t = await page.evaluate(() => ({ ready: window.readyAt, slow: window.slowLoaded, parsed: window.parsedAt }));
  expect(t.ready).toBeLessThan(t.slow);
  expect(t.ready).toBeLessThan(t.parsed);
  await context.close();
});

test('a sandboxed iframe (no Web Locks, no IndexedDB): writes settle in memory, nothing thrown into the page', async () => {
  const { context, page } = await open('/sandboxed.html');
  await page.waitForFunction(() => window.answer, null, { timeout: 15000 });
  expect(await page.evaluate(() => window.answer)).toEqual({ set: 'setStorage:ok', get: 1, remove: 'removeStorage:ok' });
  expect(page.errors).toEqual([]);
  await context.close();
});
