// The JS side of the simulated mini-program host (behaviour.md §3, §4): one host core (the C++
// core, src/host.h, through polyfill/core-wire/host.js) per runtime, created once the core is up and re-configured on
// ftHost.configure. The core decides every rule; this file only
//   - gives each listener/handler function an integer id (listener-ids.js),
//   - performs the `events` the core returns, in order (run H5 listeners, emit host events),
//   - keeps the host's native API handlers (name → function), the load-timeout timer, and the
//     observer that reports document.title changes; the web-view's own history is web-view-history.js.
// Host events (runtime.emit): 'message' {detail:{data:[...]}}, 'event' {detail:{data}},
// 'timeout' {detail:{timeout}}, 'route' {action, stack}, 'title' (string), 'complete',
// 'navigateToMiniProgram' / 'navigateBackMiniProgram' / 'close' (the core's event object),
// 'load' / 'error' {detail:{src}} (the web-view's document, §3.14), 'host' (any host state
// change: the panel re-renders on it).

import { pageAge } from './page-age.js';
import { toOutcome, toCoreString } from '../core-wire.js';
import { HostCore } from '../core-wire/host.js';
import { WebViewHistory } from './web-view-history.js';
import { ListenerIds } from './listener-ids.js';

/**
 * A page as ftHost.stack() lists it: `route` without leading slash, `query` the raw values as
 * given, `url` route + '?' + query exactly as given.
 * @typedef {{ route: string, query: Record<string, string>, url: string }} StackPage
 */

/**
 * What a host control resolves to: `reason` is the core's text when `ok` is false.
 * @typedef {{ ok: boolean, reason?: string }} HostResult
 */

/** @typedef {import('../core-wire/host.js').HostAnswer} CoreResult */

/** Reports a page function's error (reportError where there is one), never throwing. @param {unknown} error */
export function report(error) {
  const r = /** @type {any} */ (globalThis).reportError;
  if (typeof r === 'function') r(error);
  else console.error(error);
}

/** @param {any} page @returns {StackPage} */
const publicPage = (page) => ({ route: page.route, query: page.query, url: page.url });

/** The one bridge of a runtime (built by services.js; navigation.js and messaging.js share it). */
export class HostBridge {
  /** @param {import('../runtime.js').Runtime} runtime */
  constructor(runtime) {
    this.runtime = runtime;
    /** @type {HostCore | null} the host core, null until the core is up */
    this.core = null;
    /** The page's listener and handler functions, by the ids the core knows them by. */
    this.listeners = new ListenerIds((id) => !!(this.core && this.core.call('holdsListener', id)));
    /** The host's native APIs (ftHost.registerNativeAPI): name → handler. @type {Map<string, Function>} */
    this.hostApis = new Map();
    /** @type {any} */
    this.timer = null;
    /** The app.json in use (for the panel's tabBar labels), or null. @type {any} */
    this.app = null;
    /** Last configuration error ('' when none). */
    this.configError = '';
    /** The core has been configured (the title observer reports to it only then). */
    this.configured = false;
    /** The next configure is the page's first: its load timeout counts from the navigation. */
    this.firstLoad = true;
    this.titleObserver = null;
    const g = runtime.global;
    this.history = new WebViewHistory(g);
    runtime.onReady(async (core) => {
      this.core = new HostCore(core);
      this.observeTitle();
      await this.configure();
      // Once per document (§3.14): a later document is a new instance.
      if (g.location) runtime.emit('load', { detail: { src: g.location.href } });
    });
    // ftHost.reset (the testing kit, between tests) starts from a new host: page listeners,
    // handlers and the host's native APIs go too. ftHost.configure keeps them (src/host.h).
    // Both run as barriers of the runtime's queue, so no call sees the host half configured.
    runtime.onReset(({ full }) => {
      if (full && this.core) {
        this.core.delete();
        this.core = new HostCore(runtime.core());
        this.forgetAll();
      }
      this.configured = false;
      this.history.restart();
      return this.configure();
    });
    runtime.onDispose(() => {
      this.clearTimer();
      if (this.titleObserver) this.titleObserver.disconnect();
      this.titleObserver = null;
      if (this.core) this.core.delete();
      this.core = null;
      this.configured = false;
      this.forgetAll();
    });
  }

  forgetAll() {
    this.listeners.clear();
    this.hostApis.clear();
  }

