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
import { devtoolsSections } from '../panel/devtools-view.js';

export { DEVICES, findDevice } from './devices.js';
export { SLOW_NETWORK_MS, RECEIVED_EVENTS } from './frame.js';

/** The page in the frame, as the shell sees it (frame.js). @typedef {import('./frame.js').Frame} Frame */

/**
 * Starts the simulator in `doc` (the shell page).
 * @param {Document} doc
 * @param {{ page?: string, device?: string, landscape?: boolean }} [options]
 */
export function createSimulator(doc, options = {}) {
  const win = /** @type {Window & typeof globalThis & { __ftSimulator?: unknown }} */ (doc.defaultView);
  const settings = loadSettings(win);
  const startPage = typeof options.page === 'string' && options.page.startsWith('/') ? options.page : '/';
  let device = findDevice(options.device) || DEFAULT_DEVICE;
  let landscape = Boolean(options.landscape);
  /** @type {import('./frame.js').ShellState} */
  const shell = { frame: null, loaded: false, closedApp: false };
  let scheduled = false;

  const save = () => saveSettings(win, settings);
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

  const controls = buildControls(doc, { settings, save, frame: () => shell.frame, reload, restart, schedule });
  // Pending postMessage data, storage and network: the host panel's sections (panel/devtools-view.js).
  const tools = devtoolsSections(doc, schedule);
  controls.element.append(tools.element);
  shadow.append(h(doc, 'div', { class: 'main' }, [h(doc, 'div', { class: 'stage' }, [chrome.phone]), controls.element]));
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
    const url = new URL(win.location.href);
    url.searchParams.set('device', device.id);
    if (landscape) url.searchParams.set('landscape', '');
    else url.searchParams.delete('landscape');
    win.history.replaceState(null, '', url.href);
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
      const url = new URL(win.location.href);
      url.searchParams.set('page', where);
      win.history.replaceState(null, '', url.href);
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
    chrome.render(state, titleText);
    if (state && state.webview.alive && state.webview.index >= 0) {
      settings.stacks[state.appId] = state.stack.slice(0, state.webview.index + 1).map((/** @type {any} */ p) => p.url);
      save();
    }
    controls.render(state);
    tools.render(state ? frame && frame.ftHost : null, state);
  }

  layout();
  iframe.src = startPage;
  render();
  return api;
}
