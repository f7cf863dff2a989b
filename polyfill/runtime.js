// One polyfill instance: its configuration, the WebAssembly core once loaded, the queue of calls
// made before that (behaviour.md §1.6), the implementations of the interfaces, the call log and
// the host's events. `ft` (create.js) and `ftHost` (host/index.js) are views of it.

import { normalizeConfig } from './config.js';
import { Persistence, openEarly } from '../wasm-glue/persistence.js';
import { IMPLEMENTATIONS } from './impl/index.js';
import { CallLog } from './call-log.js';
import { mark } from './marks.js';

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
   */
  constructor({ loadCore, config, global }) {
    this.global = global || globalThis;
    this.config = normalizeConfig(config);
    /** @type {CoreHandles|null} */
    this.handles = null;
    this.log = new CallLog(CALL_LOG_LIMIT);
    /** Calls waiting for the core (whenReady before ready). */
    this.queued = 0;
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
    // The appId's IndexedDB database starts opening now (a cold start waits on it and on the
    // core, so they overlap)...
    const early = openEarly(this.config.appId);
    /** @type {() => void} */
    let begin = () => {};
    this.started = false;
    /** Settles when the core is up (ftHost.ready). @type {Promise<void>} */
    this.ready = new Promise((resolve) => { begin = () => resolve(undefined); }).then(() => this.start(loadCore, early));
    this.begin = begin;
    // ...but the core's set-up (tens of ms of main-thread work) waits until a call needs it or the
    // page is parsed, so it does not hold up the page's own scripts (whose getEnv answers at once).
    const doc = this.global.document;
    if (doc && doc.readyState === 'loading' && typeof doc.addEventListener === 'function') {
      doc.addEventListener('DOMContentLoaded', () => this.startCore(), { once: true });
    } else {
      this.startCore();
    }
  }

  /** Starts the core's set-up now if it has not started (a call needs it, or the page is parsed). */
  startCore() {
    if (this.started) return;
    this.started = true;
    this.begin();
  }

  /**
   * @param {() => Promise<any>} loadCore
   * @param {ReturnType<typeof openEarly>} early  the appId's database, opening since install
   */
  async start(loadCore, early) {
    const Module = await loadCore();
    mark('ft:core-instantiated');
    const persistence = new Persistence(Module, this.config.appId);
    // Each concern's set-up (the host's configure) runs while IndexedDB may still be opening.
    const setUp = (async () => { for (const hook of this.readyHooks) await hook({ Module }); })();
    const [storage] = await Promise.all([persistence.open(early), setUp]);
    this.handles = { Module, storage, persistence };
    mark('ft:ready');
  }

  /** Whether the core is up (calls then run at once instead of queueing). */
  isReady() {
    return this.handles !== null;
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
    if (this.handles) {
      try {
        return Promise.resolve(fn());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    this.queued++;
    this.startCore();
    return /** @type {Promise<Awaited<T>>} */ (this.ready.then(() => {
      this.queued--;
      return fn();
    }));
  }

  /**
   * Whether a call that needs nothing from the core may run now: the core is up, or no earlier
   * call is still queued (so answering it at once keeps calls in order, §1.6).
   */
  mayRunWithoutCore() {
    return this.handles !== null || this.queued === 0;
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
   * Applies a new configuration: the host state is reset; storage is kept, and switched when the
   * appId changes.
   * @param {unknown} config
   * @param {{ full?: boolean }} [how]  full: ftHost.reset (see onReset)
   */
  async configure(config, { full = false } = {}) {
    this.startCore();
    await this.ready;
    const next = normalizeConfig(config);
    const handles = this.core();
    if (next.appId !== this.config.appId) {
      await handles.persistence.close();
      handles.persistence = new Persistence(handles.Module, next.appId);
      handles.storage = await handles.persistence.open();
    }
    this.config = next;
    for (const hook of this.resetHooks) await hook({ full });
  }

  /**
   * The testing kit's reset between tests (ftHost.reset): re-applies `config` (default: the
   * current one), which runs every onReset hook (stack, page listeners, mocks, ...), then clears
   * the mini-program's storage through the core (waiting until IndexedDB has it) and the call log. Host listeners added with ftHost.on are removed by host/index.js.
   * @param {unknown} [config]
   */
  async reset(config) {
    await this.configure(config === undefined ? this.config : config, { full: true });
    const { storage, persistence } = this.core();
    const op = storage.clear();
    if (op !== 0) await persistence.durable(op).catch(() => undefined);
    this.log.clear();
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
