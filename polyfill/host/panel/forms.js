// The host panel's forms: the host's actions (back, share, hide/show, destroy), a webview event
// from the host, the native APIs the host answers (callNativeAPI) and calls into the page's H5
// handlers (callJS). Page-provided strings go in as text (dom.js).

import { h, preview, parseJson } from './dom.js';

/**
 * The sections, in order; `slots.hideShow` and `slots.apis` are filled for the panel's render.
 * @param {Document} doc @param {import('../bridge.js').HostBridge} host @param {Record<string, any>} controls  ftHost
 * @param {(label: string, action: () => any, cls?: string) => HTMLElement} button
 * @param {(out: HTMLElement, bad: boolean, text: string) => void} show
 * @param {(out: HTMLElement) => (r: any) => void} report
 * @param {Record<string, HTMLElement>} slots
 * @returns {HTMLElement[]}
 */
export function hostForms(doc, host, controls, button, show, report, slots) {
  /** @type {HTMLElement[]} */
  const sections = [];
  // Host actions.
  const actionOut = h(doc, 'div', { class: 'out' });
  slots.hideShow = button('Hide app', () => {
    const state = host.state();
    (state && !state.foreground ? controls.show() : controls.hide()).then(report(actionOut));
  });
  sections.push(h(doc, 'section', {}, [h(doc, 'h3', {}, ['Host actions']), h(doc, 'div', { class: 'row' }, [
    button('Back', () => controls.back().then(report(actionOut))),
    button('Share', () => controls.share().then(report(actionOut))),
    slots.hideShow,
    button('Destroy web-view', () => controls.destroy().then(report(actionOut))),
  ]), actionOut]));

  // sendWebviewEvent from the host.
  const eventText = h(doc, 'textarea', { rows: 2, 'aria-label': 'webview event JSON', placeholder: '{"type": "refresh"}' });
  const eventOut = h(doc, 'div', { class: 'out' });
  sections.push(h(doc, 'section', {}, [h(doc, 'h3', {}, ['Send webview event']), eventText,
    h(doc, 'div', { class: 'row' }, [button('Send', () => {
      const parsed = parseJson(/** @type {HTMLTextAreaElement} */ (eventText).value, {});
      if ('error' in parsed) return show(eventOut, true, parsed.error);
      controls.sendWebviewEvent(parsed.value).then((/** @type {any} */ r) => show(eventOut, !r.ok, r.ok ? `delivered to ${r.listeners} listener(s)` : `fail: ${r.reason}`));
    }, 'b primary')]), eventOut]));

  // Native APIs the host answers (ft.callNativeAPI).
  const apiName = h(doc, 'input', { placeholder: 'api name', 'aria-label': 'native API name' });
  const apiJson = h(doc, 'textarea', { rows: 2, 'aria-label': 'native API answer JSON', placeholder: '{"result": 1}' });
  const apiOut = h(doc, 'div', { class: 'out' });
  slots.apis = h(doc, 'ul', { class: 'list' });
  sections.push(h(doc, 'section', {}, [h(doc, 'h3', {}, ['Native APIs (callNativeAPI answers)']), slots.apis,
    h(doc, 'div', { class: 'row' }, [apiName]), apiJson,
    h(doc, 'div', { class: 'row' }, [button('Register', () => {
      const name = /** @type {HTMLInputElement} */ (apiName).value.trim();
      const parsed = parseJson(/** @type {HTMLTextAreaElement} */ (apiJson).value, {});
      if ('error' in parsed) return show(apiOut, true, parsed.error);
      const text = JSON.stringify(parsed.value);
      controls.registerNativeAPI(name, () => JSON.parse(text)).then(report(apiOut));
    }, 'b primary')]), apiOut]));

  // Call an H5 handler (onNativeAPIHandler / registNativeAPIHandler).
  const jsName = h(doc, 'input', { placeholder: 'handler name', 'aria-label': 'H5 handler name' });
  const jsParams = h(doc, 'textarea', { rows: 2, 'aria-label': 'H5 handler params JSON', placeholder: '{"id": 1}' });
  const jsOut = h(doc, 'div', { class: 'out' });
  sections.push(h(doc, 'section', {}, [h(doc, 'h3', {}, ['Call H5 handler (callJS)']),
    h(doc, 'div', { class: 'row' }, [jsName]), jsParams,
    h(doc, 'div', { class: 'row' }, [button('Call', () => {
      const parsed = parseJson(/** @type {HTMLTextAreaElement} */ (jsParams).value, {});
      if ('error' in parsed) return show(jsOut, true, parsed.error);
      controls.callJS(/** @type {HTMLInputElement} */ (jsName).value.trim(), parsed.value).then(
        (/** @type {unknown} */ answer) => show(jsOut, false, `answer: ${preview(answer, 400)}`),
        (/** @type {any} */ error) => show(jsOut, true, `fail: ${error && error.message}`),
      );
    }, 'b primary')]), jsOut]));
  return sections;
}
