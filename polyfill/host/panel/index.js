// The host panel: a simulated mini-program host beside the page, in a shadow root (no style leaks
// either way). It shows the navigation bar (title, back), the page stack, the mini-program page
// covering the web-view after navigateTo (with its query), the tabBar when the app.json has one,
// what the host received, the call log, and controls for everything a host person does.
// Loaded on demand by host/controls.js (ftHost.panel.open(), ftHostConfig.panel, ?ft-panel).
// Every page-provided string is rendered as text (dom.js), never as HTML.

import { PANEL_CSS, PANEL_WIDTH } from './style.js';
import { h, preview, pretty, warningRows } from './dom.js';
import { styleShadow } from '../ui-style.js';
import { mocksSection, instanceModel } from './mocks.js';
import { hostForms } from './forms.js';
import { devtoolsSections } from './devtools-view.js';

const LOG_ROWS = 40;
const RECEIVED_ROWS = 20;
const HOST_EVENTS = ['load', 'error', 'message', 'event', 'timeout', 'complete', 'navigateToMiniProgram', 'navigateBackMiniProgram', 'close'];

/** @param {string} path */
const routeOf = (path) => String(path).replace(/^\/+/, '').split('?')[0];

/**
 * @param {import('../../runtime.js').Runtime} runtime
 * @param {import('../bridge.js').HostBridge} host
 * @param {Record<string, any>} controls  ftHost
 * @param {Map<string, unknown>} mocks    the host's mocks (listed)
 */
