// window.ftHost: the simulated host's controls (what a person or a test does in the host app):
// the instance's own (ready, configure, reset, on/off, calls, flushed, dispose), the host's
// (host/controls.js, over the bridge) and the mocks' (impl/device/mocks.js). What each takes,
// returns and does: host/surface.js (the typings and docs/reference/fthost.md are generated from it).

import { hostControls } from './controls.js';
import { mockControls } from '../impl/device/mocks.js';
import { warnUnobserved } from '../pipeline/call-promise.js';

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @param {import('../services.js').Services} services
 */
export function createHost(runtime, services) {
  /** Listeners added through ftHost.on: reset removes them (not the polyfill's own). @type {Array<[string, Function]>} */
  const added = [];
  const host = {
    /**
     * Asking for it starts the core's set-up (as a call does) if the page is still being parsed.
     * @returns {Promise<void>}
     */
    get ready() {
      return runtime.whenApplied();
    },
    /**
     * Queued with the calls (§1.10): every call made after it, awaited or not, sees the new configuration.
     * @param {import('../config.js').FtHostConfig} config
     * @returns {Promise<void>}
     */
    configure: (config) => runtime.configure(config),
    /** @returns {string} */
    configError: () => runtime.configError,
    /** @param {string} name @param {Function} fn */
    on: (name, fn) => {
      added.push([name, fn]);
      runtime.on(name, fn);
    },
    /**
     * Clears the listeners added with ftHost.on here, the rest through the onReset hooks (the
     * stack, page listeners, mocks).
     * @param {import('../config.js').FtHostConfig} [config]
     * @returns {Promise<void>}
     */
    reset: (config) => runtime.reset(config),
    /**
     * The testing kit's setupFt on an instance that already exists: configure, and make `config`
     * what reset() goes back to. Not part of the ftHost surface (a symbol key).
     */
    [Symbol.for('ft-polyfill.setup')]: (/** @type {unknown} */ config) => runtime.configure(config, true),
    // The testing kit, as a test ends: the failed calls nobody observed are warned about now.
    [Symbol.for('ft-polyfill.warn-unobserved')]: warnUnobserved,
    /** @param {string} name @param {Function} [fn] */
    off: (name, fn) => runtime.off(name, fn),
    /** At most CALL_LOG_LIMIT entries. */
    calls: () => runtime.log.list(),
    /** The device check's findings (§1.15), oldest first; cleared by reset. */
    warnings: () => runtime.checks.warnings(),
    /**
     * Resolves when every storage write made so far is in IndexedDB, with the timings (ms) of the
     * last flush: { populateMs, writeMs, pushMs, shardsWritten } (shardsWritten: files written or
     * removed, one journal for a flush; null before the first write).
     */
    flushed: async () => {
      await runtime.whenApplied();
      if (runtime.stopped()) throw runtime.stopError;
      const { persistence } = runtime.core();
      await persistence.settled();
      return persistence.lastFlush;
    },
    /**
     * The errMsg after it is DISPOSED_REASON; calling it again returns the same Promise.
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
