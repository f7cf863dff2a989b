// Opening an appId's IndexedDB database (one per appId, so apps never see each other's keys,
// behaviour.md §2.5) with IDBFS's schema, and reading it in one transaction, before the
// WebAssembly core is up. Never hangs: a blocked or silent IndexedDB gives a reason instead.

import { IDBFS_VERSION, IDBFS_STORE, createSchema } from './idbfs-adapter.js';

/** How long opening IndexedDB may take before storage falls back to memory (ms). */
const PROBE_TIMEOUT_MS = 5000;

/**
 * @typedef {import('./idbfs-adapter.js').Snapshot} Snapshot
 * @typedef {{ db: IDBDatabase | null, why: string | null, snapshot: Snapshot | null, usable?: Promise<void> }} EarlyOpen
 *   the appId's database opened with IDBFS's schema and read in one transaction (snapshot null
 *   if that read failed: open() then populates through IDBFS), or why IndexedDB cannot be used.
 *   `usable`: set when the database is being created (first start of an appId in this browser):
 *   its snapshot is empty at once, and `usable` settles when the creation has committed (the
 *   connection accepts transactions) or failed.
 */

/**
 * The IndexedDB database (and mount point) of an appId.
 * @param {string} appId
 */
export function mountPointOf(appId) {
  return `/ft-polyfill-storage/${encodeURIComponent(appId || 'default')}`;
}

/** An error's text for a warning. @param {unknown} error */
export function describeError(error) {
  if (error && typeof error === 'object' && 'message' in error) return String(/** @type {any} */ (error).message);
  if (error && typeof error === 'object' && 'errno' in error) return `errno ${/** @type {any} */ (error).errno}`;
  return String(error);
}

/**
 * Starts opening and reading an appId's database before the WebAssembly core is up: runtime.js
 * calls it beside loadCore, so the browser's open (costly on a cold start, as it creates the
 * database) and the read of every stored shard overlap the wasm compile; `Persistence.open(early)`
 * then hands the connection to IDBFS and writes the entries into the mount. Null where IndexedDB
 * does not exist (yet): open() then looks again.
 * @param {string} appId
 * @returns {Promise<EarlyOpen> | null}
 */
export function openEarly(appId) {
  if (typeof indexedDB === 'undefined' || !indexedDB) return null;
  return openDatabase(mountPointOf(appId));
}

/**
 * Closes a database openEarly opened that will not be used (another appId, a disposed instance).
 * @param {Promise<EarlyOpen> | null | undefined} opening
 */
export function closeUnused(opening) {
  if (opening) opening.then((opened) => { try { opened.db?.close(); } catch { /* closed already */ } });
}

/**
 * Opens the database ourselves before IDBFS does: IDBFS (Emscripten 3.1.6) handles a failed
 * open with `callback(this.error)` inside an arrow function, which throws in a module and never
 * calls back, so a blocked IndexedDB (private modes, denied permission) would leave storage
 * waiting forever. The open uses IDBFS's version and creates its store and index as IDBFS would,
 * so IDBFS can use the connection as its own (one open instead of two).
 * @param {string} name
 * @returns {Promise<EarlyOpen>}
 */
function openDatabase(name) {
  return new Promise((resolve) => {
    let settled = false;
    const timer = setTimeout(() => done({ db: null, why: `IndexedDB did not answer within ${PROBE_TIMEOUT_MS} ms`, snapshot: null }), PROBE_TIMEOUT_MS);
    /** @param {EarlyOpen} result */
    const done = (result) => {
      if (settled) {
        // Answered after the timeout: storage went on in memory; do not hold the database.
        try { result.db?.close(); } catch { /* closed already */ }
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    /** @type {IDBOpenDBRequest} */
    let request;
    try {
      request = indexedDB.open(name, IDBFS_VERSION);
    } catch (error) {
      done({ db: null, why: `IndexedDB failed (${describeError(error)})`, snapshot: null });
      return;
    }
    if (!request) {
      done({ db: null, why: 'IndexedDB failed (no request)', snapshot: null });
      return;
    }
    /** @type {{ resolve: () => void, reject: (error: unknown) => void } | null} */
    let creating = null;
    request.onupgradeneeded = (event) => {
      const db = request.result;
      createSchema(db, request.transaction);
      if (event.oldVersion === 0) {
        // A new database holds nothing: storage can start empty now instead of waiting for the
        // creation to commit (tens of ms on a cold start); writes wait for `usable`.
        const usable = new Promise((resolve, reject) => {
          // Should the creation never commit, writes fail (storage goes on in memory) instead of waiting.
          const timer = setTimeout(() => reject(new Error(`IndexedDB did not create the database within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
          creating = {
            resolve: () => { clearTimeout(timer); resolve(undefined); },
            reject: (/** @type {unknown} */ error) => { clearTimeout(timer); reject(error); },
          };
        });
        usable.catch(() => {});
        done({ db, why: null, snapshot: { keys: [], entries: [] }, usable });
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      if (creating) creating.resolve();
      else readSnapshot(db).then((snapshot) => done({ db, why: null, snapshot }), () => done({ db, why: null, snapshot: null }));
    };
    request.onerror = (event) => {
      event?.preventDefault?.();
      if (creating) creating.reject(request.error);
      done({ db: null, why: `IndexedDB failed (${describeError(request.error)})`, snapshot: null });
    };
  });
}

/**
 * Every entry of an IDBFS database, keys and values from one readonly transaction.
 * @param {IDBDatabase} db
 * @returns {Promise<Snapshot>}
 */
function readSnapshot(db) {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction([IDBFS_STORE], 'readonly');
    const store = transaction.objectStore(IDBFS_STORE);
    const keys = store.getAllKeys();
    const entries = store.getAll();
    transaction.oncomplete = () => {
      if (keys.result.length === entries.result.length) resolve({ keys: /** @type {string[]} */ (keys.result), entries: entries.result });
      else reject(new Error('inconsistent read'));
    };
    transaction.onerror = (event) => {
      event.preventDefault();
      reject(transaction.error);
    };
    transaction.onabort = () => reject(transaction.error);
  });
}
