// Cross-tab visibility (docs/guarantees.md, issue 6 §1): how long after one tab's setStorage call
// another tab of the same app reads the new value with getStorage (polling every 2 ms), beside the
// localStorage baseline: the time until another tab's `storage` event reports the shim's write.
// Both tabs are pages of one browser context (shared IndexedDB, Web Locks and BroadcastChannel, as
// real tabs share them). Target: a median of at most 100 ms.
import { median, round } from './stats.mjs';

/** Cross-tab target, ms (median from the writer's call to the other tab's read). */
export const CROSS_TAB_TARGET_MS = 100;
const PER_ROUND = 20;

/**
 * @param {import('playwright-core').Browser} browser @param {string} base  server url
 * @param {number} rounds
 */
export async function crossTab(browser, base, rounds) {
  const context = await browser.newContext();
  try {
    const url = `${base}/tests/pages/blank.html?config=${encodeURIComponent(JSON.stringify({ appId: 'bench-cross-tab' }))}`;
    const [writer, reader] = [await context.newPage(), await context.newPage()];
    for (const page of [writer, reader]) {
      await page.goto(url);
      await page.evaluate(() => ftHost.ready);
    }
    await writer.evaluate(() => ft.setStorage({ key: 'ping', data: -1 }));
    await reader.waitForFunction(async () => (await ft.getStorage({ key: 'ping' }).catch(() => ({}))).data === -1, null, { timeout: 10000 });
    /** @type {number[]} */ const ftLags = [];
    /** @type {number[]} */ const baselineLags = [];
    for (let i = 0; i < rounds * PER_ROUND; i++) {
      const seen = reader.evaluate((value) => new Promise((resolve) => {
        const poll = async () => {
          const r = await ft.getStorage({ key: 'ping' }).catch(() => ({}));
          if (r.data === value) resolve(performance.timeOrigin + performance.now());
          else setTimeout(poll, 2);
        };
        poll();
      }), i);
      const called = await writer.evaluate((value) => {
        const at = performance.timeOrigin + performance.now();
        ft.setStorage({ key: 'ping', data: value });
        return at;
      }, i);
      ftLags.push((await seen) - called);

      const heard = reader.evaluate((value) => new Promise((resolve) => {
        const on = (/** @type {StorageEvent} */ e) => {
          if (e.key === 'bench-ping' && e.newValue === JSON.stringify(value)) {
            removeEventListener('storage', on);
            resolve(performance.timeOrigin + performance.now());
          }
        };
        addEventListener('storage', on);
      }), i);
      const wrote = await writer.evaluate((value) => {
        const at = performance.timeOrigin + performance.now();
        localStorage.setItem('bench-ping', JSON.stringify(value));
        return at;
      }, i);
      baselineLags.push((await heard) - wrote);
    }
    const ftMs = round(median(ftLags), 1);
    return {
      ftMs,
      worstMs: round(Math.max(...ftLags), 1),
      baselineMs: round(median(baselineLags), 1),
      samples: ftLags.length,
      targetMs: CROSS_TAB_TARGET_MS,
      pass: ftMs <= CROSS_TAB_TARGET_MS,
    };
  } finally {
    await context.close();
  }
}
