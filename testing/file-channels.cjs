// Jest runs many test files in one worker, and an open BroadcastChannel stays reachable after its
// file has ended, with all its listener reaches: the tab lock's channel would keep the file's whole
// instance (core, wasm memory, jsdom window) alive, and Node's channels reach across the files of
// a worker, so every later file's write would wake each earlier file's store to read it again
// (the run slowing file by file: docs/benchmarks.md). So the polyfill's channels of a file are
// closed once its tests are done; the instance keeps working after that (a later afterAll may use
// it), only no longer telling other instances of its appId in this worker about its writes.
'use strict';

/** Where a global keeps its file's open channels, once tracked. */
const OPEN = Symbol.for('ft-polyfill.file-channels');

/**
 * Tracks the polyfill's BroadcastChannels (a store's tab lock: 'ft-polyfill:…') made from now on
 * in `global`, once: jsdom has no BroadcastChannel until polyfillGlobals gives it Node's, so this
 * runs again after that and tracks from then on. Idempotent.
 * @param {any} global
 */
function trackFileChannels(global) {
  if (global[OPEN]) return;
  const Base = global.BroadcastChannel;
  if (typeof Base !== 'function') return;
  /** @type {Set<any>} */
  const open = new Set();
  class FileBroadcastChannel extends Base {
    /** @param {string} name */
    constructor(name) {
      super(name);
      if (String(name).startsWith('ft-polyfill:')) open.add(this);
    }

    /** @param {any} message */
    postMessage(message) {
      if (!this.ftPolyfillReleased) super.postMessage(message);
    }
  }
  // The file's open channels, for a test to see.
  /** @type {any} */ (FileBroadcastChannel).ftPolyfillFile = open;
  global.BroadcastChannel = FileBroadcastChannel;
  Object.defineProperty(global, OPEN, { value: open, configurable: true });
}

/**
 * The afterAll hook: closes the channels tracked in `global` (none when it never had any).
 * @param {any} global @returns {() => void}
 */
function releaseFileChannels(global) {
  return () => {
    const open = global[OPEN];
    if (!open) return;
    for (const channel of open) {
      channel.ftPolyfillReleased = true;
      channel.close();
    }
    open.clear();
  };
}

module.exports = { trackFileChannels, releaseFileChannels };
