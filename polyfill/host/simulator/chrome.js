// The phone's chrome around the web-view, drawn from the host's state (docs/guides/simulator.md):
// the status bar, the navigation bar with the title, back and the capsule menu, the tabBar and
// the cover over the web-view (a mini-program page navigateTo pushed, another app, or the app's
// state). Every page-provided string is rendered as text (../panel/dom.js), never as HTML.

import { h, preview } from '../panel/dom.js';
import { findNetwork } from './presets.js';

/** @param {string} path */
const routeOf = (path) => String(path).replace(/^\/+/, '').split('?')[0];

/**
 * The title a mini-program page's own navigation bar shows: the app.json's
 * window.navigationBarTitleText, else its route (the web-view's title is its document's).
 * @param {any} app the app.json, or null @param {string} route
 */
const nativeTitle = (app, route) => {
  const text = app && app.window && app.window.navigationBarTitleText;
  return typeof text === 'string' && text ? text : route;
};

/**
 * Builds the phone around `iframe`; index.js sizes its parts (layout) and calls render.
 * @param {Document} doc
 * @param {object} deps
 * @param {import('./frame.js').ShellState} deps.shell
 * @param {import('./settings.js').SimulatorSettings} deps.settings
 * @param {HTMLIFrameElement} deps.iframe                       the web-view
 * @param {(promise: Promise<any> | null | undefined) => void} deps.act   runs a host action (controls.act)
 * @param {() => void} deps.reload   reloads the web-view's page
 * @param {() => void} deps.restart  starts the mini-program again
 */
export function buildChrome(doc, { shell, settings, iframe, act, reload, restart }) {
  const clock = h(doc, 'span', {}, ['9:41']);
  const net = h(doc, 'span', { class: 'net' });
  const status = h(doc, 'div', { class: 'status', 'aria-hidden': 'true' }, [clock, net]);
  /** The mini-program above this one, while there is one. @type {any} */
  let otherApp = null;
  const back = h(doc, 'button', { type: 'button', class: 'back', 'aria-label': 'Back', title: 'Back (the host\'s back button)',
    onclick: () => act(shell.frame && (otherApp ? shell.frame.ftHost.backMiniProgram() : shell.frame.ftHost.back())) }, ['‹']);
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
  const closeApp = () => {
    toggleMenu(false);
    shell.closedApp = true;
    act(shell.frame && shell.frame.ftHost.destroy());
  };
  menu.append(
    h(doc, 'button', { type: 'button', role: 'menuitem', onclick: () => { toggleMenu(false); act(shell.frame && shell.frame.ftHost.share()); } }, ['Share (delivers postMessage data)']),
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

  /** Draws the chrome from the host's state (null: no frame, or its window is gone). @param {any} state @param {string} titleText */
  function render(state, titleText) {
    const network = findNetwork(settings.network);
    net.textContent = `${network.bar}  100%`;
    net.className = network.id === 'online' ? 'net' : 'net bad';
    // Another mini-program on top (navigateToMiniProgram) has its own bar: its appId, and back
    // returns to this app. In the background or without the web-view there is no back.
    otherApp = state && state.webview.alive && state.apps.length - 1 > state.h5AppIndex ? state.apps[state.apps.length - 1] : null;
    const top = state ? state.stack[state.stack.length - 1] : null;
    if (otherApp) titleText = String(otherApp.appId);
    else if (state && state.closed) titleText = '';
    else if (top && !top.webview) titleText = nativeTitle(shell.frame && shell.frame.app, top.route);
    title.textContent = titleText;
    title.setAttribute('title', titleText);
    // With backMode 'history' the back button first steps back through the page's own history
    // (§3.13): shown while the frame's history can go back too.
    const frameWin = /** @type {any} */ (shell.frame && shell.frame.win);
    const pageCanGoBack = Boolean(frameWin && (frameWin.navigation ? frameWin.navigation.canGoBack : frameWin.history.length > 1));
    const historyBack = Boolean(state && state.backMode === 'history' && state.webview.visible && pageCanGoBack);
    /** @type {HTMLButtonElement} */ (back).hidden = !(state && state.foreground && !state.closed && (otherApp || state.canNavigateBack || historyBack));
    renderTabs(state);
    renderCover(state);
  }

  /** @param {any} state */
  function renderTabs(state) {
    const frame = shell.frame;
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
        onclick: () => act(shell.frame && shell.frame.ftHost.switchTab(`/${route}`)),
      }, [h(doc, 'span', { class: 'dot' }), typeof tab.text === 'string' && tab.text ? tab.text : route]));
    }
  }

  /** What covers the web-view: a mini-program page, another app, or the app's state. @param {any} state */
  function renderCover(state) {
    const frame = shell.frame;
    cover.replaceChildren();
    cover.className = 'cover';
    const button = (/** @type {string} */ label, /** @type {() => void} */ onclick) => h(doc, 'button', { type: 'button', class: 'b primary', onclick }, [label]);
    /** @param {string} kind @param {string} note @param {HTMLElement} [action] */
    const dim = (kind, note, action) => {
      cover.className = 'cover dim';
      cover.append(h(doc, 'div', { class: 'route' }, [kind]), h(doc, 'div', { class: 'note' }, [note]), action || '');
    };
    if (!frame && !shell.loaded) {
      dim('Loading…', 'The page is loading in the web-view.');
    } else if (!frame) {
      dim('No ft-polyfill in this page', 'The page in the frame has no window.ftHost: serve its folder with ft-polyfill serve, or load the polyfill.');
    } else if (!state) {
      dim('Starting…', 'The polyfill\'s core is starting.');
    } else if (state.closed || (shell.closedApp && !state.webview.alive)) {
      dim('The mini-program is closed', 'Its postMessage data was delivered and onUnload ran. Restart opens it again from its first page.', button('Restart', restart));
    } else if (!state.foreground) {
      dim('The app is in the background', 'onHide ran; Show brings it back (onShow).', button('Show app', () => act(shell.frame && shell.frame.ftHost.show())));
    } else {
      const h5App = state.apps[state.h5AppIndex];
      const topApp = state.apps[state.apps.length - 1];
      const top = state.stack[state.stack.length - 1];
      const alive = state.webview.alive;
      if (alive && topApp && topApp !== h5App && state.apps.length - 1 > state.h5AppIndex) {
        cover.append(h(doc, 'div', { class: 'kind' }, ['Another mini-program (navigateToMiniProgram)']),
          h(doc, 'div', { class: 'route' }, [`${topApp.appId}${topApp.path ? ` · ${topApp.path}` : ''}`]),
          h(doc, 'div', { class: 'note' }, [`extraData ${preview(topApp.extraData)}`]),
          h(doc, 'div', { class: 'row' }, [button('‹ Back to this app', () => act(shell.frame && shell.frame.ftHost.backMiniProgram()))]));
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
            alive && state.canNavigateBack ? button('‹ Back', () => act(shell.frame && shell.frame.ftHost.back())) : null,
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

  return { phone, screen, status, nav, menu, tabs, render };
}
