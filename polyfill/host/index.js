// window.ftHost: the simulated host's controls (what a person or a test does in the host app).
// Each concern adds its controls through `runtime.hostControls` (see impl/*.js).

/**
 * @param {import('../runtime.js').Runtime} runtime
 */
export function createHost(runtime) {
  /** Listeners added through ftHost.on: reset removes them (not the polyfill's own). @type {Array<[string, Function]>} */
  const added = [];
  const host = {
    /**
     * Resolves when the WebAssembly core is up and storage is loaded. Asking for it starts the
     * core's set-up (as a call does) if the page is still being parsed.
     * @returns {Promise<void>}
     */
    get ready() {
      runtime.startCore();
      return runtime.ready;
    },
    /**
     * Resets the host with a new configuration (same fields as ftHostConfig); storage is kept.
     * @param {import('../config.js').FtHostConfig} config
     * @returns {Promise<void>}
     */
    configure: (config) => runtime.configure(config),
    /** @param {string} name @param {Function} fn */
    on: (name, fn) => {
      added.push([name, fn]);
      runtime.on(name, fn);
    },
    /**
     * Between tests: clears storage, the call log, the listeners added with ftHost.on and, through
     * the onReset hooks, the stack, page listeners and mocks; then applies `config` (default: the
     * current configuration).
     * @param {import('../config.js').FtHostConfig} [config]
     * @returns {Promise<void>}
     */
    reset: async (config) => {
      for (const [name, fn] of added.splice(0)) runtime.off(name, fn);
      await runtime.reset(config);
    },
    /** @param {string} name @param {Function} [fn] */
    off: (name, fn) => runtime.off(name, fn),
    /** The log of settled ft calls, oldest first (at most CALL_LOG_LIMIT). */
    calls: () => runtime.log.list(),
    /**
     * Resolves when every storage write made so far is in IndexedDB, with the timings (ms) of the
     * last flush: { populateMs, writeMs, pushMs, shardsWritten } (null before the first write).
     */
    flushed: async () => {
      await runtime.ready;
      const { persistence } = runtime.core();
      await persistence.settled();
      return persistence.lastFlush;
    },
  };
  return Object.assign(host, runtime.hostControls);
}
