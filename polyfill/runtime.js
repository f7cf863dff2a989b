// One polyfill instance: its configuration, the WebAssembly core once loaded, its life and call
// queue (lifecycle.js: the one state machine; calls made before the core is up or while a
// configure/reset is applied wait there, behaviour.md §1.6, §1.10), the implementations of the
// interfaces, the call log and the host's events (host-events.js) and its end (dispose.js).
// `ft` (create.js) and `ftHost` (host/index.js) are views of it; create.js builds the implementations.

import { normalizeConfig } from './config.js';
import { openEarly } from '../wasm-glue/persistence.js';
import { CallLog } from './call-log.js';
import { startCore, startErrorOf } from './start-core.js';
import { applyConfig, resetTo, adoptPageConfig } from './reconfigure.js';
import { DISPOSED_REASON, disposedImpl, releaseAll } from './dispose.js';
import { mark } from './marks.js';
import { DeviceChecks } from './device-check.js';
import { Lifecycle } from './lifecycle.js';
import { paramFailure } from './core-wire.js';

export { DISPOSED_REASON };

/**
 * The call log keeps the newest entries only, so a long-running page does not grow without end;
 * 1,000, not 5,000: each entry holds its arguments and result alive, and 5,000 of them cost a
 * busy page's garbage collector up to a third of its getStorage throughput (bench: storage).
 */
export const CALL_LOG_LIMIT = 1000;

/**
 * @typedef {{ appId: string, opening: Promise<import('../wasm-glue/persistence.js').OpenedStore> | null }} EarlyDb
 * @typedef {object} CoreHandles
 * @property {any} Module                the Emscripten module
 * @property {import('./core-wire/storage.js').Store} storage
 * @property {import('../wasm-glue/persistence.js').Persistence} persistence
 */

export class Runtime extends Lifecycle {
  /**
   * @param {object} options
   * @param {() => Promise<any>} options.loadCore  instantiates the Emscripten module
   * @param {import('../wasm-glue/persistence.js').OpenStore} [options.openStore]  opens an appId's
   *   store (IndexedDB's database: idb-open.js openEarly; the Node build's: core-node.js)
   * @param {(runtime: Runtime) => Record<string, import('./pipeline.js').Impl>} options.implement
   *   builds the implementations of the interfaces (and their services) for this runtime
   * @param {unknown} [options.config]             ftHostConfig
   * @param {any} [options.global]                 the window (or globalThis) the page sees
   * @param {boolean} [options.configFromPage]     `config` is the page's window.ftHostConfig
   */
  constructor({ loadCore, openStore = openEarly, implement, config, global, configFromPage = false }) {
    super();
    this.global = global || globalThis;
    this.loadCore = loadCore;
    this.openStore = openStore;
    this.config = normalizeConfig(config);
    /** What ftHost.reset() without an argument goes back to: the start's config, or setupFt's. */
    this.baseConfig = config;
    /**
     * The page's window.ftHostConfig at install, when the configuration came from there: a
     * bundled app can only set it after its imports ran, so the one in place when the core
     * starts is the one used (startCore).
     */
    this.pageConfig = configFromPage ? { given: config } : null;
    /** @type {CoreHandles|null} */
    this.handles = null;
    this.log = new CallLog(CALL_LOG_LIMIT);
    /** The device check's findings (§1.15): ftHost.warnings(). */
    this.checks = new DeviceChecks(this);
    /** What went wrong applying the last configuration ('' when nothing): an app.json that could not be loaded... */
    this.configError = '';
    /** @type {Array<(how: { full: boolean }) => void | Promise<void>>} */
    this.resetHooks = [];
    /** @type {Array<(core: { Module: any }) => void | Promise<void>>} */
    this.readyHooks = [];
    /** What each service releases at ftHost.dispose (onDispose). @type {Array<() => void | Promise<void>>} */
    this.disposeHooks = [];
    /** Settles when the core is up; made when its set-up starts (startCore). @type {Promise<void> | null} */
    this.ready = null;
    /** Settles when dispose() has released everything. @type {Promise<void> | null} */
    this.released = null;
    // The appId's IndexedDB database starts opening right after the current script (a cold start
    // waits on it and on the core, so they overlap; a bundled app may still set its appId), or at
    // once when the page named its appId before this script ran: the database's creation is the
    // long pole of a first start (bench: time to ready), so every ms earlier counts...
    /** @type {EarlyDb | null} */
    this.early = null;
    const named = configFromPage && config && typeof config === 'object' && typeof /** @type {any} */ (config).appId === 'string';
    if (named) this.openEarly();
    else Promise.resolve().then(() => this.openEarly());
    /** @type {Record<string, import('./pipeline.js').Impl>} */
    this.impls = implement(this);
    mark('ft:installed');
    // ...but the core's set-up (tens of ms of main-thread work) waits until a call needs it or the
    // page is parsed, so it does not hold up the page's own scripts (whose getEnv answers at once).
    const doc = this.global.document;
    this.onParsed = () => this.startCore();
    if (doc && doc.readyState === 'loading' && typeof doc.addEventListener === 'function') {
      doc.addEventListener('DOMContentLoaded', this.onParsed, { once: true });
    } else {
      // After the current script (a bundled app's module body sets ftHostConfig after its imports).
      Promise.resolve().then(() => this.startCore());
    }
  }

