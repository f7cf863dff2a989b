// Writes made just before the page leaves are kept (docs/durability.md), in every engine:
// fire-and-forget setStorage/removeStorage/clearStorage, then a reload, a navigation or the tab's
// close, with no success callback awaited; and a write in the page's first script, before the
// core is up, then a redirect. The next start reads every one back.

import { withRecorder } from '../../helpers/engines.js';

/** The record's localStorage key (wasm-glue/persistence.js). @param {string} appId */
const recordKey = (appId) => `ft-polyfill:unsaved:${appId}`;

/**
 * Writes one key, a 200-key batch of 10 KB values (2 MB in all), a 900 KB value, a removal and a
 * clear-then-write, without waiting for any of them. Runs in the page.
 * @param {string} round @param {any} [ft]  another tab's ft (default: this page's)
 */
function writeWithoutWaiting(round, ft = /** @type {any} */ (window).ft) {
  ft.setStorage({ key: 'gone', data: 1 });
  ft.clearStorage();
  ft.setStorage({ key: 'single', data: { round } });
  const tenKb = 'b'.repeat(10 * 1024);
  for (let i = 0; i < 200; i++) ft.setStorage({ key: `batch-${i}`, data: `${round}:${i}:${tenKb}` });
  ft.setStorage({ key: 'large', data: `${round}:${'L'.repeat(900 * 1024)}` });
  ft.setStorage({ key: 'removed', data: 'soon gone' });
  ft.removeStorage({ key: 'removed' });
}

/** Reads back what writeWithoutWaiting wrote, in the page. Runs in the page. */
async function readBack() {
  const { ft, ftHost } = /** @type {any} */ (window);
  await ftHost.ready;
  const get = (/** @type {string} */ key) => ft.getStorage({ key }).then((/** @type {any} */ r) => r.data, (/** @type {any} */ e) => e.errMsg);
  const { keys } = await ft.getStorageInfo();
  const batch = [];
  for (let i = 0; i < 200; i++) batch.push(await get(`batch-${i}`));
  const large = await get('large');
  return {
    keys: keys.length,
    single: await get('single'),
    gone: await get('gone'),
    removed: await get('removed'),
    batchRounds: [...new Set(batch.map((v) => (typeof v === 'string' ? `${v.split(':')[0]}:${v.length > 10 * 1024}` : v)))],
    batchInOrder: batch.every((v, i) => typeof v === 'string' && v.split(':')[1] === String(i)),
    large: typeof large === 'string' ? `${large.split(':')[0]}:${large.length}` : large,
  };
}

/** What readBack gives after round `round` was written. @param {string} round */
const written = (round) => ({
  keys: 202,
  single: { round },
  gone: 'getStorage:fail data not found',
  removed: 'getStorage:fail data not found',
  batchRounds: [`${round}:true`],
  batchInOrder: true,
  large: `${round}:${round.length + 1 + 900 * 1024}`,
});

/**
 * Waits until the page is a loaded document at a url ending with `suffix`, across a navigation
 * the page started by itself (evaluating during it fails: that is retried).
 * @param {import('../../helpers/engines.js').EnginePage} page @param {string} suffix
 */
