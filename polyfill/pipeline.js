// The one call path of every `ft` interface (behaviour.md §1): argument checks from the API
// table, queueing until the core is ready, exactly one of success/fail then complete (always
// asynchronous), the errMsg, the Promise form (with no stray rejection: §1.4), the call log and
// the host's 'call' event.
// Implementations (polyfill/impl/*.js) only return outcomes; they never build errMsg texts.

import { optionsChecker, checkParam, typeName } from './validate.js';
import { REASON } from './core-wire.js';

/**
 * What an implementation returns (or resolves to). `data` holds the success fields (or extra
 * fields of a failure); `reason` is the text after "<api>:fail ". `owned`: `data` is a fresh
 * object the pipeline may turn into the result itself (okOwned), instead of copying it.
 * @typedef {{ ok: true, data?: Record<string, unknown>, owned?: boolean } | { ok: false, reason: string, data?: Record<string, unknown>, owned?: undefined }} Outcome
 */

/**
 * What an implementation gets besides its checked arguments.
 * @typedef {object} CallContext
 * @property {string} api          qualified name, e.g. 'miniProgram.navigateTo'
 * @property {import('./api-table.js').ApiDef} def
 * @property {AbortSignal} [signal] aborted by task.abort() (defs with `task: true`)
 * @property {(fn: Function) => void} [setTask]  not used: reserved
 */

/**
 * @typedef {(args: any, ctx: CallContext) => Outcome | Promise<Outcome> | undefined} Impl
 */

/**
 * What the pipeline needs from the runtime (polyfill/runtime.js).
 * @typedef {object} PipelineRuntime
 * @property {(name: string) => Impl | undefined} impl
 * @property {(fn: () => any) => Promise<any>} whenReady  runs fn at once when the core is up, else queues it in order
 * @property {() => boolean} isReady                    whether the core is up
 * @property {() => boolean} mayRunWithoutCore          a call with `core: false` may run now (nothing queued before it)
 * @property {(entry: CallRecord) => void} record        call log + 'call' event
 */

/**
 * One settled call, as `ftHost.calls()` lists it.
 * @typedef {object} CallRecord
 * @property {string} api        qualified name
 * @property {unknown[]} args    the arguments as given
 * @property {Record<string, unknown> | undefined} result  the object given to the callbacks (undefined for calls without one)
 * @property {number} time       Date.now() when the call was made (ms)
 * @property {number} duration   ms until it settled
 */

/** @type {Outcome} */
const OK = { ok: true };

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

/** @param {unknown} v @returns {v is Function} */
const isFn = (v) => typeof v === 'function';

/**
 * Runs a user callback without letting its exception escape into the pipeline (the other
 * callbacks still run); the error is reported as an uncaught page error would be.
 * @param {unknown} fn @param {unknown} arg @param {unknown} [arg2]
 */
function invoke(fn, arg, arg2) {
  if (!isFn(fn)) return undefined;
  try {
    return fn(arg, arg2);
  } catch (error) {
    reportError(error);
    return undefined;
  }
}

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

/**
 * How a settled call reaches the page: the options object's callbacks, a deferred Promise, a
 * function, or nobody (the Promise was returned already resolved).
 */
