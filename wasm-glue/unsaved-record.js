// The writes a page kept as it left (docs/durability.md): the record of the core's unconfirmed
// writes and of the calls queued before the core was up (the core builds and reads its lines:
// src/storage_record.h), in localStorage, which the browser persists synchronously.

import { describeError } from './idb-open.js';

/** The localStorage key of an appId's unsaved-writes record (docs/durability.md). @param {string} appId */
export const unsavedKey = (appId) => `ft-polyfill:unsaved:${appId}`;
/** The record this page last kept, per appId: replaced by its next one, removed once durable. @type {Map<string, string>} */
export const kept = new Map();
/**
 * The page's localStorage, or null where it may not be used (sandboxed, blocked, Node). Taken
 * once, as the script loads: a tab being closed no longer has it (WebKit: null at pagehide).
 * @type {Storage | null}
 */
let localStore = null;
try { localStore = window.localStorage; } catch { /* none */ }
export const local = () => localStore;

/**
 * The page is leaving (pagehide, or hidden: it may never run again): keeps the writes not yet in
 * IndexedDB, `record` (the core's unsaved-writes lines and the queued calls' ones), in
 * localStorage, which the browser persists synchronously, after the record another tab left there.
 * Persistence.open replays it. What localStorage refuses (about 5 MB) is lost, said once.
 * @param {string} appId @param {string} record @param {(message: string) => void} warn
 */
export function keepUnsaved(appId, record, warn) {
  const store = local();
  if (!record || !store) return;
  const key = unsavedKey(appId);
  try {
    const before = store.getItem(key);
    const text = (before !== null && before !== kept.get(appId) ? before : '') + record;
    store.setItem(key, text);
    kept.set(appId, text);
  } catch (error) {
    warn(`ft-polyfill: ${Math.ceil(record.length / 1024)} KB of writes made as the page left are lost (${describeError(error)})`);
  }
}
