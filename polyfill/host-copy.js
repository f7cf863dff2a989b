// What the host receives from the page (behaviour.md §1.14): the bridge is JSON, so a JSON copy
// taken at call time. Where JSON changes the value, the device check 'json-copy' (§1.15) says how.

/**
 * Why a value JSON.stringify refuses (a cycle, a BigInt, a throwing toJSON) cannot cross, on one
 * line (V8 describes a cycle over several: "--> starting at object ...").
 * @param {string} what  e.g. 'options', 'parameter.extraData', 'message' @param {unknown} error
 */
export const unserialisable = (what, error) => `${what} is not serialisable (${String(error && /** @type {Error} */ (error).message).replace(/\s*\n\s*/g, ' ')})`;

/**
 * The JSON copy of `value` (JSON.parse(JSON.stringify(value))); `report` gets the device check of
 * the first change JSON makes: a function, Symbol or undefined dropped (null in an array), NaN and
 * ±Infinity as null, a Date as its ISO string, a Map, Set, RegExp, Error, buffer or typed array as
 * {} or an index object. Throws an Error with unserialisable(what) where JSON.stringify throws
 * (or gives nothing: a toJSON answering undefined).
 * @param {unknown} value @param {string} what  e.g. 'message', 'parameter.extraData'
 * @param {(message: string) => void} report
 * @returns {any}
 */
export function hostCopy(value, what, report) {
  let change = '';
  try {
    const text = JSON.stringify(value, function replacer(key, v) {
      const tag = Object.prototype.toString.call(this[key]).slice(8, -1);
      // typeof: function, symbol, undefined (never string).
      const dropped = /^([fu]|sy)/.test(typeof v);
      if (!change && (dropped || (typeof v === 'number' && !isFinite(v)) || /^(Date|Map|Set|Weak\w+|RegExp|Error|\w*Buffer|\w+Array|DataView)$/.test(tag))) {
        change = `${JSON.stringify(key)} (${tag}) arrives as ${dropped ? (Array.isArray(this) ? 'null' : 'nothing') : String(JSON.stringify(v)).slice(0, 40)}`;
      }
      return v;
    });
    if (change) report(`${what} reaches the host as JSON: ${change}; send JSON values only`);
    return JSON.parse(text);
  } catch (error) {
    // eslint-disable-next-line preserve-caught-error -- the message says it all, on one line
    throw new Error(unserialisable(what, error));
  }
}
