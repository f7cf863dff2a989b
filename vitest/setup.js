// ft-polyfill/vitest: a Vitest setup file (node and jsdom environments). Installs the `ft`,
// `ftHost` and `host` globals with setupFt (the core is ready before the test file's first line)
// and gives every test a fresh host: storage, page stack, listeners, mocks and call log cleared,
// the configuration put back. With `onDeviceCheck: 'error'` in the configuration (or set by the
// test's own host.configure or reset), a test whose page produced a device check
// (ftHost.warnings()) fails.
//
// The configuration comes from the ft-polyfill/vite plugin's `config` (which adds this file by
// itself), else from the FT_HOST_CONFIG environment variable: JSON text, or the path of a JSON file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect, inject } from 'vitest';
import { setupFt, ftMatchers } from '../testing/index.mjs';

const { endOfTestError, recordChecks } = createRequire(import.meta.url)('../testing/device-checks.cjs');

expect.extend(ftMatchers);

/**
 * @returns {object} the ftHostConfig for this run
 * @throws {Error} one line, when FT_HOST_CONFIG is neither JSON text nor a readable JSON file
 */
function hostConfig() {
  const provided = /** @type {any} */ (inject)(/** @type {any} */ ('ftHostConfig'));
  if (provided) return provided;
  const text = (process.env.FT_HOST_CONFIG || '').trim();
  if (!text) return {};
  const fromFile = !text.startsWith('{');
  let json = text;
  if (fromFile) {
    try {
      json = readFileSync(resolve(text), 'utf8');
    } catch (error) {
      throw new Error(`ft-polyfill/vitest: FT_HOST_CONFIG names ${resolve(text)}, which cannot be read (${error.code || error.message}); give JSON text or the path of a JSON file`, { cause: error });
    }
  }
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new Error(`ft-polyfill/vitest: FT_HOST_CONFIG${fromFile ? ` (${resolve(text)})` : ''} is not valid JSON (${error.message}); give JSON text or the path of a JSON file`, { cause: error });
  }
}

const config = hostConfig();
await setupFt(config);
recordChecks(/** @type {any} */ (globalThis).host);
beforeEach(() => /** @type {any} */ (globalThis).host.reset(config));
// onDeviceCheck: 'error' (behaviour.md §1.15), in the configuration or set by the test's own
// host.configure or host.reset: a test whose page produced a device check fails, naming each
// place the page would break or differ on a device (one made before a reset in the test too).
// A failed call the test left unobserved is warned about within it (testing/device-checks.cjs).
afterEach(() => {
  const host = /** @type {any} */ (globalThis).host;
  const error = endOfTestError(host ? [host] : []);
  if (error) throw error;
});
