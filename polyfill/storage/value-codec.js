// How a page's value crosses into the C++ storage core (behaviour.md §2.1): the host stores
// {data, _type} as JSON, so the value goes over as its tag (`_type`: its typeof, "date" for a
// Date) and its JSON text (V8's JSON is 3-12x faster than JSON in wasm). Where what reads back
// differs from what the page stored, the device check 'storage-value' (§1.15) says how (jsonOf,
// the one JSON walk, shared with what crosses to the host: §1.14).

import { notSerialisable } from '../core-wire.js';
import { jsonOf } from '../host-copy.js';

/**
 * @param {unknown} value
 * @returns {{ type: string, payload: string, check: string } | { reason: string }}  check: the
 *   device check's message, '' when the value reads back as stored (the usual case)
 */
export function encodeValue(value) {
  /** @type {string} */
  let type = typeof value;
  let json;
  try {
    // Inside the try: `instanceof` throws on a revoked Proxy.
    if (value instanceof Date) type = 'date';
    json = jsonOf(value, 'data', true);
  } catch (error) {
    // A cycle, a BigInt, a throwing toJSON or getter: the write fails, nothing is stored.
    return { reason: notSerialisable('data', error) };
  }
  return { type, payload: json.text === undefined ? '' : json.text, check: json.change && `data reads back as JSON: ${json.change}; store JSON values only` };
}

/**
 * The page's value from the core's answer to get: its tag and JSON text ('' reads back as undefined).
 * @param {string} type @param {string} payload
 * @returns {{ value: unknown } | { reason: string }}
 */
export function decodeStored(type, payload) {
  if (payload === '') return { value: undefined };
  try {
    const value = JSON.parse(payload);
    return { value: type === 'date' ? new Date(value) : value };
  } catch {
    return { reason: 'data damaged' };
  }
}

// Embind's UTF-8 encoder corrupts lone surrogates (docs/emscripten-notes.md), so a key that is
// not well-formed UTF-16 crosses as a marked JSON string literal (JSON.stringify escapes lone
// surrogates as \udXXX). Keys that already start with the marker are escaped the same way, so
// the mapping stays one-to-one.
const MARK = '\uFFFF';

/** @param {string} s */
function wellFormed(s) {
  const anyS = /** @type {any} */ (s);
  if (typeof anyS.isWellFormed === 'function') return anyS.isWellFormed();
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** @param {string} key */
export function keyToCore(key) {
  return key.charCodeAt(0) !== 0xffff && wellFormed(key) ? key : MARK + JSON.stringify(key);
}

/** @param {string} coreKey */
export function keyFromCore(coreKey) {
  return coreKey.charCodeAt(0) === 0xffff ? JSON.parse(coreKey.slice(1)) : coreKey;
}
