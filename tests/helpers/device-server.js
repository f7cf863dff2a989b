// Endpoints for the device browser tests (network, files, media): an echo, error statuses with
// headers, a non-JSON body, binary bytes, a slow answer, a PNG and a PDF. Served with serveRoot.
import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { ROOT } from './browser.js';

/** @param {Buffer} buf */
function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/**
 * A real RGB PNG of w×h pixels (a gradient, or noise that PNG cannot shrink), for <img> and type
 * detection.
 * @param {number} w @param {number} h @param {boolean} [noise]
 */
export function makePng(w, h, noise = false) {
  const chunk = (/** @type {string} */ type, /** @type {Buffer} */ data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * (w * 3 + 1) + 1 + x * 3;
      raw[i] = (x * 255) / w; raw[i + 1] = (y * 255) / h; raw[i + 2] = ((x ^ y) * 7) & 255;
      if (noise) for (let c = 0; c < 3; c++) raw[i + c] = (raw[i + c] + Math.floor(Math.random() * 64)) & 255;
    }
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const PNG = makePng(64, 48);
export const PDF = readFileSync(join(ROOT, 'demo/assets/sample.pdf'));

/** @param {import('node:http').IncomingMessage} req @returns {Promise<Buffer>} */
const bodyOf = (req) => new Promise((resolve) => {
  /** @type {Buffer[]} */ const parts = [];
  req.on('data', (c) => parts.push(c));
  req.on('end', () => resolve(Buffer.concat(parts)));
});

/** @returns {Record<string, import('../../bin/server.js').RouteHandler>} */
export function deviceRoutes() {
  return {
    '/echo': async (req, res, url) => {
      const body = await bodyOf(req);
      res.writeHead(200, { 'content-type': 'application/json', 'x-echo': 'yes' });
      res.end(JSON.stringify({ method: req.method, url: url.pathname + url.search, headers: req.headers, body: body.toString('utf8'), bodyHex: body.toString('hex') }));
    },
    '/status404': (_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json', 'x-reason': 'missing' });
      res.end(JSON.stringify({ error: 'not here' }));
    },
    '/status500': (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain', 'x-reason': 'boom' });
      res.end('internal failure');
    },
    '/not-json': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"almost": json');
    },
    '/binary': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([0, 1, 2, 253, 254, 255]));
    },
    '/slow': (_req, res) => {
      const t = setTimeout(() => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"late":true}'); }, 3000);
      res.on('close', () => clearTimeout(t));
    },
    '/image.png': (_req, res) => { res.writeHead(200, { 'content-type': 'image/png' }); res.end(PNG); },
    // An image served with a wrong type: the real type comes from the bytes.
    '/mislabelled': (_req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end(PNG); },
    '/doc.pdf': (_req, res) => { res.writeHead(200, { 'content-type': 'application/pdf' }); res.end(PDF); },
  };
}

/** A port nothing listens on (bound, then closed). @returns {Promise<number>} */
export function closedPort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}
