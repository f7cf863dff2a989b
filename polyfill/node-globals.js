// What the core and its storage need from a Node test environment (Jest's or Vitest's node and
// jsdom environments lack some of it): Node's own structuredClone, TextDecoder, fetch, ... and an
// in-memory IndexedDB (fake-indexeddb, bundled beside the CommonJS build as dist/fake-indexeddb.cjs).

/**
 * The Node main context's global (in a Jest environment `globalThis` is a sandbox that lacks some
 * of Node's globals, e.g. jsdom has no structuredClone, TextDecoder or fetch).
 * @returns {any}
 */
function nodeGlobal() {
  try {
    return require('node:vm').runInThisContext('globalThis');
  } catch {
    return globalThis;
  }
}

const NODE_GLOBALS = [
  'structuredClone', 'TextEncoder', 'TextDecoder', 'fetch', 'Headers', 'Request', 'Response', 'FormData',
  'AbortController', 'AbortSignal', 'Blob', 'URL', 'URLSearchParams', 'setImmediate', 'clearImmediate',
  'queueMicrotask', 'performance', 'crypto', 'BroadcastChannel', 'DecompressionStream',
];

/**
 * Fills in what is missing on `global` (existing globals are kept).
 * @param {any} [global]  globalThis by default
 * @returns {string[]} the names it added
 */
export function polyfillGlobals(global = globalThis) {
  const node = nodeGlobal();
  /** @type {string[]} */
  const added = [];
  for (const name of NODE_GLOBALS) {
    if (typeof global[name] === 'undefined' && typeof node[name] !== 'undefined') {
      global[name] = typeof node[name] === 'function' && /^[a-z]/.test(name) ? node[name].bind(node) : node[name];
      added.push(name);
    }
  }
  if (typeof global.indexedDB === 'undefined') {
    // Beside dist/ft-polyfill.cjs (scripts/build.mjs keeps this require as it is).
    // @ts-ignore: a file of the build (dist/), typed there (fake-indexeddb.d.cts)
    const idb = require('./fake-indexeddb.cjs');
    for (const name of Object.keys(idb)) {
      if (typeof global[name] === 'undefined') {
        global[name] = idb[name];
        added.push(name);
      }
    }
  }
  return added;
}
