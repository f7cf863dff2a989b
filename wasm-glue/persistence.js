// Persistence of one appId's storage through Emscripten's IDBFS (docs/emscripten-notes.md).
//
// The C++ core (ft::Storage) owns the state and writes shard files into an IDBFS mount; this
// module only moves those files between memory and IndexedDB, and makes that safe:
// - durability: a write's promise resolves only after the files holding it are in IndexedDB
//   (behaviour.md §2.6), so a reload started in its success callback loses nothing;
// - batching: every write made before the flush starts rides in the same sync;
// - several tabs: "populate, refresh, flush, push" runs under one Web Lock per appId, because
//   IDBFS mirrors the whole mount and two unguarded pushes delete each other's files; after a
//   push the other tabs are told over a BroadcastChannel and re-read what changed;
// - no IndexedDB (blocked, private modes, plain Node): storage keeps working in memory and
//   warns once.

import { MemoizedStorage } from './storage-memo.js';
import { mark } from '../polyfill/marks.js';

/**
 * @typedef {object} StorageCore  the Embind class `Storage` (wasm-glue/bind_storage.cpp)
 * @property {() => string} load
 * @property {() => string} refresh
 * @property {(key: string) => string} get  "<type>\t<payload>", or the failure answer (storage-memo.js isFailure)
 * @property {(key: string, type: string, payload: string) => string} set  the op id as text, or the failure answer
 * @property {(key: string) => string} remove
 * @property {() => string} clear
 * @property {() => string} info
 * @property {() => boolean} dirty
 * @property {() => string} flush
 * @property {() => void} delete
 */

/**
 * The IndexedDB database (and mount point) of an appId: one database per appId, so that apps
 * never see each other's keys (behaviour.md §2.5).
 * @param {string} appId
 */
export function mountPointOf(appId) {
  return `/ft-polyfill-storage/${encodeURIComponent(appId || 'default')}`;
}

/** A lock that works where Web Locks do not exist (Node, old browsers): one tab = one queue. */
function localLock() {
  let tail = Promise.resolve();
  return /** @type {<T>(fn: () => Promise<T>) => Promise<T>} */ ((fn) => {
    const run = tail.then(fn, fn);
    tail = run.then(() => {}, () => {});
    return run;
  });
}

export class Persistence {
  /**
   * @param {any} Module   the Emscripten module (FS, IDBFS, Storage)
   * @param {string} appId
   * @param {{ warn?: (message: string) => void }} [options]
   */
  constructor(Module, appId, options = {}) {
    this.Module = Module;
    this.appId = appId;
    this.mount = mountPointOf(appId);
    /** A file whose IndexedDB timestamp is the store's generation: every push moves it forward. */
    this.generationPath = `${this.mount}/.generation`;
    /** The generation this tab's memory reflects. */
    this.generation = 0;
    /** Settles when the database, created by this tab, accepts transactions (see EarlyOpen). @type {Promise<void> | undefined} */
    this.usable = undefined;
    this.warn = options.warn || ((m) => console.warn(m));
    /** @type {StorageCore} */
    this.storage = /** @type {any} */ (null);
    /** @type {Map<number, {resolve: () => void, reject: (reason: string) => void}>} */
    this.waiting = new Map();
    this.persistent = true;
    this.flushing = false;
    /** Set by close(): no more work is started on this appId's store. */
    this.closed = false;
    /** @type {Promise<void>} */
    this.idle = Promise.resolve();
    const locks = typeof navigator !== 'undefined' && /** @type {any} */ (navigator).locks;
    const lockName = `ft-polyfill:${this.mount}`;
    /** @type {<T>(fn: () => Promise<T>) => Promise<T>} */
    this.withLock = locks ? (fn) => this.viaWebLocks(locks, lockName, fn) : localLock();
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(lockName) : null;
    if (this.channel) {
      this.channel.onmessage = () => this.pullFromOthers();
      // Node: an open channel must not keep the process (a Jest worker) alive.
      /** @type {any} */ (this.channel).unref?.();
    }
    /** @type {Array<() => void>} */
    this.changeListeners = [];
    /**
     * Timings of the last flush, in ms: populate (IndexedDB → memory, to see other tabs' writes),
     * write (the core rewrites changed shards), push (memory → IndexedDB).
     * @type {{ populateMs: number, writeMs: number, pushMs: number, shardsWritten: number } | null}
     */
    this.lastFlush = null;
  }

