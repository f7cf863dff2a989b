// Page data that crosses into the C++ core as JSON text and comes back (postMessage's buffer).
// JSON.stringify writes a lone surrogate as the escape \udXXX, which is valid JSON text but not
// valid Unicode, so the core's JSON parser (nlohmann) rejects it. Lone surrogates therefore cross
// as U+FFFF followed by their four hex digits, and a real U+FFFF as U+FFFF "ffff": the mapping is
// one-to-one, and `revive` restores the exact strings (behaviour: nothing is lost, issue 6).

const MARK = '\uffff';

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

/** @param {string} s */
const restore = (s) => (s.includes(MARK) ? s.replace(/\uffff([0-9a-f]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))) : s);

/**
 * Undoes toCoreJson's marks in a value parsed from the core's JSON (strings and object keys).
 * @param {unknown} value
 * @returns {unknown}
 */
export function revive(value) {
  if (typeof value === 'string') return restore(value);
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [k, v] of Object.entries(value)) out[restore(k)] = revive(v);
    return out;
  }
  return value;
}
