// ft.miniProgram.postMessage / onShow / onHide / onUnload / onWebviewEvent / offWebviewEvent /
// sendWebviewEvent and ft.callNativeAPI / registNativeAPIHandler / onNativeAPIHandler /
// offNativeAPIHandler / complete (behaviour.md §3.10, §4). The registries live in the C++ host
// (src/events.h); JS gives each function an id (host/bridge.js) and runs what the core says.

import { ok, fail } from '../pipeline.js';
import { toCoreJson, toCoreString } from '../core-wire.js';

/**
 * The success fields of callNativeAPI from the host handler's answer (§4.4): a plain object's
 * own fields, any other value (string, number, array, ...) as `data` [ours].
 * @param {unknown} value @returns {Record<string, unknown>}
 */
export function answerFields(value) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { errMsg, ...fields } = /** @type {Record<string, unknown>} */ (value);
    return fields;
  }
  return value === undefined ? {} : { data: value };
}

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @param {import('../services.js').Services} services
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function messagingImpl(runtime, services) {
  const { host } = services;

  // The pipeline runs these only once the core is up and configured (runtime.js queue). The
  // registries never fail: their answer (added/removed) is not the page's business.
  /** @param {() => unknown} fn */
  const register = (fn) => {
    fn();
    return ok();
  };
  /** A removal of many: their functions are released (a sweep) once the core holds them nowhere. @param {() => unknown} fn */
  const unregister = (fn) => {
    fn();
    host.listeners.sweep();
    return ok();
  };
  /** Removes one function's registration, then releases it unless the core holds it elsewhere. @param {Function} callback @param {(id: number) => unknown} fn */
  const removal = (callback, fn) => {
    const id = host.listeners.knownId(callback);
    fn(id);
    host.listeners.release(id);
    return ok();
  };

  return {
    // message, data: their JSON copies, taken at call time by the pipeline (the table's `json`, §1.14).
    postMessage: ({ message }) => host.settleCall(host.call('postMessage', /** @type {string} */ (toCoreJson(message)))),

    onShow: ({ callback }) => register(() => host.call('onShow', host.listeners.idOf(callback))),
    onHide: ({ callback }) => register(() => host.call('onHide', host.listeners.idOf(callback))),
    onUnload: ({ callback }) => register(() => host.call('onUnload', host.listeners.idOf(callback))),
    onWebviewEvent: ({ callback }) => register(() => host.call('onWebviewEvent', host.listeners.idOf(callback))),
    // offWebviewEvent() removes every listener; an unknown function removes nothing (§4.3).
    offWebviewEvent: ({ callback }) => (callback === undefined ? unregister(() => host.call('offAllWebviewEvents')) : removal(callback, (id) => host.call('offWebviewEvent', id))),

    sendWebviewEvent: ({ data }) => host.settleCall(host.call('sendWebviewEvent'), undefined, { data }),

    callNativeAPI: async ({ name, data }) => {
      // The core decides "api <name> not found" (src/events.h); hostApis holds a handler for
      // every name the core has (both keyed by the core's string, host/controls.js).
      const key = toCoreString(name);
      const checked = host.call('callNativeAPI', key);
      if (!checked.ok) return host.settleCall(checked);
      const handler = /** @type {Function} */ (host.hostApis.get(key));
      try {
        return ok(answerFields(await handler(data === undefined ? {} : data)));
      } catch (error) {
        return fail(error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : String(error));
      }
    },

    registNativeAPIHandler: ({ name, callback }) => register(() => host.call('registNativeAPIHandler', toCoreString(name), host.listeners.idOf(callback))),
    onNativeAPIHandler: ({ name, callback }) => register(() => host.call('onNativeAPIHandler', toCoreString(name), host.listeners.idOf(callback))),
    // Without a function: every onNativeAPIHandler handler of that name (never the regist one, §4.5).
    offNativeAPIHandler: ({ name, callback }) => (callback !== undefined
      ? removal(callback, (id) => host.call('offNativeAPIHandler', toCoreString(name), id))
      : unregister(() => host.call('offAllNativeAPIHandlers', toCoreString(name)))),

    complete: () => host.settleCall(host.call('complete')),
  };
}