  /**
   * Runs `fn` under the appId's Web Lock. Where the page may not use Web Locks (a sandboxed
   * iframe: `request` rejects with SecurityError before running anything), this tab's own queue
   * takes over: such a page has no IndexedDB either, so there is no other tab to exclude.
   * @template T @param {any} locks @param {string} lockName @param {() => Promise<T>} fn
   * @returns {Promise<T>}
   */
  viaWebLocks(locks, lockName, fn) {
    let started = false;
    /** @type {Promise<T>} */
    let request;
    try {
      request = locks.request(lockName, () => {
        started = true;
        return fn();
      });
    } catch (error) {
      request = Promise.reject(error);
    }
    return request.catch((error) => {
      if (started) throw error;
      this.withLock = localLock();
      return this.withLock(fn);
    });
  }

  /**
   * Mounts the appId's database, reads it, and returns the ready StorageCore.
   * @param {Promise<EarlyOpen> | null} [early]  openEarly(appId), started before the core loaded
   */
  async open(early) {
    const { FS, IDBFS } = this.Module;
    FS.mkdirTree(this.mount);
    const opened = early || openEarly(this.appId);
    const { db, why, snapshot, usable } = opened ? await opened : { db: null, why: 'IndexedDB is not available', snapshot: null, usable: undefined };
    if (usable) this.usable = usable;
    mark('ft:db-read');
    if (why || !db) {
      this.fallBackToMemory(why || 'IndexedDB is not available');
    } else {
      // IDBFS keeps one connection per database in IDBFS.dbs: give it ours. (Should a build ever
      // rename that field, IDBFS opens its own, as before.)
      if (IDBFS.dbs && typeof IDBFS.dbs === 'object' && !IDBFS.dbs[this.mount]) IDBFS.dbs[this.mount] = db;
      else db.close();
      FS.mount(IDBFS, {}, this.mount);
      try {
        if (snapshot) {
          // Read before the core was up, in one IndexedDB transaction: a consistent state, as a
          // push is one transaction too. A push made since then is caught up below.
          this.restore(snapshot);
        } else {
          await this.withLock(async () => {
            await this.sync(true);
            this.generation = this.localGeneration();
          });
        }
      } catch (error) {
        this.fallBackToMemory(`IndexedDB failed (${describe(error)})`);
      }
    }
    this.storage = new MemoizedStorage(new this.Module.Storage(this.mount));
    this.reportWarnings(JSON.parse(this.storage.load()));
    // Another tab may have pushed between the snapshot and this tab's BroadcastChannel.
    if (snapshot && this.persistent) this.pullFromOthers();
    return this.storage;
  }

  /** IDBFS gave the local generation file its entry's timestamp: the generation memory holds. */
  localGeneration() {
    const local = this.Module.FS.analyzePath(this.generationPath);
    return local.exists ? local.object.timestamp : 0;
  }

  /**
   * Writes a snapshot of the database (IDBFS entries) into the empty mount, as IDBFS's populate
   * would (parents first), and takes its generation.
   * @param {Snapshot} snapshot
   */
  restore({ keys, entries }) {
    const { IDBFS } = this.Module;
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    for (const i of order) {
      IDBFS.storeLocalEntry(keys[i], entries[i], (/** @type {unknown} */ error) => {
        if (error) throw error;
      });
    }
    this.generation = this.localGeneration();
  }

  /** @param {string} why */
  fallBackToMemory(why) {
    if (!this.persistent) return;
    this.persistent = false;
    this.warn(`ft-polyfill: ${why}; mini-program storage for appId "${this.appId}" is kept in memory only and will not survive a reload.`);
  }

  /** @param {Array<{file: string, line: number, what: string}>} warnings */
  reportWarnings(warnings) {
    for (const w of warnings) {
      this.warn(`ft-polyfill: skipped damaged storage data in ${w.file}${w.line ? ` line ${w.line}` : ''} (${w.what}); the other keys are intact and the next write repairs it.`);
    }
  }

  /**
   * Resolves when write `op` (an id from StorageCore.set/remove/clear) is durable; rejects with
   * a reason when it no longer fits after another tab's writes.
   * @param {number} op
   * @returns {Promise<void>}
   */
  durable(op) {
    const done = new Promise((resolve, reject) => {
      this.waiting.set(op, { resolve: /** @type {() => void} */ (resolve), reject });
    });
    this.scheduleFlush();
    return /** @type {Promise<void>} */ (done);
  }

