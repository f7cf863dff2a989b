// Rule-based mocks: ftHostConfig.mocks (docs/guides/mocks.md). Loaded on demand with the host's UI
// (load-ui.js), only when a configuration has `mocks`: the main bundle carries only the hook
// (services.js) and the request path's `mocks.send` (impl/network.js).
//
//   request: [{ url, method?, response?: {statusCode?, header?, data?}, fail?, delay? }]
//            url: a string where `*` matches any run of characters (the query too), or a RegExp
//            ("/re/flags" in JSON); the first rule that matches the core's url and method wins.
//   unmatched: 'pass' (default) | 'warn' | 'fail', for a request no rule matches (as MSW's
//            onUnhandledRequest): to the network, to the network with a console warning, or
//            'request:fail network error' with a device check (kind 'mock-unmatched').
//   callNativeAPI: { name: answer }, and getLocation / chooseImage / chooseLocation / openDocument /
//            downloadFile: answer; an answer is the success fields, or {fail: reason}, with an
//            optional `delay` in ms (or a function, as ftHost.mock's).
//
// A rule's response goes through the core's decode like a fetched one (dataType, responseType,
// statusCode, header: behaviour.md §5.2); its fail is a transport failure ('timeout', 'abort',
// 'network error', the core's texts, §5.3). A bad part of the configuration is skipped and said in
// ftHost.configError() (mocks/check.js); nothing throws.

import { isBinary, bytesOf } from '../binary.js';
import { toCoreString } from '../core-wire.js';
import { checkMocks, REQUEST_FAILS } from './check.js';
import { ownFile } from '../device-check.js';

/** @typedef {import('./check.js').Rule} Rule @typedef {import('./check.js').CheckedMocks} CheckedMocks */

/**
 * The index of the first rule matching `method` and `url`, or -1.
 * @param {Rule[]} rules @param {string} method @param {string} url
 */
export function matchRule(rules, method, url) {
  return rules.findIndex((rule) => {
    rule.pattern.lastIndex = 0;
    return (!rule.method || rule.method === method.toUpperCase()) && rule.pattern.test(url);
  });
}

/**
 * Waits `ms`, or until the request's timeout or the page's abort comes first.
 * @param {number} ms @param {number} timeout @param {AbortSignal | undefined} signal
 * @returns {Promise<'' | 'timeout' | 'abort'>}
 */
function wait(ms, timeout, signal) {
  return new Promise((resolve) => {
    if (signal && signal.aborted) return resolve('abort');
    // No delay: no timer either, so the answer settles under a test's fake timers too.
    if (!(ms > 0)) return resolve('');
    /** @param {'' | 'timeout' | 'abort'} kind */
    const done = (kind) => {
      clearTimeout(timer);
      clearTimeout(delay);
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(kind);
    };
    const onAbort = () => done('abort');
    if (signal) signal.addEventListener('abort', onAbort);
    const timer = setTimeout(() => done('timeout'), timeout);
    const delay = setTimeout(() => done(''), ms);
    return undefined;
  });
}

/**
 * What impl/network.js gets from fetch, from a rule's response: a string body as it is, bytes as
 * they are, any other value as its JSON text (content-type application/json unless the rule's
 * header names one).
 * @param {NonNullable<Rule['response']>} response @param {import('../core-wire/device.js').RequestPlan} plan
 */
export function transferOf(response, plan) {
  const { statusCode = 200, header = {}, data = '' } = response;
  const lines = Object.entries(header).map(([name, value]) => [name.toLowerCase(), String(value)]);
  /** @type {string | undefined} */
  let text;
  /** @type {Uint8Array | undefined} */
  let bytes;
  if (typeof data === 'string') text = data;
  else if (isBinary(data)) bytes = bytesOf(data).slice();
  else {
    text = JSON.stringify(data);
    if (!lines.some(([name]) => name === 'content-type')) lines.push(['content-type', 'application/json']);
  }
  const headers = { forEach: (/** @type {(value: string, name: string) => void} */ fn) => lines.forEach(([name, value]) => fn(value, name)) };
  /** @type {{ response: any, bytes: Uint8Array, text: string }} */
  const result = { response: { status: statusCode, headers }, bytes: new Uint8Array(0), text: '' };
  if (plan.method === 'HEAD') return result;
  if (plan.decode === 'json' || plan.decode === 'text') result.text = text ?? new TextDecoder().decode(bytes);
  else result.bytes = bytes || new TextEncoder().encode(text);
  return result;
}

/**
 * The page's stack without this module's frames (the device check names the page's call site).
 * @returns {string}
 */
function pageStack() {
  const stack = String(new Error().stack || '');
  // This module's frames have no file where the polyfill was injected without a url: callSite skips them.
  const own = ownFile();
  return own ? stack.split('\n').filter((l) => !l.includes(`${own}:`)).join('\n') : stack;
}

/**
 * The request path's sender for checked rules (mocks.send, called by impl/network.js instead of
 * its own send).
 * @param {import('../runtime.js').Runtime} runtime @param {CheckedMocks} checked
 */
