// Outcomes: what an implementation returns (pipeline.js `Outcome`), and the result object the page
// gets from one (behaviour.md §1.3).

/** @typedef {import('../pipeline.js').Outcome} Outcome */

/** @type {Outcome} */
export const OK = { ok: true };

/** @param {string} reason @returns {Outcome} */
export const fail = (reason) => ({ ok: false, reason });
/** @param {Record<string, unknown>} [data] @returns {Outcome} */
export const ok = (data) => (data ? { ok: true, data } : OK);
/**
 * A success whose `data` object was made for this call alone: it becomes the result object
 * (errMsg added) without a copy. Hot paths only (getStorage).
 * @param {Record<string, unknown>} data @returns {Outcome}
 */
export const okOwned = (data) => ({ ok: true, data, owned: true });

/**
 * Builds the errMsg and the result object of an outcome.
 * @param {string} prefix @param {Outcome} outcome
 * @param {string} [okMsg]  `${prefix}:ok`, when the caller has it at hand
 * @returns {Record<string, unknown>}
 */
export function resultOf(prefix, outcome, okMsg) {
  const errMsg = outcome.ok ? okMsg || `${prefix}:ok` : `${prefix}:fail ${outcome.reason}`;
  if (!outcome.data) return { errMsg };
  if (outcome.owned) {
    outcome.data.errMsg = errMsg;
    return outcome.data;
  }
  return { ...outcome.data, errMsg };
}
