// ft.request and ft.downloadFile (behaviour.md §5.1-5.4). The core builds the request plan (the url
// check and its device check, method, query and body encodings, headers, Referer dropped, timeout) and decodes the response (dataType,
// responseType, header object); this file only sends the plan with fetch under an abort timer and
// hands the bytes back. Every HTTP status is a success; transport failures fail once with
// 'timeout', 'abort' or 'network error' (the core's one text for every engine, not the engine's
// own message), and never turn into a late success.

import { ok, fail } from '../pipeline.js';
import { isBinary, bytesOf } from '../binary.js';
import { REASON } from '../core-wire.js';
import { requestPlan, downloadPlan, requestDecode, requestFailReason, fileNameFromUrl } from '../core-wire/device.js';
import { mockAnswer } from './device/mocks.js';

/** @typedef {import('../core-wire/device.js').RequestPlan} Plan */

/**
 * The whole body as bytes, or as text when the plan decodes text or JSON (the browser decodes
 * UTF-8 as it reads: one step less than bytes then TextDecoder).
 * @typedef {{ response: Response, bytes: Uint8Array, text?: string } | { kind: 'timeout' | 'abort' | 'error' }} Transfer
 */

/**
 * Sends a plan with fetch; settles once: the whole body, or the first of timeout / abort / error.
 * The timer covers the body too.
 * @param {Plan} plan @param {BodyInit | undefined} body @param {AbortSignal | undefined} outer
 * @returns {Promise<Transfer>}
 */
export function send(plan, body, outer) {
  const controller = new AbortController();
  return new Promise((resolve) => {
    let done = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    /** @param {Transfer} result */
    const finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (outer) outer.removeEventListener('abort', onAbort);
      if ('kind' in result) controller.abort();
      resolve(result);
    };
    const onAbort = () => finish({ kind: 'abort' });
    if (outer) {
      if (outer.aborted) return onAbort();
      outer.addEventListener('abort', onAbort);
    }
    timer = setTimeout(() => finish({ kind: 'timeout' }), plan.timeout);
    fetch(plan.url, requestInit(plan, body, controller.signal))
      .then(async (response) => {
        if (plan.method === 'HEAD') finish({ response, bytes: new Uint8Array(0), text: '' });
        else if (plan.decode === 'json' || plan.decode === 'text') finish({ response, bytes: new Uint8Array(0), text: await response.text() });
        else finish({ response, bytes: new Uint8Array(await response.arrayBuffer()) });
      })
      .catch(() => finish({ kind: 'error' }));
  });
}

/**
 * fetch's init for a plan: only what differs from fetch's own defaults (GET, no headers, no body),
 * since every member given costs Chromium time to convert (bench: bridge costs).
 * @param {Plan} plan @param {BodyInit | undefined} body @param {AbortSignal} signal
 * @returns {RequestInit}
 */
function requestInit(plan, body, signal) {
  /** @type {RequestInit} */
  const init = { signal };
  if (plan.method !== 'GET') init.method = plan.method;
  if (Object.keys(plan.header).length > 0) init.headers = plan.header;
  if (body !== undefined) init.body = body;
  return init;
}

/**
 * The core's plan for the page's options (requestPlan or downloadPlan); binary data stays in JS
 * (`dataKind: 'binary'`).
 * @param {typeof requestPlan} makePlan @param {import('../core-wire/device.js').CoreHandles} core @param {Record<string, any>} args
 */
