// What the host receives from the page (behaviour.md §1.14): the bridge is JSON, so a JSON copy
// taken at call time. Where JSON changes the value, the device check 'json-copy' (§1.15) says how.

/**
 * Why a value JSON.stringify refuses (a cycle, a BigInt, a throwing toJSON) cannot cross, on one
 * line (V8 describes a cycle over several: "--> starting at object ...").
 * @param {string} what  e.g. 'options', 'parameter.extraData', 'message' @param {unknown} error
 */
export const unserialisable = (what, error) => `${what} is not serialisable (${String(error && /** @type {Error} */ (error).message).replace(/\s*\n\s*/g, ' ')})`;

const classOf = (/** @type {unknown} */ o) => Object.prototype.toString.call(o).slice(8, -1);

/**
 * JSON.stringify(value) and the first change JSON makes to it, on one line ('' when none): a
 * function or Symbol dropped (null in an array), undefined in an array as null, NaN and ±Infinity
 * as null, a Date as its ISO string, a Map, Set, RegExp, Error, buffer, typed array or boxed
 * primitive as {}, an index object or the primitive. An undefined member is not a change (it is
 * dropped and still reads as undefined). `tagged`: the value is stored with its type tag (§2.1), so
 * a valid Date or undefined as the value itself reads back as itself. Throws where JSON.stringify
 * throws (a cycle, a BigInt, a throwing toJSON or getter).
 * @param {unknown} value @param {string} what  the value's name, e.g. 'data', 'message'
 * @param {boolean} [tagged]
 * @returns {{ text: string | undefined, change: string }}
 */
export function jsonOf(value, what, tagged = false) {
  let change = '';
  let calls = 0;
  const text = JSON.stringify(value, function replacer(key, v) {
    const top = !calls++;
    if (change) return v;
    const o = this[key];
    const t = typeof o;
    const inArray = Array.isArray(this);
    const label = t === 'number' ? (isFinite(o) ? '' : String(o)) : (t === 'object' && o !== null) || t === 'function' || t === 'symbol' ? classOf(o) : t === 'undefined' && inArray ? 'undefined' : '';
    if (label && label !== 'Object' && label !== 'Array' && !(tagged && top && label === 'Date' && v !== null)) {
      const where = top ? what : inArray ? `item ${key}` : `member ${JSON.stringify(key)}`;
      // A tagged Date reads back as new Date(its JSON): an invalid one's null, new Date(0).
      const becomes = tagged && top && label === 'Date' ? 'new Date(0) (1970-01-01T00:00:00.000Z)' : v === undefined ? (inArray ? 'null' : 'nothing') : String(JSON.stringify(v)).slice(0, 40);
      change = `${label} at ${where} becomes ${becomes}`;
    }
    return v;
  });
  return { text, change };
}

/**
 * The JSON copy of `value` (JSON.parse(JSON.stringify(value))); `report` gets the device check of
 * the first change JSON makes (jsonOf). Throws an Error with unserialisable(what) where
 * JSON.stringify throws or gives nothing (undefined, a function, a toJSON answering undefined).
 * @param {unknown} value @param {string} what  e.g. 'message', 'parameter.extraData'
 * @param {(message: string) => void} report
 * @returns {any}
 */
export function hostCopy(value, what, report) {
  try {
    const { text, change } = jsonOf(value, what);
    if (text === undefined) throw new TypeError('JSON.stringify gives nothing');
    if (change) report(`${what} reaches the host as JSON: ${change}; send JSON values only`);
    return JSON.parse(text);
  } catch (error) {
    // eslint-disable-next-line preserve-caught-error -- the message says it all, on one line
    throw new Error(unserialisable(what, error));
  }
}
