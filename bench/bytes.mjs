// What a page downloads: the script-tag build and the ES module build (each with any .wasm the
// build emits next to it), raw and gzipped (level 9, as a static server would serve it).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** Target: at most this many gzipped bytes all-in (issue 7). */
export const BYTES_TARGET_GZIP = 100 * 1024;

/** @param {string} root  the repository root */
export function bytes(root) {
  const dist = join(root, 'dist');
  const wasm = existsSync(dist) ? readdirSync(dist).filter((f) => f.endsWith('.wasm')).map((f) => `dist/${f}`) : [];
  /** @param {string} file */
  const size = (file) => {
    const data = readFileSync(join(root, file));
    return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  };
  /** @type {Record<string, {files: string[], raw: number, gzip: number, targetGzip: number, pass: boolean}>} */
  const out = {};
  for (const [build, entry] of [['script tag', 'dist/ft-polyfill.js'], ['ES module', 'dist/ft-polyfill.mjs']]) {
    const files = [entry, ...wasm];
    const sizes = files.map(size);
    const raw = sizes.reduce((a, s) => a + s.raw, 0);
    const gzip = sizes.reduce((a, s) => a + s.gzip, 0);
    out[build] = { files, raw, gzip, targetGzip: BYTES_TARGET_GZIP, pass: gzip <= BYTES_TARGET_GZIP };
  }
  return out;
}
