// The JS side of the one wire to the C++ core: the only JS that touches the Emscripten module and
// its class handles (scripts/import-graph.mjs checks it in lint). This file holds the rules every
// crossing follows; polyfill/core-wire/ holds the calls, by concern: device.js (network, media,
// location, files: the module's functions and the FileRegistry), host.js (Module.Host) and
// storage.js (Module.Storage, and the store handles wasm-glue/persistence.js is given).
//
// Answers: every core call answers one JS value, built once by the glue (wasm-glue/wire.h; the
// host's through wire_host.h): a call that can fail answers {ok: true, ...fields} or
// {ok: false, reason} (a refused storage write too, in the same crossing), a call that can not
// fail answers its value. Nothing here parses an answer; `read` is the one reader of the answers
// whose strings crossed marked (below), `toOutcome` the one step from an answer to the pipeline's
// outcome (pipeline/outcome.js). The page's options go in as JSON text, which the core parses
// with a depth limit (src/js_value.h).
//
// Lone surrogates: JSON.stringify writes one as the escape \udXXX, valid JSON text but not valid
// Unicode, so the core's JSON parser (nlohmann) would reject it, and Embind 3.1.6 corrupts one in
// a string argument. So every string that crosses into the core marks them: a lone surrogate as
// U+FFFF followed by its four hex digits, a real U+FFFF as U+FFFF "ffff" (one-to-one), and every
// answer is revived (the marks undone) by `read` on the way back: nothing is lost (issue 6). (Text
// the core rewrites keeps the mark rewritten: a lone surrogate in a GET query is percent-encoded
// as the mark, where JS's encodeURIComponent would throw.) Storage keys and values cross in their
// own form instead (polyfill/storage/value-codec.js), so storage answers are used as they are.
// A key "__proto__" in the page's data crosses back marked too (wasm-glue/wire.cpp `value`), so
// that `read` makes it an own member, as JSON.parse does, not the object's prototype.

import { ok, fail } from './pipeline/outcome.js';
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
 * @param {any} Module  the Emscripten module @param {import('./validate.js').Problem[]} problems
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
    for (const [k, v] of Object.entries(value)) {
      const key = restore(k);
      // An own "__proto__" (JSON.parse makes one) stays a member, not the copy's prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: revive(v), enumerable: true, writable: true, configurable: true });
      else out[key] = revive(v);
    }
    return out;
  }
  return value;
}

/**
 * @template T
 * @typedef {({ ok: true } & T) | { ok: false, reason: string, check?: string }} Answer  a fallible call's answer (check: a device check's message, §1.15)
 */

/**
 * The one reader of an answer whose strings crossed marked: the same answer with the marks undone.
 * @template T
 * @param {T} answer
 * @returns {T}
 */
export const read = (answer) => /** @type {T} */ (revive(answer));

/**
 * Calls a core function that takes the page's options as JSON text (marked), and reads its
 * answer; a value JSON.stringify refuses fails with notSerialisable(what).
 * @template T
 * @param {(json: string) => Answer<T>} call @param {unknown} options @param {string} [what]
 * @returns {Answer<T>}
 */
export function callWithOptions(call, options, what = 'options') {
  let text;
  try {
    text = toCoreJson(options);
  } catch (error) {
    return { ok: false, reason: notSerialisable(what, error) };
  }
  return read(call(text === undefined ? 'null' : text));
}

/**
 * The pipeline's outcome of an answer: fail(reason), or ok() with the answer's fields (without
 * `ok`), or with `data` instead when it is given (null: no data; a host answer's fields are events).
 * @param {{ ok: boolean, reason?: string }} answer @param {Record<string, unknown> | null} [data]
 * @returns {import('./pipeline.js').Outcome}
 */
export function toOutcome(answer, data) {
  if (!answer.ok) return fail(String(answer.reason));
  if (data !== undefined) return ok(data || undefined);
  const { ok: _, ...fields } = /** @type {Record<string, unknown>} */ (answer);
  return ok(fields);
}
