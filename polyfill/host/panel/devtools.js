// The devtools of one instance (built on first use, one per runtime): what the storage and network
// sections of the host panel and the simulator read and do, and ftHost.har(). The sections reach
// the instance through ftHost[Symbol.for('ft-polyfill.runtime')]: the simulator's shell runs this
// code in its own window over its frame's instance (so values the page gets are made with the
// page's own constructors: storage-tools.js), and the page's UI chunk loads only for ftHost.har().

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

/** Where an instance keeps its devtools: one set, whichever bundle (UI chunk, simulator) made it. */
const MADE = Symbol.for('ft-polyfill.devtools');

/** @param {import('../../runtime.js').Runtime} runtime @returns {Devtools} */
export function devtools(runtime) {
  const holder = /** @type {any} */ (runtime);
  if (!holder[MADE]) holder[MADE] = makeDevtools(runtime);
  return holder[MADE];
}
