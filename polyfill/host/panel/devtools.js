// The devtools of one instance (UI chunk, built on first use, one per runtime): what the storage
// and network sections of the host panel and the simulator read and do, and ftHost.har(). The
// simulator's shell reaches the frame's through ftHost[Symbol.for('ft-polyfill.devtools')]().

import { harOf, networkEntries, readFetchBody, recordFetch } from './network-log.js';
import { storageTools } from './storage-tools.js';

/** @typedef {ReturnType<typeof makeDevtools>} Devtools */

/** @param {import('../../runtime.js').Runtime} runtime */
function makeDevtools(runtime) {
  recordFetch(runtime);
  return {
    /** Every request so far, oldest first (network-log.js NetEntry). */
    network: () => /** @type {import('./network-log.js').NetEntry[]} */ (networkEntries(runtime)),
    /** @param {string} id  a page fetch's entry id: reads its response body */
    readBody: (id) => readFetchBody(runtime, id),
    /** A HAR 1.2 log of every request (ftHost.har()). */
    har: async () => harOf(await networkEntries(runtime, true)),
    storage: storageTools(runtime),
  };
}

/** @type {WeakMap<object, Devtools>} */
const made = new WeakMap();

/** @param {import('../../runtime.js').Runtime} runtime @returns {Devtools} */
export function devtools(runtime) {
  let tools = made.get(runtime);
  if (!tools) made.set(runtime, (tools = makeDevtools(runtime)));
  return tools;
}
