// npm run build: the WebAssembly core (CMake + Debian's emscripten), then the JS bundles (esbuild).
//   dist/ft-polyfill.js   classic script (IIFE): <script src> installs window.ft
//   dist/ft-polyfill.mjs  ES module for bundlers: import ft, { host } from 'ft-polyfill'
//   dist/ft-polyfill-ui.js, .mjs       the host UI, downloaded on first use
//   dist/ft-polyfill-simulator.mjs     the simulator's shell (ft-polyfill serve --simulator)
//   dist/ft-polyfill-inflate.js, .mjs  the inflate fallback, downloaded only without DecompressionStream
//   dist/ft-polyfill.cjs  CommonJS for Node (Jest, the testing kit): loads ft-polyfill-node.cjs, the build;
//                         ft-polyfill.node.mjs imports it in Node
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import * as terser from 'terser';
import { writeTypes } from './gen-types.mjs';
import { trimWebGlueForBuild, trimNodeGlue, nodeGlueWithWasmOutside } from './trim-glue.mjs';
import { checkEmscripten } from './toolchain.mjs';
import { writeNotices } from './notices.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = join(root, 'build', 'wasm');
// emscripten's optimizer needs Debian's acorn (docs/emscripten-notes.md).
const env = { ...process.env, NODE_PATH: [process.env.NODE_PATH, '/usr/share/nodejs'].filter(Boolean).join(':') };

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
}

/**
 * Raw deflate of the .wasm: zopfli (Debian's `zopfli`, which scripts/setup.sh installs) packs it
 * ~6% smaller than zlib's level 9 (about 4.4 KB less in the gzip-served script), in ~2 s.
 * Without it, zlib (same format, bigger), with a warning.
 * @param {string} path @param {Buffer} bytes @param {boolean} quiet @returns {Buffer}
 */
function deflateRaw(path, bytes, quiet) {
  try {
    return execFileSync('zopfli', ['--deflate', '-c', path], { maxBuffer: 1 << 28 });
  } catch (e) {
    if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'ENOENT') throw e;
    if (!quiet) console.warn('build: zopfli not found (apt-get install zopfli): the embedded wasm is deflated with zlib, ~4 KB bigger');
    return deflateRawSync(bytes, { level: 9 });
  }
}

/**
 * The browser builds download what only some pages need on first use: load-ui.js (the UI in
 * the bundle) and load-inflate.js (the inflate fallback, by dynamic import) are swapped for the
 * build's own loaders.
 * @param {Record<string, string>} loaders  file name imported → its replacement (path in polyfill/)
 * @returns {import('esbuild').Plugin}
 */
function onDemandLoaders(loaders) {
  return {
    name: 'on-demand-loaders',
    setup(build) {
      for (const [file, loader] of Object.entries(loaders)) {
        build.onResolve({ filter: new RegExp(`/${file.replace(/[.]/g, '[.]')}$`) }, () => ({ path: join(root, 'polyfill', loader) }));
      }
    },
  };
}

/**
 * The browser builds' Emscripten glue without the FS helpers and Embind paths this project never
 * uses (scripts/trim-glue.mjs).
 * @param {boolean} quiet
 * @returns {import('esbuild').Plugin}
 */
function trimmedGlue(quiet) {
  return {
    name: 'trimmed-glue',
    setup(build) {
      build.onLoad({ filter: /ft-core-web\.cjs$/ }, (args) => {
        // A listed name the glue lacks stops the build (the glue is not the one the lists were
        // written for, scripts/toolchain.mjs); a member kept because the glue uses it is a warning.
        const contents = trimWebGlueForBuild(readFileSync(args.path, 'utf8'), (m) => {
          if (!quiet) console.warn(m);
        });
        return { contents, loader: 'js' };
      });
    },
  };
}

/**
 * The entry of a capped bundle with the embedded wasm first. The wasm's module
 * (build/wasm/ft-core-wasm.js: one string constant, nothing else, so evaluating it first changes
 * nothing) is served as CommonJS and imported before the real entry, so esbuild emits it ahead of
 * the glue and all the other code: the ~84 KB of base64 opens the bundle (after esbuild's ~0.6 KB
 * of helpers) and the JS follows in one run. In the middle it cut the JS in two that gzip's 32 KB
 * window could not join: -1.1 KB gzip of each capped bundle (bench/bytes.mjs).
 * @param {string} entry  the real entry, relative to the repository root
 * @param {boolean} reexport  re-export the entry's exports (the ES module build)
 * @param {string} packed  the deflated wasm, base64 (what ft-core-wasm.js exports)
 * @returns {{ stdin: import('esbuild').StdinOptions, plugin: import('esbuild').Plugin }}
 */
