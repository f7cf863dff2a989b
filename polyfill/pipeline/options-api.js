// The options style (api-table.js `style: 'options'`): fn({...params, success, fail, complete}),
// a Promise when no callback is given, a task with abort() for `task: true` (behaviour.md §1).

import { optionsChecker, typeName } from '../validate.js';
import { fail, resultOf } from './outcome.js';
import { deferred } from './call-promise.js';
import { REASON } from '../core-wire.js';
import { isFn, deliverLater, settler, mayRunNow, runNow, settleWhen, run, TO_CALLBACKS, TO_DEFERRED, TO_NOBODY } from './settle.js';

/**
 * @typedef {import('../pipeline.js').Outcome} Outcome
 * @typedef {import('../pipeline.js').Impl} Impl
 * @typedef {import('../pipeline.js').CallContext} CallContext
 * @typedef {import('../pipeline.js').PipelineRuntime} PipelineRuntime
 * @typedef {import('../validate.js').Problem} Problem
 */

/**
 * The checked arguments, the problems of a parameter error (validate.js; the core writes their
 * text), or the reason a hostile object fails (a throwing getter, a revoked Proxy: it still gets
 * its one failure).
 * @param {(options: Record<string, unknown>) => Record<string, unknown> | Problem[]} check
 * @param {any} given @param {boolean} isObject @param {unknown} hostile  what reading the options threw
 * @returns {Record<string, unknown> | Problem[] | string}
 */
function checkOptions(check, given, isObject, hostile) {
  try {
    if (hostile) return `parameter error: ${/** @type {Error} */ (hostile).message}`;
    if (!isObject) return [`\tObject\t${typeName(given)}`];
    return check(given);
  } catch (error) {
    return `parameter error: ${error && /** @type {Error} */ (error).message}`;
  }
}

/** What a parameter error runs as: it needs the core, whatever the interface needs (§1.5). */
export const PARAM_ERROR_DEF = /** @type {import('../api-table.js').ApiDef} */ (/** @type {unknown} */ ({ name: '' }));

/**
 * @param {import('../api-table.js').ApiDef} def @param {string} api @param {string} prefix
 * @param {PipelineRuntime} runtime
 */
export function optionsApi(def, api, prefix, runtime) {
  const check = optionsChecker(/** @type {Record<string, import('../api-table.js').ParamDef>} */ (def.params), (message) => runtime.deviceCheck('json-copy', api, message));
  const okMsg = `${prefix}:ok`;
  /** @type {CallContext} */
  const sharedCtx = Object.freeze({ api, def });
  return function ftApi(/** @type {any} */ options) {
    const time = Date.now();
    const given = options === undefined || options === null ? {} : options;
    let isObject = false;
    let withCallbacks = false;
    /** @type {unknown} */ let hostile = null;
    try {
      isObject = typeof given === 'object' && !Array.isArray(given);
      withCallbacks = isObject && (isFn(given.success) || isFn(given.fail) || isFn(given.complete));
    } catch (error) {
      // A revoked Proxy or a throwing `success` getter: no callbacks to trust, so the Promise
      // carries the failure.
      hostile = error || new Error('unreadable options');
    }
    const call = { api, args: [options], time };
    const checked = checkOptions(check, given, isObject, hostile);
    /** @type {Outcome | null} */
    let outcome = typeof checked === 'string' ? fail(checked) : null;
    // A parameter error is the core's text: it runs as the call's implementation, in call order.
    const bad = Array.isArray(checked);
    const impl = bad ? runtime.paramError() : runtime.impl(def.name);
    const runDef = bad ? PARAM_ERROR_DEF : def;
    if (!outcome && !impl) outcome = fail('not supported yet');
    const callCtx = bad ? { api, def: runDef } : sharedCtx;

    // The hot path (the core is up, no task): run now, and when the outcome is synchronous,
    // settle without a settler, a deferred or a closure of its own.
    if (!outcome && !def.task && mayRunNow(runtime, runDef)) {
      const out = runNow(/** @type {Impl} */ (impl), checked, callCtx);
      if (typeof out.then !== 'function') outcome = out;
      else {
        const pending = withCallbacks ? null : deferred();
        settleWhen(out, callCtx, settler(runtime, prefix, okMsg, call, pending ? TO_DEFERRED : TO_CALLBACKS, pending || given));
        return pending ? pending.promise : undefined;
      }
    }
    if (outcome) return settledNow(def, runtime, call, outcome, resultOf(prefix, outcome, okMsg), withCallbacks ? given : null);

    // Queued until the core is up, or a task (it carries an abort signal).
    const pending = withCallbacks ? null : deferred();
    const settle = settler(runtime, prefix, okMsg, call, pending ? TO_DEFERRED : TO_CALLBACKS, pending || given);
    let ctx = callCtx;
    let task;
    if (def.task) {
      const controller = new AbortController();
      ctx = { api, def: runDef, signal: controller.signal };
      // What ft.request / downloadFile keep of a call (NetRecord): on its log entry, out of JSON and toEqual's sight.
      Object.defineProperty(call, 'net', { value: ctx });
      task = {
        abort() {
          // Settle first (one fail, never a late success), then stop the transfer.
          if (settle(fail(REASON.abort))) controller.abort();
        },
      };
    }
    run(runtime, impl, checked, ctx, settle);
    if (pending) {
      if (task) Object.assign(pending.promise, task);
      return pending.promise;
    }
    return task;
  };
}

/**
 * What a call whose outcome is known when it returns gives back. With callbacks: nothing (a task
 * that cannot abort for a task). Without: a success returns a plain, already resolved Promise (the
 * hot path); a failure's Promise is rejected when the call is delivered (rejectCall), so that
 * nobody's failure is stray.
 * @param {import('../api-table.js').ApiDef} def @param {PipelineRuntime} runtime @param {any} call
 * @param {Outcome} outcome @param {Record<string, unknown>} result @param {any} callbacks  the options, when they have callbacks
 */
function settledNow(def, runtime, call, outcome, result, callbacks) {
  if (callbacks) {
    deliverLater(runtime, call, outcome, result, TO_CALLBACKS, callbacks);
    return def.task ? { abort() {} } : undefined;
  }
  /** @type {Promise<any>} */
  let settledPromise;
  if (outcome.ok) {
    deliverLater(runtime, call, outcome, result, TO_NOBODY, null);
    settledPromise = Promise.resolve(result);
  } else {
    const pending = deferred();
    deliverLater(runtime, call, outcome, result, TO_DEFERRED, pending);
    settledPromise = pending.promise;
  }
  return def.task ? Object.assign(settledPromise, { abort() {} }) : settledPromise;
}
