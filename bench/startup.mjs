// Time to ready in fresh Chromium contexts (nothing cached, empty storage): navigation start →
// first getEnv callback and → first getStorage callback, ft (script tag) against the localStorage
// baseline page and the IndexedDB floor page (idb-floor.html), alternating which goes first.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, round, readyTimes } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where bench/idb-floor-script.html loads its script from (bench/run.mjs serves it). */
export const FLOOR_SCRIPT_PATH = '/bench/idb-floor-script.js';

/** The floor's code: bench/idb-floor.html's script with id="floor". */
const FLOOR_CODE = /<script id="floor">([\s\S]*?)<\/script>/.exec(readFileSync(join(root, 'bench/idb-floor.html'), 'utf8'))?.[1] ?? '';

/**
 * bench/idb-floor-script.html's script: the floor's code, then a comment that brings it to the
 * size of dist/ft-polyfill.js (a comment parses faster than code: this is a lower bound).
 * @type {import('../bin/server.js').RouteHandler}
 */
export function floorScript(req, res) {
  const size = statSync(join(root, 'dist/ft-polyfill.js')).size;
  const body = `${FLOOR_CODE}/*${'x'.repeat(Math.max(0, size - FLOOR_CODE.length - 4))}*/`;
  res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Target (issue 15): ft's first getStorage at most this many times the IndexedDB floor page's. */
export const FLOOR_TARGET = 1.2;

/**
 * @param {import('playwright-core').Browser} browser @param {string} base  server url
 * @param {number} rounds
 */
export async function startup(browser, base, rounds) {
  /** @type {Record<string, any[]>} */
  const samples = { ft: [], baseline: [], idb: [], idbScript: [], ftNoApp: [], ftModule: [] };
  const files = { ft: 'ready-ft.html', baseline: 'ready-baseline.html', idb: 'idb-floor.html', idbScript: 'idb-floor-script.html', ftNoApp: 'ready-ft-noapp.html', ftModule: 'ready-ft-module.html' };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? ['baseline', 'ft', 'ftModule', 'idb', 'ftNoApp', 'idbScript'] : ['idbScript', 'ftNoApp', 'ft', 'baseline', 'ftModule', 'idb'];
    for (const name of order) {
      const context = await browser.newContext();
      const page = await context.newPage();
      samples[name].push(await readyTimes(page, `${base}/bench/${files[/** @type {keyof typeof files} */ (name)]}?app=ready-${r}`));
      await context.close();
    }
  }
  /** @param {string} name @param {string} field */
  const med = (name, field) => round(median(samples[name].map((t) => t[field])));
  /** @param {string} field */
  const ratio = (field) => round(median(samples.ft.map((t, i) => t[field] / samples.baseline[i][field])));
  const storageRatio = ratio('getStorage');
  const floorRatio = round(median(samples.ft.map((t, i) => t.getStorage / samples.idb[i].getStorage)));
  const scriptFloorRatio = round(median(samples.ft.map((t, i) => t.getStorage / samples.idbScript[i].getStorage)));
  /** ft's first getStorage in another page against the floor page of the same round. @param {string} name */
  const againstFloor = (name) => {
    const ratio = round(median(samples[name].map((t, i) => t.getStorage / samples.idb[i].getStorage)));
    return { getStorageMs: med(name, 'getStorage'), coreReadyMs: med(name, 'coreReady'), ftRatio: ratio, target: FLOOR_TARGET, pass: ratio <= FLOOR_TARGET };
  };
  return {
    target: 1.5,
    pass: ratio('getEnv') <= 1.5 && storageRatio <= 1.5,
    getEnv: { ftMs: med('ft', 'getEnv'), baselineMs: med('baseline', 'getEnv'), ratio: ratio('getEnv') },
    getStorage: { ftMs: med('ft', 'getStorage'), baselineMs: med('baseline', 'getStorage'), ratio: ratio('getStorage') },
    // Where ft's time goes (ms since navigation start): the script parsed and run, the core ready.
    ftBreakdown: { scriptStart: med('ft', 'scriptStart'), scriptEnd: med('ft', 'scriptEnd'), coreReady: med('ft', 'coreReady') },
    // The floor (issue 15): a page that creates an IndexedDB database with one object store and
    // reads one key, as every new store of ft's must on its first start in a browser profile.
    floor: { getStorageMs: med('idb', 'getStorage'), openMs: med('idb', 'open'), ftRatio: floorRatio, target: FLOOR_TARGET, pass: floorRatio <= FLOOR_TARGET },
    // What bounds it: the same floor loaded as an external script of ft's size (idb-floor-script.html).
    scriptFloor: { getStorageMs: med('idbScript', 'getStorage'), ftRatio: scriptFloorRatio },
    // The same against the floor (issue 25): a page that names no appId, and the ES module build.
    noAppIdFloor: againstFloor('ftNoApp'),
    moduleFloor: againstFloor('ftModule'),
  };
}
