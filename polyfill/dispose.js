// The end of an instance (ftHost.dispose, runtime.js): what it releases, and what every call
// answers afterwards.

import { closeUnused } from '../wasm-glue/persistence.js';

/**
 * What every ft call fails with after ftHost.dispose() (errMsg "<api>:fail <this>"); ftHost's
 * controls resolve {ok: false, reason: <this>} and configure/reset/callJS reject with it.
 */
export const DISPOSED_REASON = 'ft-polyfill instance disposed (ftHost.dispose() was called)';

/** Every interface after ftHost.dispose. @returns {import('./pipeline.js').Outcome} */
export const disposedImpl = () => ({ ok: false, reason: DISPOSED_REASON });

/** @param {unknown} error */
const warn = (error) => console.error('ft-polyfill: ftHost.dispose', error);

/**
 * Releases everything a disposed runtime holds, once what was asked before dispose() has run (the
 * core is waited for if it is starting): each service's onDispose hook (newest first: the host's
 * Module.Host, title observer and timer, the FileRegistry, the panel), then storage, flushed and
 * closed (BroadcastChannel, mount, database connection, the core's Storage); then the listeners,
 * hooks and call log. The Emscripten module is no longer referenced. Never rejects.
 * @param {import('./runtime.js').Runtime} runtime
 * @returns {Promise<void>}
 */
export async function releaseAll(runtime) {
  if (runtime.ready) await runtime.ready.catch(() => {});
  // What was queued before dispose runs first (a barrier among it may take its time).
  if (runtime.handles) await runtime.drained();
  for (const hook of runtime.disposeHooks.splice(0).reverse()) {
    try { await hook(); } catch (error) { warn(error); }
  }
  const handles = runtime.handles;
  runtime.handles = null;
  if (handles) await handles.persistence.close().catch(warn);
  else closeUnused(runtime.early?.opening);
  runtime.listeners.clear();
  runtime.resetHooks = [];
  runtime.readyHooks = [];
  runtime.log.clear();
  runtime.to('disposed');
}