export function createPanel(runtime, host, controls, mocks) {
  const doc = /** @type {Document} */ (runtime.global.document);
  /** @type {HTMLElement|null} */ let hostEl = null;
  /** @type {Record<string, HTMLElement>} */ const slots = {};
  /** @type {Array<{ name: string, payload: unknown, time: number }>} */ const received = [];
  /** The call log entries shown whole. @type {WeakSet<object>} */ const expanded = new WeakSet();
  let scheduled = false;
  let savedMargin = '';
  /** @type {HTMLElement|null} */ let root = null;
  /** @type {HTMLElement|null} */ let handle = null;
  /** @type {ReturnType<typeof devtoolsSections> | null} */ let tools = null;
  /**
   * The person's collapse choice for this width class (null: automatic, collapsed when the
   * viewport is narrow). Crossing between narrow and wide goes back to automatic.
   * @type {boolean|null}
   */
  let collapsedChoice = null;
  let wasNarrow = false;

  const schedule = () => {
    if (scheduled || !hostEl) return;
    scheduled = true;
    // At most one render a frame, however many calls a busy page makes.
    const raf = runtime.global.requestAnimationFrame;
    const later = typeof raf === 'function' ? (/** @type {() => void} */ f) => raf.call(runtime.global, f) : (/** @type {() => void} */ f) => setTimeout(f, 16);
    later(() => {
      scheduled = false;
      if (hostEl) render();
    });
  };
  /** @type {Array<[string, Function]>} */
  const subscriptions = HOST_EVENTS.map((name) => [name, (/** @type {unknown} */ payload) => {
    received.unshift({ name, payload, time: Date.now() });
    received.length = Math.min(received.length, RECEIVED_ROWS);
    schedule();
  }]);
  subscriptions.push(['host', schedule], ['call', schedule], ['route', schedule], ['title', schedule], ['deviceCheck', schedule]);
  for (const [name, fn] of subscriptions) runtime.on(name, fn);

  /** @param {string} label @param {() => any} action @param {string} [cls] */
  const button = (label, action, cls = 'b') => h(doc, 'button', { class: cls, type: 'button', onclick: action }, [label]);

  /** @param {HTMLElement} out @param {boolean} bad @param {string} text */
  const show = (out, bad, text) => {
    out.textContent = text;
    out.className = bad ? 'out bad' : 'out';
  };
  /** @param {HTMLElement} out @returns {(r: any) => void} */
  const report = (out) => (r) => show(out, !r.ok, r.ok ? 'ok' : `fail: ${r.reason}`);

  function build() {
    const root = h(doc, 'div', { class: 'root', part: 'panel' });
    slots.app = h(doc, 'span', { class: 'app' });
    root.append(h(doc, 'div', { class: 'head' }, [
      h(doc, 'span', { class: 'brand' }, ['ftHost']), slots.app,
      h(doc, 'button', { type: 'button', title: 'Collapse to a handle', 'aria-label': 'Collapse the host panel', onclick: () => setCollapsed(true) }, ['›']),
      h(doc, 'button', { type: 'button', title: 'Close the host panel', 'aria-label': 'close', onclick: () => close() }, ['×']),
    ]));
    const scroll = h(doc, 'div', { class: 'scroll' });
    root.append(scroll);

    // The phone: navigation bar, screen (stack + cover), tabBar.
    slots.back = button('‹', () => controls.back(), 'back');
    slots.back.setAttribute('aria-label', 'back');
    slots.title = h(doc, 'div', { class: 'title' });
    slots.screen = h(doc, 'div', { class: 'screen' });
    slots.tabbar = h(doc, 'div', { class: 'tabbar' });
    scroll.append(h(doc, 'div', { class: 'phone' }, [
      h(doc, 'div', { class: 'navbar' }, [slots.back, slots.title, h(doc, 'div', { class: 'capsule' }, ['•••', '◉'])]),
      slots.screen, slots.tabbar,
    ]));

    // What the page did and what the host received: right under the phone.
    slots.log = h(doc, 'ul', { class: 'list scrolled', 'data-slot': 'log' });
    scroll.append(h(doc, 'section', {}, [h(doc, 'h3', {}, ['ft calls (newest first)']), slots.log]));
    // Where the page would break or differ on a phone (behaviour.md §1.15: ftHost.warnings()).
    slots.checks = h(doc, 'ul', { class: 'list prose', 'data-slot': 'checks' });
    scroll.append(h(doc, 'section', {}, [h(doc, 'h3', {}, ['Device checks (would differ on a phone)']), slots.checks]));
    slots.received = h(doc, 'ul', { class: 'list scrolled short', 'data-slot': 'received' });
    scroll.append(h(doc, 'section', {}, [h(doc, 'h3', {}, ['Host received']), slots.received]));

    for (const section of hostForms(doc, host, controls, button, show, report, slots)) scroll.append(section);

    // Pending postMessage data, storage, network (devtools-view.js, shared with the simulator).
    const mocksModel = instanceModel(runtime, host, /** @type {any} */ (mocks));
    tools = devtoolsSections(doc, schedule, mocksModel);
    scroll.append(tools.element);

    scroll.append(mocksSection(doc, mocksModel));
    slots.mocks = h(doc, 'section', {});
    scroll.append(slots.mocks);
    return root;
  }

  /** @param {any} state  the host state of this render */
  function renderPhone(state) {
    slots.app.textContent = state ? `appId ${state.appId}` : 'loading…';
    slots.title.textContent = host.title();
    slots.title.setAttribute('title', host.title());
    slots.screen.replaceChildren();
    slots.tabbar.replaceChildren();
    if (!state) return;
    // backMode 'history': back first steps through the page's own history (§3.13).
    /** @type {HTMLButtonElement} */ (slots.back).disabled = !(state.canNavigateBack || (state.backMode === 'history' && state.webview.visible && host.canGoBack()));
    slots.hideShow.textContent = state.foreground ? 'Hide app' : 'Show app';
    const pages = state.stack;
    const list = h(doc, 'ol', { class: 'stack', 'aria-label': 'page stack' });
    pages.forEach((/** @type {any} */ page, /** @type {number} */ i) => {
      list.append(h(doc, 'li', { class: i === pages.length - 1 ? 'top' : undefined }, [
        h(doc, 'span', { class: 'n' }, [String(i + 1)]),
        h(doc, 'span', {}, [page.url]),
        page.webview ? h(doc, 'span', { class: state.webview.alive ? 'badge' : 'badge off' }, ['web-view']) : null,
      ]));
    });
    slots.screen.append(list);
    const top = pages[pages.length - 1];
    const h5App = state.apps[state.h5AppIndex];
    const topApp = state.apps[state.apps.length - 1];
    if (topApp && h5App && topApp !== h5App && state.apps.length - 1 > state.h5AppIndex) {
      slots.screen.append(h(doc, 'div', { class: 'cover' }, [
        h(doc, 'div', {}, ['Another mini-program is open:']),
        h(doc, 'div', { class: 'route' }, [`${topApp.appId}${topApp.path ? ` · ${topApp.path}` : ''}`]),
        h(doc, 'div', { class: 'args' }, [`extraData ${preview(topApp.extraData)}`]),
        h(doc, 'div', { class: 'row' }, [button('‹ Back to this app', () => controls.backMiniProgram())]),
      ]));
    } else if (top && !top.webview) {
      const query = h(doc, 'dl', {});
      for (const [k, v] of Object.entries(top.query)) query.append(h(doc, 'dt', {}, [k]), h(doc, 'dd', {}, [String(v)]));
      slots.screen.append(h(doc, 'div', { class: 'cover', 'aria-label': 'mini-program page' }, [
        h(doc, 'div', {}, ['Mini-program page over the web-view:']),
        h(doc, 'div', { class: 'route' }, [top.route]),
        Object.keys(top.query).length ? query : h(doc, 'div', { class: 'empty' }, ['(no query)']),
        h(doc, 'div', { class: 'row' }, [button('‹ Back', () => controls.back())]),
      ]));
    }
    /** @type {string[]} */
    const notes = [];
    if (state.closed) notes.push('The mini-program is closed.');
    else if (!state.webview.alive) notes.push('The web-view page is unloaded: ft calls now fail.');
    if (!state.foreground) notes.push('The app is in the background.');
    if (host.configError) notes.push(`Config error: ${host.configError}`);
    if (!notes.length && state.webview.visible) notes.push(`This page is the web-view${state.loadComplete ? ' (ft.complete() called)' : ''}.`);
    for (const note of notes) slots.screen.append(h(doc, 'div', { class: /^(Config|The web-view page is unloaded)/.test(note) ? 'status bad' : 'status' }, [note]));

    const tabs = host.app && host.app.tabBar && Array.isArray(host.app.tabBar.list) ? host.app.tabBar.list : [];
    slots.tabbar.style.display = tabs.length ? '' : 'none';
    for (const tab of tabs) {
      if (!tab || typeof tab.pagePath !== 'string') continue;
      const route = routeOf(tab.pagePath);
      const label = typeof tab.text === 'string' && tab.text ? tab.text : route;
      slots.tabbar.append(h(doc, 'button', {
        type: 'button', class: top && top.route === route ? 'on' : undefined, title: route,
        onclick: () => controls.switchTab(`/${route}`),
      }, [label]));
    }
  }

  /** @param {any} state  the host state of this render */
  function renderLists(state) {
    slots.apis.replaceChildren();
    const names = state ? state.nativeAPIs : [];
    if (!names.length) slots.apis.append(h(doc, 'li', { class: 'empty' }, ['none registered']));
    for (const name of names) {
      slots.apis.append(h(doc, 'li', { class: 'row' }, [h(doc, 'span', { class: 'api' }, [name]),
        button('remove', () => controls.unregisterNativeAPI(name))]));
    }

    slots.checks.replaceChildren(...warningRows(doc, controls.warnings()));

    slots.received.replaceChildren();
    if (!received.length) slots.received.append(h(doc, 'li', { class: 'empty' }, ['nothing yet (postMessage is delivered at back, destroy and share)']));
    for (const item of received) {
      // A click shows the whole payload (pretty JSON), another folds it, as in the call log.
      const full = expanded.has(item);
      slots.received.append(h(doc, 'li', { class: 'call', title: full ? 'fold' : 'show all', onclick: () => {
        if (!expanded.delete(item)) expanded.add(item);
        schedule();
      } }, [h(doc, 'span', { class: 'api' }, [item.name]), ' ', full ? h(doc, 'pre', { class: 'args' }, [pretty(item.payload)]) : h(doc, 'span', {}, [preview(item.payload, 300)])]));
    }

    slots.mocks.replaceChildren();
    slots.mocks.style.display = mocks instanceof Map ? '' : 'none';
    if (mocks instanceof Map) {
      const list = h(doc, 'ul', { class: 'list' });
      if (!mocks.size) list.append(h(doc, 'li', { class: 'empty' }, ['none']));
      for (const [name, value] of mocks) list.append(h(doc, 'li', {}, [h(doc, 'span', { class: 'api' }, [String(name)]), ' ', h(doc, 'span', { class: 'args' }, [preview(value)])]));
      slots.mocks.append(h(doc, 'h3', {}, ['Mocked APIs']), list);
    }

    slots.log.replaceChildren();
    const log = /** @type {any} */ (runtime.log);
    const calls = (typeof log.list === 'function' ? log.list() : log.slice()).slice(-LOG_ROWS).reverse();
    if (!calls.length) slots.log.append(h(doc, 'li', { class: 'empty' }, ['no calls yet']));
    for (const call of calls) {
      const errMsg = call.result && typeof call.result.errMsg === 'string' ? call.result.errMsg : '';
      const { errMsg: _ignored, ...fields } = call.result || {};
      const args = call.args.length === 1 ? call.args[0] : call.args;
      const full = expanded.has(call);
      // A click shows the whole arguments and result (pretty JSON), another folds them again.
      slots.log.append(h(doc, 'li', { class: 'call', title: full ? 'fold' : 'show all', onclick: () => {
        if (!expanded.delete(call)) expanded.add(call);
        schedule();
      } }, [
        h(doc, 'span', { class: 'api' }, [call.api]), ' ',
        h(doc, 'span', { class: /:ok$/.test(errMsg) ? 'ok' : 'fail' }, [errMsg]), ' ',
        Object.keys(fields).length ? h(doc, 'span', {}, [full ? '' : preview(fields, 120)]) : null,
        full ? h(doc, 'pre', { class: 'args' }, [`args ${pretty(args)}\nresult ${pretty(call.result)}`]) : h(doc, 'div', { class: 'args' }, [preview(args, 160)]),
      ]));
    }
  }

  /** Draws everything from one read of the host state. */
  function render() {
    const state = host.state();
    renderPhone(state);
    renderLists(state);
    if (tools) tools.render(controls, state);
  }

  /** A viewport where a column beside the page would leave the page less than the panel's width. */
  const isNarrow = () => (Number(runtime.global.innerWidth) || 0) < 2 * PANEL_WIDTH;

  /**
   * Lays the panel out for the viewport: wide, a column beside the page (the page gets the
   * matching right margin); narrow, a handle by default, and when opened it lies over the page
   * rather than squeeze it.
   */
  function layout() {
    if (!root || !handle) return;
    const narrow = isNarrow();
    if (narrow !== wasNarrow) collapsedChoice = null;
    wasNarrow = narrow;
    const collapsed = collapsedChoice === null ? narrow : collapsedChoice;
    root.hidden = collapsed;
    handle.hidden = !collapsed;
    doc.documentElement.style.marginRight = collapsed || narrow ? savedMargin : `${PANEL_WIDTH}px`;
  }

  /** @param {boolean} collapsed */
  function setCollapsed(collapsed) {
    collapsedChoice = collapsed;
    layout();
    const target = collapsed ? handle : root && root.querySelector('button');
    if (target) /** @type {HTMLElement} */ (target).focus();
  }

  /** Opens the panel once the document is parsed (it goes at the end of the body). @returns {Promise<void>} */
  function open() {
    if (doc.readyState === 'loading') return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(open()), { once: true }));
    mount();
    return Promise.resolve();
  }

  function mount() {
    if (hostEl) return;
    hostEl = doc.createElement('ft-host-panel');
    hostEl.setAttribute('data-ft-panel', '');
    const shadow = hostEl.attachShadow({ mode: 'open' });
    // A constructable stylesheet: a page's `style-src 'self'` does not block it (ui-style.js).
    styleShadow(shadow, PANEL_CSS);
    root = build();
    handle = h(doc, 'button', { type: 'button', class: 'handle', title: 'Open the host panel', 'aria-label': 'Open the host panel', onclick: () => setCollapsed(false) }, ['ftHost']);
    shadow.append(root, handle);
    (doc.body || doc.documentElement).append(hostEl);
    savedMargin = doc.documentElement.style.marginRight;
    wasNarrow = isNarrow();
    collapsedChoice = null;
    layout();
    runtime.global.addEventListener('resize', layout);
    render();
  }

  function close() {
    if (!hostEl) return;
    runtime.global.removeEventListener('resize', layout);
    hostEl.remove();
    hostEl = null;
    if (tools) tools.stop();
    tools = null;
    root = null;
    handle = null;
    doc.documentElement.style.marginRight = savedMargin;
  }

  return { open, close, isOpen: () => hostEl !== null };
}