function planOf(makePlan, core, args) {
  const binary = isBinary(args.data);
  return makePlan(core, binary ? { ...args, data: undefined, dataKind: 'binary' } : args);
}

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @param {import('../services.js').Services} services
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function networkImpl(runtime, services) {
  const { mocks, files: store } = services;
  const core = () => runtime.core();

  /**
   * The device check the core's plan carries (§1.15: a url that is not http(s), §5.3), reported
   * while the page's call is on the stack; the plan is kept for the network panel (NetRecord).
   * @param {{ check?: string }} plan @param {import('../pipeline.js').NetRecord} ctx
   */
  const reportCheck = (plan, ctx) => {
    if (plan.check) runtime.deviceCheck('request-url', ctx.api, plan.check);
    ctx.plan = plan;
  };

  /** @param {{ kind: string }} t */
  const transportFail = (t) => fail(requestFailReason(core(), t.kind));

  return {
    /**
     * ft.request → {data, statusCode, header}. Mock answer: the success object as it is
     * ({statusCode: 200, header: {}, data: ''} filled in where absent).
     */
    async request(args, ctx) {
      const handles = core();
      const plan = planOf(requestPlan, handles, args);
      reportCheck(plan, ctx);
      if (!plan.ok) return fail(plan.reason);

      const mocked = mockAnswer(mocks, 'request', args);
      if (mocked) {
        const r = /** @type {any} */ (ctx).mock = await mocked;
        return 'fail' in r ? fail(r.fail) : ok({ data: '', statusCode: 200, header: {}, ...r.data });
      }

      /** @type {BodyInit | undefined} */
      let body;
      if (plan.body.kind === 'text') body = plan.body.text;
      else if (plan.body.kind === 'binary') body = /** @type {BufferSource} */ (args.data);
      const t = /** @type {any} */ (ctx).t = await (mocks.send || send)(plan, body, ctx.signal, send);
      if ('kind' in t) return transportFail(t);

      const text = t.text === undefined ? '' : t.text;
      // V8's JSON.parse, not the wasm core, parses the body (once); the core is told whether it
      // parsed and decides what `data` is (the grammar is the same; see src/request.h).
      let parsed;
      let bodyIsJson = false;
      if (plan.decode === 'json') {
        try {
          parsed = JSON.parse(text);
          bodyIsJson = true;
        } catch { /* not JSON: the core decides (text) */ }
      }
      // Headers as "name: value" lines: the core splits them without a second JSON parse.
      let headers = '';
      t.response.headers.forEach((value, name) => { headers += `${name}: ${value}\r\n`; });
      const decoded = requestDecode(handles, t.response.status, headers, plan.decode, bodyIsJson);
      const data = decoded.data === 'json' ? parsed
        : decoded.data === 'text' ? text
          // A copy made by this realm's Uint8Array: the page's own ArrayBuffer (instanceof holds),
          // also where fetch's bytes come from another realm (Node's fetch under jsdom in Jest).
          : new Uint8Array(t.bytes).buffer;
      return ok({ data, statusCode: decoded.statusCode, header: decoded.header });
    },

    /**
     * ft.downloadFile → {tempFilePath, statusCode}, or with `filePath`: {filePath, statusCode}
     * and no tempFilePath (§5.4).
     * Mock answer: `{statusCode?, data, type?, name?}` (data: string | ArrayBuffer | Uint8Array)
     * is stored like a real download; an answer without `data` is the success object as it is.
     */
    async downloadFile(args, ctx) {
      const handles = core();
      const plan = planOf(downloadPlan, handles, args);
      reportCheck(plan, ctx);
      if (!plan.ok) return fail(plan.reason);
      /** @param {string} url */
      const nameOf = (url) => fileNameFromUrl(handles, url);

      let bytes;
      let statusCode;
      /** @type {string} */
      let declared;
      let name = nameOf(plan.url);
      const mocked = mockAnswer(mocks, 'downloadFile', args);
      if (mocked) {
        const r = /** @type {any} */ (ctx).mock = await mocked;
        if ('fail' in r) return fail(r.fail);
        if (!('data' in r.data)) return ok({ statusCode: 200, ...r.data });
        const d = r.data.data;
        bytes = typeof d === 'string' ? new TextEncoder().encode(d) : isBinary(d) ? bytesOf(d) : null;
        if (!bytes) return fail('mock answer data should be String or ArrayBuffer');
        statusCode = typeof r.data.statusCode === 'number' ? r.data.statusCode : 200;
        declared = typeof r.data.type === 'string' ? r.data.type : '';
        if (typeof r.data.name === 'string') name = r.data.name;
      } else {
        const t = /** @type {any} */ (ctx).t = await send(plan, undefined, ctx.signal);
        if ('kind' in t) return transportFail(t);
        bytes = t.bytes;
        statusCode = t.response.status;
        declared = t.response.headers.get('content-type') || '';
        if (t.response.url) name = nameOf(t.response.url) || name;
      }

      if (ctx.signal && ctx.signal.aborted) return fail(REASON.abort);
      if (plan.filePath !== undefined) {
        const info = await store.save(plan.filePath, bytes, name, declared);
        return info.ok ? ok({ filePath: info.path, statusCode }) : fail(info.reason);
      }
      const info = store.addTemp(bytes, name, declared);
      return info.ok ? ok({ tempFilePath: info.path, statusCode }) : fail(info.reason);
    },
  };
}