function wasmFirst(entry, reexport, packed) {
  const rest = reexport ? "export * from 'wasm-first:entry';\nexport { default } from 'wasm-first:entry';" : "import 'wasm-first:entry';";
  /** @type {Record<string, string>} */
  const paths = { 'wasm-first:wasm': join(wasmDir, 'ft-core-wasm.js'), 'wasm-first:entry': join(root, entry) };
  return {
    stdin: { contents: `import 'wasm-first:wasm';\n${rest}\n`, resolveDir: root, sourcefile: `${entry} (the wasm first)`, loader: 'js' },
    plugin: {
      name: 'wasm-first',
      setup(build) {
        // Both are imported for their evaluation here, which package.json's sideEffects list
        // (the dist files only) would otherwise drop.
        build.onResolve({ filter: /^wasm-first:/ }, (args) => ({ path: paths[args.path], sideEffects: true }));
        // esbuild emits CommonJS modules before the others, in the order they are first imported.
        build.onLoad({ filter: /[\\/]build[\\/]wasm[\\/]ft-core-wasm\.js$/ }, () => ({ contents: `module.exports = { WASM_DEFLATE_BASE64: ${JSON.stringify(packed)} };`, loader: 'js' }));
      },
    },
  };
}

/**
 * The JavaScript builtins the Node build reads by name, never replaced by a test's fakes (Jest's
 * fake timers replace Date, the timers, performance and queueMicrotask: those stay global reads).
 */
