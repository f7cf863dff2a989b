// The simulator shell (docs/guides/simulator.md): the H5 page runs in a same-origin frame the size
// of a phone's web-view, and the host's chrome around it (status bar, navigation bar with the
// title, back and the capsule, the tabBar, the mini-program page navigateTo pushed over the
// web-view) is drawn from the host's state, read through the frame's own window.ftHost: there
// is no second host model. This file wires the parts: the frame's hand-off and attach are in
// frame.js, the phone's chrome in chrome.js, the controls beside the phone in controls.js.
// bin/simulator.js serves the page and the frame's hand-off script, which calls frameConfig()
// before the page's polyfill starts and frameReady() once window.ftHost exists.
// Every page-provided string is rendered as text (../panel/dom.js), never as HTML.

import { h } from '../panel/dom.js';
import { styleShadow } from '../ui-style.js';
import { SIMULATOR_CSS } from './style.js';
import { DEVICES, DEFAULT_DEVICE, findDevice, NAV_BAR, TAB_BAR } from './devices.js';
import { loadSettings, saveSettings } from './settings.js';
import { buildControls } from './controls.js';
import { connectFrame } from './frame.js';
import { buildChrome } from './chrome.js';
import { applyParams, buildLaunch, stateUrl } from './launch.js';
import { devtoolsSections } from '../panel/devtools-view.js';
import { frameModel, mocksJson } from '../panel/mocks.js';

export { DEVICES, findDevice } from './devices.js';
export { RECEIVED_EVENTS } from './frame.js';
export { NETWORKS, PLACES, parseLocation } from './presets.js';

/** The page in the frame, as the shell sees it (frame.js). @typedef {import('./frame.js').Frame} Frame */

/**
 * Starts the simulator in `doc` (the shell page).
 * @param {Document} doc
 * @param {{ page?: string, device?: string, landscape?: boolean, scenario?: string }} [options]
 *   scenario: the url parameters of `serve --scenario FILE` (launch.js), under the shell url's own
 */
