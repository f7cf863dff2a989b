// npm run bench: the project's performance record. Every figure is measured beside its baseline
// in the same run and reported as a ratio (median of several rounds); results go to
// bench/results.json and a table on stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveRoot } from '../tests/helpers/browser.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);

/** @param {number[]} xs */
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function bytes() {
  /** @type {Record<string, {raw: number, gzip: number}>} */
  const out = {};
  for (const file of ['dist/ft-polyfill.js', 'dist/ft-polyfill.mjs']) {
    const data = readFileSync(join(root, file));
    out[file] = { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  }
  return out;
}

async function storage() {
  const [browser, server] = await Promise.all([launchChromium(), serveRoot()]);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/bench/page.html?run=${Date.now()}`);
    /** @type {any[]} */
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) rounds.push(await page.evaluate((round) => /** @type {any} */ (window).storageRound(round), r));
    const metrics = ['readsInFlight', 'readsSequential', 'writesInFlight', 'writesSequential'];
    /** @type {Record<string, any>} */
    const out = {};
    for (const m of metrics) {
      out[m] = {
        ftOpsPerSec: Math.round(median(rounds.map((x) => x.ft[m]))),
        baselineOpsPerSec: Math.round(median(rounds.map((x) => x.baseline[m]))),
        ratio: Number(median(rounds.map((x) => x.ft[m] / x.baseline[m])).toFixed(2)),
      };
    }
    out.durableWriteMs = Number(median(rounds.map((x) => x.ft.durableWriteMs)).toFixed(2));
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

const results = { date: new Date().toISOString(), rounds: ROUNDS, bytes: bytes(), storage: await storage() };
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log('\nbytes                      raw        gzip');
for (const [file, b] of Object.entries(results.bytes)) console.log(`${file.padEnd(24)} ${String(b.raw).padStart(9)} ${String(b.gzip).padStart(10)}`);
console.log(`\nstorage (ops/s, median of ${ROUNDS})   ft          baseline    ratio (>= 1.0 is as fast or faster)`);
for (const [m, v] of Object.entries(results.storage)) {
  if (typeof v === 'number') continue;
  console.log(`${m.padEnd(30)} ${String(v.ftOpsPerSec).padStart(10)} ${String(v.baselineOpsPerSec).padStart(10)}   ${v.ratio}`);
}
console.log(`one durable write (setStorage until success, median): ${results.storage.durableWriteMs} ms`);
