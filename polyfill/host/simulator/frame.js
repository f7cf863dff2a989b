// The simulator's connection to the page in its frame: the network condition on the frame's fetch,
// the hand-off (bin/simulator.js's frame script calls frameConfig() before the page's polyfill
// starts and frameReady() once window.ftHost exists) and attaching to the frame's own ftHost,
// whose events make the shell redraw. index.js wires it to the chrome and the controls.

import { findNetwork, throttledFetch } from './presets.js';

/** The events of the frame's ftHost the shell redraws on (docs/reference/fthost.md: on). */
const REDRAW_EVENTS = ['host', 'route', 'title', 'call', 'mock', 'deviceCheck'];
/** The events listed under "Host received". */
export const RECEIVED_EVENTS = ['load', 'error', 'message', 'event', 'timeout', 'complete', 'navigateToMiniProgram', 'navigateBackMiniProgram', 'close'];

/**
 * The page in the frame, as the shell sees it.
 * @typedef {object} Frame
 * @property {Window & { ftHost?: any }} win
 * @property {any} ftHost
 * @property {any} app                the app.json (tabBar), or null
 * @property {Set<string>} mocked     the APIs the shell mocked
 * @property {Array<{ name: string, payload: unknown, time: number }>} received
 */

/**
 * What the shell's parts share: the attached frame, and what the cover shows without one.
 * @typedef {object} ShellState
 * @property {Frame | null} frame   the page's ftHost the shell draws, or null
 * @property {boolean} loaded       the frame has loaded a page once (before, no ftHost is not a problem yet)
 * @property {boolean} closedApp    the person closed the mini-program with the capsule (its web-view destroyed)
 */

/**
 * The frame's hand-off and attach.
 * @param {Window} win  the shell's window (its timers run the network presets' delays)
 * @param {object} deps
 * @param {ShellState} deps.shell
 * @param {import('./settings.js').SimulatorSettings} deps.settings
 * @param {() => void} deps.schedule            redraws on the next animation frame
 * @param {(f: Frame) => void} deps.onAttach    a page's ftHost appeared (the controls apply their mocks)
 */
export function connectFrame(win, { shell, settings, schedule, onAttach }) {
  /** What each frame window started with (frameConfig). @type {WeakMap<Window, { app: any, appJson?: string }>} */
  const started = new WeakMap();

  /** Wraps the frame's fetch with the network preset (ft.request, downloadFile, the page's own). @param {any} fwin */
  function conditionNetwork(fwin) {
    const realFetch = fwin.fetch;
    if (typeof realFetch !== 'function' || realFetch.ftSimulator) return;
    const conditioned = throttledFetch(win, fwin, realFetch, () => findNetwork(settings.network));
    /** @type {any} */ (conditioned).ftSimulator = true;
    fwin.fetch = conditioned;
  }

  const api = {
    /**
     * The frame's ftHostConfig: the page's own, without the panel (the shell is the host's UI),
     * with the launch's appId, app.json and backMode, the stack the shell kept for this appId (else
     * the launch's), the shell's load timeout and the Mocks section's edit.
     * @param {Window} fwin @param {unknown} given @returns {Record<string, unknown>}
     */
    frameConfig(fwin, given) {
      const config = /** @type {Record<string, any>} */ (given && typeof given === 'object' ? { ...given } : {});
      config.panel = false;
      // The launch (launch.js) is over the page's config and serve's options.
      const launch = settings.launch;
      if (launch.appId) config.appId = launch.appId;
      if (launch.appJson) {
        config.appJson = launch.appJson;
        delete config.app;
      }
      if (launch.backMode) config.backMode = launch.backMode;
      const appId = typeof config.appId === 'string' && config.appId ? config.appId : 'ft-polyfill-app';
      const stack = settings.stacks[appId];
      if (Array.isArray(stack) && stack.length) config.stack = stack;
      else if (launch.stack.length) config.stack = launch.stack;
      const timeout = Number(settings.timeout);
      if (settings.timeout !== '' && Number.isFinite(timeout) && timeout >= 0) config.webviewTimeout = timeout;
      // The Mocks section's edit outlives a reload (a dev server's too), as the settings above do.
      if (settings.mocks) {
        try {
          config.mocks = JSON.parse(settings.mocks);
        } catch { /* a damaged entry: the page's own mocks */ }
      }
      conditionNetwork(fwin);
      started.set(fwin, { app: config.app && typeof config.app === 'object' ? config.app : null, appJson: config.appJson });
      return config;
    },
    /** window.ftHost exists in the frame: listen to it, apply the mocks and native APIs. @param {Window} fwin */
    frameReady(fwin) {
      attach(fwin);
    },
  };

  /** Attaches the shell to the frame's current ftHost (or to none: shell.frame becomes null). @param {any} fwin */
  function attach(fwin) {
    // A reload keeps the frame's WindowProxy: its new document has a new ftHost.
    const ftHost = fwin && fwin.ftHost;
    const current = shell.frame;
    if (current && current.win === fwin && current.ftHost === ftHost) return;
    if (!ftHost || typeof ftHost.state !== 'function') {
      shell.frame = null;
      schedule();
      return;
    }
    const start = started.get(fwin) || { app: null };
    /** @type {Frame} */
    const f = { win: fwin, ftHost, app: start.app, mocked: new Set(), received: [] };
    shell.frame = f;
    shell.closedApp = false;
    if (!f.app && typeof start.appJson === 'string' && start.appJson) {
      fetch(new URL(start.appJson, fwin.location.href).href).then((r) => r.json()).then((app) => {
        f.app = app;
        schedule();
      }, () => {});
    }
    for (const name of REDRAW_EVENTS) ftHost.on(name, schedule);
    for (const name of RECEIVED_EVENTS) {
      ftHost.on(name, (/** @type {unknown} */ payload) => {
        f.received.unshift({ name, payload, time: Date.now() });
        f.received.length = Math.min(f.received.length, 30);
        schedule();
      });
    }
    onAttach(f);
    Promise.resolve(ftHost.ready).then(schedule, schedule);
    schedule();
  }

  return { api, attach };
}
