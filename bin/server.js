// A small static file server on 127.0.0.1 for the demo, `ft-polyfill serve` and the tests.
// `routes` adds dynamic handlers (the demo's JSON API, the tests' endpoints) by exact path.

import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

/** @type {Record<string, string>} */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon', '.pdf': 'application/pdf', '.txt': 'text/plain; charset=utf-8',
  '.doc': 'application/msword', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => void | Promise<void>} RouteHandler
 */

/**
 * @typedef {object} ServeOptions
 * @property {string} root                            folder served at "/"
 * @property {number} [port]                          0 = any free port (default 8080)
 * @property {string} [host]                          default 127.0.0.1 (never all interfaces)
 * @property {Record<string, RouteHandler>} [routes]  exact-path handlers, tried before files
 * @property {(path: string, html: string, req?: import('node:http').IncomingMessage) => string} [transformHtml]  rewrites each HTML page served (req: the request, e.g. its sec-fetch-dest)
 * @property {Record<string, string>} [mounts]        url prefix → folder (e.g. '/__ft/': dist)
 * @property {(pathname: string) => RouteHandler | undefined} [match]  handler by pattern, tried after `routes`
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

/**
 * Starts serving; resolves with the server and its base url once listening.
 * @param {ServeOptions} options
 * @returns {Promise<{ server: import('node:http').Server, url: string, close: () => Promise<void> }>}
 */
export function serve({ root, port = 8080, host = '127.0.0.1', routes = {}, transformHtml, mounts = {}, match }) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url || '/', `http://${host}`);
    try {
      const route = routes[url.pathname] || (match && match(url.pathname));
      if (route) return await route(req, res, url);
      let base = root;
      let rel = decodeURIComponent(url.pathname);
      for (const [prefix, folder] of Object.entries(mounts)) {
        if (rel.startsWith(prefix)) {
          base = folder;
          rel = rel.slice(prefix.length - 1);
          break;
        }
      }
      sendFile(req, res, base, rel, transformHtml);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      const close = () => new Promise((done) => { server.closeAllConnections(); server.close(() => done(undefined)); });
      resolve({ server, url: `http://${host}:${address.port}`, close: /** @type {() => Promise<void>} */ (close) });
    });
  });
}

/**
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {string} base @param {string} rel @param {ServeOptions['transformHtml']} transformHtml
 */
function sendFile(req, res, base, rel, transformHtml) {
  const full = normalize(join(base, rel));
  if (full !== base && !full.startsWith(base.endsWith(sep) ? base : base + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  let path = full;
  let stat;
  try {
    stat = statSync(path);
    if (stat.isDirectory()) {
      if (!rel.endsWith('/')) {
        res.writeHead(301, { location: `${rel}/` }).end();
        return;
      }
      path = join(path, 'index.html');
      stat = statSync(path);
    }
  } catch {
    // Browsers ask for /favicon.ico on every page: no icon is not an error.
    if (rel === '/favicon.ico') res.writeHead(204).end();
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const type = MIME_TYPES[extname(path).toLowerCase()] || 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-cache' };
  if (transformHtml && type.startsWith('text/html')) {
    import('node:fs').then(({ readFileSync }) => {
      const html = transformHtml(path, readFileSync(path, 'utf8'), req);
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : html);
    });
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': stat.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(path).pipe(res);
}
