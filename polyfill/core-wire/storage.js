// The storage side of the wire (polyfill/core-wire.js has its rules): Module.Storage, the store of
// one appId (src/storage.h, wasm-glue/bind_storage.cpp), with a memo of its answers to get(), so
// that repeated reads of a key skip the WebAssembly crossing (about 1.5 us of a 3 us read); and
// the store handles wasm-glue/persistence.js is given (it imports nothing from polyfill/). The
// core stays the one owner of the state and of every decision: the memo only holds what the core
// answered or accepted, and is dropped whenever the core's state may have changed without passing
// through here (refresh, load). Keys and values cross in value-codec.js's form, unmarked.

import { Persistence } from '../../wasm-glue/persistence.js';
import { mark } from '../marks.js';

/** @typedef {import('../core-wire.js').Answer<{ type: string, payload: string }>} StoredAnswer  get: the value's tag and JSON text */
/** @typedef {import('../core-wire.js').Answer<{ op: number }>} WriteAnswer  set: the write's op id (> 0) */

export class StorageCore {
  /** @param {any} handle  a Module.Storage */
  constructor(handle) {
    this.handle = handle;
    /** @type {Map<string, StoredAnswer>} core key → get's answer */
    this.memo = new Map();
  }

  /** @param {string} key @returns {StoredAnswer} */
  get(key) {
    let stored = this.memo.get(key);
    if (stored === undefined) {
      stored = /** @type {StoredAnswer} */ (this.handle.get(key));
      if (stored.ok) this.memo.set(key, stored);
    }
    return stored;
  }

  /**
   * A write; refused (a limit, §2.3), it answers why in the same crossing and nothing changed.
   * @param {string} key @param {string} type  [a-z]+ @param {string} payload  JSON text
   * @returns {WriteAnswer}
   */
  set(key, type, payload) {
    const written = this.handle.set(key, type, payload);
    if (written.ok) this.memo.set(key, { ok: true, type, payload });
    return written;
  }

  /** @param {string} key @returns {number} the write's op id */
  remove(key) {
    this.memo.delete(key);
    return this.handle.remove(key);
  }

  /** @returns {number} the write's op id */
  clear() {
    this.memo.clear();
    return this.handle.clear();
  }

  /** Reads the store's files. @returns {Array<{ file: string, line: number, what: string }>} what was skipped as damaged */
  load() {
    this.memo.clear();
    return this.handle.load();
  }

  /**
   * Reads what another tab changed; the pending writes that no longer fit are rejected.
   * @returns {{ reloaded: number, warnings: Array<{ file: string, line: number, what: string }>, rejected: Array<{ op: number, reason: string }> }}
   */
  refresh() {
    const report = this.handle.refresh();
    if (report.reloaded || report.rejected.length) this.memo.clear();
    return report;
  }

  delete() { this.memo.clear(); this.handle.delete(); }
}

/**
 * The store's other calls, which pass through as the handle answers them.
 * @typedef {object} StorageCalls
 * @property {() => { keys: string[], currentSize: number, limitSize: number }} info
 * @property {() => boolean} dirty  some write has not reached the files yet
 * @property {() => import('../../wasm-glue/store-sync.js').FlushReport} flush  the pending writes as one journal
 * @property {() => import('../../wasm-glue/store-sync.js').FlushReport} compact  the journals folded into the shards
 * @property {() => string} unsaved  the writes not yet confirmed durable, as the record a leaving page keeps
 * @property {(through: number) => void} confirm  every op <= through is in IndexedDB
 * @property {(record: string) => string} replay  a kept record's writes made again; the console lines of those that could not be
 */
/** @typedef {StorageCore & StorageCalls} Store  a store's core as the polyfill holds it */
for (const name of ['info', 'dirty', 'flush', 'compact', 'unsaved', 'confirm', 'replay']) {
  /** @type {any} */ (StorageCore.prototype)[name] = function (/** @type {any[]} */ ...args) { return this.handle[name](...args); };
}

/**
 * A line of the unsaved-writes record for a storage call the page made before the core was up:
 * the call itself as JSON, which the core reads when it replays the record (src/storage_record.h).
 * @param {'setStorage' | 'removeStorage' | 'clearStorage'} api
 * @param {{ key?: string, type?: string, payload?: string }} write  the core's key, the value's tag and text
 */
export const queuedWriteLine = (api, write) => `${JSON.stringify({ api, ...write })}\n`;

/**
 * The storage of an appId (wasm-glue/persistence.js) on the module's file system and store, its
 * read marked for DevTools.
 * @param {any} Module  the Emscripten module @param {string} appId
 * @param {import('../../wasm-glue/persistence.js').OpenStore} openStore  opens the appId's store (Runtime.openStore)
 */
export const persistenceOf = (Module, appId, openStore) => new Persistence({
  FS: Module.FS,
  IDBFS: Module.IDBFS,
  open: (mount) => /** @type {Store} */ (new StorageCore(new Module.Storage(mount))),
}, appId, { onRead: () => mark('ft:db-read'), openStore });
