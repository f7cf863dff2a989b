// One polyfill instance: its configuration, the WebAssembly core once loaded, the queue of calls
// made before that (behaviour.md §1.6), the implementations of the interfaces, the call log and
// the host's events. `ft` (create.js) and `ftHost` (host/index.js) are views of it.

import { normalizeConfig } from './config.js';
import { Persistence, openEarly } from '../wasm-glue/persistence.js';
import { IMPLEMENTATIONS } from './impl/index.js';
import { CallLog } from './call-log.js';
import { mark } from './marks.js';
import { readStorageAnswer } from './core-wire.js';

/** The call log keeps the newest entries only, so a long-running page does not grow without end. */
export const CALL_LOG_LIMIT = 5000;

/**
 * @typedef {object} CoreHandles
 * @property {any} Module                the Emscripten module
 * @property {import('../wasm-glue/persistence.js').StorageCore} storage
 * @property {Persistence} persistence
 */

export class Runtime {
  /**
   * @param {object} options
   * @param {() => Promise<any>} options.loadCore  instantiates the Emscripten module
   * @param {unknown} [options.config]             ftHostConfig
   * @param {any} [options.global]                 the window (or globalThis) the page sees
   * @param {boolean} [options.configFromPage]     `config` is the page's window.ftHostConfig
   */
  constructor({ loadCore, config, global, configFromPage = false }) {
    this.global = global || globalThis;
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
    /**
     * Work waiting its turn, in call order (§1.6, §1.10): calls made before the core is up, and
     * everything made while a configure/reset is being applied. A barrier (configure, reset) runs
     * alone: nothing after it starts until it has been applied.
     * @type {Array<{ fn: () => any, resolve: (v: any) => void, reject: (e: unknown) => void, barrier: boolean }>}
     */
    this.queue = [];
    /** The core is up and nothing waits: a call may run at once. */
    this.open = false;
    this.draining = false;
    /** A configure/reset is being applied. */
    this.applying = false;
    /** What went wrong applying the last configuration ('' when nothing): an app.json that could not be loaded... */
    this.configError = '';
    /** @type {Map<string, Set<Function>>} */
    this.listeners = new Map();
    /** @type {Array<(how: { full: boolean }) => void | Promise<void>>} */
    this.resetHooks = [];
    /** @type {Array<(core: { Module: any }) => void | Promise<void>>} */
    this.readyHooks = [];
    /** Controls each concern adds to ftHost (e.g. stack(), back()); see host/index.js. @type {Record<string, any>} */
    this.hostControls = {};
    /** @type {Record<string, import('./pipeline.js').Impl>} */
    this.impls = {};
    for (const factory of IMPLEMENTATIONS) Object.assign(this.impls, factory(this));
    mark('ft:installed');
    // The appId's IndexedDB database starts opening right after the current script (a cold start
    // waits on it and on the core, so they overlap; a bundled app may still set its appId)...
    /** @type {{ appId: string, opening: Promise<import('../wasm-glue/persistence.js').EarlyOpen> | null } | null} */
    this.early = null;
    Promise.resolve().then(() => this.openEarly());
    /** @type {() => void} */
    let begin = () => {};
    this.started = false;
    /** Settles when the core is up (ftHost.ready also waits for what was queued before it). @type {Promise<void>} */
    this.ready = new Promise((resolve) => { begin = () => resolve(undefined); }).then(() => this.start(loadCore, this.openEarly()));
    /** Why the core could not start (every call then fails with it), or null. @type {Error | null} */
    this.startError = null;
    this.ready.catch((error) => this.failStart(error));
    this.begin = begin;
    // ...but the core's set-up (tens of ms of main-thread work) waits until a call needs it or the
    // page is parsed, so it does not hold up the page's own scripts (whose getEnv answers at once).
    const doc = this.global.document;
    if (doc && doc.readyState === 'loading' && typeof doc.addEventListener === 'function') {
      doc.addEventListener('DOMContentLoaded', () => this.startCore(), { once: true });
    } else {
      // After the current script (a bundled app's module body sets ftHostConfig after its imports).
      Promise.resolve().then(() => this.startCore());
    }
  }

