// The host's controls on window.ftHost (what a person or a test does in the host app), over the
// C++ host through host/bridge.js. Every action resolves (never rejects, never throws) with
// {ok, reason?}, except callJS, which rejects when the H5 page has no handler.
//
// What each control takes, returns and does, and which run in call order: host/surface.js (the
// typings and the ftHost table (docs/reference/fthost.md) are generated from it; tests/js/host-surface.test.js
// checks ftHost has exactly its controls). callJS's answer: docs/decisions/h5-handlers.md (§4.5).

import { report } from './bridge.js';
import { toCoreString } from '../core-wire.js';
import { loadUi } from '../load-ui.js';

/** @typedef {{ ok: false, reason: string }} HostFailure */

/**
 * The host's controls over the bridge (host/index.js puts them on ftHost). Opens the panel at
 * once when ftHostConfig.panel or ?ft-panel asks for it.
 * @param {import('../runtime.js').Runtime} runtime
 * @param {import('./bridge.js').HostBridge} host
 * @param {Record<string, any>} ftHost  the whole ftHost (the panel's buttons use it)
 * @param {Map<string, unknown>} mocks   the host's mocks (the panel lists them)
 */
export function hostControls(runtime, host, ftHost, mocks) {
  /** @param {string} method @param {...(string|number|boolean)} args @returns {Promise<import('./bridge.js').HostResult>} */
  // Queued with the page's calls (runtime.js): a control used after an un-awaited configure acts
  // on the new configuration. A core that could not start makes it resolve {ok: false, reason}.
  /** @template T @param {() => T} fn @returns {Promise<T | HostFailure>} */
  const queued = (fn) => runtime.whenReady(fn).catch((/** @type {Error} */ error) => ({ ok: false, reason: String(error && error.message) }));
  const act = (method, ...args) => queued(() => host.hostResult(host.call(method, ...args)));

  /** @type {any} */
  let panel = null;
  /** @type {Promise<any> | null} */
  let loading = null;
  const loadPanel = () => {
    if (!loading) {
      loading = loadUi().then((mod) => {
        panel = mod.createPanel(runtime, host, ftHost, mocks);
        return panel;
      });
      loading.catch(() => { loading = null; });  // a later open() tries again
    }
    return loading;
  };

  const controls = {
    // The devtools sections (host/panel/devtools.js) read the instance through it: the host
    // panel's here, the simulator's shell from its frame (without loading this page's UI).
    [Symbol.for('ft-polyfill.runtime')]: runtime,
    har: () => loadUi().then((ui) => ui.devtools(runtime).har()),
    stack: () => host.stack(),
    title: () => host.title(),
    state: () => host.state(),
    // range, and whether it steps back in the web-view's history (backMode): the core's
    back: (/** @type {unknown} */ delta = 1) => act('hostNavigateBack', Number(delta), host.canGoBack()),
    share: () => queued(() => ({ ...host.hostResult(host.call('share')), webViewUrl: runtime.global.location.href })),
    /** §3.15: the browser loads the url, or, when only the hash differs, moves to it in this document. @param {unknown} url */
    setSrc: (url) => queued(() => {
      const src = String(url).replace(/#(.*)/, (_, hash) => `#${hash.replaceAll('#', '%23')}`);
      try {
        // resolved against the web-view's url, not the caller's (the simulator's shell calls it)
        const { location } = runtime.global;
        location.href = new URL(src, location.href).href;
      } catch (error) {
        runtime.emit('error', { detail: { src } });
        throw error;  // queued answers {ok: false, reason: its message}
      }
      return { ok: true };
    }),
    hide: () => act('appHide'),
    show: () => act('appShow'),
    destroy: () => act('destroy'),
    switchTab: (/** @type {unknown} */ url) => act('hostSwitchTab', toCoreString(String(url))),
    backMiniProgram: (/** @type {unknown} */ extraData) => act('hostNavigateBackMiniProgram', extraData === undefined ? '' : JSON.stringify(extraData)),
    /** @param {unknown} data */
    sendWebviewEvent: (data) => queued(() => {
      const result = host.call('hostSendWebviewEvent');
      if (!result.ok) return { ok: false, reason: String(result.reason) };
      host.perform(result, { data });
      return { ok: true, listeners: result.events[0].listeners.length };
    }),
    /** @param {unknown} name @param {unknown} handler */
    registerNativeAPI: (name, handler) => queued(() => {
      if (typeof name !== 'string' || name === '') return { ok: false, reason: 'name should be a non-empty string' };
      if (typeof handler !== 'function') return { ok: false, reason: 'handler should be a function' };
      const result = host.call('registerNativeAPI', toCoreString(name));
      if (result.ok) host.hostApis.set(toCoreString(name), handler);  // keyed as the core knows it
      runtime.emit('host', { reason: 'nativeAPI' });
      return host.hostResult(result);
    }),
    /** @param {unknown} name */
    unregisterNativeAPI: (name) => queued(() => {
      const key = String(name);
      const result = host.call('unregisterNativeAPI', toCoreString(key));
      host.hostApis.delete(toCoreString(key));
      runtime.emit('host', { reason: 'nativeAPI' });
      return { ok: true, removed: Boolean(result.removed) };
    }),
    /** @param {unknown} name @param {unknown} [params] @returns {Promise<unknown>} */
    callJS: (name, params) => runtime.whenReady(async () => {
      const result = host.call('hostCallH5', toCoreString(String(name)));
      if (!result.ok) throw new Error(String(result.reason));
      // All are called before any is awaited (none waits for another's Promise); each rejection
      // is caught at once, so one after the answer is reported too, never unhandled.
      const answers = host.runAll(result.handlers, params).map((value) => Promise.resolve(value).catch(report));
      for (const answer of answers) {
        const value = await answer;
        if (value !== undefined) return value;
      }
      return undefined;
    }),
    panel: {
      /** Opens the host panel (loads its code on first use). @returns {Promise<void>} */
      open: async () => {
        await loadPanel();
        await runtime.whenApplied();
        await panel.open();
      },
      /** @returns {Promise<void>} */
      close: async () => {
        if (loading) (await loading).close();
      },
      /** Whether the panel is showing. */
      isOpen: () => Boolean(panel && panel.isOpen()),
    },
  };
  runtime.onDispose(() => controls.panel.close());

  const g = runtime.global;
  const query = g.location && typeof g.location.search === 'string' ? new URLSearchParams(g.location.search) : null;
  if (g.document && (runtime.config.panel === true || (query && query.has('ft-panel')))) {
    controls.panel.open().catch((error) => console.error('ft-polyfill: the host panel failed to open', error));
  }
  return controls;
}
