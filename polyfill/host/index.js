// window.ftHost: the simulated host's controls (what a person or a test does in the host app).
// Each concern adds its controls through `runtime.hostControls` (see impl/*.js).

/**
 * @param {import('../runtime.js').Runtime} runtime
 */
export function createHost(runtime) {
  const host = {
    /** Resolves when the WebAssembly core is up and storage is loaded. */
    ready: runtime.ready,
    /**
     * Resets the host with a new configuration (same fields as ftHostConfig); storage is kept.
     * @param {import('../config.js').FtHostConfig} config
     * @returns {Promise<void>}
     */
    configure: (config) => runtime.configure(config),
    /** @param {string} name @param {Function} fn */
    on: (name, fn) => runtime.on(name, fn),
    /** @param {string} name @param {Function} [fn] */
    off: (name, fn) => runtime.off(name, fn),
    /** The log of settled ft calls, oldest first (at most CALL_LOG_LIMIT). */
    calls: () => runtime.log.slice(),
    /** Resolves when every storage write made so far is in IndexedDB. */
    flushed: async () => {
      await runtime.ready;
      await runtime.core().persistence.settled();
    },
  };
  return Object.assign(host, runtime.hostControls);
}
