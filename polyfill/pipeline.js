// The one call path of every `ft` interface (behaviour.md §1): argument checks from the API
// table, queueing until the core is ready, exactly one of success/fail then complete (always
// asynchronous), the errMsg, the Promise form (with no stray rejection: §1.4), the call log and
// the host's 'call' event.
// Implementations (polyfill/impl/*.js) only return outcomes; they never build errMsg texts.
// One file per concern (polyfill/pipeline/): outcome.js (outcomes, result objects), settle.js
// (running, settling once, delivering), call-promise.js (the Promise form, warnings of failures
// nobody receives), options-api.js and positional-api.js (the two calling styles).

import { optionsApi } from './pipeline/options-api.js';
import { positionalApi } from './pipeline/positional-api.js';

export { fail, ok, okOwned, resultOf } from './pipeline/outcome.js';

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
 * @typedef {(args: any, ctx: CallContext) => Outcome | PromiseLike<Outcome> | undefined} Impl
 */

/**
 * What the pipeline needs from the runtime (polyfill/runtime.js).
 * @typedef {object} PipelineRuntime
 * @property {(name: string) => Impl | undefined} impl
 * @property {() => Impl} paramError  fails a call with the parameter error of its problems (validate.js; text from the core, §1.5)
 * @property {(fn: () => any, call?: [string, any]) => Promise<any>} whenReady  runs fn at once when the core is up, else queues it in order (`call`: the interface's name and checked arguments, which the page's leaving keeps for a storage write)
 * @property {(needsCore: boolean) => boolean} mayRun  whether a call may run now (polyfill/lifecycle.js)
 * @property {(entry: CallRecord) => void} record        call log + 'call' event
 * @property {(kind: string, api: string, message: string) => void} deviceCheck  a device check (behaviour.md §1.15)
 */

/**
 * What ft.request / ft.downloadFile keep of a call for the network panel and ftHost.har()
 * (host/panel/network-log.js builds the views): a task's context is its log entry's `net`
 * (non-enumerable), where impl/network.js puts the core's plan, and the mock's answer or the transfer.
 * @typedef {CallContext & { plan?: any, mock?: any, t?: any }} NetRecord
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
