// npm run build: the WebAssembly core (CMake + Debian's emscripten), then the JS bundles (esbuild).
//   dist/ft-polyfill.js   classic script (IIFE): <script src> installs window.ft
//   dist/ft-polyfill.mjs  ES module for bundlers: import ft, { host } from 'ft-polyfill'
//   dist/ft-polyfill.cjs  CommonJS for Node (Jest, the testing kit)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { writeTypes } from './gen-types.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = join(root, 'build', 'wasm');
// emscripten's optimizer needs Debian's acorn (shared/notes/emscripten.md).
const env = { ...process.env, NODE_PATH: [process.env.NODE_PATH, '/usr/share/nodejs'].filter(Boolean).join(':') };

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
}

export async function buildAll({ quiet = false } = {}) {
  if (!existsSync(join(wasmDir, 'CMakeCache.txt'))) {
    run('emcmake', ['cmake', '-S', '.', '-B', 'build/wasm', '-DCMAKE_BUILD_TYPE=Release', '-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node']);
  }
  run('cmake', ['--build', 'build/wasm', '-j2']);

  mkdirSync(join(root, 'dist'), { recursive: true });
  const common = {
    bundle: true,
    logLevel: /** @type {const} */ (quiet ? 'error' : 'warning'),
    legalComments: /** @type {const} */ ('none'),
    target: ['es2020'],
    // The embedded glue mentions import.meta only on paths a single-file build never takes.
    logOverride: { 'empty-import-meta': /** @type {const} */ ('silent') },
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [join(root, 'polyfill/script.js')], outfile: join(root, 'dist/ft-polyfill.js'), format: 'iife', platform: 'browser', minify: true }),
    esbuild.build({ ...common, entryPoints: [join(root, 'polyfill/index.js')], outfile: join(root, 'dist/ft-polyfill.mjs'), format: 'esm', platform: 'browser', minify: true }),
    esbuild.build({ ...common, entryPoints: [join(root, 'polyfill/node.js')], outfile: join(root, 'dist/ft-polyfill.cjs'), format: 'cjs', platform: 'node' }),
    // The testing kit's in-memory IndexedDB for Node/jsdom (bundled: the package has no dependencies).
    esbuild.build({ ...common, legalComments: 'inline', banner: { js: "/* fake-indexeddb (Apache-2.0), bundled for ft-polyfill/testing */\nconst __ftTimers = require('node:vm').runInThisContext('({ setImmediate, setTimeout })');" },
      // Node's own timers, so Jest's fake timers do not stall IndexedDB (and storage writes).
      define: { setImmediate: '__ftTimers.setImmediate', 'globalThis.setImmediate': '__ftTimers.setImmediate', setTimeout: '__ftTimers.setTimeout' }, entryPoints: ['fake-indexeddb'], outfile: join(root, 'dist/fake-indexeddb.cjs'), format: 'cjs', platform: 'node' }),
  ]);
  // TypeScript declarations from the API table (dist/ft-polyfill.d.ts, .d.cts).
  writeTypes();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
}
