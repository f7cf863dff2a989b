// Two tabs of one app in one profile, in every engine (behaviour.md §2.6): they share IndexedDB,
// Web Locks and BroadcastChannel as real tabs do. Commands go to one tab at a time (a WebDriver
// session runs one command at a time; Firefox brings the tab it talks to to the front).

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: "two tabs of one app see each other's writes, removals and clears",
    async run(browser) {
      const url = browser.pageUrl({ appId: 'engines-two-tabs' });
      const a = await browser.open(url);
      const b = await browser.open(url);
      await b.evaluate(() => ftHost.ready);
      await a.evaluate(async () => {
        await ft.setStorage({ key: 'gone', data: 1 });
        await ft.setStorage({ key: 'stays', data: { from: 'a' } });
      });
      expect(await b.waitFor(async () => { const { keys } = await ft.getStorageInfo(); return keys.length === 2 && keys.sort(); })).toEqual(['gone', 'stays']);
      expect(await b.evaluate(async () => (await ft.getStorage({ key: 'stays' })).data)).toEqual({ from: 'a' });
      await b.evaluate(async () => {
        await ft.removeStorage({ key: 'gone' });
        await ft.setStorage({ key: 'stays', data: { from: 'b' } });
      });
      const seenByA = await a.waitFor(async () => {
        const stays = await ft.getStorage({ key: 'stays' }).then((r) => r.data, () => null);
        const gone = await ft.getStorage({ key: 'gone' }).then(() => 'present', (e) => e.errMsg);
        return stays?.from === 'b' && gone !== 'present' && { stays, gone };
      });
      expect(seenByA).toEqual({ stays: { from: 'b' }, gone: 'getStorage:fail data not found' });
      await a.evaluate(() => ft.clearStorage());
      expect(await b.waitFor(async () => (await ft.getStorageInfo()).keys.length === 0)).toBe(true);
      expect(await a.errors()).toEqual([]);
      expect(await b.errors()).toEqual([]);
    },
  },
  {
    name: 'two tabs writing 50 keys each at the same time lose none; a third tab reads all of them',
    async run(browser) {
      const url = browser.pageUrl({ appId: 'engines-writers' });
      const tabs = [await browser.open(url), await browser.open(url)];
      // Each tab starts its writes and returns at once, so the two tabs' writes overlap.
      for (const [t, tab] of tabs.entries()) {
        await tab.evaluate(async (t) => {
          await ftHost.ready;
          const writes = [];
          for (let i = 0; i < 50; i++) writes.push(ft.setStorage({ key: `tab${t}-key${i}`, data: { t, i } }).then(() => 'ok', (e) => e.errMsg));
          writes.push(ft.setStorage({ key: 'shared', data: t }).then(() => 'ok', (e) => e.errMsg));
          /** @type {any} */ (window).__writes = Promise.all(writes);
        }, t);
      }
      for (const tab of tabs) expect((await tab.evaluate(() => /** @type {any} */ (window).__writes)).filter((/** @type {string} */ r) => r !== 'ok')).toEqual([]);
      const reader = await browser.open(url);
      const seen = await reader.evaluate(async () => {
        const missing = [];
        for (let t = 0; t < 2; t++) {
          for (let i = 0; i < 50; i++) {
            const got = await ft.getStorage({ key: `tab${t}-key${i}` }).then((r) => r.data, () => null);
            if (!got || got.t !== t || got.i !== i) missing.push(`tab${t}-key${i}`);
          }
        }
        return { missing, count: (await ft.getStorageInfo()).keys.length, shared: (await ft.getStorage({ key: 'shared' })).data };
      });
      expect(seen.missing).toEqual([]);
      expect(seen.count).toBe(101);
      expect([0, 1]).toContain(seen.shared);
      for (const tab of [...tabs, reader]) expect(await tab.errors()).toEqual([]);
    },
  },
];
