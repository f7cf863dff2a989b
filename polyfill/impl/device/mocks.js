// Host mocks of the device interfaces (docs/reference/ft.md, Network, files, images and location): `ftHost.mock(api, answer)` makes the host
// answer an interface without the browser (no fetch, no picker, no geolocation), for automated
// tests. The pipeline's argument checks still run first, and the errMsg is built as usual.
//
// answer: a result object (the success fields), `{fail: 'reason'}`, or a function of the checked
// options returning either (or a Promise of either). What each interface does with a success
// answer is documented with the interface (network.js, files.js, media.js, location.js).

import { ok, fail } from '../../pipeline.js';
import { API_TABLE } from '../../api-table.js';
import { loadUi } from '../../load-ui.js';

/** The interfaces that can be mocked (api-table.js `mockable`). */
export const MOCKABLE = API_TABLE.filter((def) => def.mockable).map((def) => def.name);

/**
 * @typedef {Record<string, unknown> | ((options: Record<string, unknown>) => unknown)} MockAnswer
 */

/**
 * The mocks of one instance: api → answer, and what ftHostConfig.mocks put in place (mocks/rules.js):
 * `send`, ft.request's sender over its rules, `config`, the mocks configuration in use.
 * @typedef {Map<string, MockAnswer> & { send?: (plan: any, body: any, signal: AbortSignal | undefined, send: Function) => Promise<any>, config?: unknown }} Mocks
 */

/**
 * The host's mocks of one instance (api → answer; the host panel lists its keys), cleared on
 * ftHost.configure / reset. Built once by services.js.
 * @param {import('../../runtime.js').Runtime} runtime
 * @returns {Mocks}
 */
export function createMocks(runtime) {
  /** @type {Mocks} */
  const mocks = new Map();
  runtime.onReset(() => {
    for (const name of [...mocks.keys()]) {
      mocks.delete(name);
      runtime.emit('mock', { api: name, mocked: false });
    }
  });
  return mocks;
}

/**
 * The host controls `mock(api, answer)` / `unmock(api?)` / `mocked()` over the instance's mocks.
 * @param {import('../../runtime.js').Runtime} runtime @param {Map<string, MockAnswer>} mocks
 */
export function mockControls(runtime, mocks) {
  return {
    /**
     * Makes the host answer `api` with `answer` until unmock(api). Returns false (and warns) for an
     * interface that cannot be mocked or an answer that is neither an object nor a function.
     * @param {string} api @param {MockAnswer} answer @returns {boolean}
     */
    mock(api, answer) {
      const name = typeof api === 'string' ? api.replace(/^ft\./, '') : '';
      const valid = answer !== null && (typeof answer === 'object' || typeof answer === 'function');
      if (!MOCKABLE.includes(name) || !valid) {
        console.warn(`ftHost.mock: ${!MOCKABLE.includes(name) ? `"${String(api)}" cannot be mocked (one of ${MOCKABLE.join(', ')})` : 'answer should be an object or a function'}`);
        return false;
      }
      mocks.set(name, answer);
      runtime.emit('mock', { api: name, mocked: true });
      return true;
    },
    /**
     * Removes the mock of `api` (every mock without an argument).
     * @param {string} [api]
     */
    unmock(api) {
      const names = api === undefined ? [...mocks.keys()] : [String(api).replace(/^ft\./, '')];
      for (const name of names) if (mocks.delete(name)) runtime.emit('mock', { api: name, mocked: false });
    },
    /** The names of the mocked interfaces. @returns {string[]} */
    mocked: () => [...mocks.keys()],
  };
}

/**
 * The mocked answer of `api` for these options, resolved (mocks/rules.js resolveMock, loaded with
 * the host's UI on first use): undefined when `api` is not mocked; otherwise `{fail: reason}` or
 * `{data}` (the success object, a copy without errMsg).
 * @param {Mocks} mocks @param {string} api @param {Record<string, unknown>} options
 * @returns {Promise<{ fail: string } | { data: Record<string, any> }> | undefined}
 */
export function mockAnswer(mocks, api, options) {
  const answer = mocks.get(api);
  return answer && loadUi().then((ui) => ui.resolveMock(answer, options));
}

/**
 * The default use of a mock: the answer is the success object itself.
 * @param {{ fail: string } | { data: Record<string, any> }} resolved
 */
export function outcomeOf(resolved) {
  return 'fail' in resolved ? fail(resolved.fail) : ok(resolved.data);
}