  /** Starts the core's set-up now if it has not started (a call needs it, or the page is parsed). */
  startCore() {
    if (this.started) return;
    this.started = true;
    this.adoptPageConfig();
    this.begin();
  }

  /** Starts opening the appId's database (once). */
  openEarly() {
    if (!this.early) {
      if (!this.started) this.adoptPageConfig();
      this.early = { appId: this.config.appId, opening: openEarly(this.config.appId) };
    }
    return this.early;
  }

  /**
   * The configuration as it stands: before the core starts, a window.ftHostConfig the page set
   * after the script (a bundled app sets it after its imports) replaces the one seen at install.
   */
  currentConfig() {
    if (!this.started) this.adoptPageConfig();
    return this.config;
  }

  adoptPageConfig() {
    const page = this.pageConfig;
    if (!page) return;
    const now = this.global.ftHostConfig;
    if (now === page.given || now === undefined || now === null) return;
    page.given = now;
    this.baseConfig = now;
    this.config = normalizeConfig(now);
  }

  /**
   * @param {() => Promise<any>} loadCore
   * @param {{ appId: string, opening: Promise<import('../wasm-glue/persistence.js').EarlyOpen> | null }} early  the install-time appId's database, opening since install
   */
  async start(loadCore, early) {
    const Module = await loadCore();
    mark('ft:core-instantiated');
    const { appId } = this.config;
    const persistence = new Persistence(Module, appId);
    if (early.appId !== appId && early.opening) {
      // The page changed its appId before the core started: that database is not this app's.
      early.opening.then((opened) => { try { opened.db?.close(); } catch { /* closed already */ } });
    }
    // Each concern's set-up (the host's configure) runs while IndexedDB may still be opening.
    const setUp = (async () => { for (const hook of this.readyHooks) await hook({ Module }); })();
    const [storage] = await Promise.all([persistence.open(early.appId === appId ? early.opening : null), setUp]);
    this.handles = { Module, storage, persistence };
    mark('ft:ready');
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
    const reason = error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : String(error);
    // The engines' words for a CSP that refuses WebAssembly (a CompileError; an EvalError in older
    // ones): Chromium "...WebAssembly module violates the following Content Security policy
    // directive... \"script-src 'self'\"", Firefox "call to WebAssembly.compile() blocked by CSP",
    // WebKit "Refused to create a WebAssembly object because 'unsafe-eval' or 'wasm-unsafe-eval'...".
    const csp = /^(Compile|Eval)Error$/.test(/** @type {Error} */ (error)?.name) && /Content.Security.Polic|\bCSP\b|wasm-(unsafe-)?eval/i.test(reason);
    const directive = (/directive:\s*"(\S+)/.exec(reason) || [])[1] || 'script-src';
    this.startError = new Error(csp
      ? `WebAssembly is blocked by the page's Content-Security-Policy: add 'wasm-unsafe-eval' to ${directive}`
      : `the WebAssembly core could not start (${reason})`);
    console.error(`ft-polyfill: ${this.startError.message}`);
    /** @type {any} */ (this.startError).reported = true;  // the pipeline does not log it again per call
    for (const item of this.queue.splice(0)) item.reject(this.startError);
  }

  /** Whether a call may run at once: the core is up and nothing made before it still waits. */
  isReady() {
    return this.open;
  }

  /** The core; only called by implementations, which run after `ready`. */
  core() {
    if (!this.handles) throw new Error('ft-polyfill core is not ready');
    return this.handles;
  }

  /** @param {string} name */
  impl(name) {
    return this.impls[name];
  }

  /**
   * Runs `fn` now if the core is up, else after it, in call order.
   * @template T @param {() => T} fn @returns {Promise<Awaited<T>>}
   */
  whenReady(fn) {
    if (this.open) {
      try {
        return Promise.resolve(fn());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.enqueue(fn, false);
  }

  /**
   * Queues `fn` behind everything already waiting. A barrier (configure, reset) is awaited before
   * anything after it runs; other work runs as soon as its turn comes.
   * @template T @param {() => T} fn @param {boolean} barrier @returns {Promise<Awaited<T>>}
   */
  enqueue(fn, barrier) {
    if (this.startError) return Promise.reject(this.startError);
    this.open = false;
    const done = new Promise((resolve, reject) => { this.queue.push({ fn, resolve, reject, barrier }); });
    this.startCore();
    if (this.handles) this.drain();
    return /** @type {Promise<Awaited<T>>} */ (done);
  }

  /** Runs the queue in order once the core is up; the runtime is open again when it is empty. */
  async drain() {
    if (this.draining || !this.handles) return;
    this.draining = true;
    this.open = false;
    try {
      while (this.queue.length) {
        const item = /** @type {(typeof this.queue)[number]} */ (this.queue.shift());
        if (!item.barrier) {
          try {
            item.resolve(item.fn());
          } catch (error) {
            item.reject(error);
          }
          continue;
        }
        this.applying = true;
        try {
          item.resolve(await item.fn());
        } catch (error) {
          item.reject(error);
        } finally {
          this.applying = false;
        }
      }
    } finally {
      this.draining = false;
      this.open = this.queue.length === 0;
    }
  }

  /**
   * ftHost.ready: settles when the core is up and, when a configure or reset is waiting or being
   * applied, once that is applied too (a call made before it has run by then as well).
   * @returns {Promise<void>}
   */
  whenApplied() {
    this.startCore();
    if (this.applying || this.queue.some((item) => item.barrier)) return this.enqueue(() => undefined, false);
    return this.ready;
  }

  /**
   * Whether a call that needs nothing from the core may run now: nothing made before it still
   * waits and no configuration is being applied (so answering at once keeps call order, §1.6).
   */
  mayRunWithoutCore() {
    return this.open || (this.queue.length === 0 && !this.applying);
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
   * @param {unknown} config
   * @param {boolean} [asBase]  also what reset() goes back to (the testing kit's setupFt)
   * @returns {Promise<void>}
   */
  configure(config, asBase = false) {
    if (asBase) this.baseConfig = config;
    return this.enqueue(() => this.apply(config, false, 'ftHost.configure'), true);
  }

  /**
   * ftHost.reset (the testing kit, between tests), also a barrier: applies `config` (default:
   * the configuration the instance started with, or setupFt's; not a later configure's) with every onReset hook told `full` (stack, page listeners, handlers,
   * mocks, ftHost.on listeners), then clears the mini-program's storage (durably) and the call log.
   * @param {unknown} [config]
   * @returns {Promise<void>}
   */
  reset(config) {
    return this.enqueue(async () => {
      let failure = null;
      try {
        await this.apply(config === undefined ? this.baseConfig : config, true, 'ftHost.reset');
      } catch (error) {
        failure = error;
      }
      const { storage, persistence } = this.core();
      const cleared = readStorageAnswer(storage.clear());
      if (cleared.ok) await persistence.durable(Number(cleared.text)).catch(() => undefined);
      this.log.clear();
      if (failure) throw failure;
    }, true);
  }

  /**
   * Applies a configuration (inside a barrier): storage is kept, and switched when the appId
   * changes (the old store is flushed and closed first); then each concern's onReset hook.
   * @param {unknown} config @param {boolean} full @param {string} by  the control, for the error
   */
  async apply(config, full, by) {
    const next = normalizeConfig(config);
    const handles = this.core();
    if (next.appId !== this.config.appId) {
      await handles.persistence.close();
      handles.persistence = new Persistence(handles.Module, next.appId);
      handles.storage = await handles.persistence.open();
    }
    this.config = next;
    this.configError = '';
    for (const hook of this.resetHooks) await hook({ full });
    if (this.configError) throw new Error(`${by}: ${this.configError}`);
  }

  /** Host events ('message', 'event', 'timeout', 'route', 'call', ...). @param {string} name @param {Function} fn */
  on(name, fn) {
    if (typeof fn !== 'function') return;
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(fn);
  }

  /** @param {string} name @param {Function} [fn] */
  off(name, fn) {
    if (fn === undefined) this.listeners.delete(name);
    else this.listeners.get(name)?.delete(fn);
  }

  /** @param {string} name @param {unknown} payload */
  emit(name, payload) {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const fn of [...set]) {
      try {
        fn(payload);
      } catch (error) {
        console.error(`ft-polyfill: a host '${name}' listener threw`, error);
      }
    }
  }
}