  /** Starts the core's set-up now if it has not started (a call needs it, or the page is parsed). */
  startCore() {
    if (this.state !== 'idle') return;
    this.to('starting');
    adoptPageConfig(this);
    this.ready = Promise.resolve().then(() => this.start(this.openEarly()));
    this.ready.catch((error) => this.failStart(error));
  }

  /** Starts opening the appId's database (once). */
  openEarly() {
    if (!this.early) {
      if (this.state === 'idle') adoptPageConfig(this);
      this.early = { appId: this.config.appId, opening: this.openStore(this.config.appId) };
    }
    return this.early;
  }

  /**
   * The configuration as it stands: before the core starts, a window.ftHostConfig the page set
   * after the script (a bundled app sets it after its imports) replaces the one seen at install.
   */
  currentConfig() {
    if (this.state === 'idle') adoptPageConfig(this);
    return this.config;
  }

  /** @param {EarlyDb} early  the install-time appId's database, opening since install */
  async start(early) {
    this.handles = await startCore(this, this.loadCore, early);
    this.step('ready');
    mark('ft:ready');
    // A config script the page marked (ft-polyfill/vite's) that did not run, e.g. refused by the
    // page's Content-Security-Policy: the defaults are in use, which the page did not ask for.
    // Looked for only when the configuration is the page's and missing: a selector query is a
    // selector engine's start in jsdom, and a test's setupFt(config) has no config script.
    const tag = this.pageConfig && !this.global.ftHostConfig ? this.global.document?.querySelector('[data-ft-host-config]') : null;
    if (tag) this.configError = `${this.configError && `${this.configError}; `}config script ${tag.src || '(inline)'} did not run (blocked by the page's CSP?)`;
    // The page's own ftHostConfig has nobody to reject to.
    if (this.configError) console.error(`ft-polyfill: ftHostConfig: ${this.configError}`);
    // The calls queued meanwhile run now, in order (not awaited: a barrier among them may await
    // work of its own, and `ready` only says the core is up).
    this.drain();
  }

  /**
   * The core could not start (its WebAssembly blocked by a CSP without 'wasm-unsafe-eval', a
   * browser without what it needs...): what waits fails with the reason, and so does every later call.
   * A call that needs no core (getEnv) still answers when nothing waits before it (§1.13).
   * @param {unknown} error
   */
  failStart(error) {
    const startError = startErrorOf(error);
    this.step('failed');
    this.startError = startError;
    console.error(`ft-polyfill: ${startError.message}`);
    for (const item of this.queue.splice(0)) item.reject(startError);
  }

  /** The core; only called by implementations, which run after `ready`. */
  core() {
    if (!this.handles) throw new Error('ft-polyfill core is not ready');
    return this.handles;
  }

  /** @param {string} name */
  impl(name) {
    return this.stopped() ? disposedImpl : this.impls[name];
  }

  /** The implementation a parameter error runs as (§1.5): the core writes the text of its problems. */
  paramError() {
    return this.stopped() ? disposedImpl : (/** @type {any} */ problems) => paramFailure(this.core().Module, problems);
  }

  /**
   * Runs `fn` now if the core is up, else after it, in call order.
   * @template T @param {() => T} fn @param {[string, any]} [call]  the interface's name and arguments
   * @returns {Promise<Awaited<T>>}
   */
  whenReady(fn, call) {
    // Open: `fn` runs now, inside the call (a throw rejects).
    return this.open() ? new Promise((resolve) => resolve(/** @type {any} */ (fn()))) : this.enqueue(fn, false, call);
  }

