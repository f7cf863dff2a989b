// Storage in every engine (behaviour.md §2): types, persistence across a reload, limits, whose
// storage it is.

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'every supported type round-trips, Date, undefined and a lone surrogate included (§2.1)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-types' }));
      const out = await page.evaluate(async () => {
        const values = { s: 'text', n: 42.5, b: false, z: null, a: [1, { x: 'y' }], o: { nested: { deep: true } }, u: undefined, d: new Date(1700000000123), e: '', lone: 'a\ud800b', 键: '值' };
        /** @type {Record<string, { type: string, same: boolean }>} */
        const seen = {};
        for (const [key, data] of Object.entries(values)) await ft.setStorage({ key, data });
        for (const [key, value] of Object.entries(values)) {
          const { data } = await ft.getStorage({ key });
          seen[key] = {
            type: data instanceof Date ? 'date' : data === undefined ? 'undefined' : typeof data,
            same: value instanceof Date ? data instanceof Date && data.getTime() === value.getTime() : JSON.stringify(data) === JSON.stringify(value) && (typeof value !== 'string' || data === value),
          };
        }
        return seen;
      });
      for (const [key, { same }] of Object.entries(out)) expect([key, same]).toEqual([key, true]);
      expect(out.d.type).toBe('date');
      expect(out.u.type).toBe('undefined');
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'a write survives a reload started inside its success callback (§2.6)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-reload' }));
      await page.navigateBy(() => new Promise((resolve) => {
        ft.setStorage({ key: 'counter', data: { n: 1 } });
        ft.setStorage({ key: 'last', data: 'written-then-reloaded', success() { resolve(true); location.reload(); } });
      }));
      const after = await page.evaluate(async () => {
        await ftHost.ready;
        return [(await ft.getStorage({ key: 'last' })).data, (await ft.getStorage({ key: 'counter' })).data];
      });
      expect(after).toEqual(['written-then-reloaded', { n: 1 }]);
      // And across a reload by the browser itself.
      await page.evaluate(() => ft.setStorage({ key: 'second', data: [2] }));
      await page.reload();
      expect(await page.evaluate(async () => (await ft.getStorage({ key: 'second' })).data)).toEqual([2]);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'a missing key, an over-limit write and getStorageInfo answer as the contract says (§2.2-2.4)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-limits' }));
      const out = await page.evaluate(async () => {
        const missing = await ft.getStorage({ key: 'nope' }).catch((e) => e);
        const removeMissing = (await ft.removeStorage({ key: 'nope' })).errMsg;
        await ft.setStorage({ key: 'big', data: 'small' });
        const tooBig = await ft.setStorage({ key: 'big', data: 'x'.repeat(1024 * 1024) }).catch((e) => e);
        const kept = (await ft.getStorage({ key: 'big' })).data;
        const info = await ft.getStorageInfo();
        return { missing, removeMissing, tooBig, kept, info };
      });
      expect(out.missing).toEqual({ errMsg: 'getStorage:fail data not found' });
      expect(out.removeMissing).toBe('removeStorage:ok');
      expect(out.tooBig).toEqual({ errMsg: 'setStorage:fail exceed storage item max length' });
      expect(out.kept).toBe('small');
      expect(out.info).toEqual({ keys: ['big'], currentSize: 1, limitSize: 10240, errMsg: 'getStorageInfo:ok' });
    },
  },
  {
    name: "storage is the mini-program's: clearStorage leaves localStorage and other appIds alone (§2.5)",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-app-one' }));
      await page.evaluate(async () => {
        localStorage.setItem('page-own', 'keep me');
        await ft.setStorage({ key: 'shared-name', data: 'one' });
      });
      await page.goto(browser.pageUrl({ appId: 'engines-app-two' }));
      const two = await page.evaluate(async () => {
        const seen = (await ft.getStorageInfo()).keys;
        await ft.setStorage({ key: 'shared-name', data: 'two' });
        await ft.clearStorage();
        return { seen, local: localStorage.getItem('page-own'), after: (await ft.getStorageInfo()).keys };
      });
      expect(two).toEqual({ seen: [], local: 'keep me', after: [] });
      await page.goto(browser.pageUrl({ appId: 'engines-app-one' }));
      expect(await page.evaluate(async () => (await ft.getStorage({ key: 'shared-name' })).data)).toBe('one');
    },
  },
  {
    name: 'a fresh profile starts with empty storage',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-profiles' }));
      await page.evaluate(() => ft.setStorage({ key: 'here', data: 1 }));
      const other = await (await browser.newProfile()).open(browser.pageUrl({ appId: 'engines-profiles' }));
      expect(await other.evaluate(async () => (await ft.getStorageInfo()).keys)).toEqual([]);
      expect(await page.evaluate(async () => (await ft.getStorageInfo()).keys)).toEqual(['here']);
    },
  },
];
