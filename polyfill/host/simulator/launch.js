// Launch links (docs/guides/simulator.md): the simulator's whole state in its url, so a link (or a
// scenario file, `ft-polyfill serve --scenario FILE`, whose fields are the same) reproduces a bug
// report exactly, and the "Launch" form that writes such a url and opens it.
//   ?page=/orders/12   the web-view's first url          ?device=iphone-se  ?landscape
//   ?appId=shop        ?stack=pages/a/a&stack=pages/web/web?id=7 (bottom first, queries kept)
//   ?appJson=/app.json ?backMode=history|page             ?network=online|fast-3g|slow-3g|offline
//   ?location=shanghai | 31.24,121.49 | deny | unavailable | timeout   (absent: the browser's)
// The page's own ftHostConfig < serve's options < these (frame.js frameConfig).

import { h } from '../panel/dom.js';
import { DEVICES } from './devices.js';
import { NETWORKS, PLACES, LOCATION_FAILS, findNetwork, locationParam, parseLocation } from './presets.js';
import { emptyLaunch } from './settings.js';

/** The url parameters of the state, in the order written. */
export const STATE_PARAMS = ['page', 'device', 'landscape', 'appId', 'stack', 'appJson', 'backMode', 'network', 'location'];

/**
 * The state a url (over the scenario's defaults) asks for: what it names is applied to
 * `settings` (network, location, launch); page, device and landscape are returned.
 * @param {URLSearchParams} params  the shell's url parameters
 * @param {string} scenario          the scenario's parameters (serve --scenario), '' for none
 * @param {import('./settings.js').SimulatorSettings} settings
 * @returns {{ page: string | null, device: string | null, landscape: boolean | null }}
 */
export function applyParams(params, scenario, settings) {
  const all = new URLSearchParams(scenario);
  for (const key of STATE_PARAMS) {
    if (!params.has(key)) continue;
    all.delete(key);
    for (const value of params.getAll(key)) all.append(key, value);
  }
  // A url with the state is the whole state: what it leaves out is the default, not what this
  // tab's session kept (a bare shell url keeps the session's settings).
  if (STATE_PARAMS.some((key) => all.has(key))) {
    const backMode = all.get('backMode');
    settings.launch = {
      ...emptyLaunch(),
      appId: all.get('appId') || '',
      stack: all.getAll('stack').filter((page) => page !== ''),
      appJson: all.get('appJson') || '',
      backMode: backMode === 'history' || backMode === 'page' ? backMode : '',
    };
    settings.stacks = {};
    settings.network = findNetwork(all.get('network')).id;
    const read = parseLocation(all.get('location') || '');
    settings.getLocation = read ? /** @type {any} */ (read.answer) : 'off';
    if (read && read.place) settings.place = read.place;
  }
  const page = all.get('page');
  return {
    page: page && page.startsWith('/') && !page.startsWith('//') ? page : null,
    device: all.get('device'),
    landscape: all.has('landscape') ? true : null,
  };
}

/**
 * The shell's url for a state.
 * @param {string} base  the shell's current url
 * @param {{ page: string, device: string, landscape: boolean, appId?: string }} view
 * @param {import('./settings.js').SimulatorSettings} settings
 * @returns {string}
 */
export function stateUrl(base, view, settings) {
  const url = new URL(base);
  for (const key of STATE_PARAMS) url.searchParams.delete(key);
  const set = (/** @type {string} */ key, /** @type {string} */ value) => { if (value !== '') url.searchParams.set(key, value); };
  set('page', view.page);
  set('device', view.device);
  if (view.landscape) url.searchParams.set('landscape', '');
  const launch = settings.launch;
  set('appId', launch.appId);
  const kept = view.appId !== undefined ? settings.stacks[view.appId] : undefined;
  for (const page of kept && kept.length ? kept : launch.stack) url.searchParams.append('stack', page);
  set('appJson', launch.appJson);
  set('backMode', launch.backMode);
  if (settings.network !== 'online') set('network', settings.network);
  set('location', locationParam(settings));
  return url.href;
}

/**
 * The "Launch" form: fills from the current state, opens the url of the state it describes.
 * @param {Document} doc
 * @param {object} ctx
 * @param {import('./settings.js').SimulatorSettings} ctx.settings
 * @param {() => { page: string, device: string, landscape: boolean, appId?: string }} ctx.view  the current view
 * @param {(url: string) => void} ctx.open  opens the shell at url (a new start of the mini-program)
 */
