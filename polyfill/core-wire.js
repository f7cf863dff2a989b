// The JS side of the wire to the C++ core: the one module that calls the core's functions, turns
// every answer into an outcome of polyfill/pipeline.js, and applies the one lone-surrogate policy.
// The C++ side is wasm-glue/wire.h: a call that can fail answers {ok: true, ...fields} or
// {ok: false, reason}; a call that can not fail answers its value. Answers are JS values built
// once by the glue (nothing here parses them); the page's options go in as JSON text, which the
// core parses with a depth limit (src/js_value.h).
//
// Lone surrogates: JSON.stringify writes one as the escape \udXXX, valid JSON text but not valid
// Unicode, so the core's JSON parser (nlohmann) would reject it, and Embind 3.1.6 corrupts one in
// a string argument. So every string that crosses into the core marks them: a lone surrogate as
// U+FFFF followed by its four hex digits, a real U+FFFF as U+FFFF "ffff" (one-to-one), and every
// answer is revived (the marks undone) on the way back: nothing is lost (issue 6). (Text the core
// rewrites keeps the mark rewritten: a lone surrogate in a GET query is percent-encoded as the
// mark, where JS's encodeURIComponent would throw.)

import { ok, fail } from './pipeline/outcome.js';
import { isFailure } from '../wasm-glue/storage-memo.js';
import { unserialisable } from './host-copy.js';

const MARK = '\uffff';

/** Reason texts the JS writes itself; those the core gives too are its texts (src/reasons.h). */
export const REASON = Object.freeze({ abort: 'abort', cancel: 'cancel', fileNotFound: 'file not found', timeout: 'timeout' });

/**
 * The one failure reason of a value JSON.stringify refuses (a cycle, a BigInt, a throwing toJSON).
 * @param {string} what  e.g. 'options', 'parameter.extraData', 'message', 'data' @param {unknown} error
 */
export const notSerialisable = (what, error) => `parameter error: ${unserialisable(what, error)}`;

/**
 * The failure of a parameter error (behaviour.md §1.5): the core writes the text of the problems
 * polyfill/validate.js found (src/js_value.h param_errors_text).
 * @param {{ paramErrorText(problems: string): string }} Module @param {import('./validate.js').Problem[]} problems
 */
export const paramFailure = (Module, problems) => fail(Module.paramErrorText(problems.join('\n')));

/**
 * JSON text of a value, with lone surrogates marked. Throws as JSON.stringify does (cycles, BigInt).
 * @param {unknown} value
 * @returns {string | undefined}
 */
export function toCoreJson(value) {
  const text = JSON.stringify(value);
  if (text === undefined || !/\\u[dD][89a-fA-F]|\uffff/.test(text)) return text;
  return text
    .replace(/\uffff/g, `${MARK}ffff`)
    // An escape is a backslash run of odd length before "u": an even run is escaped backslashes.
    .replace(/(\\+)u(d[89a-f][0-9a-f]{2})/gi, (all, slashes, hex) => (slashes.length % 2 ? `${slashes.slice(1)}${MARK}${hex.toLowerCase()}` : all));
}

/**
 * A string argument for the core, with lone surrogates marked as toCoreJson marks them.
 * @param {string} s @returns {string}
 */
export const toCoreString = (s) => (/[\ud800-\udfff\uffff]/.test(s)
  ? s.replace(/\uffff|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (c) => (c.length === 2 ? c : `${MARK}${c === MARK ? 'ffff' : c.charCodeAt(0).toString(16)}`))
  : s);

/** @param {string} s */
const restore = (s) => (s.includes(MARK) ? s.replace(/\uffff([0-9a-f]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))) : s);

/**
 * Undoes the marks in a value that came from the core (strings and object keys).
 * @param {unknown} value
 * @returns {unknown}
 */
export function revive(value) {
  if (typeof value === 'string') return restore(value);
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [k, v] of Object.entries(value)) out[restore(k)] = revive(v);
    return out;
  }
  return value;
}

/**
 * @template T
 * @typedef {({ ok: true } & T) | { ok: false, reason: string, check?: string }} Answer  a fallible call's answer (check: a device check's message, §1.15)
 */

/**
 * @typedef {object} RequestPlan  src/request.h RequestPlan (wasm-glue/bind_network.cpp)
 * @property {string} url
 * @property {string} method
 * @property {Record<string, string>} header
 * @property {{ kind: 'none' | 'text' | 'binary', text?: string }} body
 * @property {number} timeout   ms
 * @property {'json' | 'text' | 'arraybuffer'} decode
 * @property {string} [filePath]  downloadPlan only
 * @property {string} [check]  a failure's "request-url" device check message (§1.15, §5.3)
 */

/**
 * @typedef {object} FileInfo  src/files.h FileInfo (wasm-glue/bind_files.cpp)
 * @property {string} path       what the page sees
 * @property {string} url        blob: URL ('' for a saved file with none attached yet)
 * @property {string} mime       the real type
 * @property {string} name       original name
 * @property {number} size       bytes
 * @property {boolean} persisted saved under a filePath
 * @property {string} [diskPath] saved files: where the bytes are in the storage mount
 */

/**
 * @typedef {object} FileRegistry  the core's file registry of one storage mount (bind_files.cpp)
 * @property {() => string[]} load  warnings: one per saved file skipped
 * @property {(url: string, size: number, name: string, mime: string, head: Uint8Array) => Answer<FileInfo>} addTemp
 * @property {(filePath: string, name: string, mime: string, bytes: Uint8Array) => Answer<FileInfo>} save
 * @property {(path: string, url: string) => Answer<{}>} setUrl
 * @property {(path: string) => Answer<FileInfo>} stat
 * @property {(path: string) => Answer<{ bytes: Uint8Array }>} read
 * @property {(path: string, head: Uint8Array) => Answer<{ mime: string }>} localImgType
 * @property {(filePath: string, fileType: string) => Answer<{ filePath: string, fileType: string, mime: string, url: string }>} openDocument
 * @property {() => void} delete
 */

