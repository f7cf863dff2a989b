// Jest runs many test files in one worker, and an open BroadcastChannel stays reachable after its
// file has ended, with all its listener reaches: the tab lock's channel would keep the file's whole
// instance (core, wasm memory, jsdom window) alive, the worker's heap growing by megabytes a file
// and the run slowing with it (docs/benchmarks.md). So the polyfill's channels of a file are closed
// once its tests are done; the instance keeps working after that (a later afterAll may use it),
// only no longer telling other instances of its appId in this worker about its writes.

/**
 * Tracks the polyfill's BroadcastChannels (a store's tab lock: 'ft-polyfill:…') made from now on
 * in `global`; returns the afterAll hook that closes them.
 * @param {any} global @returns {() => void}
 */
function releaseChannelsAtFileEnd(global) {
  /** @type {Set<any>} */
  const open = new Set();
  const Base = global.BroadcastChannel;
  if (typeof Base === 'function') {
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
  }
  return () => {
    for (const channel of open) {
      channel.ftPolyfillReleased = true;
      channel.close();
    }
    open.clear();
  };
}

module.exports = { releaseChannelsAtFileEnd };
