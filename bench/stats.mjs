// Small helpers shared by the bench sections.

/** @param {number[]} xs @returns {number} the median (upper middle for an even count) */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** @param {number} x @param {number} [digits] */
export const round = (x, digits = 2) => Number(x.toFixed(digits));

/** Rounds from BENCH_ROUNDS (default 5). */
export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS || 5));

/**
 * Waits for `window.readyTimes.done` in a page and returns the times (ms since navigation start).
 * @param {import('playwright-core').Page} page @param {string} url
 */
export async function readyTimes(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => /** @type {any} */ (window).readyTimes && /** @type {any} */ (window).readyTimes.done, null, { timeout: 60000 });
  return page.evaluate(() => /** @type {any} */ (window).readyTimes);
}