  /**
   * Queues `fn` behind everything already waiting (lifecycle.js); fails at once when the start
   * failed or dispose was called.
   * @template T @param {() => T} fn @param {import('./lifecycle.js').QueuedCall['barrier']} barrier
   * @param {[string, any]} [call] @returns {Promise<Awaited<T>>}
   */
  enqueue(fn, barrier, call) {
    const refusal = this.startError || this.stopError;
    if (refusal) return Promise.reject(refusal);
    // A call made before the core is up runs later, outside the page's stack: its device checks
    // name the page's call site from the stack kept here.
    const done = this.push(fn, barrier, call, barrier ? undefined : new Error());
    this.startCore();
    if (this.handles) this.drain();
    return done;
  }

  /**
   * ftHost.ready: settles when the core is up and, when a configure or reset is waiting or being
   * applied, once that is applied too (a call made before it has run by then as well).
   * @returns {Promise<void>}
   */
  whenApplied() {
    if (this.stopped()) return /** @type {Promise<void>} */ (this.released);
    this.startCore();
    if (this.applying() || this.queue.some((item) => item.barrier)) return this.enqueue(() => undefined, false);
    return /** @type {Promise<void>} */ (this.ready);
  }

  /**
   * A device check (§1.15): the page relied on something the device refuses or changes.
   * @param {string} kind @param {string} api @param {string} message  what the device does and the fix
   */
  deviceCheck(kind, api, message) {
    this.checks.report(kind, api, message, this.stack && this.stack.stack);
  }

  /** @param {import('./pipeline.js').CallRecord} entry */
  record(entry) {
    this.log.push(entry);
    if (this.listeners.has('call')) this.emit('call', entry);
  }

  /**
   * Registers work to do once the core is instantiated (each concern's own set-up); it runs while
   * storage opens, and calls wait for both.
   * @param {(core: { Module: any }) => void | Promise<void>} hook
   */
  onReady(hook) {
    this.readyHooks.push(hook);
    if (this.handles) hook(this.handles);
  }

  /**
   * Registers what ftHost.configure and ftHost.reset must clear. The hook gets `{ full }`: false
   * for configure (the H5 page keeps running, so its listeners stay), true for the testing kit's
   * reset between tests (everything goes).
   * @param {(how: { full: boolean }) => void | Promise<void>} hook
   */
  onReset(hook) {
    this.resetHooks.push(hook);
  }

  /**
   * ftHost.configure (§1.10): a barrier in the call queue. Every call made after it, awaited or
   * not, runs against the new configuration and the new appId's storage; every call made before
   * it has run first. Resolves once applied; rejects with an Error saying what could not be
   * applied (an app.json that could not be loaded or parsed), the rest being applied anyway.
   * @param {unknown} config @param {boolean} [asBase]  also what reset() goes back to (setupFt)
   * @returns {Promise<void>}
   */
  configure(config, asBase = false) {
    if (asBase) this.baseConfig = config;
    return this.enqueue(() => applyConfig(this, config, false, 'ftHost.configure'), true);
  }

  /**
   * ftHost.reset (the testing kit, between tests), also a barrier: see reconfigure.js resetTo.
   * @param {unknown} [config] @returns {Promise<void>}
   */
  reset(config) {
    return this.enqueue(() => resetTo(this, config), true);
  }

  /**
   * Registers what a service releases at ftHost.dispose (Embind handles, timers, observers);
   * hooks run in reverse order of registration, before storage is flushed and closed.
   * @param {() => void | Promise<void>} hook
   */
  onDispose(hook) {
    this.disposeHooks.push(hook);
  }

  /**
   * ftHost.dispose: the end of the instance. Calls made before it still run (the core is waited
   * for if it is starting); every call after it fails with DISPOSED_REASON. Then every service
   * releases what it holds, storage is flushed and closed (channel, mount, database connection,
   * the core's Storage), and the listeners, hooks and call log are dropped. Never rejects.
   * @returns {Promise<void>}
   */
  dispose() {
    if (!this.stopped()) {
      this.to('disposing');
      this.stopError = Object.assign(new Error(DISPOSED_REASON), { reported: true });
      this.global.document?.removeEventListener?.('DOMContentLoaded', this.onParsed);
      this.released = releaseAll(this);
    }
    return /** @type {Promise<void>} */ (this.released);
  }
}
