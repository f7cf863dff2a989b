// How a call runs and settles, for both calling styles: the implementation runs at once or queued
// until the core is up; its outcome settles the call at most once; then, at least one microtask
// later (callbacks never run inside the call, behaviour.md §1.1), the call is logged and handed to
// the page.

import { OK, fail, resultOf } from './outcome.js';
import { rejectCall } from './call-promise.js';

/**
 * @typedef {import('../pipeline.js').Outcome} Outcome
 * @typedef {import('../pipeline.js').Impl} Impl
 * @typedef {import('../pipeline.js').CallContext} CallContext
 * @typedef {import('../pipeline.js').PipelineRuntime} PipelineRuntime
 */

/** @param {unknown} v @returns {v is Function} */
export const isFn = (v) => typeof v === 'function';

/** @param {unknown} error */
function reportError(error) {
  const report = /** @type {any} */ (globalThis).reportError;
  if (typeof report === 'function') report(error);
  else console.error(error);
}

/**
 * Runs a user callback without letting its exception escape into the pipeline (the other
 * callbacks still run); the error is reported as an uncaught page error would be.
 * @param {unknown} fn @param {unknown} arg @param {unknown} [arg2]
 */
export function invoke(fn, arg, arg2) {
  if (!isFn(fn)) return undefined;
  try {
    return fn(arg, arg2);
  } catch (error) {
    reportError(error);
    return undefined;
  }
}

/**
 * How a settled call reaches the page: the options object's callbacks, a deferred Promise, a
 * function, or nobody (the Promise was returned already resolved).
 */
export const TO_CALLBACKS = 0;
export const TO_DEFERRED = 1;
export const TO_FUNCTION = 2;
export const TO_NOBODY = 3;

/**
 * Settled calls waiting for delivery, 6 slots each (runtime, call, outcome, result, how, target):
 * one microtask delivers every call settled before it runs, instead of one microtask (and its
 * closures) per call.
 * @type {any[]}
 */
const settledCalls = [];
let deliveryScheduled = false;

/**
 * @param {PipelineRuntime} runtime @param {any} call @param {Outcome} outcome
 * @param {Record<string, unknown>} result @param {number} how @param {any} target
 */
export function deliverLater(runtime, call, outcome, result, how, target) {
  settledCalls.push(runtime, call, outcome, result, how, target);
  if (!deliveryScheduled) {
    deliveryScheduled = true;
    // A promise job, not queueMicrotask: Jest's fake timers replace queueMicrotask.
    Promise.resolve().then(deliverSettled);
  }
}

/** Logs each settled call, then hands its result to the page (§1.1: never inside the call). */
function deliverSettled() {
  // Calls settled by the callbacks run here join this same loop.
  for (let i = 0; i < settledCalls.length; i += 6) {
    const runtime = settledCalls[i];
    const call = settledCalls[i + 1];
    const outcome = settledCalls[i + 2];
    const result = settledCalls[i + 3];
    const how = settledCalls[i + 4];
    const target = settledCalls[i + 5];
    // Nothing a page does (a 'call' listener, an options getter that throws on its second read)
    // may stop the calls after this one from being delivered.
    try {
      // The call object becomes its log entry (one allocation less on every call).
      call.result = result;
      call.duration = Date.now() - call.time;
      runtime.record(call);
    } catch (error) {
      reportError(error);
    }
    try {
      if (how === TO_CALLBACKS) {
        invoke(outcome.ok ? target.success : target.fail, result);
        invoke(target.complete, result);
      } else if (how === TO_DEFERRED) {
        if (outcome.ok) target.resolve(result);
        else rejectCall(target, call.api, result);
      } else if (how === TO_FUNCTION) {
        invoke(target, outcome, result);
      }
    } catch (error) {
      reportError(error);
    }
  }
  settledCalls.length = 0;
  deliveryScheduled = false;
}

/**
 * The one way a call settles: at most once; the result object is built from the outcome, and
 * the call delivered later (deliverLater).
 * @param {PipelineRuntime} runtime @param {string} prefix  errMsg prefix @param {string} okMsg
 * @param {{ api: string, args: unknown[], time: number, result?: Record<string, unknown>, duration?: number }} call
 * @param {number} how  TO_CALLBACKS, TO_DEFERRED, TO_FUNCTION @param {any} target
 */
export function settler(runtime, prefix, okMsg, call, how, target) {
  let settled = false;
  /** @param {Outcome} outcome @returns {boolean} whether this call settled it (false: it already was) */
  return (outcome) => {
    if (settled) return false;
    settled = true;
    deliverLater(runtime, call, outcome, resultOf(prefix, outcome, okMsg), how, target);
    return true;
  };
}

/** @param {CallContext} ctx @param {unknown} error @returns {Outcome} */
function internalError(ctx, error) {
  // An error already told to the developer once (the core could not start) is not logged per call.
  if (!(error && /** @type {any} */ (error).reported)) console.error(`ft.${ctx.api}: internal error`, error);
  return fail(`internal error: ${error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : String(error)}`);
}

/**
 * Whether an interface may run now (lifecycle.js mayRun): the core is up, or it needs nothing
 * from the core and no earlier call waits (a page's first getEnv answers at once).
 * @param {PipelineRuntime} runtime @param {import('../api-table.js').ApiDef} def
 */
export const mayRunNow = (runtime, def) => runtime.mayRun(def.core !== false);

/**
 * Runs an implementation at once: its synchronous outcome (a throw becomes a failure), or the
 * Promise it returned (for settleWhen).
 * @param {Impl} impl @param {any} args @param {CallContext} ctx
 * @returns {any} an Outcome, or a thenable
 */
export function runNow(impl, args, ctx) {
  /** @type {any} */
  let out;
  try {
    out = impl(args, ctx);
  } catch (error) {
    return internalError(ctx, error);
  }
  return out || OK;
}

/**
 * Settles with what a Promise of an outcome gives; a rejection becomes a failure.
 * @param {PromiseLike<Outcome | undefined>} promised @param {CallContext} ctx @param {(outcome: Outcome) => void} settle
 */
export function settleWhen(promised, ctx, settle) {
  promised.then((o) => settle(o || OK), (e) => settle(internalError(ctx, e)));
}

/**
 * Runs an implementation and hands its outcome to `settle`; a throw or rejection becomes a
 * failure (nothing is lost). Once the core is up, a synchronous outcome is settled at once, so a
 * call costs one microtask hop, not three.
 * @param {PipelineRuntime} runtime @param {Impl|undefined} impl @param {any} args @param {CallContext} ctx
 * @param {(outcome: Outcome) => void} settle
 */
export function run(runtime, impl, args, ctx, settle) {
  if (!impl) settle(fail('not supported yet'));
  else if (!mayRunNow(runtime, ctx.def)) settleWhen(runtime.whenReady(() => impl(args, ctx), [ctx.def.name, args]), ctx, settle);
  else {
    const out = runNow(impl, args, ctx);
    if (typeof out.then === 'function') settleWhen(out, ctx, settle);
    else settle(out);
  }
}
