// The simulator's controls beside the phone: what the host panel offers (back, share, hide/show,
// destroy, the web-view's src, webview events, native API answers, calls into H5 handlers, the call log) plus the
// device mocks (ftHost.mock: getLocation, chooseLocation, chooseImage, openDocument), the network
// presets and the web-view load timeout (the network and location sections: conditions.js). All act through the frame's window.ftHost.
// Page-provided strings are rendered as text (../panel/dom.js).

import { h, preview, pretty, parseJson, warningRows } from '../panel/dom.js';
import { buildConditions } from './conditions.js';
import { LOCATION_FAILS } from './presets.js';
import { mocksSection } from '../panel/mocks.js';

const LOG_ROWS = 60;

/**
 * @typedef {object} ControlsContext
 * @property {import('./settings.js').SimulatorSettings} settings
 * @property {() => void} save
 * @property {() => import('./index.js').Frame | null} frame
 * @property {() => void} reload
 * @property {() => void} restart
 * @property {() => void} schedule
 * @property {import('../panel/mocks.js').MocksModel} mocks  the frame's mocks (panel/mocks.js frameModel)
 */

/** @param {Document} doc @param {ControlsContext} ctx */
export function buildControls(doc, ctx) {
  const { settings, save } = ctx;
  const host = () => { const f = ctx.frame(); return f ? f.ftHost : null; };

  /** @param {string} label @param {() => any} onclick @param {Record<string, any>} [props] */
  const button = (label, onclick, props = {}) => h(doc, 'button', { type: 'button', class: 'b', onclick, ...props }, [label]);
  /** @param {string} title @param {Array<Node|string|null>} children @param {string} [slot] */
  const section = (title, children, slot) => h(doc, 'section', { 'aria-label': title, 'data-section': slot }, [h(doc, 'h2', {}, [title]), ...children]);
  /** @param {HTMLElement} out @param {boolean} bad @param {string} text */
  const show = (out, bad, text) => {
    out.textContent = text;
    out.className = bad ? 'out bad' : 'out';
  };
  /**
   * A segmented choice (buttons with aria-pressed).
   * @param {string} label @param {Array<[string, string]>} options value, text
   * @param {() => string} get @param {(value: string) => void} set
   */
  const choice = (label, options, get, set) => {
    const el = h(doc, 'div', { class: 'seg', role: 'group', 'aria-label': label });
    const buttons = options.map(([value, text]) => h(doc, 'button', { type: 'button', 'data-value': value, onclick: () => {
      set(value);
      save();
      sync();
    } }, [text]));
    const sync = () => { for (const b of buttons) b.setAttribute('aria-pressed', String(b.getAttribute('data-value') === get())); };
    el.append(...buttons);
    sync();
    return el;
  };

  // ---- host actions and the stack ---------------------------------------------------------------
  const actionOut = h(doc, 'div', { class: 'out', role: 'status' });
  const stackList = h(doc, 'ol', { class: 'stack', 'aria-label': 'page stack' });
  const srcInput = h(doc, 'input', { type: 'text', 'aria-label': 'web-view src', placeholder: '#section or /other.html' });
  const hideShow = button('Hide app', () => {
    const ftHost = host();
    const state = ftHost && ftHost.state();
    act(ftHost && (state && !state.foreground ? ftHost.show() : ftHost.hide()));
  });
  /** @param {Promise<any> | null | undefined | false} promise */
  const act = (promise) => {
    if (!promise) return show(actionOut, true, 'no page with ft-polyfill in the frame');
    Promise.resolve(promise).then((r) => show(actionOut, !r.ok, r.ok ? 'ok' : `fail: ${r.reason}`), (e) => show(actionOut, true, `fail: ${e && e.message}`));
  };
  const actions = section('Host: the page stack (top first) and actions', [
    stackList,
    h(doc, 'div', { class: 'row' }, [
      button('Back', () => act(host() && host().back())),
      button('Share', () => act(host() && host().share()), { title: 'The person shares: buffered postMessage data is delivered' }),
      hideShow,
      button('Destroy web-view', () => act(host() && host().destroy())),
    ]),
    // The host sets the web-view's src (§3.15): a hash change stays in the document.
    h(doc, 'div', { class: 'row' }, [srcInput, button('Set src', () => act(host() && host().setSrc(/** @type {HTMLInputElement} */ (srcInput).value)))]),
    actionOut,
  ], 'host');

  // ---- network, location ----------------------------------------------------------------------
  const [network, location] = buildConditions(doc, { settings, save, schedule: ctx.schedule, applyMocks: () => applyMocks(), section, choice });
  /** @param {string} label @param {Array<[string, string]>} options @param {'chooseImage' | 'openDocument'} key */
  const mockChoice = (label, options, key) => choice(label, options, () => settings[key], (v) => {
    /** @type {any} */ (settings)[key] = v;
    applyMocks();
  });

  const fileInput = /** @type {HTMLInputElement} */ (h(doc, 'input', { type: 'file', multiple: true, accept: 'image/*', 'aria-label': 'images to pick' }));
  const filesOut = h(doc, 'div', { class: 'hint' });
  const showFiles = () => { filesOut.textContent = settings.files.length ? `files: ${settings.files.map((f) => f.name).join(', ')}` : 'files: none chosen yet (the picker answers cancel)'; };
  fileInput.addEventListener('change', () => {
    const picked = [...(fileInput.files || [])];
    Promise.all(picked.map((file) => new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve({ name: file.name, type: file.type || 'application/octet-stream', data: String(reader.result).replace(/^data:[^,]*,/, '') });
      reader.onerror = () => resolve(null);
      reader.readAsDataURL(file);
    }))).then((files) => {
      settings.files = /** @type {any[]} */ (files.filter(Boolean));
      settings.chooseImage = 'files';
      save();
      applyMocks();
      showFiles();
      imageChoice.replaceWith((imageChoice = imageSeg()));
    });
  });
  const imageSeg = () => mockChoice('chooseImage answer', [['off', 'Host picker'], ['files', 'These files'], ['cancel', 'Cancel']], 'chooseImage');
  let imageChoice = imageSeg();
  showFiles();
  const media = section('Images and documents', [
    h(doc, 'div', { class: 'row' }, [h(doc, 'span', { class: 'api' }, ['chooseImage']), imageChoice]),
    h(doc, 'div', { class: 'row' }, [fileInput]), filesOut,
    h(doc, 'div', { class: 'row' }, [h(doc, 'span', { class: 'api' }, ['openDocument']),
      mockChoice('openDocument answer', [['off', 'Viewer'], ['opened', 'Opened'], ['fail', 'Fail']], 'openDocument')]),
  ], 'media');

  // ---- the load timeout ---------------------------------------------------------------------------
  const timeoutInput = h(doc, 'input', { class: 'n', type: 'number', min: '0', step: '100', 'aria-label': 'web-view load timeout in ms', placeholder: 'page\'s own', value: settings.timeout });
  const timeoutState = h(doc, 'div', { class: 'hint' });
  const timeout = section('Web-view load timeout', [
    h(doc, 'div', { class: 'row' }, [h(doc, 'label', { class: 't' }, ['ms', timeoutInput]), button('Apply and reload', () => {
      const text = /** @type {HTMLInputElement} */ (timeoutInput).value.trim();
      settings.timeout = text === '' || !(Number(text) >= 0) ? '' : String(Number(text));
      save();
      ctx.reload();
    }, { class: 'b primary' })]),
    timeoutState,
  ], 'timeout');

  // ---- webview events, native APIs, H5 handlers -------------------------------------------------
  const eventText = h(doc, 'textarea', { rows: 2, 'aria-label': 'webview event JSON', placeholder: '{"type": "refresh"}' });
  const eventOut = h(doc, 'div', { class: 'out', role: 'status' });
  const events = section('Send webview event', [eventText, h(doc, 'div', { class: 'row' }, [button('Send', () => {
    const parsed = parseJson(/** @type {HTMLTextAreaElement} */ (eventText).value, {});
    if ('error' in parsed) return show(eventOut, true, parsed.error);
    const ftHost = host();
    if (!ftHost) return show(eventOut, true, 'no page with ft-polyfill in the frame');
    ftHost.sendWebviewEvent(parsed.value).then((/** @type {any} */ r) => show(eventOut, !r.ok, r.ok ? `delivered to ${r.listeners} listener(s)` : `fail: ${r.reason}`));
  }, { class: 'b primary' })]), eventOut], 'webview-event');

  const apiName = h(doc, 'input', { placeholder: 'api name', 'aria-label': 'native API name' });
  const apiJson = h(doc, 'textarea', { rows: 2, 'aria-label': 'native API answer JSON', placeholder: '{"result": 1}' });
  const apiOut = h(doc, 'div', { class: 'out', role: 'status' });
  const apiList = h(doc, 'ul', { class: 'list short' });
  const nativeApis = section('Native APIs (callNativeAPI answers)', [apiList, h(doc, 'div', { class: 'row' }, [apiName]), apiJson,
    h(doc, 'div', { class: 'row' }, [button('Register', () => {
      const name = /** @type {HTMLInputElement} */ (apiName).value.trim();
      const parsed = parseJson(/** @type {HTMLTextAreaElement} */ (apiJson).value, {});
      if ('error' in parsed) return show(apiOut, true, parsed.error);
      if (!name) return show(apiOut, true, 'name the API first');
      const text = JSON.stringify(parsed.value);
      settings.nativeApis = settings.nativeApis.filter(([n]) => n !== name).concat([[name, text]]);
      save();
      const ftHost = host();
      if (!ftHost) return show(apiOut, false, 'kept: registered when a page loads');
      ftHost.registerNativeAPI(name, () => JSON.parse(text)).then((/** @type {any} */ r) => show(apiOut, !r.ok, r.ok ? `registered ${name} (kept across reloads)` : `fail: ${r.reason}`));
    }, { class: 'b primary' })]), apiOut], 'native-apis');

  const jsName = h(doc, 'input', { placeholder: 'handler name', 'aria-label': 'H5 handler name' });
  const jsParams = h(doc, 'textarea', { rows: 2, 'aria-label': 'H5 handler params JSON', placeholder: '{"id": 1}' });
  const jsOut = h(doc, 'div', { class: 'out', role: 'status' });
  const callJs = section('Call H5 handler (callJS)', [h(doc, 'div', { class: 'row' }, [jsName]), jsParams, h(doc, 'div', { class: 'row' }, [button('Call', () => {
    const parsed = parseJson(/** @type {HTMLTextAreaElement} */ (jsParams).value, {});
    if ('error' in parsed) return show(jsOut, true, parsed.error);
    const ftHost = host();
    if (!ftHost) return show(jsOut, true, 'no page with ft-polyfill in the frame');
    ftHost.callJS(/** @type {HTMLInputElement} */ (jsName).value.trim(), parsed.value).then(
      (/** @type {unknown} */ answer) => show(jsOut, false, `answer: ${preview(answer, 400)}`),
      (/** @type {any} */ error) => show(jsOut, true, `fail: ${error && error.message}`),
    );
  }, { class: 'b primary' })]), jsOut], 'call-js');

  // ---- what the host received, the call log -----------------------------------------------------
  const receivedList = h(doc, 'ul', { class: 'list short', 'aria-label': 'host received' });
  const received = section('Host received', [receivedList], 'received');
  const filter = /** @type {HTMLSelectElement} */ (h(doc, 'select', { class: 'f', 'aria-label': 'filter calls by API', onchange: () => ctx.schedule() }, [h(doc, 'option', { value: '' }, ['all APIs'])]));
  const failuresOnly = /** @type {HTMLInputElement} */ (h(doc, 'input', { type: 'checkbox', onchange: () => ctx.schedule() }));
  const logList = h(doc, 'ul', { class: 'list', 'aria-label': 'ft calls' });
  /** The call log entries shown whole (the frame's own records). @type {WeakSet<object>} */
  const expanded = new WeakSet();
  const log = section('ft calls (newest first)', [h(doc, 'div', { class: 'row' }, [filter, h(doc, 'label', { class: 't' }, [failuresOnly, 'failures only'])]), logList], 'calls');

  // Where the page would break or differ on a phone (behaviour.md §1.15: ftHost.warnings()).
  const checkList = h(doc, 'ul', { class: 'list prose', 'aria-label': 'device checks' });
  const checks = section('Device checks (would differ on a phone)', [checkList], 'checks');

  const element = h(doc, 'div', { class: 'side', role: 'complementary', 'aria-label': 'host controls' },
    [actions, checks, log, received, network, location, media, timeout, events, nativeApis, callJs, mocksSection(doc, ctx.mocks)]);

  /** Applies the shell's mocks to the frame's ftHost (only the ones the shell set). */
  function applyMocks() {
    const f = ctx.frame();
    if (!f || typeof f.ftHost.mock !== 'function') return;
    const p = settings.place;
    /** @type {Record<string, object | null>} */
    const answers = {
      getLocation: settings.getLocation === 'position' ? { latitude: p.latitude, longitude: p.longitude, accuracy: 10, speed: 0 }
        : Object.hasOwn(LOCATION_FAILS, settings.getLocation) ? { fail: LOCATION_FAILS[settings.getLocation] } : null,
      chooseLocation: settings.chooseLocation === 'place' ? { name: p.name, address: p.address, latitude: p.latitude, longitude: p.longitude }
        : settings.chooseLocation === 'cancel' ? { fail: 'cancel' } : null,
      chooseImage: settings.chooseImage === 'files' && settings.files.length ? { files: settings.files }
        : settings.chooseImage !== 'off' ? { fail: 'cancel' } : null,
      openDocument: settings.openDocument === 'opened' ? {} : settings.openDocument === 'fail' ? { fail: 'file type not supported' } : null,
    };
    for (const [api, answer] of Object.entries(answers)) {
      if (answer) {
        if (f.ftHost.mock(api, answer)) f.mocked.add(api);
      } else if (f.mocked.delete(api)) {
        f.ftHost.unmock(api);
      }
    }
  }

  /** A page's ftHost appeared: the shell's mocks and native APIs apply to it. @param {import('./index.js').Frame} f */
  function apply(f) {
    applyMocks();
    for (const [name, text] of settings.nativeApis) f.ftHost.registerNativeAPI(name, () => JSON.parse(text));
  }

  /** @param {any} state */
  function render(state) {
    const f = ctx.frame();
    const ftHost = f ? f.ftHost : null;
    stackList.replaceChildren();
    if (state) {
      hideShow.textContent = state.foreground ? 'Hide app' : 'Show app';
      state.stack.forEach((/** @type {any} */ page, /** @type {number} */ i) => {
        stackList.append(h(doc, 'li', { class: i === state.stack.length - 1 ? 'top' : undefined }, [
          `${i + 1}  ${page.url}`,
          page.webview ? h(doc, 'span', { class: state.webview.alive ? 'badge' : 'badge off' }, ['web-view']) : null,
        ]));
      });
      const own = settings.timeout === '' ? '' : ' (set here)';
      timeoutState.textContent = state.webviewTimeout > 0
        ? `${state.webviewTimeout} ms${own}: ${state.loadComplete ? 'ft.complete() came in time' : state.loadTimeoutFired ? 'timed out (the host got "timeout")' : 'waiting for ft.complete()'}`
        : 'no timeout (empty: the page\'s own ftHostConfig.webviewTimeout)';
      if (ftHost && typeof ftHost.configError === 'function' && ftHost.configError()) {
        stackList.append(h(doc, 'li', { class: 'fail' }, [`config error: ${ftHost.configError()}`]));
      }
    }

    apiList.replaceChildren();
    const names = state ? state.nativeAPIs : [];
    if (!names.length) apiList.append(h(doc, 'li', { class: 'empty' }, ['none registered']));
    for (const name of names) {
      apiList.append(h(doc, 'li', { class: 'row' }, [h(doc, 'span', { class: 'api' }, [name]), button('remove', () => {
        settings.nativeApis = settings.nativeApis.filter(([n]) => n !== name);
        save();
        if (ftHost) ftHost.unregisterNativeAPI(name);
      }, { 'aria-label': `remove ${name}` })]));
    }

    receivedList.replaceChildren();
    const items = f ? f.received : [];
    if (!items.length) receivedList.append(h(doc, 'li', { class: 'empty' }, ['nothing yet (postMessage data arrives at back, share and close)']));
    for (const item of items) {
      // A click shows the whole payload (pretty JSON), another folds it, as in the call log.
      const full = expanded.has(item);
      receivedList.append(h(doc, 'li', { class: 'call', title: full ? 'fold' : 'show all', onclick: () => {
        if (!expanded.delete(item)) expanded.add(item);
        ctx.schedule();
      } }, [h(doc, 'span', { class: 'api' }, [item.name]), ' ', full ? h(doc, 'pre', { class: 'args' }, [pretty(item.payload)]) : preview(item.payload, 300)]));
    }

    /** @type {Array<{ kind: string, api: string, message: string, site: string }>} */
    let warnings = [];
    try {
      warnings = ftHost && typeof ftHost.warnings === 'function' ? ftHost.warnings() : [];
    } catch { /* the frame is navigating */ }
    checkList.replaceChildren(...warningRows(doc, warnings));

    /** @type {import('../../pipeline.js').CallRecord[]} */
    let calls = [];
    try {
      calls = ftHost ? ftHost.calls() : [];
    } catch { /* the frame is navigating */ }
    const apis = [...new Set(calls.map((c) => c.api))].sort();
    const chosen = filter.value;
    const known = [...filter.options].slice(1).map((o) => o.value);
    if (apis.join('\n') !== known.join('\n')) {
      filter.replaceChildren(h(doc, 'option', { value: '' }, ['all APIs']), ...apis.map((a) => h(doc, 'option', { value: a }, [a])));
      filter.value = apis.includes(chosen) ? chosen : '';
    }
    logList.replaceChildren();
    const shown = calls.filter((c) => (!filter.value || c.api === filter.value)
      && (!failuresOnly.checked || !/:ok$/.test(String(c.result && c.result.errMsg)))).slice(-LOG_ROWS).reverse();
    if (!shown.length) logList.append(h(doc, 'li', { class: 'empty' }, [calls.length ? 'no call matches' : 'no calls yet']));
    for (const call of shown) {
      const errMsg = call.result && typeof call.result.errMsg === 'string' ? call.result.errMsg : '';
      const { errMsg: _ignored, ...fields } = call.result || {};
      const args = call.args.length === 1 ? call.args[0] : call.args;
      const full = expanded.has(call);
      // As in the host panel: a click shows the whole arguments and result (pretty JSON), another folds them.
      logList.append(h(doc, 'li', { class: 'call', title: full ? 'fold' : 'show all', onclick: () => {
        if (!expanded.delete(call)) expanded.add(call);
        ctx.schedule();
      } }, [
        h(doc, 'span', { class: 'api' }, [call.api]), ' ',
        h(doc, 'span', { class: /:ok$/.test(errMsg) ? 'ok' : 'fail' }, [errMsg]), ' ',
        h(doc, 'span', { class: 'ms' }, [`${Math.round(call.duration)} ms`]), ' ',
        Object.keys(fields).length && !full ? h(doc, 'span', {}, [preview(fields, 120)]) : null,
        full ? h(doc, 'pre', { class: 'args' }, [`args ${pretty(args)}\nresult ${pretty(call.result)}`]) : h(doc, 'div', { class: 'args' }, [preview(args, 160)]),
      ]));
    }
  }

  return { element, render, apply, act };
}
