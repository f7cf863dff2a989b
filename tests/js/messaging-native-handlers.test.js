// ftHost.callJS and the page's native API handlers against the real core (behaviour.md §4.5):
// every handler of a name runs, in the order added (the registNativeAPIHandler one last); the host
// gets the first value that is not undefined, a Promise counting by what it resolves to.
import { jest } from '@jest/globals';
import { freshFt } from '../helpers/node.js';

/** A Promise that resolves with `value` after a few macrotasks (a handler answering later). @param {unknown} value */
const later = (value) => new Promise((resolve) => setTimeout(() => resolve(value), 5));

/** Collects what reportError would get (Node 20 has none: console.error). */
function captureReports() {
  /** @type {unknown[]} */
  const reported = [];
  const previous = /** @type {any} */ (globalThis).reportError;
  /** @type {any} */ (globalThis).reportError = (/** @type {unknown} */ e) => reported.push(e);
  return { reported, restore: () => { /** @type {any} */ (globalThis).reportError = previous; } };
}

test('every handler runs in order with the params; a Promise resolving to undefined lets the next one answer', async () => {
  const { ft, host } = await freshFt();
  /** @type {unknown[]} */
  const ran = [];
  ft.onNativeAPIHandler('getCart', (p) => { ran.push(['async-undefined', p]); return later(undefined); });
  ft.onNativeAPIHandler('getCart', (p) => { ran.push(['two', p]); return 'two'; });
  ft.onNativeAPIHandler('getCart', (p) => { ran.push(['three', p]); return 'three'; });
  ft.registNativeAPIHandler('getCart', (p) => { ran.push(['regist', p]); return 'regist'; });
  const params = { n: 3 };
  await expect(host.callJS('getCart', params)).resolves.toBe('two');
  expect(ran).toEqual([['async-undefined', params], ['two', params], ['three', params], ['regist', params]]);
});

test("the first handler's Promise counts by what it resolves to, awaited in order", async () => {
  const { ft, host } = await freshFt();
  ft.onNativeAPIHandler('pay', () => later({ paid: 1 }));
  ft.onNativeAPIHandler('pay', () => ({ paid: 2 }));
  await expect(host.callJS('pay', {})).resolves.toEqual({ paid: 1 });

  // Only undefined is skipped: null, 0, '' and false are answers.
  ft.onNativeAPIHandler('falsy', () => undefined);
  ft.onNativeAPIHandler('falsy', () => later(0));
  ft.onNativeAPIHandler('falsy', () => 'never');
  await expect(host.callJS('falsy')).resolves.toBe(0);
});

test('the registNativeAPIHandler one answers when every onNativeAPIHandler one gives undefined', async () => {
  const { ft, host } = await freshFt();
  ft.registNativeAPIHandler('scan', () => later('regist'));
  ft.onNativeAPIHandler('scan', () => undefined);
  ft.onNativeAPIHandler('scan', () => Promise.resolve(undefined));
  await expect(host.callJS('scan')).resolves.toBe('regist');
  ft.registNativeAPIHandler('scan', () => undefined);
  await expect(host.callJS('scan')).resolves.toBeUndefined();
  await expect(host.callJS('nobody')).rejects.toThrow('handler nobody not found');
});

test('a throwing or rejecting handler is reported and counts as undefined; the others still run', async () => {
  const { ft, host } = await freshFt();
  const { reported, restore } = captureReports();
  try {
    /** @type {string[]} */
    const ran = [];
    ft.onNativeAPIHandler('share', () => { ran.push('throws'); throw new Error('handler broke'); });
    ft.onNativeAPIHandler('share', () => { ran.push('rejects'); return Promise.reject(new Error('handler rejected')); });
    ft.onNativeAPIHandler('share', () => { ran.push('answers'); return 'shared'; });
    await expect(host.callJS('share', {})).resolves.toBe('shared');
    expect(ran).toEqual(['throws', 'rejects', 'answers']);
    expect(reported.map((e) => /** @type {Error} */ (e).message)).toEqual(['handler broke', 'handler rejected']);
  } finally {
    restore();
  }
});

test('a rejection after the answer is reported too, never an unhandled rejection', async () => {
  const { ft, host } = await freshFt();
  const { reported, restore } = captureReports();
  const unhandled = jest.fn();
  process.on('unhandledRejection', unhandled);
  try {
    ft.onNativeAPIHandler('late', () => 'first');
    ft.onNativeAPIHandler('late', () => new Promise((_, reject) => setTimeout(() => reject(new Error('too late')), 5)));
    await expect(host.callJS('late')).resolves.toBe('first');
    await new Promise((r) => setTimeout(r, 30));
    expect(reported.map((e) => /** @type {Error} */ (e).message)).toEqual(['too late']);
    expect(unhandled).not.toHaveBeenCalled();
  } finally {
    process.off('unhandledRejection', unhandled);
    restore();
  }
});
