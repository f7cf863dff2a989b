'use strict';
// V8's code cache for the kit's two big files in a fresh Node process (Vitest runs each test file
// in one): dist/ft-polyfill-node.cjs is about 600 KB of JavaScript (the core's wasm inside as base64),
// and compiling it and the functions a set-up runs was about a third of setupFt's time
// (docs/benchmarks.md). The compiled code is kept on disk where other tools keep theirs
// (node_modules/.cache/ft-polyfill), under a name made of the file's size and mtime and V8's
// version, so a changed file or another Node never reads a stale cache (V8 also refuses data
// it did not make for this source), and with a digest of the data, so a damaged file is never
// handed to V8 (see HEADER). Node 22's module.enableCompileCache does the same for a whole
// process; this touches only the kit's files. FT_POLYFILL_CODE_CACHE=0 turns it off; a path there
// moves it.
//
// Only with Node's own require: Jest's module registry evaluates each file in the test file's
// own realm, and a module compiled here would belong to Node's.

const crypto = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { basename, dirname, join, sep } = require('node:path');
const { Script } = require('node:vm');

/**
 * A cache file: this header, the SHA-1 of the data, then V8's data. V8 checks only that its data
 * was made for this source and V8, not that it is whole: damaged data it takes can crash the
 * process, so data whose digest differs is never handed to it.
 */
const HEADER = Buffer.from('ft-polyfill code cache 1\n');
const DIGEST_BYTES = 20;
/** @param {Uint8Array} data */
const digest = (data) => (typeof crypto.hash === 'function' ? crypto.hash('sha1', data, 'buffer') : crypto.createHash('sha1').update(data).digest());

/**
 * V8's data from a cache file, or undefined when there is none or it is not whole.
 * @param {string} cacheFile @returns {Buffer | undefined}
 */
function readCache(cacheFile) {
  let file;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const start = HEADER.length + DIGEST_BYTES;
  if (file.length <= start || !file.subarray(0, HEADER.length).equals(HEADER)) return undefined;
  const data = file.subarray(start);
  return digest(data).equals(file.subarray(HEADER.length, start)) ? data : undefined;
}

/** @typedef {{ file: string, cacheFile: string, script: any, accepted: boolean, saved: boolean }} Loaded */

/** The files loaded through the cache in this process. @type {Loaded[]} */
const loaded = [];

/** Whether `require` (the caller's) is Node's own, whose modules live in Module._cache. @param {NodeJS.Require} require */
const isNodeRequire = (require) => require.cache === /** @type {any} */ (Module)._cache;

/**
 * The cache directory: FT_POLYFILL_CODE_CACHE when it is a path, else node_modules/.cache/ft-polyfill
 * of the project the package is installed in (of this checkout when it is not installed); null when off.
 * @returns {string | null}
 */
function cacheDir() {
  const setting = (process.env.FT_POLYFILL_CODE_CACHE || '').trim();
  if (setting === '0' || setting === 'false') return null;
  if (setting && setting !== '1' && setting !== 'true') return setting;
  const packageRoot = dirname(__dirname);
  const marker = `${sep}node_modules${sep}`;
  const inside = packageRoot.lastIndexOf(marker);
  const nodeModules = inside >= 0 ? packageRoot.slice(0, inside + marker.length - 1) : join(packageRoot, 'node_modules');
  return join(nodeModules, '.cache', 'ft-polyfill');
}

/**
 * `require(file)`, compiled with V8's code cache when the caller's require is Node's own and a
 * cache directory is set: the module is registered in require.cache under its own path, so a
 * later require of that path (ft-polyfill's `import` in Node, the application's require) gets
 * this instance. Any failure of the cache (unreadable, refused, not writable) falls back to
 * compiling, never to an error of its own.
 * @param {NodeJS.Require} require  the caller's require
 * @param {string} file  an absolute path
 * @returns {any} the module's exports
 */
function requireWithCodeCache(require, file) {
  const cache = /** @type {Record<string, any>} */ (/** @type {any} */ (Module)._cache);
  const dir = isNodeRequire(require) ? cacheDir() : null;
  if (!dir || cache[file]) return require(file);
  let source;
  let cacheFile;
  try {
    source = readFileSync(file, 'utf8');
    const { size, mtimeMs } = statSync(file);
    cacheFile = join(dir, `${basename(file)}-${size}-${Math.round(mtimeMs)}-${process.versions.v8}.v8`);
  } catch {
    return require(file);
  }
  const cachedData = readCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const module = new Module(file, /** @type {any} */ (require.main));
  module.filename = file;
  module.paths = /** @type {any} */ (Module)._nodeModulePaths(dirname(file));
  cache[file] = module;
  try {
    script.runInThisContext()(module.exports, (/** @type {string} */ id) => module.require(id), module, file, dirname(file));
  } catch (error) {
    delete cache[file];
    throw error;
  }
  module.loaded = true;
  loaded.push({ file, cacheFile, script, accepted: Boolean(cachedData) && !script.cachedDataRejected, saved: false });
  return module.exports;
}

/**
 * Writes the cache of every file loaded without an accepted one, once the set-up has run (so the
 * functions it ran are compiled in it), replacing the file's older caches. Atomic (a rename), as
 * parallel workers may write the same one.
 */
function saveCodeCaches() {
  for (const entry of loaded) {
    if (entry.accepted || entry.saved) continue;
    entry.saved = true;
    try {
      const dir = dirname(entry.cacheFile);
      mkdirSync(dir, { recursive: true });
      const stem = `${basename(entry.file)}-`;
      for (const old of readdirSync(dir)) if (old.startsWith(stem) && old.endsWith('.v8') && join(dir, old) !== entry.cacheFile) unlinkSync(join(dir, old));
      const temporary = `${entry.cacheFile}.${process.pid}.tmp`;
      const data = entry.script.createCachedData();
      writeFileSync(temporary, Buffer.concat([HEADER, digest(data), data]));
      renameSync(temporary, entry.cacheFile);
    } catch {
      // A read-only or shared install: the next process compiles again.
    }
  }
}

/**
 * What this process loaded through the cache: for tests and the bench.
 * @returns {Array<{ file: string, cacheFile: string, accepted: boolean, saved: boolean }>}
 */
function codeCacheState() {
  return loaded.map(({ file, cacheFile, accepted, saved }) => ({ file, cacheFile, accepted, saved }));
}

module.exports = { requireWithCodeCache, saveCodeCaches, codeCacheState };
