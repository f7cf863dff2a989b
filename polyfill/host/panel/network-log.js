// The network panel's entries and ftHost.har(), built from what the instance already keeps: each
// ft.request / ft.downloadFile log entry carries the core's plan and the mock's answer or the
// transfer (impl/network.js, NetRecord), and the page's own fetch is recorded here from when
// this code loads (the panel, the simulator or ftHost.har() loads it). A page's fetch runs in the
// web-view's browser on a device too (same CORS), so it is listed as such, not as a device check.

/**
 * A body as the panel shows it and the HAR carries it.
 * @typedef {{ kind: 'json', value: unknown, text?: string } | { kind: 'text', text: string } | { kind: 'bytes', bytes: Uint8Array }} Body
 */

/**
 * One request, whichever way the page made it.
 * @typedef {object} NetEntry
 * @property {string} id
 * @property {'request' | 'downloadFile' | 'fetch'} source  `fetch`: the page's own fetch
 * @property {string} method
 * @property {string} url
 * @property {number} status         0: no response (a transport failure, or pending)
 * @property {string} statusText
 * @property {number} time           Date.now() at the call (ms)
 * @property {number} duration       ms until it settled (-1 pending)
 * @property {number} size           response body bytes (-1 unknown)
 * @property {Array<[string, string]>} requestHeaders
 * @property {Body | null} requestBody
 * @property {Array<[string, string]>} responseHeaders
 * @property {Body | null} responseBody
 * @property {string} errMsg         the call's errMsg; a fetch's error
 * @property {string} mock           which mock answered ('' when the network did)
 */

const NET_APIS = /^(miniProgram\.)?(request|downloadFile)$/;
const FETCH_ROWS = 300;
const utf8 = (/** @type {string} */ s) => new TextEncoder().encode(s).length;

/** The body's text as sent (a JSON value without its text: as JSON.stringify writes it). @param {Body} body */
const textOf = (body) => (body.kind === 'bytes' ? new TextDecoder().decode(body.bytes) : body.kind === 'text' || body.text !== undefined ? /** @type {string} */ (body.text) : JSON.stringify(body.value) || '');

/** @param {Body | null} body */
const sizeOf = (body) => (!body ? 0 : body.kind === 'bytes' ? body.bytes.length : utf8(textOf(body)));

/** @param {Record<string, unknown> | undefined | null} header @returns {Array<[string, string]>} */
const pairs = (header) => (header && typeof header === 'object' ? Object.entries(header).map(([k, v]) => [k, String(v)]) : []);

/** @param {Array<[string, string]>} headers */
const contentType = (headers) => (headers.find(([k]) => k.toLowerCase() === 'content-type') || ['', ''])[1];

/**
 * A body from text: JSON when the content type says so (or `json`) and it parses.
 * @param {string} text @param {string} type @param {boolean} [json] @returns {Body}
 */
function textBody(text, type, json) {
  if (json || /json/i.test(type)) {
    try {
      return { kind: 'json', value: JSON.parse(text), text };
    } catch { /* not JSON: text */ }
  }
  return { kind: 'text', text };
}

