// window.ftHost: the simulated host's controls (what a person or a test does in the host app):
// the instance's own (ready, configure, reset, on/off, calls, flushed, dispose), the host's
// (host/controls.js, over the bridge) and the mocks' (impl/device/mocks.js).

import { hostControls } from './controls.js';
import { mockControls } from '../impl/device/mocks.js';

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @param {import('../services.js').Services} services
 */
export function createHost(runtime, services) {
  /** Listeners added through ftHost.on: reset removes them (not the polyfill's own). @type {Array<[string, Function]>} */
  const added = [];
  const host = {
    /**
     * Resolves when the WebAssembly core is up, storage is loaded and everything asked of ft and
     * ftHost before this read (calls, configure, reset) has been applied. Asking for it starts the
     * core's set-up (as a call does) if the page is still being parsed.
     * @returns {Promise<void>}
     */
    get ready() {
      return runtime.whenApplied();
    },
    /**
     * Resets the host with a new configuration (same fields as ftHostConfig); storage is kept, and
     * switched to the new appId's. Queued with the calls (§1.10): every call made after it, awaited
     * or not, sees the new configuration. Resolves once applied; rejects with an Error naming what
     * could not be applied (an appJson that could not be loaded or parsed, an app.json the host
     * refuses), the host then running with the rest of the configuration.
     * @param {import('../config.js').FtHostConfig} config
     * @returns {Promise<void>}
     */
    configure: (config) => runtime.configure(config),
    /**
     * What went wrong applying the configuration in use ('' when nothing): the start's
     * ftHostConfig has nobody to reject to, so it is reported here (and in the console).
     * @returns {string}
     */
    configError: () => runtime.configError,
    /** @param {string} name @param {Function} fn */
    on: (name, fn) => {
      added.push([name, fn]);
      runtime.on(name, fn);
    },
    /**
     * Between tests: clears storage, the call log, the listeners added with ftHost.on and, through
     * the onReset hooks, the stack, page listeners and mocks; then applies `config` (default: the
     * configuration the host started with, or setupFt's: a test's own ftHost.configure does not
     * leak into the next test). Queued with the calls, as configure is.
     * @param {import('../config.js').FtHostConfig} [config]
     * @returns {Promise<void>}
     */
    reset: (config) => runtime.reset(config),
    /**
     * The testing kit's setupFt on an instance that already exists: configure, and make `config`
     * what reset() goes back to. Not part of the ftHost surface (a symbol key).
     */
    [Symbol.for('ft-polyfill.setup')]: (/** @type {unknown} */ config) => runtime.configure(config, true),
    /** @param {string} name @param {Function} [fn] */
    off: (name, fn) => runtime.off(name, fn),
    /** The log of settled ft calls, oldest first (at most CALL_LOG_LIMIT). */
    calls: () => runtime.log.list(),
    /**
     * Resolves when every storage write made so far is in IndexedDB, with the timings (ms) of the
     * last flush: { populateMs, writeMs, pushMs, shardsWritten } (null before the first write).
     */
    flushed: async () => {
      await runtime.whenApplied();
      if (runtime.stopError) throw runtime.stopError;
      const { persistence } = runtime.core();
      await persistence.settled();
      return persistence.lastFlush;
    },
    /**
     * The end of this instance: calls made before it still run; every call after it fails with
     * errMsg "<api>:fail ft-polyfill instance disposed (ftHost.dispose() was called)" (DISPOSED_REASON),
     * the controls resolve {ok: false, reason} with that text, configure/reset/callJS reject with
     * it. Releases the core's handles (Module.Host, Storage, FileRegistry), the title observer, the
     * load-timeout timer, the BroadcastChannel, the database connection, every listener and
     * listener id; storage is flushed first. Resolves when all is released; calling it again
     * returns the same Promise.
     * @returns {Promise<void>}
     */
    dispose: () => runtime.dispose(),
  };
  // ftHost.reset removes the listeners added through ftHost.on, in its turn in the queue and
  // before any other concern resets (they emit 'host' events).
  runtime.resetHooks.unshift(({ full }) => {
    if (full) for (const [name, fn] of added.splice(0)) runtime.off(name, fn);
  });
  return Object.assign(host, hostControls(runtime, services.host, host, services.mocks), mockControls(runtime, services.mocks));
}
