// How a page's value crosses into the C++ storage core: a (type tag, payload) pair of strings
// that the core stores opaquely (src/storage.h). JSON.stringify does the serialising because
// the value is a JS value and V8's JSON is 3-12x faster than JSON in wasm; the core owns
// everything else (limits, accounting, the on-disk format).
//
// Type tags keep what JSON alone loses (behaviour.md §2.1): a top-level Date reads back as a
// Date, undefined as undefined (never the string "undefined").

import { notSerialisable } from '../core-wire.js';

/**
 * @param {unknown} value
 * @returns {{ type: string, payload: string } | { reason: string }}
 */
export function encodeValue(value) {
  switch (typeof value) {
    case 'undefined': return { type: 'undefined', payload: '' };
    case 'string': return { type: 'string', payload: JSON.stringify(value) };
    case 'number': return { type: 'number', payload: JSON.stringify(value) };
    case 'boolean': return { type: 'boolean', payload: value ? 'true' : 'false' };
    case 'function':
    case 'symbol':
    case 'bigint':
      return { reason: `parameter error: parameter.data should be a JSON-serialisable value instead of ${typeof value === 'function' ? 'Function' : typeof value === 'symbol' ? 'Symbol' : 'BigInt'};` };
    default: break;
  }
  if (value === null) return { type: 'null', payload: 'null' };
  let payload;
  try {
    // Inside the try: `instanceof` throws on a revoked Proxy.
    if (value instanceof Date) return { type: 'date', payload: String(value.getTime()) };
    payload = JSON.stringify(value);
  } catch (error) {
    // Cycles, BigInt inside, throwing toJSON, revoked Proxy: the write fails, nothing is stored.
    return { reason: notSerialisable('data', error) };
  }
  if (payload === undefined) return { type: 'undefined', payload: '' };
  return { type: Array.isArray(value) ? 'array' : 'object', payload };
}

/**
 * Inverse of encodeValue, from the core's "<type>\t<payload>" answer.
 * @param {string} stored
 * @returns {{ value: unknown } | { reason: string }}
 */
export function decodeStored(stored) {
  const tab = stored.indexOf('\t');
  const type = stored.slice(0, tab);
  const payload = stored.slice(tab + 1);
  switch (type) {
    case 'undefined': return { value: undefined };
    case 'date': return { value: new Date(payload === 'null' ? NaN : Number(payload)) };
    default:
      try {
        return { value: JSON.parse(payload) };
      } catch {
        return { reason: 'data damaged' };
      }
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
