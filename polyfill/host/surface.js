// The one description of window.ftHost, the simulated host's controls: each control's name, its
// parameters, what it returns, one line of documentation and whether it runs in call order with
// the page's ft calls (behaviour.md §1.10). The typings (scripts/gen-types.mjs, FtHost) and the
// ftHost table of docs/reference/fthost.md (scripts/coverage.mjs) are generated from it; tests/js/host-surface.test.js
// checks that ftHost has exactly these controls. The controls themselves are host/index.js,
// host/controls.js and impl/device/mocks.js. Only tools read this file: no bundle carries it.

/**
 * @typedef {object} HostParam
 * @property {string} name
 * @property {string} ts                TypeScript type
 * @property {boolean} [optional]
 * @property {string} [default]         the default, as the reference writes it (`delta = 1`)
 */

/**
 * @typedef {object} HostControl
 * @property {string} name              `back`, or `panel.open` for a control of the panel object
 * @property {HostParam[]} [params]     a method's parameters; absent for a property (`ready`)
 * @property {string} [typeParams]      TypeScript type parameters, e.g. `<K extends keyof FtHostEventMap>`
 * @property {string} returns           TypeScript type of the result (the property's type for a property)
 * @property {string} doc               one line, for the typings and the reference
 * @property {boolean} queued           runs in call order with the page's ft calls (§1.10)
 */

/** @type {HostParam} */
const config = { name: 'config', ts: 'FtHostConfig', optional: true };
/** @type {HostParam} */
const eventName = { name: 'name', ts: 'K' };
const HOST_RESULT = 'Promise<FtHostResult>';

