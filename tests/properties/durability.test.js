// Durability (issue 6 §2): a success callback means the data is in IndexedDB. The tab is closed
// right inside the success callback and a new tab reads everything back; rewrites within the
// same millisecond (and the same second: Emscripten's stat() has whole seconds) are persisted;
// without IndexedDB, storage keeps working in memory and warns exactly once.
import { newPage, useChromium } from '../helpers/browser.js';

const suite = useChromium();

const { pageUrl } = suite;

/** @param {import('playwright-core').BrowserContext} context @param {string} appId */
async function readAll(context, appId) {
  const page = await newPage(context);
  await page.goto(pageUrl({ appId }));
  const all = await page.evaluate(async () => {
    await ftHost.ready;
    const { keys } = await ft.getStorageInfo();
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const key of keys) out[key] = (await ft.getStorage({ key })).data;
    return out;
  });
  return { page, all };
}

const REPETITIONS = 20;

test(`closing the tab inside the success callback loses nothing (${REPETITIONS} repetitions)`, async () => {
  const context = await suite.browser.newContext();
  /** @type {Record<string, unknown>} */
  const expected = {};
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const page = await newPage(context);
    let closing = Promise.resolve();
    // The success callback calls back into the test, which closes the tab at once.
    await page.exposeBinding('closeMe', ({ page: p }) => { closing = p.close(); });
    await page.goto(pageUrl({ appId: 'durable-close' }));
    const closed = page.waitForEvent('close');
    await page.evaluate((rep) => {
      // Several writes in flight, a rewrite of a key written by every repetition, a removal;
      // the page closes in the success callback of the last one.
      ft.setStorage({ key: `rep${rep}`, data: { rep, text: 'x'.repeat(rep * 50) } });
      ft.setStorage({ key: 'latest', data: rep });
      if (rep > 0) ft.removeStorage({ key: `temp${rep - 1}` });
      ft.setStorage({ key: `temp${rep}`, data: rep });
      ft.setStorage({ key: 'counter', data: rep + 1, success: () => { window.closeMe(); } });
    }, rep);
    await closed;
    await closing;
    expected[`rep${rep}`] = { rep, text: 'x'.repeat(rep * 50) };
    expected.latest = rep;
    delete expected[`temp${rep - 1}`];
    expected[`temp${rep}`] = rep;
    expected.counter = rep + 1;

    const { page: reader, all } = await readAll(context, 'durable-close');
    expect(all).toEqual(expected);
    expect(reader.errors).toEqual([]);
    await reader.close();
  }
  await context.close();
  // Twenty rounds of pages opened and closed in Chromium: about 12 s alone, over 60 s with two test
  // runs sharing two cores; the bound only keeps a hang from waiting forever.
}, 240_000);

test('rewrites within the same millisecond and the same second are persisted', async () => {
  // Two clocks: one frozen (every write at the same Date.now()) and one that moves a millisecond a
  // call but never leaves its second, so only the store's generation (each push moves it forward,
  // wasm-glue/persistence.js) makes IDBFS see the rewrite, however slow the machine.
  const sameSecond = await suite.browser.newContext();
  await sameSecond.addInitScript(() => {
    const second = Math.floor(Date.now() / 1000) * 1000;
    let n = 0;
    Date.now = () => second + (n++ % 1000);
  });
  const frozen = await suite.browser.newContext();
  await frozen.addInitScript(() => {
    const t = Date.now();
    Date.now = () => t;
  });
  for (const [ctx, appId] of /** @type {const} */ ([[sameSecond, 'durable-same-second'], [frozen, 'durable-same-ms']])) {
    const page = await newPage(ctx);
    await page.goto(pageUrl({ appId }));
    // Each rewrite is its own flush (awaited).
    await page.evaluate(async () => {
      for (let i = 0; i < 12; i++) await ft.setStorage({ key: 'same', data: `v${i % 10}` });
    });
    await page.reload();
    const after = await page.evaluate(async () => (await ft.getStorage({ key: 'same' })).data);
    expect([appId, after]).toEqual([appId, 'v1']);
    // A second tab reads the last one too.
    const { all } = await readAll(ctx, appId);
    expect(all).toEqual({ same: 'v1' });
  }
  await frozen.close();
  await sameSecond.close();
});

describe('without IndexedDB, storage works in memory and warns exactly once', () => {
  const blockers = {
    'window.indexedDB undefined': () => { Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }); },
    'indexedDB.open throws': () => {
      IDBFactory.prototype.open = function open() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); };
    },
    'indexedDB.open fails asynchronously': () => {
      IDBFactory.prototype.open = function open() {
        const request = /** @type {any} */ ({ error: new DOMException('blocked', 'UnknownError') });
        setTimeout(() => request.onerror?.({ target: request, preventDefault() {} }), 0);
        return request;
      };
    },
  };
  test.each(Object.keys(blockers))('%s', async (name) => {
    const context = await suite.browser.newContext();
    await context.addInitScript(blockers[/** @type {keyof typeof blockers} */ (name)]);
    const page = await newPage(context);
    /** @type {string[]} */
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(pageUrl({ appId: 'no-idb' }));
    const result = await page.evaluate(async () => {
      await ftHost.ready;
      for (let i = 0; i < 20; i++) await ft.setStorage({ key: `k${i}`, data: i });
      await ft.removeStorage({ key: 'k0' });
      const read = (await ft.getStorage({ key: 'k19' })).data;
      const { keys } = await ft.getStorageInfo();
      await ft.clearStorage();
      await ft.setStorage({ key: 'after-clear', data: 'still works' });
      return { read, count: keys.length, after: (await ft.getStorage({ key: 'after-clear' })).data };
    });
    expect(result).toEqual({ read: 19, count: 19, after: 'still works' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/in memory/);
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
