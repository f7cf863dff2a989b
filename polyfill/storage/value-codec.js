// How a page's value crosses into the C++ storage core (behaviour.md §2.1): the host stores
// {data, _type} as JSON, so the value goes over as its tag (`_type`: its typeof, "date" for a
// Date), its JSON text (V8's JSON is 3-12x faster than JSON in wasm) and the facts the core needs
// to decide whether what reads back differs (a device check): the values JSON.stringify met that
// JSON does not carry as themselves (src/storage_value.h).

import { notSerialisable } from '../core-wire.js';

const classOf = (/** @type {unknown} */ o) => Object.prototype.toString.call(o).slice(8, -1);

/**
 * @param {unknown} value
 * @returns {{ type: string, payload: string, facts: string } | { reason: string }}  facts: '' when none (the usual case)
 */
export function encodeValue(value) {
  let facts = '';
  let calls = 0;
  /** @type {string} */
  let type = typeof value;
  let payload;
  /** @this {any} @param {string} key @param {unknown} v */
  function note(key, v) {
    const top = !calls++;
    let o = v;
    // A Date has become its toJSON text (null when invalid): the holder still has the Date.
    if (v === null || typeof v === 'string') {
      o = this[key];
      if (!(o instanceof Date)) return v;
    }
    const t = typeof o;
    const what = t === 'number' ? (isFinite(/** @type {number} */ (o)) ? '' : String(o)) : t === 'object' || t === 'function' ? classOf(o) : t === 'boolean' ? '' : t;
    // Where: '' the value itself, an array index, or the member's key as a JSON string.
    if (what && what !== 'Object' && what !== 'Array' && facts.length < 4096) facts += `${what}\t${top ? '' : Array.isArray(this) ? key : JSON.stringify(key)}\n`;
    return v;
  }
  try {
    // Inside the try: `instanceof` throws on a revoked Proxy.
    if (value instanceof Date) type = 'date';
    payload = JSON.stringify(value, note);
  } catch (error) {
    // A cycle, a BigInt, a throwing toJSON or getter: the write fails, nothing is stored.
    return { reason: notSerialisable('data', error) };
  }
  return { type, payload: payload === undefined ? '' : payload, facts };
}

/**
 * The page's value from the core's "<type>\t<payload>" answer ('' reads back as undefined).
 * @param {string} stored
 * @returns {{ value: unknown } | { reason: string }}
 */
export function decodeStored(stored) {
  const tab = stored.indexOf('\t');
  const payload = stored.slice(tab + 1);
  if (payload === '') return { value: undefined };
  try {
    const value = JSON.parse(payload);
    return { value: stored.startsWith('date\t') ? new Date(value) : value };
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
