// Scaling: the cost of persisting one changed key with 100, 1,000 and 10,000 keys stored (three
// pages side by side, measured in interleaved rounds), and start-up with about 10 MB stored
// against a page reading the same bytes straight from IndexedDB.
import { median, round, readyTimes } from './stats.mjs';

export const SIZES = [100, 1000, 10000];
/** Start-up with a big store: BIG_KEYS values of BIG_CHARS characters (10^7 bytes in all). */
const BIG_KEYS = 100;
const BIG_CHARS = 100000;

/**
 * @param {import('playwright-core').Browser} browser @param {string} base  server url
 * @param {number} rounds
 */
export async function keyScaling(browser, base, rounds) {
  const contexts = await Promise.all(SIZES.map(() => browser.newContext()));
  try {
    const pages = await Promise.all(contexts.map((c) => c.newPage()));
    /** @type {Record<number, any>} */
    const filled = {};
    for (let i = 0; i < SIZES.length; i++) {
      await pages[i].goto(`${base}/bench/scale.html?app=scale-${SIZES[i]}`);
      filled[SIZES[i]] = await pages[i].evaluate((n) => /** @type {any} */ (window).fill(n, 100), SIZES[i]);
    }
    /** @type {Record<number, any[]>} */
    const samples = Object.fromEntries(SIZES.map((n) => [n, []]));
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < SIZES.length; i++) {
        samples[SIZES[i]].push(await pages[i].evaluate(([n, rr]) => /** @type {any} */ (window).durableWrites(n, 5, rr), [SIZES[i], r]));
      }
    }
    /** @type {Record<string, any>} */
    const out = {};
    for (const n of SIZES) {
      const s = samples[n];
      out[n] = {
        keys: filled[n].keys,
        storedKB: filled[n].currentSizeKB,
        durableWriteMs: round(median(s.map((x) => x.wallMs))),
        populateMs: round(median(s.map((x) => x.populateMs))),
        writeMs: round(median(s.map((x) => x.writeMs))),
        pushMs: round(median(s.map((x) => x.pushMs))),
        shardsWritten: median(s.map((x) => x.shardsWritten)),
      };
    }
    const first = SIZES[0];
    const last = SIZES[SIZES.length - 1];
    const ratio = round(median(samples[last].map((x, i) => x.wallMs / samples[first][i].wallMs)));
    return { sizes: out, ratio, target: 2, pass: ratio <= 2 };
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

/**
 * @param {import('playwright-core').Browser} browser @param {string} base  server url
 * @param {number} rounds
 */
export async function bigStartup(browser, base, rounds) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/bench/scale.html?app=big`);
    const filled = await page.evaluate(([n, chars]) => /** @type {any} */ (window).fill(n, chars), [BIG_KEYS, BIG_CHARS]);
    await page.goto(`${base}/bench/idb-read.html`);
    await page.waitForFunction(() => /** @type {any} */ (window).fillRaw);
    await page.addScriptTag({ url: `${base}/bench/scale-bench.js` });  // the same values as ft's
    await page.evaluate(([n, chars]) => {
      const w = /** @type {any} */ (window);
      const values = [];
      for (let i = 0; i < n; i++) values.push(w.benchText(chars, i + 1));
      return w.fillRaw(values);
    }, [BIG_KEYS, BIG_CHARS]);
    /** @type {Record<string, any[]>} */
    const samples = { ft: [], ftEmpty: [], raw: [] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? ['raw', 'ft', 'ftEmpty'] : ['ft', 'ftEmpty', 'raw'];
      for (const name of order) {
        const url = name === 'raw' ? `${base}/bench/idb-read.html?r=${r}`
          : name === 'ft' ? `${base}/bench/ready-ft.html?app=big&key=k0&r=${r}` : `${base}/bench/ready-ft.html?app=empty&r=${r}`;
        samples[name].push(await readyTimes(page, url));
      }
    }
    if (!samples.ft.every((t) => t.found)) throw new Error('bench: the big store was not read back');
    if (!samples.raw.every((t) => t.values === BIG_KEYS)) throw new Error('bench: the raw IndexedDB store was not read back');
    const ratio = round(median(samples.ft.map((t, i) => t.getStorage / samples.raw[i].getStorage)));
    return {
      keys: filled.keys,
      storedKB: filled.currentSizeKB,
      ftMs: round(median(samples.ft.map((t) => t.getStorage))),
      ftEmptyStoreMs: round(median(samples.ftEmpty.map((t) => t.getStorage))),
      rawIndexedDBMs: round(median(samples.raw.map((t) => t.getStorage))),
      ratio,
      target: 2,
      pass: ratio <= 2,
    };
  } finally {
    await context.close();
  }
}
