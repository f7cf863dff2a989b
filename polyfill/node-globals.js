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
 * Whether `global` lacks `name`: no such property, or one holding undefined. An accessor counts as
 * present without being called: Node defines fetch, DecompressionStream, crypto... as getters that
 * load their implementation (fetch: undici, tens of ms) on first read.
 * @param {any} global @param {string} name
 */
function lacks(global, name) {
  for (let o = global; o; o = Object.getPrototypeOf(o)) {
    const own = Object.getOwnPropertyDescriptor(o, name);
    if (own) return !own.get && own.value === undefined;
  }
  return true;
}

/**
 * Defines `name` on `global` as Node's, read from Node's global only when the page first reads it
 * (so a test that never fetches does not load undici). A write replaces it as a plain property.
 * @param {any} global @param {string} name @param {any} node
 */
function defineFromNode(global, name, node) {
  /** @param {any} value */
  const settle = (value) => {
    Object.defineProperty(global, name, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(global, name, {
    enumerable: true,
    configurable: true,
    get() {
      const value = node[name];
      return settle(typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(node) : value);
    },
    set: settle,
  });
}

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
    if (lacks(global, name) && !lacks(node, name)) {
      defineFromNode(global, name, node);
      added.push(name);
    }
  }
  if (lacks(global, 'indexedDB')) {
    // Beside dist/ft-polyfill.cjs (scripts/build.mjs keeps this require as it is).
    // @ts-ignore: a file of the build (dist/), typed there (fake-indexeddb.d.cts)
    const idb = require('./fake-indexeddb.cjs');
    for (const name of Object.keys(idb)) {
      if (lacks(global, name)) {
        global[name] = idb[name];
        added.push(name);
      }
    }
  }
  return added;
}