  scheduleFlush() {
    // A flush under way loops again while the core is dirty, so a write made during it is
    // picked up by the next round: no second flush is started.
    if (this.flushing) return;
    this.flushing = true;
    // Start after the current task's synchronous writes, so they all ride in one sync.
    this.idle = Promise.resolve().then(() => this.flushLoop());
  }

  async flushLoop() {
    try {
      let progress = true;
      do {
        progress = await this.withLock(() => this.flushOnce());
      } while (progress && this.storage.dirty());
    } catch (error) {
      // Nothing may hang: every write still waiting fails with the reason (and may be retried).
      for (const op of [...this.waiting.keys()]) this.settle(op, `write failed: ${describe(error)}`);
    } finally {
      this.flushing = false;
    }
  }

  /**
   * One flush, under the lock. The fast path costs one IndexedDB transaction: read the store's
   * generation, and when no other tab has pushed since this one last looked, push exactly the
   * shard files the core rewrote (IDBFS's own entry format, so IDBFS reads them back at start).
   * When another tab has pushed, mirror IndexedDB into memory first and let the core re-read
   * what changed and replay its pending writes on top.
   * @returns {Promise<boolean>} false when the core could not write (stop retrying until the next write)
   */
  async flushOnce() {
    const t0 = performance.now();
    if (this.persistent) {
      try {
        await this.catchUp();
      } catch (error) {
        this.fallBackToMemory(`IndexedDB failed (${describe(error)})`);
      }
    }
    const t1 = performance.now();
    const report = JSON.parse(this.storage.flush());
    const t2 = performance.now();
    if (!report.ok) {
      // The core kept the writes: fail the waiters now rather than hang, and try again later.
      for (const op of [...this.waiting.keys()]) this.settle(op, `write failed: ${report.reason}`);
      return false;
    }
    if (this.persistent && report.shardsWritten > 0) {
      try {
        await this.push(report.written, report.removed);
      } catch (error) {
        this.fallBackToMemory(`IndexedDB failed (${describe(error)})`);
      }
    }
    this.lastFlush = { populateMs: t1 - t0, writeMs: t2 - t1, pushMs: performance.now() - t2, shardsWritten: report.shardsWritten };
    for (const op of [...this.waiting.keys()]) if (op <= report.durableThrough) this.settle(op, null);
    return true;
  }

  /**
   * Under the lock: if another tab pushed since this one last synced (the generation moved),
   * mirror IndexedDB into memory and let the core re-read the changed shards.
   */
  async catchUp() {
    const remote = await this.remoteGeneration();
    if (remote === this.generation) return;
    await this.sync(true);
    this.generation = remote;
    const refreshed = JSON.parse(this.storage.refresh());
    this.reportWarnings(refreshed.warnings);
    for (const { op, reason } of refreshed.rejected) this.settle(op, reason);
    if (refreshed.reloaded) this.notifyChange();
  }

  /** The store's generation in IndexedDB (0 before the first push). @returns {Promise<number>} */
  async remoteGeneration() {
    const db = await this.database();
    return new Promise((resolve, reject) => {
      const request = db.transaction([this.Module.IDBFS.DB_STORE_NAME], 'readonly')
        .objectStore(this.Module.IDBFS.DB_STORE_NAME).get(this.generationPath);
      request.onsuccess = () => resolve(request.result ? request.result.timestamp.getTime() : 0);
      request.onerror = () => reject(request.error);
    });
  }

  /** @returns {Promise<IDBDatabase>} IDBFS's own (cached) connection to this mount's database */
  async database() {
    await this.usable;
    return new Promise((resolve, reject) => {
      this.Module.IDBFS.getDB(this.mount, (/** @type {unknown} */ error, /** @type {IDBDatabase} */ db) => (error ? reject(error) : resolve(db)));
    });
  }