async function arrivedAt(page, suffix) {
  for (;;) {
    const at = await page.evaluate((s) => document.readyState === 'complete' && location.href.endsWith(s), suffix).catch(() => false);
    if (at) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** @type {Record<string, import('../../../bin/server.js').RouteHandler>} */
export const routes = {
  // The page's first script writes (the core is not up yet), then the page redirects at once.
  '/engines/leave/first-script.html': (_req, res, url) => {
    const appId = JSON.stringify(url.searchParams.get('appId'));
    const next = JSON.stringify(url.searchParams.get('next'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(withRecorder(`<!doctype html><html><head><title>leave</title><script>window.ftHostConfig = { appId: ${appId} };</script>
<script src="/dist/ft-polyfill.js"></script>
<script>ft.setStorage({ key: 'first', data: { from: 'the first script' } }); ft.setStorage({ key: 'second', data: [2] }); ft.removeStorage({ key: 'old' }); location.href = ${next};</script>
</head><body></body></html>`));
  },
};

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'writes not awaited before a reload are all read back: one key, 200 keys (2 MB), a 900 KB value, a removal, a clear (docs/durability.md)',
    async run(browser) {
      const appId = 'engines-leave-reload';
      const page = await browser.open(browser.pageUrl({ appId }));
      for (const round of ['r1', 'r2']) {
        await page.evaluate(() => ftHost.ready);
        await page.navigateBy(/** @type {any} */ (`(r) => { (${writeWithoutWaiting})(r); location.reload(); }`), round);
        expect(await page.evaluate(`async () => (${readBack})()`)).toEqual(written(round));
        // The record is removed once its writes are in IndexedDB.
        expect(await page.waitFor((key) => localStorage.getItem(key) === null, recordKey(appId))).toBe(true);
      }
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'writes not awaited before a navigation to another page of the app are all read back there',
    async run(browser) {
      const appId = 'engines-leave-navigate';
      const page = await browser.open(browser.pageUrl({ appId }));
      await page.evaluate(() => ftHost.ready);
      await page.navigateBy(/** @type {any} */ (`(next) => { (${writeWithoutWaiting})('n1'); location.href = next; }`), browser.pageUrl({ appId }, '&page=2'));
      expect(await page.evaluate(`async () => (${readBack})()`)).toEqual(written('n1'));
      expect(await page.waitFor((key) => localStorage.getItem(key) === null, recordKey(appId))).toBe(true);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: "writes made in the page's first script, before the core is up, then a redirect, are read back by the next page",
    async run(browser) {
      const appId = 'engines-leave-first-script';
      const page = await browser.open(browser.pageUrl({ appId }));
      await page.evaluate(() => ft.setStorage({ key: 'old', data: 'stored before' }));
      const next = browser.pageUrl({ appId }, '&arrived=1');
      await page.goto(browser.url(`/engines/leave/first-script.html?appId=${appId}&next=${encodeURIComponent(next)}`)).catch(() => {});
      await arrivedAt(page, '&arrived=1');
      const read = await page.evaluate(async () => {
        await ftHost.ready;
        const get = (/** @type {string} */ key) => ft.getStorage({ key }).then((r) => r.data, (e) => e.errMsg);
        return { first: await get('first'), second: await get('second'), old: await get('old') };
      });
      expect(read).toEqual({ first: { from: 'the first script' }, second: [2], old: 'getStorage:fail data not found' });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'writes not awaited before a tab is closed are read back at the next start',
    async run(browser) {
      const appId = 'engines-leave-close';
      const page = await browser.open(browser.pageUrl({ appId }));
      // The tab is opened by the page (a real click), so the page may close it.
      await page.evaluate((url) => {
        const button = document.createElement('button');
        button.id = 'open-tab';
        button.onclick = () => { /** @type {any} */ (window).tab = window.open(url); };
        document.body.append(button);
      }, browser.pageUrl({ appId }, '&tab=1'));
      await page.click('#open-tab');
      await page.waitFor(() => { const tab = /** @type {any} */ (window).tab; return tab && tab.ftHost && tab.document.readyState === 'complete'; });
      await page.evaluate(`async () => {
        const tab = window.tab;
        await tab.ftHost.ready;
        (${writeWithoutWaiting}).call(tab, 'c1', tab.ft);
        tab.close();
      }`);
      expect(await page.waitFor(() => /** @type {any} */ (window).tab.closed)).toBe(true);
      await page.reload();
      expect(await page.evaluate(`async () => (${readBack})()`)).toEqual(written('c1'));
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'writes over what localStorage holds are said lost on the console as the page leaves; awaited, they are durable',
    async run(browser) {
      const appId = 'engines-leave-too-large';
      const page = await browser.open(browser.pageUrl({ appId }));
      const kept = await page.evaluate(async (key) => {
        await ftHost.ready;
        // 8 values of 900 KB: 7.2 M characters, more than any engine's localStorage takes.
        const writes = [];
        for (let i = 0; i < 8; i++) writes.push(ft.setStorage({ key: `big-${i}`, data: String(i).repeat(900 * 1024) }));
        dispatchEvent(new Event('pagehide'));
        const record = localStorage.getItem(key);
        await Promise.all(writes);
        return { record, keys: (await ft.getStorageInfo()).keys.length };
      }, recordKey(appId));
      expect(kept).toEqual({ record: null, keys: 8 });
      const lines = await page.records('warn', /made as the page left are lost/);
      expect(lines).toEqual([expect.stringMatching(/^ft-polyfill: \d+ KB of writes made as the page left are lost \(.+\)$/)]);
      expect(await page.errors()).toEqual([]);
    },
  },
];