  /**
   * (Re)configures the core from runtime.config; loads ftHostConfig.appJson first when given.
   * What cannot be applied is reported in runtime.configError (ftHost.configure rejects with it).
   * The load timer (§4.6) waits the webviewTimeout of the core's answer (clamped: src/host.h).
   */
  async configure() {
    const config = this.runtime.config;
    this.clearTimer();
    let app = config.app && typeof config.app === 'object' ? config.app : null;
    this.configError = '';
    if (typeof config.appJson === 'string' && config.appJson !== '') {
      let step = 'loaded';
      try {
        const base = this.runtime.global.location ? this.runtime.global.location.href : undefined;
        const response = await fetch(new URL(config.appJson, base).href);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        step = 'parsed';
        app = JSON.parse(await response.text());
        if (!app || typeof app !== 'object' || Array.isArray(app)) throw new Error('not a JSON object');
      } catch (error) {
        app = null;
        this.configError = `appJson ${config.appJson} could not be ${step}: ${error && /** @type {Error} */ (error).message}`;
      }
    }
    /** @type {Record<string, unknown>} */
    const coreConfig = { appId: config.appId };
    if (app) coreConfig.app = app;
    if (Array.isArray(config.stack)) coreConfig.stack = config.stack;
    if (config.webviewTimeout !== undefined) coreConfig.webviewTimeout = config.webviewTimeout;
    if (Array.isArray(/** @type {any} */ (config).callers)) coreConfig.callers = /** @type {any} */ (config).callers;
    coreConfig.backMode = config.backMode;
    let result = this.call('configure', JSON.stringify(coreConfig));
    if (!result.ok) {
      this.configError = this.configError ? `${this.configError}; ${result.reason}` : String(result.reason);
      // Keep a working host: the same config without the part that failed is not guessable, so
      // fall back to the defaults with the appId.
      result = this.call('configure', JSON.stringify({ appId: config.appId }));
      app = null;
    }
    // The runtime reports it: ftHost.configure rejects with it, the start logs it.
    if (this.configError) this.runtime.configError = this.configError;
    this.app = app;
    // The web-view page's navigation bar shows the H5 document's title, as in WeChat [ours].
    const doc = this.runtime.global.document;
    if (doc && typeof doc.title === 'string' && doc.title !== '') this.perform(this.call('documentTitleChanged', toCoreString(doc.title)));
    const timeout = result.webviewTimeout;
    if (timeout > 0) {
      const set = this.runtime.global.setTimeout || setTimeout;
      // The host counts from the web-view's navigation, not from when the core is up: at the
      // start, the time since then is spent.
      const spent = this.firstLoad ? pageAge(this.runtime.global) : 0;
      this.timer = set(() => {
        this.timer = null;
        this.perform(this.call('loadTimeoutElapsed'));
      }, timeout - spent);
      if (this.timer && typeof this.timer.unref === 'function') this.timer.unref();
    }
    this.configured = true;
    this.firstLoad = false;
    this.runtime.emit('host', { reason: 'configure' });
  }

  clearTimer() {
    if (this.timer !== null) {
      (this.runtime.global.clearTimeout || clearTimeout)(this.timer);
      this.timer = null;
    }
  }

  /** Reports document.title changes to the core (behaviour.md §3.12: a later one wins). */
  observeTitle() {
    const g = this.runtime.global;
    const doc = g.document;
    if (!doc || typeof g.MutationObserver !== 'function') return;
    let last = doc.title;
    const check = () => {
      if (doc.title === last) return;
      last = doc.title;
      if (this.configured) this.perform(this.call('documentTitleChanged', toCoreString(doc.title)));
    };
    this.titleObserver = new g.MutationObserver(check);
    this.titleObserver.observe(doc.documentElement || doc, { subtree: true, childList: true, characterData: true });
  }

  /**
   * Calls a core method (core-wire/host.js): its answer, or the boolean/count of a registry.
   * @param {string} method @param {...(string|number|boolean)} args @returns {any}
   */
  call(method, ...args) {
    return /** @type {HostCore} */ (this.core).call(method, ...args);
  }

  /** Whether the web-view's own history has an entry before the current one (§3.11). */
  canGoBack() {
    return this.history.canGoBack();
  }

  /** Full host state (src/host.h state()), or null before the core is up. */
  state() {
    return this.core ? this.core.call('state') : null;
  }

  /** @returns {StackPage[]} */
  stack() {
    return this.core ? this.core.call('stack').map(publicPage) : [];
  }

  /** @returns {string} */
  title() {
    return this.core ? this.core.call('title') : '';
  }

  /**
   * Performs the events of a core result, in order. `payload` carries the JS objects the core
   * does not hold: `data` for bindevent / webviewEvent.
   * @param {CoreResult} result @param {{ data?: unknown }} [payload] @returns {CoreResult}
   */
  perform(result, payload = {}) {
    const emit = this.runtime.emit.bind(this.runtime);
    for (const event of result.events || []) {
      switch (event.type) {
        case 'message':
          emit('message', { detail: { data: event.detail.data } });
          break;
        case 'show':
        case 'hide':
        case 'unload':
          this.runAll(event.listeners, event.arg);
          break;
        case 'route':
          emit('route', { action: event.action, stack: event.stack.map(publicPage) });
          break;
        case 'title':
          emit('title', event.title);
          break;
        case 'bindevent':
          emit('event', { detail: { data: payload.data } });
          break;
        case 'webviewEvent':
          this.runAll(event.listeners, payload.data);
          break;
        case 'loadComplete':
          this.clearTimer();
          emit('complete', {});
          break;
        case 'loadTimeout':
          emit('timeout', { detail: { timeout: event.timeout } });
          break;
        case 'historyBack':
          this.history.back();
          break;
        default: // navigateToMiniProgram, navigateBackMiniProgram (with the page's extraData), close
          emit(event.type, event);
      }
    }
    if (result.events && result.events.length) emit('host', { reason: 'events' });
    return result;
  }

  /**
   * Runs H5 listeners in order, each exception reported, never thrown into the host. The functions
   * are looked up first, so one removed by an earlier listener still runs, as the core listed it.
   * @param {number[]} ids @param {unknown} arg @returns {unknown[]} what each returned
   */
  runAll(ids, arg) {
    return ids.map((id) => this.listeners.fns.get(id)).map((fn) => {
      if (!fn) return undefined;
      try {
        return fn(arg);
      } catch (error) {
        report(error);
        return undefined;
      }
    });
  }

  /**
   * Settles an ft call from a core call's answer: performs its events, then the pipeline's
   * outcome, ok(data) or fail(reason).
   * @param {CoreResult} result @param {Record<string, unknown>} [data] @param {{ data?: unknown }} [payload]
   * @returns {import('../pipeline.js').Outcome}
   */
  settleCall(result, data, payload) {
    if (result.ok) this.perform(result, payload);
    return toOutcome(result, data || null);
  }

  /** A host control's answer. @param {CoreResult} result @returns {HostResult} */
  hostResult(result) {
    if (!result.ok) return { ok: false, reason: String(result.reason) };
    this.perform(result);
    return { ok: true };
  }
}