/** A page value as a body (mock answers, request data). @param {unknown} data @returns {Body | null} */
function valueBody(data) {
  if (data === undefined) return null;
  if (typeof data === 'string') return textBody(data, '');
  // (Another window's ArrayBuffer too: the simulator's shell reads its frame's.)
  if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return { kind: 'bytes', bytes: new Uint8Array(/** @type {ArrayBuffer} */ (data)) };
  if (ArrayBuffer.isView(data)) return { kind: 'bytes', bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  return { kind: 'json', value: data };
}

/** @param {Headers} headers @returns {Array<[string, string]>} */
const headerPairs = (headers) => {
  /** @type {Array<[string, string]>} */ const out = [];
  headers.forEach((value, name) => out.push([name, value]));
  return out;
};

/**
 * The entry of an ft.request / ft.downloadFile log entry.
 * @param {any} call @param {number} index @returns {NetEntry}
 */
function callEntry(call, index) {
  const args = call.args[0] || {};
  const net = call.net || {};  // the task's context (pipeline.js NetRecord)
  const plan = net.plan && net.plan.ok ? net.plan : null;
  const result = call.result || {};
  const source = /download/.test(call.api) ? 'downloadFile' : 'request';
  /** @type {Array<[string, string]>} */
  const requestHeaders = plan ? pairs(plan.header) : pairs(args.header);
  const requestBody = !plan ? null : plan.body.kind === 'text' ? textBody(plan.body.text, contentType(requestHeaders)) : plan.body.kind === 'binary' ? valueBody(args.data) : null;
  /** @type {NetEntry} */
  const entry = {
    id: `c${call.time}-${index}`, source, method: plan ? plan.method : String(args.method || 'GET').toUpperCase(),
    url: plan ? plan.url : String(args.url), status: 0, statusText: '', time: call.time, duration: call.duration,
    size: -1, requestHeaders, requestBody, responseHeaders: [], responseBody: null, errMsg: String(result.errMsg || ''), mock: '',
  };
  const t = net.t;
  if (net.mock) {
    entry.mock = `ftHost.mock('${source}')${'fail' in net.mock ? ` (fail: ${net.mock.fail})` : ''}`;
    if (!('fail' in net.mock)) {
      entry.status = typeof result.statusCode === 'number' ? result.statusCode : 200;
      entry.responseHeaders = pairs(result.header);
      entry.responseBody = source === 'request' ? valueBody(result.data) : valueBody(net.mock.data && net.mock.data.data);
    }
  } else if (t && t.rule) entry.mock = t.rule;
  if (!net.mock && t && t.response) {
    entry.status = t.response.status;
    entry.statusText = t.response.statusText;
    entry.responseHeaders = headerPairs(t.response.headers);
    entry.responseBody = t.text !== undefined && !t.bytes.length ? textBody(t.text, contentType(entry.responseHeaders), plan && plan.decode === 'json') : { kind: 'bytes', bytes: t.bytes };
  }
  if (entry.responseBody) entry.size = sizeOf(entry.responseBody);
  return entry;
}

/**
 * Records the page's own fetch calls from now on (once per window): method, url, headers, a
 * text body, status, headers and body of the response (read from a clone, only when shown).
 * ft.request's own fetch goes through it too: those are told apart by their Response.
 * @param {any} global @param {() => void} changed  an entry was added or settled
 */
function fetchRecorder(global, changed) {
  /** @type {Array<{ entry: NetEntry, response: Response | null, body: Promise<void> | null }>} */
  const rows = [];
  const real = global.fetch;
  if (typeof real !== 'function') return { rows };
  let next = 0;
  /** @this {any} @param {RequestInfo | URL} input @param {RequestInit} [init] */
  const recorded = function (input, init) {
    const isRequest = typeof global.Request === 'function' && input instanceof global.Request;
    let url = isRequest ? /** @type {Request} */ (input).url : String(input);
    try {
      url = new URL(url, global.location && global.location.href).href;
    } catch { /* as given */ }
    /** @type {Array<[string, string]>} */ let requestHeaders = [];
    try {
      requestHeaders = headerPairs(new global.Headers((init && init.headers) || (isRequest ? /** @type {Request} */ (input).headers : undefined)));
    } catch { /* headers fetch itself refuses */ }
    const bodyText = init && typeof init.body === 'string' ? init.body : null;
    /** @type {NetEntry} */
    const entry = {
      id: `f${next++}`, source: 'fetch', method: String((init && init.method) || (isRequest ? /** @type {Request} */ (input).method : 'GET')).toUpperCase(),
      url, status: 0, statusText: '', time: Date.now(), duration: -1, size: -1, requestHeaders,
      requestBody: bodyText === null ? null : textBody(bodyText, contentType(requestHeaders)), responseHeaders: [], responseBody: null, errMsg: '', mock: '',
    };
    const row = { entry, response: /** @type {Response | null} */ (null), body: /** @type {Promise<void> | null} */ (null) };
    rows.push(row);
    if (rows.length > FETCH_ROWS) rows.shift();
    const started = Date.now();
    const promise = real.call(this, input, init);
    changed();
    Promise.resolve(promise).then((/** @type {Response} */ response) => {
      row.response = response;
      entry.duration = Date.now() - started;
      entry.status = response.status;
      entry.statusText = response.statusText;
      entry.responseHeaders = headerPairs(response.headers);
      let clone = /** @type {Response | null} */ (null);
      try {
        clone = response.clone();
      } catch { /* the page read it already: no body shown */ }
      // Read only when the panel or the HAR needs it.
      row.body = null;
      /** @type {any} */ (row).read = () => {
        if (!row.body) {
          row.body = clone ? clone.arrayBuffer().then((buffer) => {
            const bytes = new Uint8Array(buffer);
            const type = contentType(entry.responseHeaders);
            entry.responseBody = /^(text\/|application\/(json|javascript|xml)|[^;]*\+(json|xml))/i.test(type) || !type ? textBody(new TextDecoder().decode(bytes), type) : { kind: 'bytes', bytes };
            entry.size = bytes.length;
          }, () => {}) : Promise.resolve();
        }
        return row.body;
      };
      changed();
    }, (/** @type {any} */ error) => {
      entry.duration = Date.now() - started;
      entry.errMsg = String(error && error.message ? error.message : error);
      changed();
    });
    return promise;
  };
  global.fetch = recorded;
  return { rows };
}

/** Where an instance keeps its fetch recorder (one per window, whichever bundle started it). */
const RECORDER = Symbol.for('ft-polyfill.fetchRecorder');

/**
 * Starts recording the page's fetch (once per runtime).
 * @param {import('../../runtime.js').Runtime} runtime @returns {ReturnType<typeof fetchRecorder>}
 */
export function recordFetch(runtime) {
  const holder = /** @type {any} */ (runtime);
  // 'host': the panel and the simulator redraw on it.
  if (!holder[RECORDER]) holder[RECORDER] = fetchRecorder(runtime.global, () => runtime.emit('host', { reason: 'network' }));
  return holder[RECORDER];
}

/**
 * Every request, oldest first: the ft calls of the call log and the page's own fetches (without
 * the ones ft.request made). `read`: also read the fetch bodies not read yet (HAR, expanded rows).
 * @param {import('../../runtime.js').Runtime} runtime @param {boolean} [read]
 * @returns {Promise<NetEntry[]> | NetEntry[]}
 */
export function networkEntries(runtime, read = false) {
  const calls = runtime.log.list().filter((c) => NET_APIS.test(c.api));
  const mine = new Set(calls.map((c) => /** @type {any} */ (c).net && /** @type {any} */ (c).net.t && /** @type {any} */ (c).net.t.response).filter(Boolean));
  const fetches = recordFetch(runtime).rows.filter((r) => !r.response || !mine.has(r.response));
  const entries = [...calls.map(callEntry), ...fetches.map((r) => r.entry)].sort((a, b) => a.time - b.time);
  if (!read) return entries;
  return Promise.all(fetches.map((r) => /** @type {any} */ (r).read && /** @type {any} */ (r).read())).then(() => entries);
}

/** Reads the body of one fetch entry (the panel expands it). @param {import('../../runtime.js').Runtime} runtime @param {string} id */
export function readFetchBody(runtime, id) {
  const row = /** @type {any} */ (recordFetch(runtime).rows.find((r) => r.entry.id === id));
  return row && row.read ? row.read() : Promise.resolve();
}

/** @param {Uint8Array} bytes */
const base64 = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** @param {Array<[string, string]>} headers */
const harHeaders = (headers) => headers.map(([name, value]) => ({ name, value }));

/**
 * A HAR 1.2 log of the entries (what Chrome DevTools and Playwright's routeFromHAR read). Mocked
 * entries are marked `_ftMock`, the ft interface `_ftApi`; a JSON body is written as JSON text.
 * @param {NetEntry[]} entries
 */
export function harOf(entries) {
  return {
    log: {
      version: '1.2',
      creator: { name: 'ft-polyfill', version: '1.4.20' },
      pages: [],
      entries: entries.map((e) => {
        /** @type {Record<string, any>} */
        const request = { method: e.method, url: e.url, httpVersion: 'HTTP/1.1', cookies: [], headers: harHeaders(e.requestHeaders), queryString: [], headersSize: -1, bodySize: e.requestBody ? sizeOf(e.requestBody) : 0 };
        try {
          request.queryString = [...new URL(e.url).searchParams].map(([name, value]) => ({ name, value }));
        } catch { /* not a url: none */ }
        if (e.requestBody) {
          request.postData = { mimeType: contentType(e.requestHeaders), text: textOf(e.requestBody) };
        }
        const b = e.responseBody;
        /** @type {Record<string, any>} */
        const content = { size: Math.max(e.size, 0), mimeType: contentType(e.responseHeaders) || (b && b.kind === 'json' ? 'application/json' : 'text/plain') };
        if (b) {
          if (b.kind === 'bytes') Object.assign(content, { text: base64(b.bytes), encoding: 'base64' });
          else content.text = textOf(b);
        }
        /** @type {Record<string, any>} */
        const entry = {
          startedDateTime: new Date(e.time).toISOString(), time: Math.max(e.duration, 0), request,
          response: { status: e.status, statusText: e.statusText, httpVersion: 'HTTP/1.1', cookies: [], headers: harHeaders(e.responseHeaders), content, redirectURL: '', headersSize: -1, bodySize: Math.max(e.size, 0) },
          cache: {}, timings: { send: 0, wait: Math.max(e.duration, 0), receive: 0 }, _ftApi: e.source,
        };
        if (e.mock) entry._ftMock = e.mock;
        if (e.errMsg && !/:ok$/.test(e.errMsg)) entry._error = e.errMsg;
        return entry;
      }),
    },
  };
}