const TO_CALLBACKS = 0;
const TO_DEFERRED = 1;
const TO_FUNCTION = 2;
const TO_NOBODY = 3;

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
function deliverLater(runtime, call, outcome, result, how, target) {
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

/** @param {unknown} error */
function reportError(error) {
  const report = /** @type {any} */ (globalThis).reportError;
  if (typeof report === 'function') report(error);
  else console.error(error);
}

/** @param {CallContext} ctx @param {unknown} error @returns {Outcome} */
function internalError(ctx, error) {
  // An error already told to the developer once (the core could not start) is not logged per call.
  if (!(error && /** @type {any} */ (error).reported)) console.error(`ft.${ctx.api}: internal error`, error);
  return fail(`internal error: ${error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : String(error)}`);
}

/**
 * Runs an implementation and hands its outcome to `settle`; a throw or rejection becomes a
 * failure (nothing is lost). Once the core is up, a synchronous outcome is settled at once, so a
 * call costs one microtask hop, not three.
 * @param {PipelineRuntime} runtime @param {Impl|undefined} impl @param {any} args @param {CallContext} ctx
 * @param {(outcome: Outcome) => void} settle
 */
function run(runtime, impl, args, ctx, settle) {
  if (!impl) {
    settle(fail('not supported yet'));
    return;
  }
  // getEnv and getAppletInfo need nothing from the core: a page's first getEnv answers at once.
  if (!runtime.isReady() && !(ctx.def.core === false && runtime.mayRunWithoutCore())) {
    runtime.whenReady(() => impl(args, ctx)).then((o) => settle(o || OK), (e) => settle(internalError(ctx, e)));
    return;
  }
  /** @type {any} */
  let out;
  try {
    out = impl(args, ctx);
  } catch (error) {
    settle(internalError(ctx, error));
    return;
  }
  if (out && typeof out.then === 'function') out.then((/** @type {Outcome} */ o) => settle(o || OK), (/** @type {unknown} */ e) => settle(internalError(ctx, e)));
  else settle(out || OK);
}

/** The call Promises the page has called `then` on. @type {WeakSet<Promise<any>>} */
const observedPromises = new WeakSet();
const intrinsicThen = Promise.prototype.then;
const ignore = () => {};

/**
 * The Promise of a call whose outcome is not known when it returns (§1.4). A failure nobody
 * observes must not become an unhandled rejection (the real JSSDK is silent; Jest and Vitest fail
 * the run), yet a page that observes the Promise must still get the rejection. Observing a
 * Promise that is not the intrinsic one always goes through its `then`: `await`, `catch`,
 * `finally`, `Promise.resolve`, `Promise.all` / `race` / `allSettled` / `any` and returning it from
 * an async function all call it. Derived promises are plain ones (`Symbol.species`).
 */
class CallPromise extends Promise {
  /** @type {Promise<any>['then']} */
  then(onFulfilled, onRejected) {
    observedPromises.add(this);
    return /** @type {any} */ (intrinsicThen.call(this, onFulfilled, onRejected));
  }
}
// A data property, not a getter: `then` reads it on every call (a getter costs a call each time).
Object.defineProperty(CallPromise, Symbol.species, { value: Promise });

/**
 * A Promise with its resolve/reject at hand (the Promise form of §1.4).
 * @returns {{ promise: Promise<any>, resolve: (r: any) => void, reject: (r: any) => void }}
 */
function deferred() {
  /** @type {(r: any) => void} */ let resolve = () => {};
  /** @type {(r: any) => void} */ let reject = () => {};
  const promise = new CallPromise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/**
 * Failed calls whose Promise was not observed when they were delivered, 3 slots each (promise,
 * api, errMsg): checked again once the current task's microtasks have run.
 * @type {any[]}
 */
const unobservedFailures = [];
let unobservedCheckScheduled = false;

/**
 * Rejects a call's Promise with its fail object. When the page has not observed the Promise yet,
 * the rejection is marked handled first (the intrinsic `then`, which does not count as observing),
 * and the call is warned about unless the page observes it before the current task ends: the
 * moment a browser or Node would report an unhandled rejection. `await ft.x()` observes it one
 * microtask after the call returns, so the check cannot be made here.
 * @param {{ promise: Promise<any>, reject: (r: any) => void }} pending
 * @param {string} api @param {Record<string, unknown>} result
 */
function rejectCall(pending, api, result) {
  if (!observedPromises.has(pending.promise)) {
    intrinsicThen.call(pending.promise, undefined, ignore);
    unobservedFailures.push(pending.promise, api, result.errMsg);
    if (!unobservedCheckScheduled) {
      unobservedCheckScheduled = true;
      // A timer, not a microtask: the page may observe the Promise at any microtask of this task.
      setTimeout(warnUnobserved, 0);
    }
  }
  pending.reject(result);
}

/** One warning for each failed call whose Promise nobody observed. */
function warnUnobserved() {
  for (let i = 0; i < unobservedFailures.length; i += 3) {
    if (!observedPromises.has(unobservedFailures[i])) warnFailure(unobservedFailures[i + 1], unobservedFailures[i + 2]);
  }
  unobservedFailures.length = 0;
  unobservedCheckScheduled = false;
}

/**
 * A failure nobody receives (a Promise nobody observes, a positional interface without a
 * callback) is told to the developer in the console, in one wording: `ft.<api>: <errMsg>`.
 * @param {string} api @param {unknown} errMsg
 */
function warnFailure(api, errMsg) {
  console.warn(`ft.${api}: ${errMsg}`);
}

/**
 * The one way a call settles, for both calling styles: at most once; the result object is built
 * from the outcome; then, at least one microtask later (callbacks never run inside the call,
 * §1.1), the call is logged and handed to the page (deliverSettled).
 * @param {PipelineRuntime} runtime @param {string} prefix  errMsg prefix @param {string} okMsg
 * @param {{ api: string, args: unknown[], time: number, result?: Record<string, unknown>, duration?: number }} call
 * @param {number} how  TO_CALLBACKS, TO_DEFERRED, TO_FUNCTION @param {any} target
 */
function settler(runtime, prefix, okMsg, call, how, target) {
  let settled = false;
  /** @param {Outcome} outcome @returns {boolean} whether this call settled it (false: it already was) */
  return (outcome) => {
    if (settled) return false;
    settled = true;
    deliverLater(runtime, call, outcome, resultOf(prefix, outcome, okMsg), how, target);
    return true;
  };
}

/**
 * Makes the function installed as `ft.<name>` / `ft.miniProgram.<name>`.
 * @param {import('./api-table.js').ApiDef} def
 * @param {PipelineRuntime} runtime
 * @returns {(...args: any[]) => any}
 */
export function createApi(def, runtime) {
  const api = def.ns === 'ft' ? def.name : `${def.ns}.${def.name}`;
  const prefix = def.errApi || def.name;
  return def.style === 'options' ? optionsApi(def, api, prefix, runtime) : positionalApi(def, api, prefix, runtime);
}

/**
 * @param {import('./api-table.js').ApiDef} def @param {string} api @param {string} prefix
 * @param {PipelineRuntime} runtime
 */
function optionsApi(def, api, prefix, runtime) {
  const check = optionsChecker(/** @type {Record<string, import('./api-table.js').ParamDef>} */ (def.params));
  const okMsg = `${prefix}:ok`;
  /** @type {CallContext} */
  const sharedCtx = Object.freeze({ api, def });
  const mayRunNow = () => runtime.isReady() || (def.core === false && runtime.mayRunWithoutCore());
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
      // carries the failure (below).
      hostile = error || new Error('unreadable options');
    }
    const call = { api, args: [options], time };

    /** @type {Record<string, unknown> | string} */
    let checked = '';
    /** @type {Outcome | null} */
    let outcome = null;
    try {
      if (hostile) outcome = fail(`parameter error: ${/** @type {Error} */ (hostile).message}`);
      else if (!isObject) outcome = fail(`parameter error: parameter should be Object instead of ${typeName(given)}`);
      else {
        checked = check(given);
        if (typeof checked === 'string') outcome = fail(checked);
      }
    } catch (error) {
      // A hostile options object (throwing getter, revoked Proxy) still gets its one failure.
      outcome = fail(`parameter error: ${error && /** @type {Error} */ (error).message}`);
    }
    const impl = runtime.impl(def.name);
    if (!outcome && !impl) outcome = fail('not supported yet');

    // The hot path (the core is up, no task): run now, and when the outcome is synchronous,
    // settle without a settler, a deferred or a closure of its own.
    if (!outcome && !def.task && mayRunNow()) {
      /** @type {any} */
      let out;
      try {
        out = /** @type {Impl} */ (impl)(checked, sharedCtx);
      } catch (error) {
        out = internalError(sharedCtx, error);
      }
      if (!out || typeof out.then !== 'function') outcome = out || OK;
      else {
        const promised = out;
        out = undefined;
        const pending = withCallbacks ? null : deferred();
        const settle = settler(runtime, prefix, okMsg, call, pending ? TO_DEFERRED : TO_CALLBACKS, pending || given);
        promised.then((/** @type {Outcome} */ o) => settle(o || OK), (/** @type {unknown} */ e) => settle(internalError(sharedCtx, e)));
        return pending ? pending.promise : undefined;
      }
    }
    if (outcome) {
      const result = resultOf(prefix, outcome, okMsg);
      if (withCallbacks) {
        deliverLater(runtime, call, outcome, result, TO_CALLBACKS, given);
        return def.task ? { abort() {} } : undefined;
      }
      // A success returns a plain, already resolved Promise (the hot path); a failure's Promise
      // is rejected when the call is delivered (rejectCall), so that nobody's failure is stray.
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

    // Queued until the core is up, or a task (it carries an abort signal).
    const pending = withCallbacks ? null : deferred();
    const settle = settler(runtime, prefix, okMsg, call, pending ? TO_DEFERRED : TO_CALLBACKS, pending || given);
    let ctx = sharedCtx;
    let task;
    if (def.task) {
      const controller = new AbortController();
      ctx = { api, def, signal: controller.signal };
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
 * @param {import('./api-table.js').ApiDef} def @param {string} api @param {string} prefix
 * @param {PipelineRuntime} runtime
 */
function positionalApi(def, api, prefix, runtime) {
  const params = /** @type {Array<import('./api-table.js').ParamDef & {name: string, callback?: boolean}>} */ (def.params);
  const callbackIndex = params.findIndex((p) => p.callback);
  const okMsg = `${prefix}:ok`;
  const warned = { done: false };
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
      } else if (!outcome.ok && !warned.done) {
        // Nobody to tell but the developer: once per interface, in the console.
        warned.done = true;
        warnFailure(api, result.errMsg);
      }
    });

    try {
      /** @type {Record<string, unknown>} */
      const args = {};
      let reason = null;
      params.forEach((p, i) => {
        if (reason || i === callbackIndex) return;
        reason = checkParam(p.name, given[i], p);
        args[p.name] = given[i] === undefined ? p.default : given[i];
      });
      if (callbackIndex >= 0 && given[callbackIndex] !== undefined && !callback) {
        reason = reason || checkParam(params[callbackIndex].name, given[callbackIndex], params[callbackIndex]);
      }
      if (reason) settle(fail(reason));
      else run(runtime, runtime.impl(def.name), args, { api, def }, settle);
    } catch (error) {
      settle(fail(`parameter error: ${error && /** @type {Error} */ (error).message}`));
    }
    return pending ? pending.promise : undefined;
  };
}
