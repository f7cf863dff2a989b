// The pending postMessage data (behaviour.md §4.1): what the host would receive now if the web-view
// page were shared, backed out of or destroyed. postMessage delivers nothing before then, which
// is why a page's "postMessage does nothing" is almost always this buffer: shown live here.

import { h, preview } from './dom.js';

/** @param {Document} doc */
export function pendingSection(doc) {
  const summary = h(doc, 'div', { class: 'dim', 'data-slot': 'pending-summary' });
  const list = h(doc, 'ol', { class: 'pending', 'aria-label': 'pending postMessage data' });
  const element = h(doc, 'section', { 'aria-label': 'pending postMessage', 'data-section': 'pending' }, [
    h(doc, 'h3', {}, ['Pending postMessage (delivered at back, share, destroy)']), summary, list]);
  let last = '';
  return {
    element,
    /** @param {any} state  ftHost.state() of this render (null before ready) */
    render(state) {
      const data = state && Array.isArray(state.pendingData) ? state.pendingData : null;
      const key = JSON.stringify([data, state && state.webview.alive]);
      if (key === last) return;
      last = key;
      list.replaceChildren(...(data || []).map((item) => h(doc, 'li', {}, [preview(item, 2000)])));
      summary.textContent = !state ? 'loading…'
        : !data.length ? (state.webview.alive ? 'none: ft.miniProgram.postMessage data waits here until then' : 'none (the web-view page is gone)')
          : `${data.length} item(s): the host gets {detail: {data: [these]}} at the next back, share or destroy (a share keeps them)`;
    },
  };
}
