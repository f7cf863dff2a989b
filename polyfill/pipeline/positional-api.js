// The positional style (api-table.js `style: 'positional'`): fn(a, b, ...) with `params` in order;
// a parameter with `callback: true` receives the result, and a Promise is returned when it is
// missing and `promise` is set (behaviour.md §1).

import { checkParam } from '../validate.js';
import { PARAM_ERROR_DEF } from './options-api.js';
import { hostCopy } from '../host-copy.js';
import { fail } from './outcome.js';
import { deferred, rejectCall, warnFailure } from './call-promise.js';
import { isFn, invoke, settler, run, TO_FUNCTION } from './settle.js';

/**
 * @typedef {import('../pipeline.js').Outcome} Outcome
 * @typedef {import('../pipeline.js').PipelineRuntime} PipelineRuntime
 */

/**
 * @param {import('../api-table.js').ApiDef} def @param {string} api @param {string} prefix
 * @param {PipelineRuntime} runtime
 */
export function positionalApi(def, api, prefix, runtime) {
  const params = /** @type {Array<import('../api-table.js').ParamDef & {name: string, callback?: boolean}>} */ (def.params);
  const callbackIndex = params.findIndex((p) => p.callback);
  const okMsg = `${prefix}:ok`;
  let warned = false;
  const report = (/** @type {string} */ message) => runtime.deviceCheck('json-copy', api, message);
  return function ftApi(/** @type {any[]} */ ...given) {
    const time = Date.now();
    const callback = callbackIndex >= 0 && isFn(given[callbackIndex]) ? given[callbackIndex] : undefined;
    // getEnv's single parameter is its result callback too.
    const resultCallback = callback || (def.promise && isFn(given[0]) ? given[0] : undefined);
    const pending = def.promise && !resultCallback ? deferred() : null;
    const settle = settler(runtime, prefix, okMsg, { api, args: given, time }, TO_FUNCTION, (/** @type {Outcome} */ outcome, /** @type {Record<string, unknown>} */ result) => {
      if (resultCallback) invoke(resultCallback, result);
      else if (pending) {
        if (outcome.ok) pending.resolve(result);
        else rejectCall(pending, api, result);
      } else if (!outcome.ok && !warned) {
        // Nobody to tell but the developer: once per interface, in the console.
        warned = true;
        warnFailure(api, result.errMsg);
      }
    });

    try {
      /** @type {Record<string, unknown>} */
      const args = {};
      /** @type {import('../validate.js').Problem[]} */
      const problems = [];
      params.forEach((p, i) => {
        // The callback position is checked only when it holds something that is not a function.
        const skip = i === callbackIndex && (callback || given[i] === undefined);
        const problem = skip ? null : checkParam(p.name, given[i], p);
        if (problem) problems.push(problem);
        // What crosses to the host is its JSON copy, taken now (§1.14).
        if (i !== callbackIndex) args[p.name] = given[i] === undefined ? p.default : p.json && !problem ? hostCopy(given[i], p.name, report) : given[i];
      });
      // A parameter error is the core's text (§1.5), run in call order like the call itself.
      if (problems.length) run(runtime, runtime.paramError(), problems, { api, def: PARAM_ERROR_DEF }, settle);
      else run(runtime, runtime.impl(def.name), args, { api, def }, settle);
    } catch (error) {
      settle(fail(`parameter error: ${error && /** @type {Error} */ (error).message}`));
    }
    return pending ? pending.promise : undefined;
  };
}
