// The toolchain the build is written for. scripts/trim-glue.mjs edits the glue Emscripten
// generates, and wasm-glue/idbfs-adapter.js reads IDBFS/MEMFS internals: both are written against
// Emscripten 3.1.6 (Debian's package), and a current Emscripten renamed what they rely on (e.g.
// MEMFS `timestamp` became `atime`/`mtime`/`ctime`). So the build refuses another version instead of
// producing a polyfill that breaks at run time. FT_EMSCRIPTEN_ANY=1 builds anyway (at your risk:
// run the whole `npm test` then; tests/js/idbfs-adapter.test.js and trim-glue*.test.js check the
// two places against the glue you built).
import { execFileSync } from 'node:child_process';

export const EMSCRIPTEN_VERSION = '3.1.6';

/**
 * The version `emcc --version` reports, e.g. '3.1.6', or null when emcc cannot be run.
 * @returns {string | null}
 */
export function emscriptenVersion() {
  try {
    const out = execFileSync('emcc', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /\b(\d+\.\d+\.\d+)\b/.exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Throws one clear line unless emcc is EMSCRIPTEN_VERSION (or FT_EMSCRIPTEN_ANY=1 is set).
 * @param {string | null} [found]  emscriptenVersion() by default
 * @param {NodeJS.ProcessEnv} [env]
 */
export function checkEmscripten(found = emscriptenVersion(), env = process.env) {
  if (found === EMSCRIPTEN_VERSION) return;
  const what = found === null ? 'emcc was not found (apt-get install emscripten)' : `emcc is Emscripten ${found}`;
  if (env.FT_EMSCRIPTEN_ANY === '1') {
    console.warn(`build: ${what}, not ${EMSCRIPTEN_VERSION}; building anyway (FT_EMSCRIPTEN_ANY=1)`);
    return;
  }
  throw new Error(`build: ${what}; ft-polyfill's glue trim (scripts/trim-glue.mjs) and IndexedDB adapter (wasm-glue/idbfs-adapter.js) are written for Emscripten ${EMSCRIPTEN_VERSION} (Debian bookworm's package). Install that version, or set FT_EMSCRIPTEN_ANY=1 to build anyway and run npm test`);
}
