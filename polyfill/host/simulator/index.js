// The simulator shell (README "The simulator"): the H5 page runs in a same-origin frame the size
// of a phone's web-view, and the host's chrome around it (status bar, navigation bar with the
// title, back and the capsule, the tabBar, the mini-program page navigateTo pushed over the
// web-view) is drawn from the host's state, read through the frame's own window.ftHost: there
// is no second host model. The controls beside the phone are in controls.js.
// bin/simulator.js serves the page and the frame's hand-off script, which calls frameConfig()
// before the page's polyfill starts and frameReady() once window.ftHost exists.
// Every page-provided string is rendered as text (../panel/dom.js), never as HTML.

import { h, preview } from '../panel/dom.js';
import { styleShadow } from '../ui-style.js';
import { SIMULATOR_CSS } from './style.js';
import { DEVICES, DEFAULT_DEVICE, findDevice, NAV_BAR, TAB_BAR } from './devices.js';
import { loadSettings, saveSettings } from './settings.js';
import { buildControls } from './controls.js';

export { DEVICES, findDevice } from './devices.js';

/** ms a request waits before it is sent on the "slow" network. */
export const SLOW_NETWORK_MS = 2000;

/** The events of the frame's ftHost the shell redraws on (README "ftHost": on). */
const REDRAW_EVENTS = ['host', 'route', 'title', 'call', 'mock'];
/** The events listed under "Host received". */
export const RECEIVED_EVENTS = ['message', 'event', 'timeout', 'complete', 'navigateToMiniProgram', 'navigateBackMiniProgram', 'close'];

