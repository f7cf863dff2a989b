// The Promise form of a call (behaviour.md §1.4) and the warnings of failures nobody receives: a
// failure nobody observes must not become an unhandled rejection (the real JSSDK is silent; Jest
// and Vitest fail the run), yet it is told to the developer in the console, once.

const intrinsicThen = Promise.prototype.then;
const ignore = () => {};

/**
 * The Promise of a call whose outcome is not known when it returns (§1.4). A page that observes
 * the Promise must still get the rejection. Observing a Promise that is not the intrinsic one
 * always goes through its `then`: `await`, `catch`, `finally`, `Promise.resolve`, `Promise.all` /
 * `race` / `allSettled` / `any` and returning it from an async function all call it. Derived
 * promises are plain ones (`Symbol.species`).
 */
class CallPromise extends Promise {
  /** @param {(resolve: (r: any) => void, reject: (r: any) => void) => void} executor */
  constructor(executor) {
    super(executor);
    /** Whether the page has called `then` (a field, not a WeakSet: `then` runs on every await). */
    this.observed = false;
  }

  /** @type {Promise<any>['then']} */
  then(onFulfilled, onRejected) {
    this.observed = true;
    return /** @type {any} */ (intrinsicThen.call(this, onFulfilled, onRejected));
  }
}
// A data property, not a getter: `then` reads it on every call (a getter costs a call each time).
Object.defineProperty(CallPromise, Symbol.species, { value: Promise });

/** @param {Promise<any>} promise @returns {boolean} whether the page observed a call's Promise */
const isObserved = (promise) => /** @type {CallPromise} */ (promise).observed === true;

/**
 * @typedef {{ promise: Promise<any>, resolve: (r: any) => void, reject: (r: any) => void }} Deferred
 */

/**
 * A Promise with its resolve/reject at hand (the Promise form of §1.4).
 * @returns {Deferred}
 */
export function deferred() {
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
export function rejectCall(pending, api, result) {
  if (!isObserved(pending.promise)) {
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

/**
 * One warning for each failed call whose Promise nobody observed: when the task that made them
 * ends, or sooner when a test ends (the testing kit's afterEach: Jest refuses a log after the
 * file's tests are done).
 */
export function warnUnobserved() {
  for (let i = 0; i < unobservedFailures.length; i += 3) {
    if (!isObserved(unobservedFailures[i])) warnFailure(unobservedFailures[i + 1], unobservedFailures[i + 2]);
  }
  unobservedFailures.length = 0;
  unobservedCheckScheduled = false;
}

/**
 * A failure nobody receives (a Promise nobody observes, a positional interface without a
 * callback) is told to the developer in the console, in one wording: `ft.<api>: <errMsg>`.
 * @param {string} api @param {unknown} errMsg
 */
export function warnFailure(api, errMsg) {
  console.warn(`ft.${api}: ${errMsg}`);
}
