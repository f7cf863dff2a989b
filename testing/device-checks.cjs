// The test kits' failing of a test on device checks (behaviour.md §1.15): the Error that names
// each place, and which checks fail a test: those made while the instance's configuration asked
// for onDeviceCheck: 'error' (from its start or a later ftHost.configure or reset), also before a
// reset in the same test, and those still listed when it asks for it at the test's end. Jest's
// afterEach (testing/kit.cjs), Vitest's (vitest/setup.js) and the Playwright fixture use it.
'use strict';

const RUNTIME = Symbol.for('ft-polyfill.runtime');
/** Where an instance's runtime keeps the checks recordChecks saw made under 'error'. */
const RECORDED = Symbol.for('ft-polyfill.recorded-device-checks');

/**
 * The Error a test fails with when the page produced device checks, or null when it produced
 * none: one line per place (a check found twice, recorded and still listed, is named once),
 * naming the call, what the device does and the fix.
 * @param {Array<{ kind: string, api: string, message: string, site: string }>} found
 * @returns {Error | null}
 */
function deviceCheckError(found) {
  if (!found || !found.length) return null;
  const warnings = [...new Map(found.map((w) => [`${w.kind}\n${w.api}\n${w.message}\n${w.site}`, w])).values()];
  const lines = warnings.map((w) => `  - ${w.api ? `ft.${w.api}: ` : ''}${w.message}${w.site ? ` (at ${w.site})` : ''}`);
  return new Error(`ft-polyfill device check (onDeviceCheck: 'error'): ${warnings.length} place${warnings.length === 1 ? '' : 's'} where this page would break or differ on a device:\n${lines.join('\n')}`);
}

/** @param {any} runtime */
const strictNow = (runtime) => Boolean(runtime && runtime.config && runtime.config.onDeviceCheck === 'error');

/**
 * Records `host`'s device checks as they are made while its configuration asks for onDeviceCheck:
 * 'error', so that one made before a reset in the same test (which clears ftHost.warnings())
 * still fails it. Once per instance.
 * @param {any} host  an ftHost
 */
function recordChecks(host) {
  const runtime = host && host[RUNTIME];
  if (!runtime || runtime[RECORDED]) return;
  /** @type {any[]} */
  const recorded = [];
  Object.defineProperty(runtime, RECORDED, { value: recorded, configurable: true });
  runtime.on('deviceCheck', (/** @type {any} */ warning) => { if (strictNow(runtime)) recorded.push(warning); });
}

/**
 * deviceCheckError of what fails a test now, or null: the checks recordChecks saw made under
 * 'error' since the last call, and `host`'s device checks (ftHost.warnings()) when its
 * configuration is now onDeviceCheck: 'error'.
 * @param {any} host  an ftHost
 * @returns {Error | null}
 */
function strictDeviceCheckError(host) {
  const runtime = host && host[RUNTIME];
  if (!runtime) return null;
  const recorded = runtime[RECORDED] ? runtime[RECORDED].splice(0) : [];
  return deviceCheckError(strictNow(runtime) ? [...recorded, ...host.warnings()] : recorded);
}

/**
 * What the kits do as a test ends (Jest's afterEach in testing/kit.cjs, Vitest's in
 * vitest/setup.js): the failed calls the test left unobserved are warned about within it (a
 * warning's own timer may come after the file, or be a fake one the test threw away), and the
 * Error the test fails with on its instances' device checks, or null.
 * @param {Iterable<any>} hosts  the ftHosts the kit installed
 * @returns {Error | null}
 */
function endOfTestError(hosts) {
  const all = [...hosts];
  // The warnings are the build's, so any of its hosts says them.
  if (all.length) all[0][Symbol.for('ft-polyfill.warn-unobserved')]();
  for (const host of all) {
    const error = strictDeviceCheckError(host);
    if (error) return error;
  }
  return null;
}

module.exports = { deviceCheckError, endOfTestError, recordChecks };