/** @param {string} path */
const routeOf = (path) => String(path).replace(/^\/+/, '').split('?')[0];

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
  /** @type {Frame | null} */ let frame = null;
  /** What each frame window started with (frameConfig). @type {WeakMap<Window, { app: any, appJson?: string }>} */
  const started = new WeakMap();
  let scheduled = false;
  /** The frame has loaded a page once (before, no ftHost is not a problem yet). */
  let loaded = false;

  const save = () => saveSettings(win, settings);
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    win.requestAnimationFrame(() => {
      scheduled = false;
      render();
    });
  };

  // ---- the frame: network condition, hand-off, attach ----------------------------------------

  /** Wraps the frame's fetch with the network condition (ft.request, downloadFile, the page's own). @param {any} fwin */
  function conditionNetwork(fwin) {
    const realFetch = fwin.fetch;
    if (typeof realFetch !== 'function' || realFetch.ftSimulator) return;
    /** @param {RequestInfo | URL} input @param {RequestInit} [init] */
    const conditioned = function (input, init) {
      const url = typeof input === 'string' ? input : String(/** @type {any} */ (input) && (/** @type {any} */ (input).url || /** @type {any} */ (input).href) || '');
      // The host reads its own app.json, not over the device's network.
      if (settings.network === 'online' || /(^|\/)app\.json(\?|#|$)/.test(url)) return realFetch.call(fwin, input, init);
      // What fetch does offline: a TypeError, which ft.request reports as `request:fail network error`.
      if (settings.network === 'offline') return Promise.reject(new fwin.TypeError('Failed to fetch (the simulator is offline)'));
      return new Promise((resolve, reject) => {
        const signal = init && init.signal;
        const timer = win.setTimeout(() => realFetch.call(fwin, input, init).then(resolve, reject), SLOW_NETWORK_MS);
        if (signal) signal.addEventListener('abort', () => { win.clearTimeout(timer); reject(signal.reason); }, { once: true });
      });
    };
    conditioned.ftSimulator = true;
    fwin.fetch = conditioned;
  }

  const api = {
    /**
     * The frame's ftHostConfig: the page's own, without the panel (the shell is the host's UI),
     * with the stack the shell kept for this appId and the shell's load timeout.
     * @param {Window} fwin @param {unknown} given @returns {Record<string, unknown>}
     */
    frameConfig(fwin, given) {
      const config = /** @type {Record<string, any>} */ (given && typeof given === 'object' ? { ...given } : {});
      config.panel = false;
      const appId = typeof config.appId === 'string' && config.appId ? config.appId : 'ft-polyfill-app';
      const stack = settings.stacks[appId];
      if (Array.isArray(stack) && stack.length) config.stack = stack;
      const timeout = Number(settings.timeout);
      if (settings.timeout !== '' && Number.isFinite(timeout) && timeout >= 0) config.webviewTimeout = timeout;
      conditionNetwork(fwin);
      started.set(fwin, { app: config.app && typeof config.app === 'object' ? config.app : null, appJson: config.appJson });
      return config;
    },
    /** window.ftHost exists in the frame: listen to it, apply the mocks and native APIs. @param {Window} fwin */
    frameReady(fwin) {
      attach(fwin);
    },
  };
  win.__ftSimulator = api;

  /** @param {any} fwin */
  function attach(fwin) {
    // A reload keeps the frame's WindowProxy: its new document has a new ftHost.
    const ftHost = fwin && fwin.ftHost;
    if (frame && frame.win === fwin && frame.ftHost === ftHost) return;
    if (!ftHost || typeof ftHost.state !== 'function') {
      frame = null;
      schedule();
      return;
    }
    const start = started.get(fwin) || { app: null };
    /** @type {Frame} */
    const f = { win: fwin, ftHost, app: start.app, mocked: new Set(), received: [] };
    frame = f;
    closedApp = false;
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
    controls.apply(f);
    Promise.resolve(ftHost.ready).then(schedule, schedule);
    schedule();
  }

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
    frame = null;
    loaded = false;
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

  // The phone.
  const clock = h(doc, 'span', {}, ['9:41']);
  const net = h(doc, 'span', { class: 'net' });
  const status = h(doc, 'div', { class: 'status', 'aria-hidden': 'true' }, [clock, net]);
  /** The mini-program above this one, while there is one. @type {any} */
  let otherApp = null;
  const back = h(doc, 'button', { type: 'button', class: 'back', 'aria-label': 'Back', title: 'Back (the host\'s back button)',
    onclick: () => act(frame && (otherApp ? frame.ftHost.backMiniProgram() : frame.ftHost.back())) }, ['‹']);
  const title = h(doc, 'div', { class: 'title', role: 'heading', 'aria-level': '1' });
  const menu = h(doc, 'div', { class: 'menu', role: 'menu', 'aria-label': 'mini-program menu', hidden: true });
  const more = h(doc, 'button', { type: 'button', 'aria-label': 'More: share or close', 'aria-haspopup': 'menu', 'aria-expanded': 'false', title: 'More', onclick: () => toggleMenu() }, ['•••']);
  const exit = h(doc, 'button', { type: 'button', 'aria-label': 'Close the mini-program', title: 'Close the mini-program', onclick: () => closeApp() }, ['◎']);
  /** @param {boolean} [open] */
  const toggleMenu = (open = menu.hidden) => {
    menu.hidden = !open;
    more.setAttribute('aria-expanded', String(open));
    if (open) /** @type {HTMLElement} */ (menu.querySelector('button')).focus();
  };
  /** The person closed the mini-program with the capsule (its web-view destroyed). */
  let closedApp = false;
  const closeApp = () => {
    toggleMenu(false);
    closedApp = true;
    act(frame && frame.ftHost.destroy());
  };
  menu.append(
    h(doc, 'button', { type: 'button', role: 'menuitem', onclick: () => { toggleMenu(false); act(frame && frame.ftHost.share()); } }, ['Share (delivers postMessage data)']),
    h(doc, 'button', { type: 'button', role: 'menuitem', onclick: closeApp }, ['Close the mini-program']),
  );
  // A tap anywhere else closes the menu, as on a phone.
  doc.addEventListener('pointerdown', (event) => {
    const path = event.composedPath();
    if (!menu.hidden && !path.includes(menu) && !path.includes(more)) toggleMenu(false);
  });
  menu.addEventListener('keydown', (event) => {
    if (/** @type {KeyboardEvent} */ (event).key === 'Escape') {
      toggleMenu(false);
      more.focus();
    }
  });
  const nav = h(doc, 'div', { class: 'nav' }, [back, title, h(doc, 'div', { class: 'capsule' }, [more, exit])]);
  const cover = h(doc, 'div', { class: 'cover', hidden: true });
  const view = h(doc, 'div', { class: 'view' }, [iframe, cover]);
  const tabs = h(doc, 'div', { class: 'tabs', role: 'tablist', 'aria-label': 'tabBar', hidden: true });
  const screen = h(doc, 'div', { class: 'screen' }, [status, nav, menu, view, tabs]);
  const phone = h(doc, 'div', { class: 'phone', role: 'region', 'aria-label': 'phone' }, [screen]);

  const controls = buildControls(doc, { settings, save, frame: () => frame, reload, restart, schedule });
  /** @param {Promise<any> | null | undefined} promise */
  const act = (promise) => controls.act(promise);
  shadow.append(h(doc, 'div', { class: 'main' }, [h(doc, 'div', { class: 'stage' }, [phone]), controls.element]));
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

  iframe.addEventListener('load', () => {
    const fwin = /** @type {any} */ (iframe.contentWindow);
    loaded = true;
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
    attach(fwin);
  });

  // ---- drawing the host's chrome from its state ------------------------------------------------

  function render() {
    /** @type {any} */ let state;
    let titleText = '';
    try {
      state = frame ? frame.ftHost.state() : null;
      titleText = frame ? frame.ftHost.title() : '';
    } catch {
      state = null; // the frame's window is gone (it is navigating)
    }
    net.textContent = settings.network === 'online' ? '5G  100%' : settings.network === 'slow' ? 'slow 2G  100%' : 'offline  100%';
    net.className = settings.network === 'online' ? 'net' : 'net bad';
    // Another mini-program on top (navigateToMiniProgram) has its own bar: its appId, and back
    // returns to this app. In the background or without the web-view there is no back.
    otherApp = state && state.webview.alive && state.apps.length - 1 > state.h5AppIndex ? state.apps[state.apps.length - 1] : null;
    if (otherApp) titleText = String(otherApp.appId);
    title.textContent = titleText;
    title.setAttribute('title', titleText);
    /** @type {HTMLButtonElement} */ (back).hidden = !(state && state.foreground && !state.closed && (otherApp || state.canNavigateBack));
    renderTabs(state);
    renderCover(state);
    if (state && state.webview.alive && state.webview.index >= 0) {
      settings.stacks[state.appId] = state.stack.slice(0, state.webview.index + 1).map((/** @type {any} */ p) => p.url);
      save();
    }
    controls.render(state);
  }

  /** @param {any} state */
  function renderTabs(state) {
    tabs.replaceChildren();
    const list = frame && frame.app && frame.app.tabBar && Array.isArray(frame.app.tabBar.list) ? frame.app.tabBar.list : [];
    const top = state ? state.stack[state.stack.length - 1] : null;
    const routes = list.filter((/** @type {any} */ t) => t && typeof t.pagePath === 'string').map((/** @type {any} */ t) => routeOf(t.pagePath));
    // A host shows the tabBar on tab pages only.
    tabs.hidden = !top || !routes.includes(top.route);
    for (const tab of list) {
      if (!tab || typeof tab.pagePath !== 'string') continue;
      const route = routeOf(tab.pagePath);
      const on = Boolean(top && top.route === route);
      tabs.append(h(doc, 'button', {
        type: 'button', role: 'tab', 'aria-selected': String(on), class: on ? 'on' : undefined, title: route,
        onclick: () => act(frame && frame.ftHost.switchTab(`/${route}`)),
      }, [h(doc, 'span', { class: 'dot' }), typeof tab.text === 'string' && tab.text ? tab.text : route]));
    }
  }

  /** What covers the web-view: a mini-program page, another app, or the app's state. @param {any} state */
  function renderCover(state) {
    cover.replaceChildren();
    cover.className = 'cover';
    const button = (/** @type {string} */ label, /** @type {() => void} */ onclick) => h(doc, 'button', { type: 'button', class: 'b primary', onclick }, [label]);
    /** @param {string} kind @param {string} note @param {HTMLElement} [action] */
    const dim = (kind, note, action) => {
      cover.className = 'cover dim';
      cover.append(h(doc, 'div', { class: 'route' }, [kind]), h(doc, 'div', { class: 'note' }, [note]), action || '');
    };
    if (!frame && !loaded) {
      dim('Loading…', 'The page is loading in the web-view.');
    } else if (!frame) {
      dim('No ft-polyfill in this page', 'The page in the frame has no window.ftHost: serve its folder with ft-polyfill serve, or load the polyfill.');
    } else if (!state) {
      dim('Starting…', 'The polyfill\'s core is starting.');
    } else if (state.closed || (closedApp && !state.webview.alive)) {
      dim('The mini-program is closed', 'Its postMessage data was delivered and onUnload ran. Restart opens it again from its first page.', button('Restart', restart));
    } else if (!state.foreground) {
      dim('The app is in the background', 'onHide ran; Show brings it back (onShow).', button('Show app', () => act(frame && frame.ftHost.show())));
    } else {
      const h5App = state.apps[state.h5AppIndex];
      const topApp = state.apps[state.apps.length - 1];
      const top = state.stack[state.stack.length - 1];
      const alive = state.webview.alive;
      if (alive && topApp && topApp !== h5App && state.apps.length - 1 > state.h5AppIndex) {
        cover.append(h(doc, 'div', { class: 'kind' }, ['Another mini-program (navigateToMiniProgram)']),
          h(doc, 'div', { class: 'route' }, [`${topApp.appId}${topApp.path ? ` · ${topApp.path}` : ''}`]),
          h(doc, 'div', { class: 'note' }, [`extraData ${preview(topApp.extraData)}`]),
          h(doc, 'div', { class: 'row' }, [button('‹ Back to this app', () => act(frame && frame.ftHost.backMiniProgram()))]));
      } else if (top && !top.webview) {
        const query = h(doc, 'dl', { 'aria-label': 'query' });
        for (const [k, v] of Object.entries(top.query)) query.append(h(doc, 'dt', {}, [k]), h(doc, 'dd', {}, [String(v)]));
        cover.setAttribute('aria-label', 'mini-program page');
        cover.append(h(doc, 'div', { class: 'kind' }, ['Mini-program page']),
          h(doc, 'div', { class: 'route', 'data-route': '' }, [top.route]),
          Object.keys(top.query).length ? query : h(doc, 'div', { class: 'note' }, ['(no query)']),
          alive
            ? h(doc, 'div', { class: 'note' }, [state.webview.parked
              ? 'switchTab left the web-view\'s tab page: the H5 page is kept hidden until its tab is chosen again.'
              : 'navigateTo pushed this native page over the web-view; the H5 page waits below it until you go back.'])
            : h(doc, 'div', { class: 'note' }, ['The web-view page is unloaded (redirectTo, reLaunch, switchTab or back left it): its postMessage data was delivered and onUnload ran; its ft calls now fail.']),
          h(doc, 'div', { class: 'row' }, [
            alive && state.canNavigateBack ? button('‹ Back', () => act(frame && frame.ftHost.back())) : null,
            alive ? null : button('Reload the web-view page', reload),
          ].filter(/** @returns {b is HTMLElement} */ (b) => b !== null)));
      } else if (!alive) {
        dim('The web-view is destroyed', 'Its postMessage data was delivered and onUnload ran; ft calls now fail. Reload starts the page again.', button('Reload', reload));
      }
    }
    const covered = cover.childNodes.length > 0;
    cover.hidden = !covered;
    iframe.classList.toggle('hidden', covered && frame !== null);
  }

  layout();
  iframe.src = startPage;
  render();
  return api;
}
