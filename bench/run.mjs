// npm run bench: the project's performance record. Every figure is measured beside its baseline
// in the same run and reported as a ratio (median of BENCH_ROUNDS rounds, default 5); results go
// to bench/results.json and a table on stdout (Markdown, as docs/benchmarks.md shows).
// Sections: bytes, time to ready, storage throughput, scaling, bridge costs, cross-tab visibility,
// the testing kit in Node, the kits' suites against a fake (Vitest, Jest), the Playwright fixture.
// Run the build first (npm run bench does); this file measures whatever dist/ holds.
// `node bench/run.mjs --only kits` runs only the kits' sections (a few minutes); the browser
// sections alone: `--only browser`.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, launchChromium, serveRoot } from '../tests/helpers/browser.js';
import { ROUNDS } from './stats.mjs';
import { bytes } from './bytes.mjs';
import { startup, floorScript, FLOOR_SCRIPT_PATH } from './startup.mjs';
import { storage } from './storage.mjs';
import { keyScaling, bigStartup } from './scaling.mjs';
import { bridge, echo, ECHO_PATH } from './bridge.mjs';
import { crossTab } from './cross-tab.mjs';
import { kit } from './kit.mjs';
import { kitSuite } from './kit-suite.mjs';
import { playwrightFixture } from './playwright-fixture.mjs';
import { table } from './report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
// The machine's load (1-minute average) before and after: ratios from a busy machine are noisier.
const loadBefore = Math.round(loadavg()[0] * 10) / 10;

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';
const browserSections = only !== 'kits';
const kitSections = only !== 'browser';
// --expose-gc: the storage slices start from a collected heap, so neither side pays for the
// other's garbage (bench/storage-bench.js).
const [browser, server] = !browserSections ? [null, null] : await Promise.all([launchChromium({ args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] }), serveRoot({ [ECHO_PATH]: echo, [FLOOR_SCRIPT_PATH]: floorScript })]);
/** @type {Record<string, number>} seconds each section took */
const seconds = {};
/** @template T @param {string} name @param {() => Promise<T>} fn @returns {Promise<T>} */
async function section(name, fn) {
  const t = Date.now();
  process.stderr.write(`bench: ${name}...`);
  const out = await fn();
  seconds[name] = Math.round((Date.now() - t) / 100) / 10;
  process.stderr.write(` ${seconds[name]} s\n`);
  return out;
}

let results;
try {
  const startupRounds = Math.max(ROUNDS * 3, 7);  // cold starts are the noisiest figure
  results = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, loadAverage: { before: loadBefore, after: 0 }, cpu: cpus()[0]?.model || 'unknown', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: browser?.version() },
    rounds: ROUNDS,
    bytes: bytes(root),
    seconds,
  };
  if (browser && server) {
    Object.assign(results, {
      startup: await section('time to ready', () => startup(browser, server.url, startupRounds)),
      storage: await section('storage throughput', () => storage(browser, server.url, ROUNDS)),
      scaling: await section('scaling (keys)', () => keyScaling(browser, server.url, ROUNDS)),
      bigStartup: await section('start-up with 10 MB', () => bigStartup(browser, server.url, ROUNDS)),
      bridge: await section('bridge costs', () => bridge(browser, server.url, ROUNDS)),
      crossTab: await section('cross-tab visibility', () => crossTab(browser, server.url, ROUNDS)),
    });
  }
  if (kitSections) {
    // The kits' suites: whole test runs, a few seconds each; KIT_ROUNDS of each (default 3).
    const kitRounds = Math.max(1, Number(process.env.KIT_ROUNDS || 3));
    Object.assign(results, {
      kit: await section('testing kit (Node)', async () => kit(ROUNDS)),
      kitSuite: await section('kits: suites against a fake', async () => kitSuite({ rounds: kitRounds })),
      playwrightFixture: await section('kits: the Playwright fixture', () => playwrightFixture(kitRounds)),
    });
  }
} finally {
  await browser?.close();
  await server?.close();
}
results.seconds.total = Math.round((Date.now() - started) / 100) / 10;
results.machine.loadAverage.after = Math.round(loadavg()[0] * 10) / 10;
// A partial run (--only) does not replace the whole record.
writeFileSync(join(root, only ? `bench/results-${only}.json` : 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(table(results));
