// Storage throughput in one Chromium page (bench/page.html, bench/storage-bench.js): getStorage
// and setStorage, many in flight and one at a time, through ft against the localStorage baseline.
import { median, round } from './stats.mjs';

const METRICS = ['readsInFlight', 'readsSequential', 'writesInFlight', 'writesSequential'];

/**
 * @param {import('playwright-core').Browser} browser @param {string} base  server url
 * @param {number} rounds
 */
export async function storage(browser, base, rounds) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/bench/page.html?run=${Date.now()}`);
    /** @type {any[]} */
    const samples = [];
    for (let r = 0; r < rounds; r++) samples.push(await page.evaluate((i) => /** @type {any} */ (window).storageRound(i), r));
    /** @type {Record<string, any>} */
    const out = {};
    for (const m of METRICS) {
      out[m] = {
        ftOpsPerSec: Math.round(median(samples.map((x) => x.ft[m]))),
        baselineOpsPerSec: Math.round(median(samples.map((x) => x.baseline[m]))),
        ratio: round(median(samples.map((x) => x.ft[m] / x.baseline[m])), 3),
      };
    }
    out.durableWriteMs = round(median(samples.map((x) => x.ft.durableWriteMs)));
    out.durableWriteFlush = {
      populateMs: round(median(samples.map((x) => x.ft.flush.populateMs))),
      writeMs: round(median(samples.map((x) => x.ft.flush.writeMs))),
      pushMs: round(median(samples.map((x) => x.ft.flush.pushMs))),
    };
    return out;
  } finally {
    await context.close();
  }
}