/**
 * @typedef {object} LocationFields  getLocation's success fields (src/geo.h LocationResult)
 * @property {number} latitude
 * @property {number} longitude
 * @property {number} speed
 * @property {number} accuracy
 * @property {number} horizontalAccuracy
 * @property {number} verticalAccuracy
 * @property {number} [altitude]
 */

/**
 * The device side of the Emscripten module (wasm-glue/bind_network.cpp, bind_files.cpp,
 * bind_location.cpp). `*Json` arguments are toCoreJson text.
 * @typedef {object} DeviceModule
 * @property {(optionsJson: string) => Answer<RequestPlan>} requestPlan
 * @property {(optionsJson: string) => Answer<RequestPlan>} downloadPlan
 * @property {(status: number, headerLines: string, decode: string, bodyIsJson: boolean) => { statusCode: number, header: Record<string, string>, data: 'json' | 'text' | 'arraybuffer' }} requestDecode
 * @property {(kind: string) => string} requestFailReason
 * @property {(url: string) => string} fileNameFromUrl
 * @property {(optionsJson: string) => Answer<{ count: number, compressed: boolean, accept: string, multiple: boolean, capture: boolean, check?: string }>} chooseImagePlan
 * @property {(problems: string) => string} paramErrorText
 * @property {(head: Uint8Array, name: string, declared: string) => string} sniffMime
 * @property {new (dir: string) => FileRegistry} FileRegistry
 * @property {(optionsJson: string) => Answer<{ type: 'wgs84' | 'gcj02', timeout: number }>} getLocationPlan
 * @property {(fixJson: string) => Answer<LocationFields>} locationResult
 * @property {(optionsJson: string) => Answer<{ latitude?: number, longitude?: number }>} chooseLocationCheck
 */

/**
 * An answer with the marks undone: the fields of a success, or a failure with its reason.
 * @template T
 * @param {Answer<T>} answer
 * @returns {(T & { ok: true }) | { ok: false, reason: string, check?: string }}
 */
export const answer = (answer) => /** @type {any} */ (revive(answer));

/**
 * Calls a core function that takes the page's options as JSON text (marked), and revives its
 * answer; a value JSON.stringify refuses fails with notSerialisable(what).
 * @template T
 * @param {(json: string) => Answer<T>} call @param {unknown} options @param {string} [what]
 * @returns {(T & { ok: true }) | { ok: false, reason: string, check?: string }}
 */
export function callWithOptions(call, options, what = 'options') {
  let text;
  try {
    text = toCoreJson(options);
  } catch (error) {
    return { ok: false, reason: notSerialisable(what, error) };
  }
  return answer(call(text === undefined ? 'null' : text));
}

/**
 * The outcome of an answer: ok() with its fields (without `ok`), or fail() with its reason.
 * @param {{ ok: boolean, reason?: string }} a
 * @returns {import('./pipeline.js').Outcome}
 */
export function outcome(a) {
  if (!a.ok) return fail(/** @type {string} */ (a.reason));
  const { ok: _, ...fields } = /** @type {Record<string, unknown>} */ (a);
  return ok(fields);
}

// ---- Host and storage side: Module.Host / Module.Storage answers --------------------------------
// Every fallible Module.Host call answers JSON text in one convention (wasm-glue/wire_host.h):
// {"ok":false,"reason":"..."} or {"ok":true, events?, ...fields}. Module.Storage's hot calls
// answer a plain string on success (a stored form, an op id) and the same failure answer. The
// registries answer plain booleans/counts (they never fail). Strings the page gave cross with the
// lone-surrogate marks above; readHostAnswer revives every host answer once.

/**
 * A Module.Host answer, read once.
 * @typedef {{ ok: true, events?: any[], [field: string]: any } | { ok: false, reason: string, events?: undefined }} HostAnswer
 */

/**
 * Reads what a Module.Host method returned: JSON answers are parsed once, plain values (the
 * registries' booleans and counts) pass as they are.
 * @param {unknown} returned @returns {any}
 */
export function readHostAnswer(returned) {
  if (typeof returned !== 'string') return returned;
  const answer = JSON.parse(returned);
  // Strings the page gave (urls, titles, names, posted data) come back with their marks: revived
  // here, once, for every host answer (state, stack and events included).
  return returned.includes(MARK) ? revive(answer) : answer;
}

/**
 * The pipeline's outcome of a host answer: fail(reason), or ok(data).
 * @param {HostAnswer} answer @param {Record<string, unknown>} [data]
 * @returns {import('./pipeline.js').Outcome}
 */
export function hostOutcome(answer, data) {
  return answer.ok ? ok(data) : fail(String(answer.reason));
}

/**
 * A Module.Storage answer (wasm-glue/bind_storage.cpp): the success text, or the failure's reason.
 * @param {string} answer @returns {{ ok: true, text: string } | { ok: false, reason: string }}
 */
export function readStorageAnswer(answer) {
  return isFailure(answer) ? { ok: false, reason: storageFailure(answer) } : { ok: true, text: answer };
}

/**
 * The reason of a Module.Storage failure answer: get's, or failure()'s after a write returned 0.
 * @param {string} answer @returns {string}
 */
export function storageFailure(answer) {
  return String(JSON.parse(answer).reason);
}
