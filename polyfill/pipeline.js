// The one call path of every `ft` interface (behaviour.md §1): argument checks from the API
// table, queueing until the core is ready, exactly one of success/fail then complete (always
// asynchronous), the errMsg, the Promise form, the call log and the host's 'call' event.
// Implementations (polyfill/impl/*.js) only return outcomes; they never build errMsg texts.

import { checkOptions, checkParam, typeName } from './validate.js';

/**
 * What an implementation returns (or resolves to). `data` holds the success fields (or extra
 * fields of a failure); `reason` is the text after "<api>:fail ".
 * @typedef {{ ok: true, data?: Record<string, unknown> } | { ok: false, reason: string, data?: Record<string, unknown> }} Outcome
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

/** @param {unknown} v @returns {v is Function} */
const isFn = (v) => typeof v === 'function';

/**
 * Runs a user callback without letting its exception escape into the pipeline (the other
 * callbacks still run); the error is reported as an uncaught page error would be.
 * @param {unknown} fn @param {unknown} arg
 */
function invoke(fn, arg) {
  if (!isFn(fn)) return undefined;
  try {
    return fn(arg);
  } catch (error) {
    const report = /** @type {any} */ (globalThis).reportError;
    if (typeof report === 'function') report(error);
    else console.error(error);
    return undefined;
  }
}

/**
 * Builds the errMsg and the result object of an outcome.
 * @param {string} prefix @param {Outcome} outcome
 */
export function resultOf(prefix, outcome) {
  const errMsg = outcome.ok ? `${prefix}:ok` : `${prefix}:fail ${outcome.reason}`;
  return outcome.data ? { ...outcome.data, errMsg } : { errMsg };
}

/** @param {CallContext} ctx @param {unknown} error @returns {Outcome} */
function internalError(ctx, error) {
  console.error(`ft.${ctx.api}: internal error`, error);
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

/**
 * A Promise with its resolve/reject at hand (the Promise form of §1.4).
 * @returns {{ promise: Promise<any>, resolve: (r: any) => void, reject: (r: any) => void }}
 */
function deferred() {
  /** @type {(r: any) => void} */ let resolve = () => {};
  /** @type {(r: any) => void} */ let reject = () => {};
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/**
 * The one way a call settles, for both calling styles: at most once; the result object is built
 * from the outcome; then, at least one microtask later (callbacks never run inside the call,
 * §1.1), the call is logged and `deliver` hands the result to the page.
 * @param {PipelineRuntime} runtime @param {string} prefix  errMsg prefix
 * @param {{ api: string, args: unknown[], time: number, result?: Record<string, unknown>, duration?: number }} call
 * @param {(outcome: Outcome, result: Record<string, unknown>) => void} deliver
 */
function settler(runtime, prefix, call, deliver) {
  let settled = false;
  /** @param {Outcome} outcome @returns {boolean} whether this call settled it (false: it already was) */
  return (outcome) => {
    if (settled) return false;
    settled = true;
    const result = resultOf(prefix, outcome);
    Promise.resolve().then(() => {
      // The call object becomes its log entry (one allocation less on every call).
      const entry = /** @type {CallRecord} */ (call);
      entry.result = result;
      entry.duration = Date.now() - call.time;
      runtime.record(entry);
      deliver(outcome, result);
    });
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
  const params = /** @type {Record<string, import('./api-table.js').ParamDef>} */ (def.params);
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
      // carries the failure (below).
      hostile = error || new Error('unreadable options');
    }
    const pending = withCallbacks ? null : deferred();
    const settle = settler(runtime, prefix, { api, args: [options], time }, (outcome, result) => {
      if (!pending) {
        invoke(outcome.ok ? given.success : given.fail, result);
        invoke(given.complete, result);
      } else if (outcome.ok) pending.resolve(result);
      else pending.reject(result);
    });

    // One shared context per interface; a task gets its own (it carries the abort signal).
    let ctx = sharedCtx;
    let task;
    if (def.task) {
      const controller = new AbortController();
      ctx = { api, def, signal: controller.signal };
      task = {
        abort() {
          // Settle first (one fail, never a late success), then stop the transfer.
          if (settle(fail('abort'))) controller.abort();
        },
      };
    }

    try {
      if (hostile) {
        settle(fail(`parameter error: ${/** @type {Error} */ (hostile).message}`));
      } else if (!isObject) {
        settle(fail(`parameter error: parameter should be Object instead of ${typeName(given)}`));
      } else {
        const checked = checkOptions(params, given);
        if ('reason' in checked) settle(fail(checked.reason));
        else run(runtime, runtime.impl(def.name), checked.args, ctx, settle);
      }
    } catch (error) {
      // A hostile options object (throwing getter, revoked Proxy) still gets its one failure.
      settle(fail(`parameter error: ${error && /** @type {Error} */ (error).message}`));
    }

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
  const warned = { done: false };
  return function ftApi(/** @type {any[]} */ ...given) {
    const time = Date.now();
    const callback = callbackIndex >= 0 && isFn(given[callbackIndex]) ? given[callbackIndex] : undefined;
    // getEnv's single parameter is its result callback too.
    const resultCallback = callback || (def.promise && isFn(given[0]) ? given[0] : undefined);
    const pending = def.promise && !resultCallback ? deferred() : null;
    const settle = settler(runtime, prefix, { api, args: given, time }, (outcome, result) => {
      if (resultCallback) invoke(resultCallback, result);
      else if (pending) (outcome.ok ? pending.resolve : pending.reject)(result);
      else if (!outcome.ok && !warned.done) {
        // Nobody to tell but the developer: once per interface, in the console.
        warned.done = true;
        console.warn(`ft.${api}: ${result.errMsg}`);
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
