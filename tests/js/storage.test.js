// Storage through ft (behaviour.md §2) in Node, against the real core and fake-indexeddb.
import { freshFt, polyfill } from '../helpers/node.js';

describe('storage', () => {
  test.each([
    ['string', 'hello'], ['empty string', ''], ['number', 3.25], ['zero', 0], ['negative', -7], ['true', true], ['false', false],
    ['null', null], ['array', [1, 'a', null, { b: [2] }]], ['object', { a: 1, nested: { deep: ['x'] } }],
    ['unicode', '中文 🚀 \u00e9'], ['string "undefined"', 'undefined'], ['lone surrogate', 'x\ud800y'],
  ])('%s round-trips with its type', async (_name, value) => {
    const { ft } = await freshFt();
    await ft.setStorage({ key: 'v', data: value });
    const { data } = await ft.getStorage({ key: 'v' });
    expect(data).toEqual(value);
  });

  test('Date reads back as a Date; undefined as undefined', async () => {
    const { ft } = await freshFt();
    const when = new Date('2024-02-29T12:34:56.789Z');
    await ft.setStorage({ key: 'd', data: when });
    const d = (await ft.getStorage({ key: 'd' })).data;
    expect(d).toBeInstanceOf(Date);
    expect(d.getTime()).toBe(when.getTime());
    await ft.setStorage({ key: 'u', data: undefined });
    const u = await ft.getStorage({ key: 'u' });
    expect(u).toHaveProperty('data', undefined);
  });

  test('unicode and lone-surrogate keys', async () => {
    const { ft } = await freshFt();
    for (const key of ['购物车', 'a\ud800', '\uffffmark', '']) {
      await ft.setStorage({ key, data: key.length });
      expect((await ft.getStorage({ key })).data).toBe(key.length);
    }
    const { keys } = await ft.getStorageInfo();
    expect(keys.sort()).toEqual(['', 'a\ud800', '\uffffmark', '购物车'].sort());
  });

  test('missing key fails with data not found; removing it succeeds', async () => {
    const { ft } = await freshFt();
    await expect(ft.getStorage({ key: 'nope' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' });
    await expect(ft.removeStorage({ key: 'nope' })).resolves.toEqual({ errMsg: 'removeStorage:ok' });
  });

  test('1 MB per key: over the limit fails and keeps the old value', async () => {
    const { ft } = await freshFt();
    await ft.setStorage({ key: 'big', data: 'old' });
    await expect(ft.setStorage({ key: 'big', data: 'x'.repeat(1024 * 1024) })).rejects.toEqual({
      errMsg: 'setStorage:fail exceed storage item max length',
    });
    expect((await ft.getStorage({ key: 'big' })).data).toBe('old');
  });

  test('10 MB in all: the write that crosses it fails and nothing is written', async () => {
    const { ft } = await freshFt();
    const chunk = 'y'.repeat(1000 * 1000);
    for (let i = 0; i < 10; i++) await ft.setStorage({ key: `k${i}`, data: chunk });
    await expect(ft.setStorage({ key: 'k10', data: chunk })).rejects.toEqual({ errMsg: 'setStorage:fail exceed storage max size 10MB' });
    await expect(ft.getStorage({ key: 'k10' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' });
    const info = await ft.getStorageInfo();
    expect(info.keys).toHaveLength(10);
    expect(info.limitSize).toBe(10240);
    expect(info.currentSize).toBe(Math.ceil((10 * (2 + 1000 * 1000 + 2)) / 1024));
  });

  test('getStorageInfo sizes in KB', async () => {
    const { ft } = await freshFt();
    await ft.setStorage({ key: 'ab', data: 'z'.repeat(2046) }); // 2 + 2048 bytes stored
    expect(await ft.getStorageInfo()).toEqual({ keys: ['ab'], currentSize: 3, limitSize: 10240, errMsg: 'getStorageInfo:ok' });
  });

  test('clearStorage removes this app\'s keys only', async () => {
    const appA = await freshFt();
    const appB = await freshFt();
    await appA.ft.setStorage({ key: 'a', data: 1 });
    await appB.ft.setStorage({ key: 'b', data: 2 });
    await appA.ft.clearStorage();
    expect((await appA.ft.getStorageInfo()).keys).toEqual([]);
    expect((await appB.ft.getStorage({ key: 'b' })).data).toBe(2);
  });

  test('a value JSON cannot carry (cycle, BigInt) fails clearly, stores nothing and never throws (§2.1)', async () => {
    const { ft, host } = await freshFt();
    const cyclic = { a: 1 };
    cyclic.self = cyclic;
    await expect(ft.setStorage({ key: 'c', data: cyclic })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^setStorage:fail parameter error: data is not serialisable \(/) });
    await expect(ft.setStorage({ key: 'b', data: { n: 10n } })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^setStorage:fail parameter error: data is not serialisable \(/) });
    await expect(ft.setStorage({ key: 'b', data: 10n })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^setStorage:fail parameter error: data is not serialisable \(/) });
    expect((await ft.getStorageInfo()).keys).toEqual([]);
    expect(host.warnings()).toEqual([]);
    expect(cyclic.self).toBe(cyclic);
  });

  test('what reads back is the host\'s JSON round trip, and each change is a device check (§2.1, §1.15)', async () => {
    const { ft, host } = await freshFt();
    const fn = () => 1;
    // One call site each: a device check is reported once per kind and call site.
    await ft.setStorage({ key: 'map', data: new Map([['a', 1]]) });
    await ft.setStorage({ key: 'set', data: new Set([1]) });
    await ft.setStorage({ key: 'nan', data: NaN });
    await ft.setStorage({ key: 'items', data: [1, Infinity, undefined, fn] });
    await ft.setStorage({ key: 'members', data: { u: undefined, n: -Infinity, f: fn, keep: 1 } });
    await ft.setStorage({ key: 'fn', data: fn });
    await ft.setStorage({ key: 'symbol', data: Symbol('s') });
    await ft.setStorage({ key: 'nestedDate', data: { when: new Date('2024-02-29T12:34:56.789Z') } });
    await ft.setStorage({ key: 'typed', data: new Uint8Array([1, 2]) });
    await ft.setStorage({ key: 'buffer', data: new ArrayBuffer(4) });
    await ft.setStorage({ key: 'regexp', data: /re/g });
    await ft.setStorage({ key: 'boxed', data: new Number(5) });
    await ft.setStorage({ key: 'invalidDate', data: new Date(NaN) });
    await ft.setStorage({ key: 'minusZero', data: -0 });
    const read = async (key) => (await ft.getStorage({ key })).data;
    expect(await read('map')).toEqual({});
    expect(await read('set')).toEqual({});
    expect(await read('nan')).toBeNull();
    expect(await read('items')).toEqual([1, null, null, null]);
    expect(await read('members')).toEqual({ n: null, keep: 1 });
    expect(await read('fn')).toBeUndefined();
    expect(await read('symbol')).toBeUndefined();
    expect(await read('nestedDate')).toEqual({ when: '2024-02-29T12:34:56.789Z' });
    expect(await read('typed')).toEqual({ 0: 1, 1: 2 });
    expect(await read('buffer')).toEqual({});
    expect(await read('regexp')).toEqual({});
    expect(await read('boxed')).toBe(5);
    const invalid = await read('invalidDate');
    expect(invalid).toBeInstanceOf(Date);
    expect(invalid.getTime()).toBe(0);
    expect(Object.is(await read('minusZero'), 0)).toBe(true);

    const warnings = host.warnings();
    expect(warnings.every((w) => w.kind === 'storage-value' && w.api === 'setStorage')).toBe(true);
    expect(warnings[0].message).toBe('data reads back as JSON: Map at data becomes {}; store JSON values only');
    // The first value of each that reads back changed, where it is (an undefined member is dropped
    // and still reads as undefined; -0 reads back as 0, which is equal: neither is a check).
    expect(warnings.map((w) => w.message.slice(w.message.indexOf(': ') + 2, w.message.indexOf(' becomes')))).toEqual([
      'Map at data', 'Set at data', 'NaN at data', 'Infinity at item 1', '-Infinity at member "n"', 'Function at data', 'Symbol at data',
      'Date at member "when"', 'Uint8Array at data', 'ArrayBuffer at data', 'RegExp at data', 'Number at data', 'Date at data',
    ]);
    // What each becomes is what reads back: a nested Date its ISO string, the invalid Date itself new Date(0).
    expect(warnings[7].message).toBe('data reads back as JSON: Date at member "when" becomes "2024-02-29T12:34:56.789Z"; store JSON values only');
    expect(warnings[12].message).toBe('data reads back as JSON: Date at data becomes new Date(0) (1970-01-01T00:00:00.000Z); store JSON values only');
  });

  test('values that read back as stored are no device check', async () => {
    const { ft, host } = await freshFt();
    for (const data of ['s', 1.5, true, null, [1, 'a'], { a: { b: [null] }, u: undefined }, undefined, new Date(5), '', 'undefined']) {
      await ft.setStorage({ key: 'k', data });
    }
    expect(host.warnings()).toEqual([]);
  });

  test('the caller\'s object is not changed', async () => {
    const { ft } = await freshFt();
    const data = { m: new Map([['a', 1]]), d: new Date(7), list: [undefined, NaN] };
    await ft.setStorage({ key: 'k', data });
    expect(data.m.get('a')).toBe(1);
    expect(data.d.getTime()).toBe(7);
    expect(data.list).toEqual([undefined, NaN]);
  });

  test('records of the first format still read back: a Date stored as its time value, an invalid one as NaN', async () => {
    const appId = `jest-legacy-${process.pid}`;
    const first = polyfill.createFt({ config: { appId } });
    await first.host.ready;
    const { storage, persistence } = first.runtime.core();
    // What the first format wrote: the tag "date" and the time value (NaN when invalid).
    for (const [key, payload] of [['valid', '1700000000123'], ['invalid', 'NaN'], ['u', ''], ['n', 'null']]) {
      const written = storage.set(key, key === 'u' ? 'undefined' : key === 'n' ? 'null' : 'date', payload);
      expect(written).toEqual({ ok: true, op: expect.any(Number) });
      await new Promise((resolve) => persistence.whenDurable(written.op, resolve));
    }
    const second = polyfill.createFt({ config: { appId } });
    await second.host.ready;
    const valid = (await second.ft.getStorage({ key: 'valid' })).data;
    expect(valid).toBeInstanceOf(Date);
    expect(valid.getTime()).toBe(1700000000123);
    const invalid = (await second.ft.getStorage({ key: 'invalid' })).data;
    expect(invalid).toBeInstanceOf(Date);
    expect(Number.isNaN(invalid.getTime())).toBe(true);
    expect(await second.ft.getStorage({ key: 'u' })).toEqual({ data: undefined, errMsg: 'getStorage:ok' });
    expect((await second.ft.getStorage({ key: 'n' })).data).toBeNull();
  });

  test('a write made while the journals are being compacted is flushed too, with no later write', async () => {
    const appId = `jest-compact-${process.pid}`;
    const { ft, runtime } = polyfill.createFt({ config: { appId } });
    await ft.setStorage({ key: 'before', data: 1 });
    const { persistence, storage } = runtime.core();
    // The write lands right after the core compacted, while the compaction is being pushed
    // (persistence.js asks for a compaction once writes pause; here at once).
    const compact = storage.compact.bind(storage);
    /** @type {Promise<unknown> | null} */
    let late = null;
    storage.compact = () => {
      const report = compact();
      late = ft.setStorage({ key: 'during', data: 2 });
      return report;
    };
    persistence.compactRequested = true;
    persistence.scheduleFlush();
    await persistence.idle;
    expect(late).not.toBeNull();
    const settled = await Promise.race([late.then(() => 'durable'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000))]);
    expect(settled).toBe('durable');
    const second = polyfill.createFt({ config: { appId } });
    await second.host.ready;
    expect((await second.ft.getStorage({ key: 'during' })).data).toBe(2);
    expect((await second.ft.getStorage({ key: 'before' })).data).toBe(1);
  });

  test('data persists: a new instance of the same appId reads it', async () => {
    const appId = `jest-persist-${process.pid}`;
    const first = polyfill.createFt({ config: { appId } });
    await first.ft.setStorage({ key: 'cart', data: { items: [1, 2] } });
    const second = polyfill.createFt({ config: { appId } });
    await second.host.ready;
    expect((await second.ft.getStorage({ key: 'cart' })).data).toEqual({ items: [1, 2] });
  });
});
