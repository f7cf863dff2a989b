// The test kits' failing of a test on device checks (behaviour.md §1.15): the Error that names
// each place, and whether an instance's configuration asks for it now (onDeviceCheck: 'error',
// from its start or a later ftHost.configure or reset). Jest's afterEach (testing/kit.cjs) and
// Vitest's (vitest/setup.js) both use it.
'use strict';

const RUNTIME = Symbol.for('ft-polyfill.runtime');

/**
 * The Error a test fails with when the page produced device checks, or null when it produced
 * none: one line per warning, naming the call, what the device does and the fix.
 * @param {Array<{ kind: string, api: string, message: string, site: string }>} warnings
 * @returns {Error | null}
 */
function deviceCheckError(warnings) {
  if (!warnings || !warnings.length) return null;
  const lines = warnings.map((w) => `  - ${w.api ? `ft.${w.api}: ` : ''}${w.message}${w.site ? ` (at ${w.site})` : ''}`);
  return new Error(`ft-polyfill device check (onDeviceCheck: 'error'): ${warnings.length} place${warnings.length === 1 ? '' : 's'} where this page would break or differ on a device:\n${lines.join('\n')}`);
}

/**
 * deviceCheckError of `host`'s device checks when its configuration is now onDeviceCheck:
 * 'error'; null otherwise.
 * @param {any} host  an ftHost
 * @returns {Error | null}
 */
function strictDeviceCheckError(host) {
  const runtime = host && host[RUNTIME];
  const strict = Boolean(runtime && runtime.config && runtime.config.onDeviceCheck === 'error');
  return strict ? deviceCheckError(host.warnings()) : null;
}

module.exports = { deviceCheckError, strictDeviceCheckError };