/** @type {HostControl[]} */
export const HOST_SURFACE = [
  // Set-up and configuration
  { name: 'ready', returns: 'Promise<void>', queued: true, doc: 'Resolves when the WebAssembly core is up, storage is loaded, the host configured, and everything asked of `ft` and `ftHost` before this read (calls, configure, reset) applied.' },
  { name: 'configure', params: [config], returns: 'Promise<void>', queued: true, doc: "Resets navigation, title, message buffer and load state (page listeners, H5 handlers and host native APIs are kept: the page keeps running); storage is kept, and switched to the new `appId`'s. Resolves once applied; rejects with an `Error` naming what could not be applied (an `appJson` that cannot be loaded or parsed, an app.json the host refuses: the host then runs as an unknown app with the rest of the config)." },
  { name: 'reset', params: [config], returns: 'Promise<void>', queued: true, doc: "Testing kit: as configure, plus a brand-new host (page listeners, host native APIs and `ftHost.on` listeners cleared), storage, mocks and call log cleared. Without `config`: the configuration the host started with (`ftHostConfig`, or `setupFt`'s), so a test's own `configure` does not leak into the next test." },
  { name: 'configError', params: [], returns: 'string', queued: false, doc: "What could not be applied of the configuration in use (`''` when nothing): the start's `ftHostConfig` has nobody to reject to, so it is here and in the console." },
  { name: 'dispose', params: [], returns: 'Promise<void>', queued: true, doc: "The end of the instance: calls made before it still run, then it releases the core's handles (`Module.Host`, `Storage`, `FileRegistry`), the title observer, the load-timeout timer, the BroadcastChannel, the IndexedDB connection and every listener (storage flushed first); resolves when done. After it every call fails with errMsg `<api>:fail ft-polyfill instance disposed (ftHost.dispose() was called)`, the controls resolve `{ok: false, reason}` with that text, and `configure`/`reset`/`callJS`/`flushed` reject with it; nothing throws or hangs. Calling it again returns the same Promise." },
  // What the host shows
  { name: 'stack', params: [], returns: 'FtStackPage[]', queued: false, doc: 'The page stack `[{route, query, url}]`, bottom first (`[]` before ready): `route` without leading slash, `query` what the page opened receives (the host\'s cut, values not decoded, docs/host-rules.md), `url` exactly as given; the last page holds the web-view.' },
  { name: 'title', params: [], returns: 'string', queued: false, doc: 'The simulated navigation bar title.' },
  { name: 'state', params: [], returns: 'unknown', queued: false, doc: "The core's full host state, null before ready: `stack`, `webview` `{index, alive, visible, parked, route, url}`, `foreground`, `closed`, `apps`, `pendingMessages` (a count) and `pendingData` (what the host would receive now at a share, back or destroy: the postMessage `data` items, oldest first, §4.1; the kit's `toHavePendingMessages` matcher reads it), `webviewTimeout`, `loadComplete`, `loadTimeoutFired`, `nativeAPIs`, `backMode`. For tests and tools; its other fields may grow." },
  // What the person or the host app does
  { name: 'back', params: [{ name: 'delta', ts: 'number', optional: true, default: '1' }], returns: HOST_RESULT, queued: true, doc: "The host's back button (clamps; fails on the first page): with `backMode: 'history'` (the default) and delta 1 it first steps back through the page's own history while `ft.canGoBack` is true (§3.13); leaving the web-view page delivers buffered messages. Resolves `{ok, reason?}`, like every action (they never reject)." },
  { name: 'share', params: [], returns: 'Promise<FtHostResult & { webViewUrl?: string }>', queued: true, doc: 'The person shares the page: delivers buffered postMessage data (the buffer is kept: a later share or back delivers it all again, §4.1); resolves `{ok, webViewUrl}`, the web-view\'s current url (after `pushState` too, §4.7).' },
  { name: 'setSrc', params: [{ name: 'url', ts: 'string' }], returns: HOST_RESULT, queued: true, doc: "The host changes the web-view's `src` (§3.15): a change of the hash only is a `hashchange` in the same document (one history entry, no reload), any other url loads a new document (`'load'` again); a second `#` is sent as `%23`. A url the browser cannot load: `'error'` and `{ok: false, reason}`." },
  { name: 'hide', params: [], returns: HOST_RESULT, queued: true, doc: 'The app goes to the background (onHide listeners run).' },
  { name: 'show', params: [], returns: HOST_RESULT, queued: true, doc: 'The app comes back (onShow listeners run).' },
  { name: 'destroy', params: [], returns: HOST_RESULT, queued: true, doc: 'The web-view component is destroyed (buffered messages delivered, onUnload listeners run).' },
  { name: 'switchTab', params: [{ name: 'url', ts: 'string' }], returns: HOST_RESULT, queued: true, doc: 'The person taps a tabBar item.' },
  { name: 'backMiniProgram', params: [{ name: 'extraData', ts: 'Record<string, unknown>', optional: true }], returns: HOST_RESULT, queued: true, doc: 'The top mini-program goes back to the one below.' },
  { name: 'sendWebviewEvent', params: [{ name: 'data', ts: 'Record<string, unknown>' }], returns: HOST_RESULT, queued: true, doc: 'Every `onWebviewEvent` listener gets `data`; resolves `{ok, listeners}`.' },
  { name: 'registerNativeAPI', params: [{ name: 'name', ts: 'string' }, { name: 'handler', ts: '(data: any) => unknown' }], returns: HOST_RESULT, queued: true, doc: "`ft.callNativeAPI(name, data)` calls `handler(data)`; its value (or Promise's) is the answer." },
  { name: 'unregisterNativeAPI', params: [{ name: 'name', ts: 'string' }], returns: 'Promise<{ ok: true; removed: boolean }>', queued: true, doc: 'Removes the handler of `name`; resolves `{ok: true, removed}`.' },
  { name: 'callJS', params: [{ name: 'name', ts: 'string' }, { name: 'params', ts: 'unknown', optional: true }], returns: 'Promise<unknown>', queued: true, doc: "Runs every H5 handler of `name` in order (`onNativeAPIHandler` ones as added, then the `registNativeAPIHandler` one); Promise of the first value that is not `undefined`; rejects `Error('handler <name> not found')`." },
  // Events and the call log
  { name: 'on', typeParams: '<K extends keyof FtHostEventMap>', params: [eventName, { name: 'listener', ts: '(payload: FtHostEventMap[K]) => void' }], returns: 'void', queued: false, doc: "Listens to a host event: `'message'` `{detail:{data:[...]}}`, `'event'` `{detail:{data}}`, `'timeout'` `{detail:{timeout}}`, `'load'` / `'error'` `{detail:{src}}` (once per document, §3.14), `'route'` `{action, stack}`, `'call'` (a settled ft call), plus `'title'`, `'complete'`, `'navigateToMiniProgram'`, `'navigateBackMiniProgram'`, `'close'` (FtHostEventMap)." },
  { name: 'off', typeParams: '<K extends keyof FtHostEventMap>', params: [eventName, { name: 'listener', ts: '(payload: FtHostEventMap[K]) => void', optional: true }], returns: 'void', queued: false, doc: 'Removes one listener, or every listener of the event.' },
  { name: 'calls', params: [], returns: 'FtCallRecord[]', queued: false, doc: 'The log of settled ft calls, oldest first (api, args, result, time, duration).' },
  { name: 'har', params: [], returns: 'Promise<FtHar>', queued: false, doc: "A HAR 1.2 log of every `ft.request` and `ft.downloadFile` in the call log (mocked ones marked `_ftMock`, the interface in `_ftApi`, a failure's errMsg in `_error`) and the page's own `fetch` since the host UI loaded (the panel, the simulator or this call loads it): what Chrome DevTools and Playwright's `routeFromHAR` read. A JSON body is written as received; the host panel's Network section exports it." },
  { name: 'warnings', params: [], returns: 'FtDeviceWarning[]', queued: false, doc: "The device check's findings (behaviour.md §1.15), oldest first: `[{kind, api, message, site}]`, one per kind and call site, each also a console line `ft-polyfill device check: ...`; cleared by `reset`. A page that would work on a device has none." },
  { name: 'flushed', params: [], returns: 'Promise<void>', queued: true, doc: 'Resolves when every storage write made so far is in IndexedDB.' },
  // Mocks of the device interfaces (impl/device/mocks.js)
  { name: 'mock', params: [{ name: 'api', ts: 'FtMockableApi' }, { name: 'answer', ts: 'FtMockAnswer' }], returns: 'boolean', queued: false, doc: 'Answers a device interface without the browser until unmock; false (and a warning) when it cannot. An answer object may carry `delay` (ms) before it is given.' },
  { name: 'unmock', params: [{ name: 'api', ts: 'FtMockableApi', optional: true }], returns: 'void', queued: false, doc: 'Removes the mock of `api` (every mock without an argument).' },
  { name: 'mocked', params: [], returns: 'string[]', queued: false, doc: 'The names of the mocked interfaces.' },
  // The host panel (host/panel/)
  { name: 'panel.open', params: [], returns: 'Promise<void>', queued: true, doc: 'Opens the host panel (stack, messages, calls, back button); its code is downloaded on first use.' },
  { name: 'panel.close', params: [], returns: 'Promise<void>', queued: false, doc: 'Closes the host panel.' },
  { name: 'panel.isOpen', params: [], returns: 'boolean', queued: false, doc: 'Whether the host panel is showing.' },
];

/**
 * A control's signature: `back(delta?: number): Promise<FtHostResult>` for the typings (`ts`),
 * `back(delta = 1)` for the reference.
 * @param {HostControl} control @param {'ts' | 'readme'} form
 */
export function signature(control, form) {
  const name = control.name.split('.').pop();
  if (!control.params) return form === 'ts' ? `${name}: ${control.returns}` : control.name;
  const params = control.params.map((p) => {
    if (form === 'readme') return p.default ? `${p.name} = ${p.default}` : p.optional ? `${p.name}?` : p.name;
    return `${p.name}${p.optional ? '?' : ''}: ${p.ts}`;
  });
  return form === 'ts' ? `${name}${control.typeParams || ''}(${params.join(', ')}): ${control.returns}` : `${control.name}(${params.join(', ')})`;
}
