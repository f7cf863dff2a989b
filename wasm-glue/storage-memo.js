// The storage core as the polyfill uses it: the Embind `Storage` object plus a memo of its
// answers to get(), so that repeated reads of a key skip the WebAssembly crossing (about 1.5 us
// of a 3 us read). The core stays the one owner of the state and of every decision: the memo
// only holds strings the core returned or accepted, and is dropped whenever the core's state
// may have changed without passing through here (refresh, load).

/**
 * @typedef {object} StorageCore  the Embind class `Storage` (wasm-glue/bind_storage.cpp)
 * @property {() => string} load
 * @property {() => string} refresh
 * @property {(key: string) => string} get  "<type>\t<payload>", or the failure answer (isFailure)
 * @property {(record: string) => number} set  "<type>\t<payload>\t<key>": the op id (> 0), or 0 when it failed (failure())
 * @property {(key: string) => number} remove  the same
 * @property {() => number} clear  the same
 * @property {() => string} failure  the failure answer of the last write that returned 0; after a set
 *   that succeeded, its device check's message ('' when none)
 * @property {() => string} info
 * @property {() => boolean} dirty
 * @property {() => string} flush  the FlushReport as JSON: written files, one journal (bind_storage.cpp)
 * @property {() => string} compact  the same, for the shards rewritten and the journals deleted
 * @property {() => string} unsaved  the unsaved-writes record (src/storage.h)
 * @property {(through: number) => void} confirm  every op <= through is in IndexedDB
 * @property {(record: string) => string} replay  a record's writes made again; the console lines of those that could not be
 * @property {() => void} delete
 */

/**
 * Whether a Storage answer is the glue's failure answer {"ok":false,"reason":...}
 * (wasm-glue/bind_storage.cpp): no stored form ("<type>\t...") or op id starts with '{'.
 * @param {string} answer
 */
export const isFailure = (answer) => answer.charCodeAt(0) === 123;

export class MemoizedStorage {
  /** @param {StorageCore} core */
  constructor(core) {
    this.core = core;
    /** @type {Map<string, string>} core key → "<type>\t<payload>" */
    this.memo = new Map();
  }

  /** @param {string} key */
  get(key) {
    let stored = this.memo.get(key);
    if (stored === undefined) {
      stored = this.core.get(key);
      if (!isFailure(stored)) this.memo.set(key, stored);
    }
    return stored;
  }

  /**
   * @param {string} key @param {string} type  [a-z]+ @param {string} payload  JSON text, so no tab (value-codec.js)
   */
  set(key, type, payload) {
    const stored = `${type}\t${payload}`;
    const op = this.core.set(`${stored}\t${key}`);
    if (op !== 0) this.memo.set(key, stored);
    return op;
  }

  /** @param {string} key */
  remove(key) {
    this.memo.delete(key);
    return this.core.remove(key);
  }

  clear() {
    this.memo.clear();
    return this.core.clear();
  }

  load() {
    this.memo.clear();
    return this.core.load();
  }

  refresh() {
    const text = this.core.refresh();
    const report = JSON.parse(text);
    if (report.reloaded || report.rejected.length) this.memo.clear();
    return text;
  }

  failure() { return this.core.failure(); }
  info() { return this.core.info(); }
  dirty() { return this.core.dirty(); }
  flush() { return this.core.flush(); }
  compact() { return this.core.compact(); }
  delete() { this.memo.clear(); this.core.delete(); }
}
