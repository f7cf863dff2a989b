// Damaged data (issue 6 §3): one record of one file, a shard or a journal (src/storage.h), is
// corrupted inside the IDBFS IndexedDB database (a byte of its payload flipped, as a disk or a
// buggy tool would). On reload it is skipped with exactly one warning naming the file, every other
// key still reads, and the next write repairs the store (the reload after it warns no more).
import { newPage, useChromium } from '../helpers/browser.js';

const suite = useChromium();

const { pageUrl } = suite;
const KEYS = 40;

/** @param {import('playwright-core').Page} page */
function collectWarnings(page) {
  /** @type {string[]} */
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  return warnings;
}

test.each([
  // 40 writes at once: one flush, one journal file holding them all.
  ['journal', /\/journal-[0-9a-f]{8}$/],
  // 40 writes one at a time: 40 journals, compacted into the shards once the page pauses.
  ['shard', /\/shard-[0-9a-f]{2}$/],
])('a corrupted record of a %s is skipped with one warning naming it; the next write repairs the store', async (kind, file) => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(pageUrl({ appId: 'damaged' }));
  await page.evaluate(async ([n, inFlight]) => {
    const write = (/** @type {number} */ i) => ft.setStorage({ key: `key${i}`, data: { i, text: `value ${i}` } });
    if (inFlight) await Promise.all(Array.from({ length: n }, (_, i) => write(i)));
    else {
      for (let i = 0; i < n; i++) await write(i);
      // The compaction runs once writes pause (wasm-glue/persistence.js COMPACT_AFTER_MS, 200 ms).
      await new Promise((resolve) => setTimeout(resolve, 400));
      await ftHost.flushed();
    }
  }, [KEYS, kind === 'journal']);

  // Corrupt from a page of another appId (so nothing of 'damaged' is open), with plain IndexedDB.
  await page.goto(pageUrl({ appId: 'corrupter' }));
  const damaged = await page.evaluate(async (pattern) => {
    const name = '/ft-polyfill-storage/damaged';
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = db.transaction(['FILE_DATA'], 'readwrite').objectStore('FILE_DATA');
    const entries = await new Promise((resolve) => {
      const out = [];
      store.openCursor().onsuccess = (e) => {
        const cursor = e.target.result;
        if (!cursor) return resolve(out);
        out.push([cursor.key, cursor.value]);
        cursor.continue();
      };
    });
    // A file of the kind that holds at least two records; flip one byte of its first record's payload.
    const [path, entry] = entries.find(([k, v]) => new RegExp(pattern).test(k) && v.contents && new TextDecoder().decode(v.contents).split('\n').length > 3);
    const text = new TextDecoder().decode(entry.contents);
    const lineStart = text.indexOf('\n') + 1;
    const lineEnd = text.indexOf('\n', lineStart);
    const fields = text.slice(lineStart, lineEnd).split('\t');
    const at = lineEnd - 2; // inside the payload, before its closing brace
    const contents = new Uint8Array(entry.contents);
    contents[at] ^= 0x01;
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['FILE_DATA'], 'readwrite');
      tx.objectStore('FILE_DATA').put({ ...entry, contents }, path);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { path, key: fields[2], records: text.split('\n').length - 2 };
  }, file.source);
  expect(damaged.key).toMatch(/^key\d+$/);

  // Reload the app: one warning that names the file; every other key reads.
  const reader = await newPage(context);
  const warnings = collectWarnings(reader);
  await reader.goto(pageUrl({ appId: 'damaged' }));
  const read = await reader.evaluate(async (n) => {
    await ftHost.ready;
    const results = {};
    for (let i = 0; i < n; i++) results[`key${i}`] = await ft.getStorage({ key: `key${i}` }).then((r) => r.data.text, (e) => e.errMsg);
    return results;
  }, KEYS);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(damaged.path);
  expect(warnings[0]).toMatch(/line 2/);
  for (let i = 0; i < KEYS; i++) {
    const key = `key${i}`;
    expect([key, read[key]]).toEqual([key, key === damaged.key ? 'getStorage:fail data not found' : `value ${i}`]);
  }

  // The next write (of any key) rewrites the damaged shard clean, or compacts the damaged journal away.
  await reader.evaluate(() => ft.setStorage({ key: 'after-repair', data: true }));
  const again = await newPage(context);
  const warningsAgain = collectWarnings(again);
  await again.goto(pageUrl({ appId: 'damaged' }));
  const count = await again.evaluate(async () => { await ftHost.ready; return (await ft.getStorageInfo()).keys.length; });
  expect(warningsAgain).toEqual([]);
  expect(count).toBe(KEYS); // KEYS - 1 survivors + after-repair
  expect(reader.errors).toEqual([]);
  await context.close();
});

test('a file that is not a shard or journal at all (garbage bytes) is skipped the same way', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(pageUrl({ appId: 'garbage' }));
  await page.evaluate(async () => {
    for (let i = 0; i < 10; i++) await ft.setStorage({ key: `g${i}`, data: i });
  });
  await page.goto(pageUrl({ appId: 'corrupter' }));
  const path = await page.evaluate(async () => {
    const db = await new Promise((resolve) => { const r = indexedDB.open('/ft-polyfill-storage/garbage'); r.onsuccess = () => resolve(r.result); });
    const tx = db.transaction(['FILE_DATA'], 'readwrite');
    const store = tx.objectStore('FILE_DATA');
    const keys = await new Promise((resolve) => { const r = store.getAllKeys(); r.onsuccess = () => resolve(r.result); });
    const shard = keys.find((k) => /\/(shard|journal)-/.test(k));
    const entry = await new Promise((resolve) => { const r = store.get(shard); r.onsuccess = () => resolve(r.result); });
    store.put({ ...entry, contents: new Uint8Array([0xff, 0xfe, 0, 1, 2, 10, 9, 9, 10]) }, shard);
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
    return shard;
  });
  const reader = await newPage(context);
  const warnings = collectWarnings(reader);
  await reader.goto(pageUrl({ appId: 'garbage' }));
  const readable = await reader.evaluate(async () => {
    await ftHost.ready;
    let n = 0;
    for (let i = 0; i < 10; i++) n += await ft.getStorage({ key: `g${i}` }).then(() => 1, () => 0);
    return n;
  });
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(path);
  expect(readable).toBeGreaterThanOrEqual(8);
  expect(readable).toBeLessThan(10);
  expect(reader.errors).toEqual([]);
  await context.close();
});
