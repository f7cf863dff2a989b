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
    name: "what reads back is the host's JSON round trip; each change is a storage-value device check; BigInt and cycles fail (§2.1, §1.15)",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-value-types' }));
      const out = await page.evaluate(async () => {
        await ftHost.ready;
        const fn = () => 1;
        const cyclic = /** @type {any} */ ({});
        cyclic.self = cyclic;
        const values = {
          map: new Map([['a', 1]]), set: new Set([1]), nan: NaN, items: [1, Infinity, undefined, fn], members: { u: undefined, n: -Infinity, f: fn, keep: 1 },
          fn, nestedDate: { when: new Date('2024-02-29T12:34:56.789Z') }, typed: new Uint8Array([1, 2]), regexp: /re/g, invalidDate: new Date(NaN),
        };
        /** @type {Record<string, string>} */
        const seen = {};
        for (const [key, data] of Object.entries(values)) await ft.setStorage({ key, data });
        for (const key of Object.keys(values)) {
          const { data } = await ft.getStorage({ key });
          seen[key] = data instanceof Date ? `Date ${data.toISOString()}` : data === undefined ? 'undefined' : JSON.stringify(data);
        }
        const failures = [];
        for (const data of [10n, { n: 1n }, cyclic]) failures.push(await ft.setStorage({ key: 'bad', data }).then((r) => r.errMsg, (e) => e.errMsg));
        const bad = await ft.getStorage({ key: 'bad' }).catch((e) => e.errMsg);
        return { seen, failures, bad, warnings: ftHost.warnings().map((w) => [w.kind, w.api, w.message.slice(w.message.indexOf(': ') + 2, w.message.indexOf(' becomes'))]) };
      });
      expect(out.seen).toEqual({
        map: '{}', set: '{}', nan: 'null', items: '[1,null,null,null]', members: '{"n":null,"keep":1}',
        fn: 'undefined', nestedDate: '{"when":"2024-02-29T12:34:56.789Z"}', typed: '{"0":1,"1":2}', regexp: '{}', invalidDate: 'Date 1970-01-01T00:00:00.000Z',
      });
      for (const errMsg of out.failures) expect(errMsg).toMatch(/^setStorage:fail parameter error: data is not serialisable \(.+\)$/);
      expect(out.bad).toBe('getStorage:fail data not found');
      expect(out.warnings).toEqual([
        ['storage-value', 'setStorage', 'Map at data'], ['storage-value', 'setStorage', 'Set at data'], ['storage-value', 'setStorage', 'NaN at data'],
        ['storage-value', 'setStorage', 'Infinity at item 1'], ['storage-value', 'setStorage', '-Infinity at member "n"'], ['storage-value', 'setStorage', 'Function at data'],
        ['storage-value', 'setStorage', 'Date at member "when"'], ['storage-value', 'setStorage', 'Uint8Array at data'], ['storage-value', 'setStorage', 'RegExp at data'],
        ['storage-value', 'setStorage', 'Date at data'],
      ]);
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
