// The start of an instance's core (runtime.js): the WebAssembly module, the appId's storage and
// each concern's set-up, overlapped; and why it could not start, in words a developer can act on.

import { closeUnused } from '../wasm-glue/persistence.js';
import { persistenceOf } from './core-wire/storage.js';
import { mark } from './marks.js';

/**
 * Loads the core and opens storage while each concern's set-up (the host's configure) runs.
 * @param {import('./runtime.js').Runtime} runtime
 * @param {() => Promise<any>} loadCore
 * @param {import('./runtime.js').EarlyDb} early  the install-time appId's database, opening since install
 * @returns {Promise<import('./runtime.js').CoreHandles>}
 */
export async function startCore(runtime, loadCore, early) {
  const Module = await loadCore();
  mark('ft:core-instantiated');
  const { appId } = runtime.config;
  const persistence = persistenceOf(Module, appId, runtime.openStore);
  // The page changed its appId before the core started: that database is not this app's.
  if (early.appId !== appId) closeUnused(early.opening);
  const setUp = (async () => { for (const hook of runtime.readyHooks) await hook({ Module }); })();
  const [storage] = await Promise.all([persistence.open(early.appId === appId ? early.opening : null), setUp]);
  return { Module, storage, persistence };
}

/**
 * The error every call fails with when the core could not start (its WebAssembly blocked by a
 * CSP without 'wasm-unsafe-eval', a browser without what it needs...). Marked `reported`: the
 * console gets it once, not per call.
 * @param {unknown} error  what loading or instantiating the core threw
 * @returns {Error}
 */
export function startErrorOf(error) {
  const reason = error && /** @type {Error} */ (error).message ? /** @type {Error} */ (error).message : String(error);
  // The engines' words for a CSP that refuses WebAssembly (a CompileError; an EvalError in older
  // ones): Chromium "...WebAssembly module violates the following Content Security policy
  // directive... \"script-src 'self'\"", Firefox "call to WebAssembly.compile() blocked by CSP",
  // WebKit "Refused to create a WebAssembly object because 'unsafe-eval' or 'wasm-unsafe-eval'...".
  const csp = /^(Compile|Eval)Error$/.test(/** @type {Error} */ (error)?.name) && /Content.Security.Polic|\bCSP\b|wasm-(unsafe-)?eval/i.test(reason);
  const directive = (/directive:\s*"(\S+)/.exec(reason) || [])[1] || 'script-src';
  const startError = new Error(csp
    ? `WebAssembly is blocked by the page's Content-Security-Policy: add 'wasm-unsafe-eval' to ${directive}`
    : `the WebAssembly core could not start (${reason})`);
  /** @type {any} */ (startError).reported = true;  // the pipeline does not log it again per call
  return startError;
}