export function buildLaunch(doc, { settings, view, open }) {
  /** @param {string} label @param {Record<string, any>} [props] */
  const input = (label, props = {}) => /** @type {HTMLInputElement} */ (h(doc, 'input', { 'aria-label': label, ...props }));
  /** @param {string} label @param {Array<[string, string]>} options */
  const select = (label, options) => /** @type {HTMLSelectElement} */ (h(doc, 'select', { class: 'f', 'aria-label': label }, options.map(([value, text]) => h(doc, 'option', { value }, [text]))));
  const page = input('launch page', { placeholder: '/ (the web-view\'s first url)' });
  const appId = input('launch appId', { placeholder: 'the page\'s own appId' });
  const stack = /** @type {HTMLTextAreaElement} */ (h(doc, 'textarea', { rows: 3, 'aria-label': 'launch stack', placeholder: 'pages/index/index\npages/web/web?id=7  (one page a line, bottom first; the last holds the web-view)' }));
  const appJson = input('launch app.json url', { placeholder: '/app.json' });
  const backMode = select('launch backMode', [['', 'backMode: the page\'s'], ['history', 'history'], ['page', 'page']]);
  const device = select('launch device', DEVICES.map((d) => [d.id, d.name]));
  const landscape = /** @type {HTMLInputElement} */ (h(doc, 'input', { type: 'checkbox', 'aria-label': 'launch landscape' }));
  const network = select('launch network', NETWORKS.map((n) => [n.id, n.name]));
  const location = select('launch location', [['', 'location: the browser\'s'], ...PLACES.map((p) => /** @type {[string, string]} */ ([p.id, `${p.address.split(', ').pop()} (${p.name})`])),
    ...Object.keys(LOCATION_FAILS).map((k) => /** @type {[string, string]} */ ([k, `getLocation fails: ${LOCATION_FAILS[k]}`]))]);
  const link = input('launch link', { readonly: true, class: 'link' });
  const out = h(doc, 'div', { class: 'out', role: 'status' });

  /** Fills the form from the current state (on opening it, and after Copy link). */
  function fill() {
    const v = view();
    const url = new URL(stateUrl(doc.location.href, v, settings));
    page.value = v.page;
    appId.value = settings.launch.appId;
    stack.value = url.searchParams.getAll('stack').join('\n');
    appJson.value = settings.launch.appJson;
    backMode.value = settings.launch.backMode;
    device.value = v.device;
    landscape.checked = v.landscape;
    network.value = findNetwork(settings.network).id;
    const where = locationParam(settings);
    // A position typed by hand has no preset: keep it as it is.
    if (where && ![...location.options].some((o) => o.value === where)) location.append(h(doc, 'option', { value: where }, [where]));
    location.value = where;
    link.value = url.href;
  }

  /** The url the form describes. */
  function formUrl() {
    const url = new URL(doc.location.href);
    for (const key of STATE_PARAMS) url.searchParams.delete(key);
    const set = (/** @type {string} */ key, /** @type {string} */ value) => { if (value.trim() !== '') url.searchParams.set(key, value.trim()); };
    set('page', page.value.trim() && !page.value.trim().startsWith('/') ? `/${page.value.trim()}` : page.value);
    set('device', device.value);
    if (landscape.checked) url.searchParams.set('landscape', '');
    set('appId', appId.value);
    for (const line of stack.value.split('\n').map((l) => l.trim()).filter(Boolean)) url.searchParams.append('stack', line.replace(/^\/+/, ''));
    set('appJson', appJson.value);
    set('backMode', backMode.value);
    if (network.value !== 'online') set('network', network.value);
    set('location', location.value);
    return url.href;
  }

  const copy = h(doc, 'button', { type: 'button', class: 'b', title: 'Copy the url of the simulator as it is now', onclick: () => {
    fill();
    link.select();
    const clipboard = doc.defaultView && doc.defaultView.navigator.clipboard;
    Promise.resolve(clipboard && clipboard.writeText(link.value)).then(
      () => { out.textContent = clipboard ? 'copied: this link opens the simulator in this state' : 'select the link and copy it'; },
      () => { out.textContent = 'the browser refused the clipboard: select the link and copy it'; },
    );
  } }, ['Copy link']);
  const launch = h(doc, 'button', { type: 'button', class: 'b primary', title: 'Start the mini-program again as described here', onclick: () => open(formUrl()) }, ['Launch']);

  const element = h(doc, 'section', { 'aria-label': 'Launch', 'data-section': 'launch' }, [
    h(doc, 'h2', {}, ['Launch (the state of a bug report, in a link)']),
    h(doc, 'div', { class: 'row' }, [copy, link]), out,
    h(doc, 'details', { class: 'launch', ontoggle: (/** @type {Event} */ e) => { if (/** @type {HTMLDetailsElement} */ (e.target).open) fill(); } }, [
      h(doc, 'summary', {}, ['Launch with…']),
      h(doc, 'div', { class: 'row' }, [h(doc, 'label', { class: 't' }, ['page', page])]),
      h(doc, 'div', { class: 'row' }, [h(doc, 'label', { class: 't' }, ['appId', appId]), h(doc, 'label', { class: 't' }, ['app.json', appJson])]),
      stack,
      h(doc, 'div', { class: 'row' }, [backMode, device, h(doc, 'label', { class: 't' }, [landscape, 'landscape'])]),
      h(doc, 'div', { class: 'row' }, [network, location]),
      h(doc, 'div', { class: 'row' }, [launch]),
    ]),
  ]);
  /** Shows the shell's current url as the link. @param {string} href */
  const show = (href) => {
    // Not while someone is selecting in it.
    if (/** @type {Document | ShadowRoot} */ (link.getRootNode()).activeElement !== link) link.value = href;
  };
  return { element, fill, show };
}
