// The static file server on 127.0.0.1 for the demo, `ft-polyfill serve` and the tests. Files are
// served by sirv (bundled into dist/sirv.mjs by the build: the package keeps no dependencies):
// MIME types, ETag and 304, Range. This module adds only what sirv does not do: exact-path
// handlers (`routes`, `match`), folders mounted at a url prefix, HTML pages rewritten on the way
// out (`transformHtml`: the injected config and polyfill), the history-API fallback of
// single-page apps (`spa`), and another dev server behind it (`proxy`, bin/proxy.js).

import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import sirv from '../dist/sirv.mjs';
import { forward, forwardUpgrade } from './proxy.js';

/**
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => void | Promise<void>} RouteHandler
 */

/**
 * @typedef {object} ServeOptions
 * @property {string} root                            folder served at "/" (unused with `proxy`)
 * @property {URL} [proxy]  a dev server's origin: what routes and mounts do not answer is forwarded
 *   to it (websockets too), its HTML pages through transformHtml (bin/proxy.js)
 * @property {number} [port]                          0 = any free port (default 8080)
 * @property {string} [host]                          default 127.0.0.1 (never all interfaces)
 * @property {Record<string, RouteHandler>} [routes]  exact-path handlers, tried before files
 * @property {(path: string, html: string, req?: import('node:http').IncomingMessage) => string} [transformHtml]  rewrites each HTML page served (req: the request, e.g. its sec-fetch-dest)
 * @property {Record<string, string>} [mounts]        url prefix → folder (e.g. '/__ft/': dist)
 * @property {(pathname: string) => RouteHandler | undefined} [match]  handler by pattern, tried after `routes`
 * @property {boolean} [spa]  a browser's navigation (Accept: text/html) to a path with no file and
 *   no extension (a history-mode route such as /orders/12/detail) answers the root's index.html,
 *   as a single-page app's server does
 */

/**
 * Handlers answering fixed JSON: path → the value sent (a served folder's API given as data, e.g.
 * the demo's demo/api.json, so the CLI reads the demo's data instead of importing its code).
 * @param {Record<string, unknown>} table
 * @returns {Record<string, RouteHandler>}
 */
export function jsonRoutes(table) {
  return Object.fromEntries(Object.entries(table).map(([path, value]) => [path, (/** @type {any} */ _req, /** @type {import('node:http').ServerResponse} */ res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  }]));
}

/** @param {string} path @returns {import('node:fs').Stats | null} */
const statOf = (path) => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

/** @param {string} path */
const isHtml = (path) => /^\.html?$/i.test(extname(path));

/**
 * What a request for `rel` under `base` answers, as far as this module decides it: a redirect
 * (a folder without its trailing slash, so the page's relative urls resolve), an HTML file (to
 * rewrite), or null (sirv serves it, or answers 404).
 * @param {string} base @param {string} rel @param {boolean} spa @param {boolean} acceptsHtml
 * @returns {{ redirect: string } | { html: string } | { forbidden: true } | null}
 */
function resolveHtml(base, rel, spa, acceptsHtml) {
  const full = normalize(join(base, rel));
  if (full !== base && !full.startsWith(base.endsWith(sep) ? base : base + sep)) return { forbidden: true };
  const stat = statOf(full);
  if (stat && stat.isDirectory()) {
    if (!rel.endsWith('/')) return { redirect: `${rel}/` };
    return statOf(join(full, 'index.html')) ? { html: join(full, 'index.html') } : null;
  }
  if (stat) return isHtml(full) ? { html: full } : null;
  if (statOf(`${full}.html`)) return { html: `${full}.html` };
  // A history-mode route: a browser's navigation (it accepts HTML; a fetch() of a missing API
  // url does not, and gets its 404) to a path whose last segment has no extension (sirv's rule).
  if (spa && acceptsHtml && !/\.\w+$/.test(rel) && statOf(join(base, 'index.html'))) return { html: join(base, 'index.html') };
  return null;
}

/**
 * Starts serving; resolves with the server and its base url once listening.
 * @param {ServeOptions} options
 * @returns {Promise<{ server: import('node:http').Server, url: string, close: () => Promise<void> }>}
 */
export function serve({ root, port = 8080, host = '127.0.0.1', routes = {}, transformHtml, mounts = {}, match, spa = false, proxy }) {
  // dev: each request stats the file (folders served here change under the server: rebuilds).
  /** @param {string} folder */
  const files = (folder) => sirv(folder, { dev: true, etag: true, dotfiles: false, setHeaders: (res) => res.setHeader('cache-control', 'no-cache') });
  const rootFiles = proxy ? null : files(root);
  const mounted = Object.entries(mounts).map(([prefix, folder]) => ({ prefix, folder, files: files(folder) }));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url || '/', `http://${host}`);
    try {
      const route = routes[url.pathname] || (match && match(url.pathname));
      if (route) return await route(req, res, url);
      const mount = mounted.find((m) => url.pathname.startsWith(m.prefix));
      if (!mount && proxy) return forward(proxy, req, res, transformHtml);
      const base = mount ? mount.folder : root;
      const rel = mount ? url.pathname.slice(mount.prefix.length - 1) : decodeURIComponent(url.pathname);
      const page = mount ? null : resolveHtml(base, rel, spa, /\btext\/html\b/.test(String(req.headers.accept || '')));
      if (page && 'forbidden' in page) return void res.writeHead(403).end('forbidden');
      if (page && 'redirect' in page) return void res.writeHead(301, { location: page.redirect + url.search }).end();
      if (page && transformHtml) {
        const html = transformHtml(page.html, readFileSync(page.html, 'utf8'), req);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
        return void res.end(req.method === 'HEAD' ? undefined : html);
      }
      if (mount) req.url = rel + url.search;
      else if (page) req.url = `/${page.html.slice(base.length).split(sep).filter(Boolean).map(encodeURIComponent).join('/')}`;
      (mount ? mount.files : /** @type {ReturnType<typeof files>} */ (rootFiles))(req, res, () => {
        // Browsers ask for /favicon.ico on every page: no icon is not an error.
        if (url.pathname === '/favicon.ico') res.writeHead(204).end();
        else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      });
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  if (proxy) server.on('upgrade', (req, socket, head) => forwardUpgrade(proxy, req, socket, head));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      const close = () => new Promise((done) => { server.closeAllConnections(); server.close(() => done(undefined)); });
      resolve({ server, url: `http://${host}:${address.port}`, close: /** @type {() => Promise<void>} */ (close) });
    });
  });
}
