// The network section: every ft.request and ft.downloadFile, and the page's own fetch (marked
// "fetch": it runs in the web-view's browser on a device too), with method, url, status, time
// and size; a row expands to the request and response headers and bodies, the errMsg and the
// mock that answered. "Mock this response" makes an ftHostConfig.mocks rule of an entry; "Export
// HAR" saves ftHost.har().

import { h } from './dom.js';
import { download } from './files.js';

const BODY_CHARS = 20000;
const HEX_HEAD = 64;

/** @param {import('./network-log.js').Body | null} body @returns {string} */
export function bodyText(body) {
  if (!body) return '(none)';
  if (body.kind === 'bytes') {
    const head = [...body.bytes.subarray(0, HEX_HEAD)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    return `${body.bytes.length} bytes${body.bytes.length ? `: ${head}${body.bytes.length > HEX_HEAD ? ' …' : ''}` : ''}`;
  }
  const text = body.kind === 'json' ? JSON.stringify(body.value, null, 2) : body.text;
  return text.length > BODY_CHARS ? `${text.slice(0, BODY_CHARS)}… (${text.length} characters)` : text;
}

// Headers of the transport, not of the answer: the rule's data is the decoded body, written again.
const TRANSPORT_HEADERS = /^(content-length|content-encoding|transfer-encoding|connection|keep-alive)$/i;

/**
 * The ftHostConfig.mocks request rule that answers like this entry: `{url, method, response}`
 * (the response headers without those of the transport: length, encoding, connection).
 * @param {import('./network-log.js').NetEntry} e
 */
export function mockRule(e) {
  const b = e.responseBody;
  const data = !b ? '' : b.kind === 'json' ? b.value : b.kind === 'text' ? b.text : new TextDecoder().decode(b.bytes);
  const header = Object.fromEntries(e.responseHeaders.filter(([k]) => !TRANSPORT_HEADERS.test(k)));
  return { url: e.url, method: e.method, response: { statusCode: e.status, header, data } };
}

/** The url without the page's own origin (the title keeps it whole). @param {string} url */
const shortUrl = (url) => (typeof location !== 'undefined' && url.startsWith(`${location.origin}/`) ? url.slice(location.origin.length) : url);

/** @param {number} n */
const sizeText = (n) => (n < 0 ? '' : n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);

/**
 * @param {Document} doc @param {() => void} schedule
 * @param {import('./mocks.js').MocksModel} mocks  where "Mock this response" adds its rule
 */
export function networkSection(doc, schedule, mocks) {
  /** @type {any} */ let tools = null;
  /** @type {Set<string>} */ const open = new Set();
  let last = '';
  const filter = /** @type {HTMLInputElement} */ (h(doc, 'input', { 'aria-label': 'filter requests', placeholder: 'filter: url, method, status', oninput: () => schedule() }));
  const source = /** @type {HTMLSelectElement} */ (h(doc, 'select', { 'aria-label': 'request source', onchange: () => schedule() },
    [['', 'all'], ['request', 'ft.request'], ['downloadFile', 'ft.downloadFile'], ['fetch', 'page fetch']].map(([v, t]) => h(doc, 'option', { value: v }, [t]))));
  const count = h(doc, 'span', { class: 'dim' });
  const body = h(doc, 'tbody', {});
  const out = h(doc, 'div', { class: 'out', role: 'status' });
  const exportHar = () => tools && tools.har().then((/** @type {unknown} */ har) => download(doc, 'ft-polyfill.har', 'application/json', JSON.stringify(har, null, 2)));

  /** @param {import('./network-log.js').NetEntry} e */
  const copyRule = (e) => {
    const rule = mockRule(e);
    const text = JSON.stringify(rule, null, 2);
    // The first rule, so it wins over the rules in use (first match wins); the Mocks section lists it.
    const current = mocks.read() || {};
    Promise.resolve(mocks.write({ ...current, request: [rule, ...(current.request || [])] })).then((problems) => {
      const bad = problems.filter(Boolean);
      out.textContent = bad.length ? `The rule was not applied: ${bad.join('; ')}\n${text}` : `Added as the first rule of ftHostConfig.mocks (see Mocks; Export there keeps it):\n${text}`;
      schedule();
    });
  };

  /** @param {string} title @param {Array<[string, string]>} headers */
  const headerList = (title, headers) => [h(doc, 'h4', {}, [title]), headers.length
    ? h(doc, 'dl', {}, headers.flatMap(([k, v]) => [h(doc, 'dt', {}, [k]), h(doc, 'dd', {}, [v])]))
    : h(doc, 'div', { class: 'empty' }, ['(none)'])];

  /** @param {import('./network-log.js').NetEntry} e */
  const detail = (e) => h(doc, 'tr', { class: 'detail-row' }, [h(doc, 'td', { class: 'detail', colspan: 6 }, [
    h(doc, 'div', {}, [h(doc, 'b', {}, [`${e.method} `]), e.url]),
    e.errMsg ? h(doc, 'div', { class: /:ok$/.test(e.errMsg) ? 'ok' : 'bad' }, [e.errMsg]) : null,
    h(doc, 'div', { class: 'dim' }, [e.mock ? `answered by ${e.mock}` : e.source === 'fetch' ? 'the page\'s own fetch (it runs in the web-view on a device too; ftHostConfig.mocks answers ft.request only: mock a fetch with MSW or page.route)' : 'answered by the network']),
    ...headerList('Request headers', e.requestHeaders),
    h(doc, 'h4', {}, ['Request body']), h(doc, 'pre', {}, [bodyText(e.requestBody)]),
    ...headerList('Response headers', e.responseHeaders),
    h(doc, 'h4', {}, ['Response body']), h(doc, 'pre', { 'data-slot': 'response-body' }, [bodyText(e.responseBody)]),
    // Only ft.request has request rules: a download is answered by mocks.downloadFile (any url), a
    // page's fetch by none (it is the web-view's own, as on a device).
    e.status && e.source === 'request' ? h(doc, 'div', { class: 'row' }, [h(doc, 'button', { type: 'button', onclick: () => copyRule(e) }, ['Mock this response'])]) : null,
  ])]);

  const element = h(doc, 'section', { 'aria-label': 'network', 'data-section': 'network-log' }, [
    h(doc, 'h3', {}, ['Network (ft.request, ft.downloadFile, page fetch)']),
    h(doc, 'div', { class: 'row' }, [filter, source, h(doc, 'button', { type: 'button', onclick: exportHar }, ['Export HAR']), count]),
    h(doc, 'div', { class: 'scroll' }, [h(doc, 'table', { 'aria-label': 'requests' }, [
      h(doc, 'colgroup', {}, [h(doc, 'col', { width: '50px' }), h(doc, 'col', { width: '46px' }), h(doc, 'col', {}), h(doc, 'col', { width: '44px' }), h(doc, 'col', { width: '62px' }), h(doc, 'col', { width: '56px' })]),
      h(doc, 'thead', {}, [h(doc, 'tr', {}, ['', 'method', 'url', 'status', 'time', 'size'].map((t) => h(doc, 'th', {}, [t])))]), body])]),
    out,
  ]);

  return {
    element,
    /** @param {any} t  the page's devtools (null before they load) */
    render(t) {
      tools = t;
      const all = /** @type {import('./network-log.js').NetEntry[]} */ (t ? t.network() : []);
      const words = filter.value.trim().toLowerCase();
      const shown = all.filter((e) => (!source.value || e.source === source.value)
        && (!words || `${e.method} ${e.url} ${e.status} ${e.errMsg} ${e.mock ? 'mock' : ''}`.toLowerCase().includes(words))).reverse();
      const sig = `${words}\n${source.value}\n${[...open].join(' ')}\n${shown.map((e) => `${e.id} ${e.status} ${e.duration} ${e.size}`).join('\n')}`;
      if (sig === last) return;
      last = sig;
      count.textContent = `${shown.length} of ${all.length}`;
      /** @type {HTMLElement[]} */
      const rows = [];
      for (const e of shown) {
        const failed = e.errMsg && !/:ok$/.test(e.errMsg);
        rows.push(h(doc, 'tr', { class: open.has(e.id) ? 'entry on' : 'entry', 'data-id': e.id, onclick: () => {
          if (open.has(e.id)) open.delete(e.id);
          else {
            open.add(e.id);
            if (e.source === 'fetch' && tools) tools.readBody(e.id).then(() => { last = ''; schedule(); });
          }
          schedule();
        } }, [
          h(doc, 'td', { title: e.mock ? `ft.${e.source}, ${e.mock}` : e.source === 'fetch' ? 'the page\'s own fetch' : `ft.${e.source}` }, [h(doc, 'span', { class: e.mock ? 'tag mock' : e.source === 'fetch' ? 'tag fetch' : 'tag' }, [e.mock ? 'mock' : e.source === 'downloadFile' ? 'down' : e.source === 'request' ? 'req' : 'fetch'])]),
          h(doc, 'td', {}, [e.method]), h(doc, 'td', { title: e.url }, [shortUrl(e.url)]),
          h(doc, 'td', { class: failed || e.status >= 400 ? 'num bad' : 'num' }, [e.status ? String(e.status) : failed ? 'fail' : '…']),
          h(doc, 'td', { class: 'num' }, [e.duration < 0 ? '' : `${e.duration} ms`]), h(doc, 'td', { class: 'num' }, [sizeText(e.size)]),
        ]));
        if (open.has(e.id)) rows.push(detail(e));
      }
      body.replaceChildren(...(rows.length ? rows : [h(doc, 'tr', {}, [h(doc, 'td', { class: 'empty', colspan: 6 }, [all.length ? 'no request matches' : 'no requests yet'])])]));
    },
  };
}