export function createSimulator(doc, options = {}) {
  const win = /** @type {Window & typeof globalThis & { __ftSimulator?: unknown }} */ (doc.defaultView);
  const settings = loadSettings(win);
  const asked = applyParams(new URL(win.location.href).searchParams, options.scenario || '', settings);
  saveSettings(win, settings);
  const startPage = asked.page || (typeof options.page === 'string' && options.page.startsWith('/') ? options.page : '/');
  let device = findDevice(asked.device) || findDevice(options.device) || DEFAULT_DEVICE;
  let landscape = asked.landscape ?? Boolean(options.landscape);
  /** The frame's address and the app's appId as last seen (the shell's url carries them). */
  let currentPage = startPage;
  /** @type {string | undefined} */ let currentAppId;
  /** @type {import('./frame.js').ShellState} */
  const shell = { frame: null, loaded: false, closedApp: false };
  let scheduled = false;

  const save = () => {
    saveSettings(win, settings);
    schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    win.requestAnimationFrame(() => {
      scheduled = false;
      render();
    });
  };

  const { api, attach } = connectFrame(win, { shell, settings, schedule, onAttach: (f) => controls.apply(f) });
  win.__ftSimulator = api;

  // ---- the shell ------------------------------------------------------------------------------

  const hostEl = doc.createElement('ft-simulator');
  const shadow = hostEl.attachShadow({ mode: 'open' });
  styleShadow(shadow, SIMULATOR_CSS);

  const picker = /** @type {HTMLSelectElement} */ (h(doc, 'select', { 'aria-label': 'device', onchange: () => {
    device = findDevice(picker.value) || DEFAULT_DEVICE;
    layout();
  } }, DEVICES.map((d) => h(doc, 'option', { value: d.id }, [`${d.name} ${d.width}×${d.height}`]))));
  picker.value = device.id;
  const rotate = h(doc, 'button', { type: 'button', 'aria-pressed': String(landscape), onclick: () => {
    landscape = !landscape;
    layout();
  } }, ['Landscape']);
  const urlText = h(doc, 'span', { class: 'url', 'aria-label': 'page url' });
  const iframe = /** @type {HTMLIFrameElement} */ (h(doc, 'iframe', { title: 'H5 page in the web-view', name: 'ft-simulator-page' }));
  const reload = () => {
    try {
      /** @type {Window} */ (iframe.contentWindow).location.reload();
    } catch {
      iframe.src = startPage;
    }
  };
  const restart = () => {
    settings.stacks = {};
    save();
    shell.frame = null;
    shell.loaded = false;
    iframe.src = startPage;
    schedule();
  };
  shadow.append(h(doc, 'div', { class: 'bar', role: 'toolbar', 'aria-label': 'simulator' }, [
    h(doc, 'span', { class: 'brand' }, ['ft-polyfill simulator']),
    h(doc, 'label', {}, ['Device', picker]), rotate,
    h(doc, 'button', { type: 'button', title: 'Reload the page; the host keeps its stack and settings', onclick: reload }, ['Reload']),
    h(doc, 'button', { type: 'button', title: 'Start the mini-program again from its first stack', onclick: restart }, ['Restart']),
    urlText,
  ]));

  /** @param {Promise<any> | null | undefined} promise */
  const act = (promise) => controls.act(promise);
  const chrome = buildChrome(doc, { shell, settings, iframe, act, reload, restart });
  const { screen, status, nav, menu, tabs } = chrome;

  // One model of the frame's mocks: the Mocks section and the network's "Mock this response".
  // Its edits are kept with the settings: the frame's next page (Reload, a dev server's reload) starts with them.
  const mocks = frameModel(() => shell.frame, (next) => {
    settings.mocks = mocksJson(next);
    save();
  });
  const controls = buildControls(doc, { settings, save, frame: () => shell.frame, reload, restart, schedule, mocks });
  const view = () => ({ page: currentPage, device: device.id, landscape, appId: currentAppId });
  const launch = buildLaunch(doc, { settings, view, open: (url) => {
    settings.stacks = {};
    saveSettings(win, settings);
    win.location.assign(url);
  } });
  controls.element.prepend(launch.element);
  // Pending postMessage data, storage and network: the host panel's sections (panel/devtools-view.js).
  const tools = devtoolsSections(doc, schedule, mocks);
  controls.element.append(tools.element);
  const main = h(doc, 'div', { class: 'main' }, [h(doc, 'div', { class: 'stage' }, [chrome.phone]), controls.element]);
  shadow.append(main);
  if (doc.body) doc.body.style.margin = '0'; // CSSOM: the shell's CSP allows it, unlike a style attribute
  (doc.body || doc.documentElement).append(hostEl);

  /** Sizes the phone for the device and orientation; keeps both in the shell's url. */
  function layout() {
    const width = landscape ? device.height : device.width;
    const height = landscape ? device.width : device.height;
    const bar = landscape ? 0 : device.statusBar;
    screen.style.width = `${width}px`;
    screen.style.height = `${height}px`;
    status.style.height = `${bar}px`;
    status.hidden = bar === 0;
    nav.style.height = `${NAV_BAR}px`;
    menu.style.top = `${bar + NAV_BAR}px`;
    tabs.style.height = `${TAB_BAR}px`;
    rotate.setAttribute('aria-pressed', String(landscape));
    // Landscape keeps the controls beside the wide phone (the page scrolls sideways when narrow).
    main.classList.toggle('landscape', landscape);
    syncUrl();
  }

  /** Keeps the whole state in the shell's url (launch.js), so that a copy of it reproduces it. */
  function syncUrl() {
    const href = stateUrl(win.location.href, view(), settings);
    if (href !== win.location.href) win.history.replaceState(null, '', href);
    launch.show(href);
  }

  /**
   * Shows the frame's address in the bar and keeps it as the shell's ?page=, so that Reload and a
   * new visit of the shell's url open the same route.
   * @param {any} fwin
   */
  function showAddress(fwin) {
    try {
      const where = fwin.location.pathname + fwin.location.search + fwin.location.hash;
      urlText.textContent = where;
      urlText.setAttribute('title', where);
      currentPage = where;
      syncUrl();
      // The nav-bar back follows the page's own history too (backMode 'history', §3.13).
      schedule();
    } catch {
      urlText.textContent = '(another origin)';
    }
  }

  /**
   * A history-mode router changes the address without loading a document: follow pushState,
   * replaceState, popstate and hashchange of the frame's document.
   * @param {any} fwin
   */
  function followAddress(fwin) {
    try {
      const history = fwin.history;
      for (const name of ['pushState', 'replaceState']) {
        const original = history[name];
        history[name] = function (/** @type {any[]} */ ...args) {
          const result = original.apply(this, args);
          showAddress(fwin);
          return result;
        };
      }
      fwin.addEventListener('popstate', () => showAddress(fwin));
      fwin.addEventListener('hashchange', () => showAddress(fwin));
    } catch {
      // another origin: the address stays as loaded
    }
  }

  iframe.addEventListener('load', () => {
    const fwin = /** @type {any} */ (iframe.contentWindow);
    shell.loaded = true;
    showAddress(fwin);
    followAddress(fwin);
    attach(fwin);
  });

  /** Draws the shell from the host's state; keeps the web-view's stack for the next start. */
  function render() {
    const frame = shell.frame;
    /** @type {any} */ let state;
    let titleText = '';
    try {
      state = frame ? frame.ftHost.state() : null;
      titleText = frame ? frame.ftHost.title() : '';
    } catch {
      state = null; // the frame's window is gone (it is navigating)
    }
    // Closed (the capsule's close, or the host's): no page, no back, an empty stack.
    const shown = state && (state.closed || (shell.closedApp && !state.webview.alive)) ? { ...state, stack: [], canNavigateBack: false, closed: true } : state;
    chrome.render(shown, titleText);
    if (state && state.webview.alive && state.webview.index >= 0) {
      settings.stacks[state.appId] = state.stack.slice(0, state.webview.index + 1).map((/** @type {any} */ p) => p.url);
      saveSettings(win, settings);
    }
    if (state) currentAppId = state.appId;
    controls.render(shown);
    tools.render(state ? frame && frame.ftHost : null, state);
    syncUrl();
  }

  layout();
  iframe.src = startPage;
  render();
  return api;
}