  /**
   * Pushes the given files of the mount (and deletes the removed ones) in one IndexedDB
   * transaction, with the store's next generation as every entry's timestamp, so that IDBFS in
   * other tabs sees each version as new even within one millisecond. Resolves when committed.
   * @param {string[]} written  absolute paths of files (in the mount) to store
   * @param {string[]} removed  absolute paths to delete
   */
  async push(written, removed) {
    const { FS, IDBFS } = this.Module;
    const db = await this.database();
    const generation = Math.max(Date.now(), this.generation + 1);
    if (!FS.analyzePath(this.generationPath).exists) FS.writeFile(this.generationPath, new Uint8Array(0));
    // 'relaxed' (the default of Chrome 121+, Firefox and Safari; stated for older ones): committed means the
    // data is in the database and survives a reload or a crashed tab; only an OS crash in the next
    // moments could lose it, where 'strict' would wait for the disk on every write.
    const transaction = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite', { durability: 'relaxed' });
    const store = transaction.objectStore(IDBFS.DB_STORE_NAME);
    const done = new Promise((resolve, reject) => {
      transaction.oncomplete = () => resolve(undefined);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    for (const path of [...written, this.generationPath]) {
      FS.utime(path, generation, generation);
      IDBFS.loadLocalEntry(path, (/** @type {unknown} */ error, /** @type {object} */ entry) => {
        if (error) transaction.abort();
        else store.put(entry, path);
      });
    }
    for (const path of removed) store.delete(path);
    await done;
    this.generation = generation;
    if (this.channel) this.channel.postMessage({ generation });
  }

  /** @param {number} op @param {string|null} reason */
  settle(op, reason) {
    const waiter = this.waiting.get(op);
    if (!waiter) return;
    this.waiting.delete(op);
    if (reason === null) waiter.resolve();
    else waiter.reject(reason);
  }

  /** Another tab pushed: read what it changed (under the lock, so we never see half a push). */
  pullFromOthers() {
    if (!this.persistent || !this.storage || this.closed) return;
    this.withLock(async () => {
      if (this.closed) return;  // closed while this waited for the lock
      await this.catchUp();
      if (this.storage.dirty()) this.scheduleFlush();
    }).catch((error) => this.warn(`ft-polyfill: could not read another tab's storage changes (${describe(error)})`));
  }

  notifyChange() {
    for (const fn of this.changeListeners) fn();
  }

  /** @param {boolean} populate  true: IndexedDB → memory; false: memory → IndexedDB */
  sync(populate) {
    return new Promise((resolve, reject) => {
      this.Module.FS.syncfs(populate, (/** @type {unknown} */ error) => (error ? reject(error) : resolve(undefined)));
    });
  }

  /** Waits for every write made so far to be durable (or failed). */
  async settled() {
    while (this.flushing) await this.idle;
  }

  /** Flushes, then releases the mount and the channel. */
  async close() {
    this.closed = true;
    await this.settled();
    if (this.channel) this.channel.close();
    // Let work already queued behind the lock (another tab's changes being read) finish first.
    await this.withLock(async () => {});
    if (this.persistent) {
      try { this.Module.FS.unmount(this.mount); } catch { /* already gone */ }
    }
    if (this.storage) this.storage.delete();
  }
}

/** How long opening IndexedDB may take before storage falls back to memory (ms). */
const PROBE_TIMEOUT_MS = 5000;

/** IDBFS's database schema (Emscripten 3.1.6, library_idbfs.js): version, object store, index. */
const IDBFS_VERSION = 21;
const IDBFS_STORE = 'FILE_DATA';

/**
 * @typedef {{ keys: string[], entries: any[] }} Snapshot  every IDBFS entry (path, {timestamp, mode, contents})
 * @typedef {{ db: IDBDatabase | null, why: string | null, snapshot: Snapshot | null, usable?: Promise<void> }} EarlyOpen
 *   the appId's database opened with IDBFS's schema and read in one transaction (snapshot null
 *   if that read failed: open() then populates through IDBFS), or why IndexedDB cannot be used.
 *   `usable`: set when the database is being created (first start of an appId in this browser):
 *   its snapshot is empty at once, and `usable` settles when the creation has committed (the
 *   connection accepts transactions) or failed.
 */

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
      done({ db: null, why: `IndexedDB failed (${describe(error)})`, snapshot: null });
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
      const store = db.objectStoreNames.contains(IDBFS_STORE)
        ? /** @type {IDBTransaction} */ (request.transaction).objectStore(IDBFS_STORE)
        : db.createObjectStore(IDBFS_STORE);
      if (!store.indexNames.contains('timestamp')) store.createIndex('timestamp', 'timestamp', { unique: false });
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
      done({ db: null, why: `IndexedDB failed (${describe(request.error)})`, snapshot: null });
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

/** @param {unknown} error */
function describe(error) {
  if (error && typeof error === 'object' && 'message' in error) return String(/** @type {any} */ (error).message);
  if (error && typeof error === 'object' && 'errno' in error) return `errno ${/** @type {any} */ (error).errno}`;
  return String(error);
}