const REALM_BUILTINS = ['Object', 'Array', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'Symbol', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef',
  'FinalizationRegistry', 'JSON', 'Math', 'Number', 'String', 'Boolean', 'RegExp', 'ArrayBuffer', 'DataView', 'Uint8Array', 'Int8Array', 'Uint16Array',
  'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigInt64Array', 'BigUint64Array', 'WebAssembly',
  'Reflect', 'Proxy', 'BigInt', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI'];

/**
 * Makes the builtins the Node build names (REALM_BUILTINS) variables of its module, read once from
 * the global of the realm it runs in. A Jest test file's global is a vm context's, where every
 * global name lookup goes through Node's interceptors: about 1 ms of each file's set-up, resets
 * and calls (docs/benchmarks.md). The values are that realm's own, so results stay the file's.
 * @param {string} path
 */
function realmBuiltins(path) {
  const text = readFileSync(path, 'utf8');
  const named = REALM_BUILTINS.filter((name) => new RegExp(`(?<![\\w.$])${name}(?![\\w$])`).test(text));
  const strict = /^(['"])use strict\1;\n/.exec(text);
  if (!strict) throw new Error(`build: ${path} does not start with "use strict" (its builtins line goes after it)`);
  const line = `var ${named.map((name) => `${name} = globalThis.${name}`).join(', ')};\n`;
  writeFileSync(path, strict[0] + line + text.slice(strict[0].length));
}

/**
 * Rewrites a built file's non-ASCII characters (left only in comments: esbuild escapes them in
 * code) as \\uXXXX text.
 * @param {string} path
 */
function asciiOnly(path) {
  const text = readFileSync(path, 'utf8');
  const ascii = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(path, ascii);
}

/**
 * The Node build's glue without the devices and standard streams it never uses (trimNodeGlue), its
 * wasm readable by polyfill/core-node.js (nodeGlueWithWasmOutside).
 * @returns {import('esbuild').Plugin}
 */
function nodeGlue() {
  return {
    name: 'node-glue',
    setup(build) {
      build.onLoad({ filter: /ft-core-node\.cjs$/ }, (args) => ({ contents: nodeGlueWithWasmOutside(trimNodeGlue(readFileSync(args.path, 'utf8'))), loader: 'js' }));
    },
  };
}

/** Fields of the API table only tools read (the typings, the reference pages, the tests). */
const TYPINGS_ONLY = new Set(['doc', 'ts', 'result', 'since', 'concern', 'note', 'waitsForPerson']);

/**
 * The browser builds carry the API table without what only the typings read (docs, TypeScript
 * types, result fields, coverage notes): polyfill/api-table.js stays the one definition; this is a view of it.
 * @returns {Promise<import('esbuild').Plugin>}
 */
async function runtimeApiTable() {
  const table = await import(`${pathToFileURL(join(root, 'polyfill/api-table.js')).href}?build=${Date.now()}`);
  // `required: false` is the same as no `required` (validate.js reads it as a boolean).
  const strip = (/** @type {unknown} */ value) => JSON.stringify(value, (key, v) => (TYPINGS_ONLY.has(key) || (key === 'required' && v === false) ? undefined : v));
  const contents = [
    `export const API_TABLE = ${strip(table.API_TABLE)};`,
    `export const JSSDK_VERSION = ${JSON.stringify(table.JSSDK_VERSION)};`,
    'export const API_BY_NAME = new Map(API_TABLE.map((def) => [def.name, def]));',
  ].join('\n');
  const exported = Object.keys(table).sort().join(',');
  if (exported !== 'API_BY_NAME,API_TABLE,JSSDK_VERSION') throw new Error(`build: polyfill/api-table.js exports ${exported}; update runtimeApiTable()`);
  return {
    name: 'runtime-api-table',
    setup(build) {
      build.onLoad({ filter: /[\\/]polyfill[\\/]api-table\.js$/ }, () => ({ contents, loader: 'js' }));
      // Without `concern` there is nothing to check against: polyfill/impl/concerns.js is checked in
      // Node (the CommonJS build, every construction) and by tests/js/api-table.test.js.
      build.onResolve({ filter: /^\.\/concerns\.js$/ }, () => ({ path: join(root, 'polyfill/impl/concerns-unchecked.js') }));
    },
  };
}

/** fflate's MIT notice, kept in the files that bundle it. */
const FFLATE_NOTICE = `/*! fflate (bundled for ft-polyfill's inflate fallback)\n${readFileSync(join(root, 'node_modules/fflate/LICENSE'), 'utf8').trim()}\n*/`;

export async function buildAll({ quiet = false } = {}) {
  checkEmscripten();
  if (!existsSync(join(wasmDir, 'CMakeCache.txt'))) {
    run('emcmake', ['cmake', '-S', '.', '-B', 'build/wasm', '-DCMAKE_BUILD_TYPE=Release', '-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node']);
  }
  run('cmake', ['--build', 'build/wasm', '-j2']);
  // The browser core's .wasm, deflate-compressed and base64-encoded into a module the bundles
  // import (polyfill/core-web.js inflates it with DecompressionStream).
  // Binaryen's merge-similar-functions after emcc's own passes (which do not run it in 3.1.6):
  // functions that differ only in constants become one, -0.25 KB gzip.
  run('wasm-opt', [join(wasmDir, 'ft-core-web.wasm'), '--merge-similar-functions', '-Oz', '-o', join(wasmDir, 'ft-core-web.merged.wasm')]);
  const wasm = readFileSync(join(wasmDir, 'ft-core-web.merged.wasm'));
  const packed = deflateRaw(join(wasmDir, 'ft-core-web.merged.wasm'), wasm, quiet).toString('base64');
  writeFileSync(join(wasmDir, 'ft-core-wasm.js'), `// Generated by scripts/build.mjs from ft-core-web.wasm (${wasm.length} bytes).\nexport const WASM_DEFLATE_BASE64 = '${packed}';\n`);

  mkdirSync(join(root, 'dist'), { recursive: true });
  const common = {
    bundle: true,
    logLevel: /** @type {const} */ (quiet ? 'error' : 'warning'),
    legalComments: /** @type {const} */ ('none'),
    target: ['es2020'],
    // The embedded glue mentions import.meta only on paths a single-file build never takes.
    logOverride: { 'empty-import-meta': /** @type {const} */ ('silent') },
  };
  const runtimeTable = await runtimeApiTable();
  const scriptEntry = wasmFirst('polyfill/script.js', false, packed);
  const moduleEntry = wasmFirst('polyfill/index.js', true, packed);
  await Promise.all([
    esbuild.build({ ...common, stdin: scriptEntry.stdin, outfile: join(root, 'dist/ft-polyfill.js'), format: 'iife', platform: 'browser', minify: true, plugins: [scriptEntry.plugin, runtimeTable, onDemandLoaders({ 'load-ui.js': 'load-ui-script.js', 'load-inflate.js': 'load-inflate-script.js', 'blob-io.js': 'impl/device/blob-io-web.js', 'page-age.js': 'host/page-age-web.js' }), trimmedGlue(quiet)] }),
    esbuild.build({ ...common, stdin: moduleEntry.stdin, outfile: join(root, 'dist/ft-polyfill.mjs'), format: 'esm', platform: 'browser', minify: true, plugins: [moduleEntry.plugin, runtimeTable, onDemandLoaders({ 'load-ui.js': 'load-ui-module.js', 'blob-io.js': 'impl/device/blob-io-web.js', 'page-age.js': 'host/page-age-web.js' }), trimmedGlue(quiet)], external: ['./ft-polyfill-ui.mjs', './ft-polyfill-inflate.mjs'] }),
    // The host UI (panel and sheets), downloaded by the browser builds on first use.
    esbuild.build({ ...common, entryPoints: [join(root, 'polyfill/host/ui-script.js')], outfile: join(root, 'dist/ft-polyfill-ui.js'), format: 'iife', platform: 'browser', minify: true }),
    esbuild.build({ ...common, entryPoints: [join(root, 'polyfill/host/ui.js')], outfile: join(root, 'dist/ft-polyfill-ui.mjs'), format: 'esm', platform: 'browser', minify: true }),
    // The simulator's shell page, apart from the UI pages download (it shares panel/dom.js and ui-style.js).
    esbuild.build({ ...common, entryPoints: [join(root, 'polyfill/host/simulator/index.js')], outfile: join(root, 'dist/ft-polyfill-simulator.mjs'), format: 'esm', platform: 'browser', minify: true }),
    // The inflate fallback (fflate), downloaded only by browsers without DecompressionStream.
    esbuild.build({ ...common, banner: { js: FFLATE_NOTICE }, entryPoints: [join(root, 'polyfill/inflate-script.js')], outfile: join(root, 'dist/ft-polyfill-inflate.js'), format: 'iife', platform: 'browser', minify: true }),
    esbuild.build({ ...common, banner: { js: FFLATE_NOTICE }, entryPoints: [join(root, 'polyfill/inflate.js')], outfile: join(root, 'dist/ft-polyfill-inflate.mjs'), format: 'esm', platform: 'browser', minify: true }),
    // fake-indexeddb is its own file beside it (below), loaded only where IndexedDB is missing.
    esbuild.build({ ...common, entryPoints: [join(root, 'polyfill/node.js')], outfile: join(root, 'dist/ft-polyfill-node.cjs'), format: 'cjs', platform: 'node', external: ['./fake-indexeddb.cjs'], plugins: [nodeGlue()] }),
    // The testing kit's in-memory IndexedDB for Node/jsdom (bundled: the package has no dependencies).
    esbuild.build({ ...common, legalComments: 'inline', banner: { js: "/* fake-indexeddb (Apache-2.0), bundled for ft-polyfill/testing */\nconst __ftTimers = require('node:vm').runInThisContext('({ setImmediate, setTimeout })');" },
      // Node's own timers, so Jest's fake timers do not stall IndexedDB (and storage writes).
      define: { setImmediate: '__ftTimers.setImmediate', 'globalThis.setImmediate': '__ftTimers.setImmediate', setTimeout: '__ftTimers.setTimeout' }, entryPoints: ['fake-indexeddb'], outfile: join(root, 'dist/fake-indexeddb.cjs'), format: 'cjs', platform: 'node' }),
  ]);
  // Terser over esbuild's output of the two capped bundles: its compressor's second pass and
  // top-level mangling take about 2 KB off each gzipped (bench/bytes.mjs, the 100 KB cap).
  await Promise.all(['dist/ft-polyfill.js', 'dist/ft-polyfill.mjs'].map(async (file) => {
    const path = join(root, file);
    // ascii_only: a script with any other character is held by the engine as a two-byte string.
    const out = await terser.minify(readFileSync(path, 'utf8'), { ecma: 2020, module: file.endsWith('.mjs'), compress: { passes: 2 }, mangle: true, format: { ascii_only: true } });
    if (typeof out.code !== 'string') throw new Error(`terser gave no output for ${file}`);
    // The wasm is in the bundle, once (the wasm-first entry and the sideEffects list decide it).
    if (out.code.split(packed).length !== 2) throw new Error(`build: ${file} does not hold the embedded wasm exactly once`);
    writeFileSync(path, out.code);
  }));
  // esbuild escapes every other character in code but keeps the comments it keeps as they are: the
  // Node build is made ASCII, else V8 holds its 600 KB source as a two-byte string (1.2 MB in every
  // fresh process: a Vitest test file's old space, past what makes V8 run a full GC there).
  asciiOnly(join(root, 'dist/ft-polyfill-node.cjs'));
  realmBuiltins(join(root, 'dist/ft-polyfill-node.cjs'));
  // The CLI's static file server (bin/server.js), bundled so that the package keeps no dependencies.
  await esbuild.build({ ...common, entryPoints: ['sirv'], outfile: join(root, 'dist/sirv.mjs'), format: 'esm', platform: 'node', banner: { js: '/* sirv with @polka/url, mrmime and totalist (MIT), bundled for ft-polyfill serve: dist/THIRD-PARTY-NOTICES.md */' } });
  writeNotices(join(root, 'dist/THIRD-PARTY-NOTICES.md'));
  // require('ft-polyfill'): a few lines that load dist/ft-polyfill-node.cjs (polyfill/node-entry.cjs).
  copyFileSync(join(root, 'polyfill/node-entry.cjs'), join(root, 'dist/ft-polyfill.cjs'));
  // `import` in Node: the CommonJS build's instance (polyfill/node-wrapper.mjs).
  copyFileSync(join(root, 'polyfill/node-wrapper.mjs'), join(root, 'dist/ft-polyfill.node.mjs'));
  // TypeScript declarations from the API table (dist/ft-polyfill.d.ts, .d.cts).
  writeTypes();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
}