function sender(runtime, checked) {
  /**
   * @param {import('../core-wire/device.js').RequestPlan} plan @param {BodyInit | undefined} body
   * @param {AbortSignal | undefined} signal @param {Function} send  impl/network.js's
   */
  return async (plan, body, signal, send) => {
    const index = matchRule(checked.rules, plan.method, plan.url);
    const rule = checked.rules[index];
    if (!rule) {
      const what = `${plan.method} ${plan.url} matches no rule of ftHostConfig.mocks.request`;
      if (checked.unmatched === 'fail') {
        runtime.checks.report('mock-unmatched', 'request', `${what}: it fails here (mocks.unmatched 'fail'), on a device it goes to the network; add a rule for it, or set mocks.unmatched to 'pass' or 'warn'`, pageStack());
        return { kind: 'error' };
      }
      if (checked.unmatched === 'warn') console.warn(`ft-polyfill mocks: ${what}: it goes to the network`);
      return send(plan, body, signal);
    }
    const waited = await wait(rule.delay, plan.timeout, signal);
    // `rule`: which rule answered, for the network panel (host/panel/network-log.js).
    const answered = `ftHostConfig.mocks.request[${index}]`;
    if (waited) return { kind: waited, rule: answered };
    if (rule.fail) return { kind: REQUEST_FAILS[/** @type {keyof REQUEST_FAILS} */ (rule.fail)], rule: answered };
    return { ...transferOf(/** @type {NonNullable<Rule['response']>} */ (rule.response), plan), rule: answered };
  };
}

/**
 * An answer object's fields without its `delay`, once that many ms have passed (at once, with no
 * timer, when there is none).
 * @param {Record<string, any>} answer @returns {Promise<Record<string, any>>}
 */
async function afterDelay(answer) {
  const { delay = 0, ...rest } = answer;
  if (delay > 0) await new Promise((resolve) => { setTimeout(resolve, delay); });
  return rest;
}

/**
 * A mock's answer for these options, resolved (impl/device/mocks.js mockAnswer): `{fail: reason}`
 * or `{data}` (the success object, a copy without errMsg); an answer object's `delay` (ms) waited.
 * @param {import('../impl/device/mocks.js').MockAnswer} answer @param {Record<string, unknown>} options
 * @returns {Promise<{ fail: string } | { data: Record<string, any> }>}
 */
export function resolveMock(answer, options) {
  return Promise.resolve()
    .then(() => (typeof answer === 'function' ? answer({ ...options }) : afterDelay(/** @type {Record<string, any>} */ (answer))))
    .then((value) => {
      if (value === null || typeof value !== 'object') {
        return { fail: `mock answer should be an object instead of ${value === null ? 'null' : typeof value}` };
      }
      const v = /** @type {Record<string, any>} */ (value);
      if ('fail' in v) return { fail: String(v.fail) };
      const data = { ...v };
      delete data.errMsg;
      return { data };
    }, (error) => ({ fail: `mock threw: ${error && error.message ? error.message : String(error)}` }));
}

/** What the configuration put in place, per instance's mocks, to undo on the next: native API handlers and mocked interfaces. @type {WeakMap<object, { apis: Map<string, Function>, answers: string[] }>} */
const applied = new WeakMap();

/**
 * Puts ftHostConfig.mocks in place over the instance's mocks (services.js, at the start and on every
 * configure/reset); what cannot be applied goes to runtime.configError (ftHost.configure rejects with it).
 * @param {import('../runtime.js').Runtime} runtime  @param {import('../host/bridge.js').HostBridge} host
 * @param {import('../impl/device/mocks.js').Mocks} mocks
 */
export function applyMocks(runtime, host, mocks) {
  const { problems } = setMocks(runtime, host, mocks, /** @type {any} */ (runtime.config).mocks);
  if (problems.length > 0) runtime.configError = [runtime.configError, ...problems].filter(Boolean).join('; ');
}

/**
 * Puts a mocks configuration (ftHostConfig.mocks, or the panel's edit of it) in place over the
 * instance's mocks; what the previous one put there goes first (a handler or mock set since by
 * code stays). Until the next configure or reset, which puts the configuration's back.
 * @param {import('../runtime.js').Runtime} runtime  @param {import('../host/bridge.js').HostBridge} host
 * @param {import('../impl/device/mocks.js').Mocks} mocks @param {unknown} given
 * @returns {CheckedMocks}
 */
export function setMocks(runtime, host, mocks, given) {
  const checked = checkMocks(given);
  const before = applied.get(mocks) || { apis: new Map(), answers: [] };
  /** @param {string} api @param {import('../impl/device/mocks.js').MockAnswer | undefined} answer */
  const setMock = (api, answer) => {
    if (answer) mocks.set(api, answer);
    else if (!mocks.delete(api)) return;
    runtime.emit('mock', { api, mocked: Boolean(answer) });
  };
  for (const name of before.answers) setMock(name, undefined);
  for (const [key, handler] of before.apis) {
    if (host.hostApis.get(key) !== handler) continue;
    host.call('unregisterNativeAPI', key);
    host.hostApis.delete(key);
  }
  /** @type {Map<string, Function>} */
  const apis = new Map();
  // As ftHost.mock takes them: resolveMock waits an answer object's delay.
  for (const [name, answer] of checked.answers) setMock(name, /** @type {any} */ (answer));
  for (const [name, answer] of checked.nativeApis) {
    const key = toCoreString(name);
    const handler = async (/** @type {unknown} */ data) => {
      const value = await (typeof answer === 'function' ? answer(data) : afterDelay(/** @type {Record<string, any>} */ (answer)));
      if (value && typeof value === 'object' && typeof /** @type {any} */ (value).fail === 'string') throw new Error(/** @type {any} */ (value).fail);
      return value;
    };
    if (host.call('registerNativeAPI', key).ok) {
      host.hostApis.set(key, handler);
      apis.set(key, handler);
    }
  }
  applied.set(mocks, { apis, answers: [...checked.answers.keys()] });
  mocks.send = given === undefined || given === null ? undefined : sender(runtime, checked);
  mocks.config = given;
  runtime.emit('host', { reason: 'mocks' });
  return checked;
}
