// Where the Node build keeps an appId's storage when the environment has no IndexedDB of its own
// (the testing kits, plain Node): the IDBFS entries a browser's IndexedDB would hold, in this
// realm's memory. It keeps what the store's protocol relies on (store-sync.js): a write is durable
// once its files are here; instances of one appId in a realm (createFt, a Jest file's instance and
// another it makes) share the entries, run their changes under one lock and are told of each
// other's pushes. A new instance reads what an earlier one left, as a reload reads IndexedDB.
// It costs a test file none of IndexedDB's transactions, event dispatch and structured clones
// (docs/benchmarks.md: the kits). IDBFS's private internals stay in idbfs-adapter.js.

import { loadEntry, storeEntry, removeEntry, localPaths } from './idbfs-adapter.js';
import { localLock } from './tab-lock.js';

/** @typedef {import('./idbfs-adapter.js').IdbfsEntry} IdbfsEntry */

/** A copy whose bytes nobody else holds (MEMFS may own or reuse the array it is given). @param {IdbfsEntry} entry */
const copyOf = (entry) => (entry.contents ? { ...entry, contents: entry.contents.slice() } : { ...entry });

export class MemoryStore {
  constructor() {
    /** The mount's entries by absolute path, as IDBFS would put them in IndexedDB. @type {Map<string, IdbfsEntry>} */
    this.entries = new Map();
    /** What each instance of the appId runs when another pushed. @type {Set<() => void>} */
    this.listeners = new Set();
    /** One lock for the appId's instances in this realm. */
    this.run = localLock();
  }

  /** The timestamp (ms) of `path`'s entry, 0 when none (idbfs-adapter.js entryTime). @param {string} path */
  time(path) {
    const entry = this.entries.get(path);
    return entry ? entry.timestamp.getTime() : 0;
  }

  /**
   * Stores `entries` (idbfs-adapter.js stampedEntries) and deletes `removed`: pushEntries, done at
   * once. @param {Array<[string, IdbfsEntry]>} entries @param {string[]} removed
   */
  put(entries, removed) {
    for (const [path, entry] of entries) this.entries.set(path, copyOf(entry));
    for (const path of removed) this.entries.delete(path);
  }

  /**
   * Makes the module's mount hold these entries, as IDBFS's populating syncfs does: what differs
   * by timestamp is written (parents first), what is not here is removed (children first).
   * @param {any} FS @param {any} IDBFS @param {string} mount
   */
  populate(FS, IDBFS, mount) {
    const local = localPaths(FS, IDBFS, mount);
    for (const path of [...this.entries.keys()].sort()) {
      const entry = /** @type {IdbfsEntry} */ (this.entries.get(path));
      const time = local.get(path);
      if (time === undefined || time !== entry.timestamp.getTime()) storeEntry(IDBFS, path, copyOf(entry));
    }
    for (const path of [...local.keys()].sort().reverse()) if (!this.entries.has(path)) removeEntry(IDBFS, path);
  }

  /**
   * Makes these entries the module's mount, as IDBFS's pushing syncfs does.
   * @param {any} FS @param {any} IDBFS @param {string} mount
   */
  pushAll(FS, IDBFS, mount) {
    const local = localPaths(FS, IDBFS, mount);
    const changed = [...local].filter(([path, time]) => this.time(path) !== time || !this.entries.has(path)).map(([path]) => path);
    this.put(changed.map((path) => [path, loadEntry(IDBFS, path)]), [...this.entries.keys()].filter((path) => !local.has(path)));
  }

  /**
   * The store's lock and its instances' channel, as tab-lock.js gives a browser's tabs.
   * @param {() => void} onChange  another instance of the appId pushed
   * @returns {import('./tab-lock.js').TabLock}
   */
  lock(onChange) {
    this.listeners.add(onChange);
    return {
      run: this.run,
      // Delivered as a BroadcastChannel message would be: later, never to the sender; on a
      // promise, which test runners' fake timers leave alone.
      tell: () => {
        for (const listener of this.listeners) {
          if (listener !== onChange) Promise.resolve().then(() => { if (this.listeners.has(listener)) listener(); });
        }
      },
      close: () => { this.listeners.delete(onChange); },
    };
  }
}

/** This realm's stores, by mount point. @type {Map<string, MemoryStore>} */
const stores = new Map();

/** The memory store of a mount point (made empty the first time). @param {string} mount */
export function memoryStore(mount) {
  let store = stores.get(mount);
  if (!store) stores.set(mount, (store = new MemoryStore()));
  return store;
}
