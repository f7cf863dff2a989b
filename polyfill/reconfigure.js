// The configuration of a runtime changing: the page's late window.ftHostConfig adopted before the
// start, and ftHost.configure / reset as applied inside their barrier of the runtime's queue
// (runtime.js): storage kept or switched to the new appId's, then each concern's onReset hook.

import { normalizeConfig } from './config.js';
import { persistenceOf } from './core-wire/storage.js';

/**
 * Before the core starts: a window.ftHostConfig the page set after the script (a bundled app sets
 * it after its imports) replaces the one seen at install (runtime.pageConfig).
 * @param {import('./runtime.js').Runtime} runtime
 */
export function adoptPageConfig(runtime) {
  const page = runtime.pageConfig;
  if (!page) return;
  const now = runtime.global.ftHostConfig;
  if (now === page.given || now === undefined || now === null) return;
  page.given = now;
  runtime.baseConfig = now;
  runtime.config = normalizeConfig(now);
}

/**
 * Applies a configuration (inside a barrier): storage is kept, and switched when the appId
 * changes (the old store is flushed and closed first); then each concern's onReset hook.
 * @param {import('./runtime.js').Runtime} runtime
 * @param {unknown} config @param {boolean} full @param {string} by  the control, for the error
 */
export async function applyConfig(runtime, config, full, by) {
  const next = normalizeConfig(config);
  const handles = runtime.core();
  if (next.appId !== runtime.config.appId) {
    await handles.persistence.close();
    handles.persistence = persistenceOf(handles.Module, next.appId, runtime.openStore);
    handles.storage = await handles.persistence.open();
  }
  runtime.config = next;
  runtime.configError = '';
  for (const hook of runtime.resetHooks) {
    // Awaited only when it returns a promise: most hooks are synchronous, and a runner that
    // tracks every promise (Jest's AsyncLocalStorage) makes each one cost (docs/benchmarks.md).
    const done = hook({ full });
    if (done && typeof done.then === 'function') await done;
  }
  if (runtime.configError) throw new Error(`${by}: ${runtime.configError}`);
}

/**
 * ftHost.reset's work (inside its barrier): applies `config` (default: the configuration the
 * instance started with, or setupFt's; not a later configure's) with every onReset hook told
 * `full` (stack, page listeners, handlers, mocks, ftHost.on listeners), then clears the
 * mini-program's storage (durably), the call log and the device check's warnings; rejects with what could not be applied.
 * @param {import('./runtime.js').Runtime} runtime @param {unknown} [config]
 */
export async function resetTo(runtime, config) {
  let failure = null;
  try {
    await applyConfig(runtime, config === undefined ? runtime.baseConfig : config, true, 'ftHost.reset');
  } catch (error) {
    failure = error;
  }
  const { storage, persistence } = runtime.core();
  const cleared = storage.clear();
  if (cleared !== 0) await persistence.durable(cleared).catch(() => undefined);
  runtime.log.clear();
  runtime.checks.clear();
  if (failure) throw failure;
}
