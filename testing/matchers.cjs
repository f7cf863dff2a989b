// Matchers of the testing kit (Jest, Vitest, Playwright Test): `expect(host).toHavePendingMessages([...])`
// asserts what the host would receive now at a share, back or destroy (behaviour.md §4.1: the
// postMessage buffer, ftHost.state().pendingData). `host` is an ftHost (Jest, Vitest) or a
// Playwright Page with ft-polyfill (then `await expect(page).toHavePendingMessages([...])`).
//   expect.extend(ftMatchers)   (ft-polyfill/vitest and ft-polyfill/playwright's expect have them)
'use strict';

/** What postMessage buffered so far, in order. @param {any} host an ftHost @returns {unknown[]} */
function pendingMessages(host) {
  const state = host && typeof host.state === 'function' ? host.state() : null;
  if (!state) throw new Error('ft-polyfill: pendingMessages(host) needs a ready ftHost (await ftHost.ready)');
  return state.pendingData;
}

/** @param {any} received */
const isPage = (received) => Boolean(received && typeof received.evaluate === 'function' && typeof received.state !== 'function');

/**
 * Deep equality of JSON values (what the host receives is a JSON copy, §1.14); object members in
 * any order. @param {unknown} a @param {unknown} b @returns {boolean}
 */
function jsonEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(/** @type {any} */ (a)[k], /** @type {any} */ (b)[k]));
}

/** @this {any} @param {unknown} actual @param {unknown[]} expected */
function verdict(actual, expected) {
  let pass;
  try {
    // Jest's and Vitest's equality (asymmetric matchers such as expect.any work); Playwright's
    // matchers have none (its `equals` throws), so they compare JSON values here.
    pass = this.equals(actual, expected);
  } catch {
    pass = jsonEqual(actual, expected);
  }
  const show = (/** @type {unknown} */ v) => (this.utils && this.utils.printExpected ? this.utils.printExpected(v) : JSON.stringify(v));
  return {
    pass,
    name: 'toHavePendingMessages',
    expected,
    actual,
    message: () => `expected the host's pending postMessage data (delivered at the next back, share or destroy)${pass ? ' not' : ''} to equal ${show(expected)}\nreceived: ${show(actual)}`,
  };
}

const ftMatchers = {
  /**
   * @this {any} @param {any} received  ftHost, or a Playwright Page
   * @param {unknown[]} expected  the `data` items, oldest first
   */
  toHavePendingMessages(received, expected) {
    if (isPage(received)) {
      return received.evaluate(() => {
        const state = /** @type {any} */ (globalThis).ftHost && /** @type {any} */ (globalThis).ftHost.state();
        return state ? state.pendingData : null;
      }).then((/** @type {unknown} */ actual) => verdict.call(this, actual, expected));
    }
    return verdict.call(this, pendingMessages(received), expected);
  },
};

module.exports = { ftMatchers, pendingMessages };
