// Node tests load the real CommonJS build (the real WebAssembly core) with fake-indexeddb.
import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** @type {{ createFt: (o?: any) => { ft: any, host: any, runtime: any }, installFt: (g?: any) => any }} */
export const polyfill = require('../../dist/ft-polyfill.cjs');

let counter = 0;
/** A fresh instance with its own appId (own IndexedDB database). @param {object} [config] */
export async function freshFt(config = {}) {
  const instance = polyfill.createFt({ config: { appId: `jest-${process.pid}-${++counter}`, ...config } });
  await instance.host.ready;
  return instance;
}

/** Calls an options-style API with callbacks and returns what happened, in order. */
export function callWithCallbacks(fn, options = {}) {
  return new Promise((resolve) => {
    const seen = [];
    fn({
      ...options,
      success: (r) => seen.push(['success', r]),
      fail: (r) => seen.push(['fail', r]),
      complete: (r) => { seen.push(['complete', r]); setTimeout(() => resolve(seen), 10); },
    });
  });
}
