// Runs page code in a fresh Node process, as a script on a page runs: the CommonJS build installs
// `ft` and `ftHost` on globalThis (fake-indexeddb as its IndexedDB). The process itself counts
// what a test runner would report: unhandled rejections (process 'unhandledRejection', which Jest
// keeps from a test file's own `process`), uncaught exceptions, console warnings and errors.
//   node tests/helpers/node-page.mjs <module> <export> [ftHostConfig JSON]
// calls `export({ ft, ftHost, table })` and prints one JSON line:
//   { value, unhandled: string[], uncaught: string[], warnings: string[], errors: string[] }
import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { format } from 'node:util';
import { API_TABLE } from '../../polyfill/api-table.js';

const require = createRequire(import.meta.url);
const [modulePath, exportName, configJson] = process.argv.slice(2);

/** @param {unknown} reason */
const describe = (reason) => {
  try {
    return JSON.stringify(reason) ?? String(reason);
  } catch {
    return String(reason);
  }
};
const report = { value: /** @type {unknown} */ (undefined), unhandled: /** @type {string[]} */ ([]), uncaught: /** @type {string[]} */ ([]), warnings: /** @type {string[]} */ ([]), errors: /** @type {string[]} */ ([]) };
process.on('unhandledRejection', (reason) => report.unhandled.push(describe(reason)));
process.on('uncaughtException', (error) => report.uncaught.push(String(error && error.stack || error)));
console.warn = (...args) => report.warnings.push(format(...args));
console.error = (...args) => report.errors.push(format(...args));

/** One macrotask: Node reports an unhandled rejection once the microtasks of a task have run. */
const macrotask = () => new Promise((r) => setTimeout(r, 0));

globalThis.ftHostConfig = configJson ? JSON.parse(configJson) : {};
const { installFt } = require('../../dist/ft-polyfill.cjs');
const { ft, host } = installFt(globalThis);
const scenario = (await import(pathToFileURL(resolve(modulePath)).href))[exportName];
try {
  report.value = await scenario({ ft, ftHost: host, table: API_TABLE });
} catch (error) {
  report.uncaught.push(`scenario threw: ${error && /** @type {Error} */ (error).stack || error}`);
}
// Whatever the page left behind is reported within a task or two.
await macrotask();
await macrotask();
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
