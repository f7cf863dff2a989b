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

  test('non-serialisable data fails clearly and stores nothing', async () => {
    const { ft } = await freshFt();
    const cyclic = {};
    cyclic.self = cyclic;
    await expect(ft.setStorage({ key: 'c', data: cyclic })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^setStorage:fail parameter error: data is not serialisable/) });
    await expect(ft.setStorage({ key: 'f', data: () => 1 })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^setStorage:fail parameter error/) });
    await expect(ft.setStorage({ key: 'b', data: 10n })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^setStorage:fail parameter error/) });
    expect((await ft.getStorageInfo()).keys).toEqual([]);
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
