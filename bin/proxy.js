// `ft-polyfill serve --proxy URL`: another dev server (webpack-dev-server, Next, Vite without the
// plugin...) behind serve, so its pages get what serve adds (the config, the polyfill where the page
// loads FinClip's JSSDK, the simulator's hand-off) while everything else passes through as it is:
// responses stream (server-sent events), and websocket upgrades (hot module replacement, live
// reload) are piped both ways. Only HTML pages are read whole, to be rewritten.
import { request } from 'node:http';
import { connect } from 'node:net';

/**
 * The dev server's origin from --proxy's value ("http://localhost:5173", "localhost:5173", "5173").
 * @param {string} text @returns {URL | null} null when it is not an http url
 */
export function proxyTarget(text) {
  const full = /^\d{1,5}$/.test(text) ? `http://localhost:${text}` : /^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  try {
    const url = new URL(full);
    return url.protocol === 'http:' && url.hostname ? new URL(url.origin) : null;
  } catch {
    return null;
  }
}

/**
 * The request's headers for the dev server: its own Host (a dev server may check it), and no
 * compression (an HTML page is rewritten on the way back).
 * @param {import('node:http').IncomingHttpHeaders} headers @param {URL} target
 */
const forwardedHeaders = (headers, target) => ({ ...headers, host: target.host, 'accept-encoding': 'identity' });

/**
 * Forwards one request to the dev server; an HTML answer goes through `transformHtml`.
 * @param {URL} target
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {((path: string, html: string, req: import('node:http').IncomingMessage) => string) | undefined} transformHtml
 */
export function forward(target, req, res, transformHtml) {
  const upstream = request({ hostname: target.hostname, port: target.port || 80, method: req.method, path: req.url, headers: forwardedHeaders(req.headers, target) }, (answer) => {
    const headers = { ...answer.headers };
    // A redirect to the dev server's own origin stays on this one.
    if (typeof headers.location === 'string' && headers.location.startsWith(target.origin)) headers.location = headers.location.slice(target.origin.length) || '/';
    const html = /^text\/html\b/i.test(String(headers['content-type'] || '')) && transformHtml && req.method !== 'HEAD';
    if (!html) {
      res.writeHead(answer.statusCode || 502, headers);
      answer.pipe(res);
      return;
    }
    /** @type {Buffer[]} */
    const chunks = [];
    answer.on('data', (chunk) => chunks.push(chunk));
    answer.on('end', () => {
      const body = transformHtml(new URL(req.url || '/', 'http://page').pathname, Buffer.concat(chunks).toString('utf8'), req);
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      delete headers.etag;
      headers['content-type'] = 'text/html; charset=utf-8';
      res.writeHead(answer.statusCode || 200, headers);
      res.end(body);
    });
    answer.on('error', () => res.destroy());
  });
  upstream.on('error', (error) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`ft-polyfill serve --proxy: the dev server at ${target.origin} did not answer (${error.message}); is it running?`);
  });
  req.pipe(upstream);
}

/**
 * Pipes a websocket (or any upgrade) to the dev server and back.
 * @param {URL} target
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:stream').Duplex} socket
 * @param {Buffer} head
 */
export function forwardUpgrade(target, req, socket, head) {
  const upstream = connect(Number(target.port || 80), target.hostname, () => {
    const headers = { ...req.headers, host: target.host };
    const lines = Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`));
    upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
    if (head.length) upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
}
