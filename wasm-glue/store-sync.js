// The writing side of an appId's persistence (wasm-glue/persistence.js adds opening, replay and
// closing): when the core's writes are flushed and compacted, and how a flush reaches IndexedDB.
// - durability: a write's promise resolves only after the files holding it are in IndexedDB
//   (behaviour.md §2.6), so a reload started in its success callback loses nothing;
// - batching: every write made before the flush starts rides in the same sync, as one journal file;
// - compaction: when the core says it is due, it runs once the page has paused its writes for
//   COMPACT_AFTER_MS, in its own round under the lock, so no write waits behind it in a burst;
// - several tabs: "populate, refresh, flush, push" runs under the store's tab lock (tab-lock.js);
//   after a push the other tabs are told and re-read what changed;
// - no IndexedDB in a browser (blocked, private modes): storage keeps working in memory and
//   warns once; the Node build without an IndexedDB of its own keeps the same entries in this
//   realm's memory instead (memory-store.js), for every instance of the appId there.
// IDBFS's private internals are idbfs-adapter.js only.

import { tabLock } from './tab-lock.js';
import { writeWaiters } from './write-waiters.js';
import { openEarly, mountPointOf, describeError as describe } from './idb-open.js';
import { connection, pushEntries, pushEntriesIfCurrent, entryTime, localTime, ensureFile, stampedEntries, LEFT } from './idbfs-adapter.js';
import { kept, local, unsavedKey } from './unsaved-record.js';

/** How long the page's writes must pause before the journals are compacted (ms). */
export const COMPACT_AFTER_MS = 200;

/**
 * What the core's flush and compaction report (wasm-glue/wire.h flush).
 * @typedef {{ ok: boolean, reason?: string, durableThrough: number, shardsWritten: number, written: string[], removed: string[], compactDue: boolean }} FlushReport
 */
/**
 * The store's core as persistence uses it (polyfill/core-wire/storage.js StorageCore).
 * @typedef {object} StoreCore
 * @property {() => Array<{ file: string, line: number, what: string }>} load
 * @property {() => { reloaded: number, warnings: Array<{ file: string, line: number, what: string }>, rejected: Array<{ op: number, reason: string }> }} refresh
 * @property {() => boolean} dirty
 * @property {() => FlushReport} flush
 * @property {() => FlushReport} compact
 * @property {() => string} unsaved
 * @property {(through: number) => void} confirm
 * @property {(record: string) => string} replay
 * @property {() => void} delete
 */
/**
 * What persistence is given: Emscripten's FS and IDBFS, and the store's core of a mount.
 * @typedef {{ FS: any, IDBFS: any, open: (mount: string) => StoreCore }} StoreHandles
 */

export class StoreSync {
  /**
   * @param {StoreHandles} store  the module's file system and the store's core (polyfill/core-wire/storage.js)
   * @param {string} appId
   * @param {{ warn?: (message: string) => void, onRead?: () => void, openStore?: import('./persistence.js').OpenStore }} [options]
   *   onRead: called once the database has been read (the polyfill's 'ft:db-read' mark);
   *   openStore: opens the appId's store (idb-open.js openEarly: its IndexedDB database)
   */
  constructor(store, appId, options = {}) {
    this.store = store;
    this.appId = appId;
    this.mount = mountPointOf(appId);
    /** A file whose IndexedDB timestamp is the store's generation: every push moves it forward. */
    this.generationPath = `${this.mount}/.generation`;
    /** The generation this tab's memory reflects. */
    this.generation = 0;
    /** Settles when the database, created by this tab, accepts transactions (see EarlyOpen). @type {Promise<void> | undefined} */
    this.usable = undefined;
    this.warn = options.warn || ((m) => console.warn(m));
    this.onRead = options.onRead || (() => {});
    /** @type {import('./persistence.js').OpenStore} */
    this.openStore = options.openStore || openEarly;
    /** @type {StoreCore} */
    this.storage = /** @type {any} */ (null);
    this.waiters = writeWaiters();
    this.persistent = true;
    this.flushing = false;
    /** Set by close(): no more work is started on this appId's store. */
    this.closed = false;
    /** @type {Promise<void>} */
    this.idle = Promise.resolve();
    /** This appId's entries in memory, where the Node build has no IndexedDB (set by open). @type {import('./memory-store.js').MemoryStore | null} */
    this.memory = null;
    /** @type {import('./tab-lock.js').TabLock | null} */
    this.tabs = null;
    /**
     * Timings of the last flush, in ms: populate (IndexedDB → memory, to see other tabs' writes),
     * write (the core rewrites changed shards), push (memory → IndexedDB).
     * @type {{ populateMs: number, writeMs: number, pushMs: number, shardsWritten: number } | null}
     */
    this.lastFlush = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.compactTimer = undefined;
    /** Set when the compaction timer fired: the flush loop compacts once its writes are flushed. */
    this.compactRequested = false;
  }
  /**
   * The store's lock and the channel to its other tabs (tab-lock.js), or to the appId's other
   * instances when the store is in memory; listening from the first use.
   * @returns {import('./tab-lock.js').TabLock}
   */
  get lock() {
    if (!this.tabs) {
      const onChange = () => this.pullFromOthers();
      this.tabs = this.memory ? this.memory.lock(onChange) : tabLock(`ft-polyfill:${this.mount}`, onChange);
    }
    return this.tabs;
  }
  /** Starts listening to the store's other tabs (or instances) now, if it does not yet. */
  listen() {
    return this.lock;
  }
  /** Runs `fn` under the store's tab lock. @template T @param {() => Promise<T>} fn @returns {Promise<T>} */
  withLock(fn) {
    return this.lock.run(fn);
  }
  /** IDBFS gave the local generation file its entry's timestamp: the generation memory holds. */
  localGeneration() {
    return localTime(this.store.FS, this.generationPath);
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
   * Calls `done` once write `op` (an op id of the core's set/remove/clear) is durable (with
   * null), or with the reason it failed (it no longer fits after another tab's writes, or
   * IndexedDB refused it); exactly once.
   * @param {number} op @param {import('./write-waiters.js').WriteDone} done
   */
  whenDurable(op, done) {
    this.waiters.add(op, done);
    this.scheduleFlush();
  }
  /** whenDurable as a Promise: resolves when durable, rejects with the reason. @param {number} op @returns {Promise<void>} */
  durable(op) {
    return new Promise((resolve, reject) => this.whenDurable(op, (reason) => (reason === null ? resolve() : reject(reason))));
  }
  scheduleFlush() {
    // A flush under way loops again while the core is dirty, so a write made during it is
    // picked up by the next round: no second flush is started.
    if (this.flushing) return;
    this.flushing = true;
    // The lock is asked for now, at the first write, not once the current task's writes are
    // made: its grant (a round trip to the browser process, 1 ms idle and 5 to 30 ms while the
    // browser commits a burst of localStorage writes: docs/benchmarks.md) overlaps them. Its callback
    // still runs after the current task's code (a microtask at the earliest, where there are no
    // Web Locks), so the task's writes all ride in one flush.
    this.idle = this.flushLoop();
  }
  async flushLoop() {
    try {
      // Writes first, then a compaction that was asked for; writes made meanwhile (during either)
      // are flushed by the next turn, so none waits for a later write to start a flush.
      for (let progress = true; progress;) {
        if (this.storage.dirty()) progress = await this.withLock(() => this.flushOnce(false));
        else if (this.compactRequested && !this.closed) {
          this.compactRequested = false;
          progress = await this.withLock(() => this.flushOnce(true));
        } else break;
      }
      // Every write is in IndexedDB: the record this page kept as it was hidden is not needed.
      const record = kept.get(this.appId);
      if (record !== undefined && this.persistent && !this.storage.unsaved()) {
        kept.delete(this.appId);
        if (local()?.getItem(unsavedKey(this.appId)) === record) local()?.removeItem(unsavedKey(this.appId));
      }
    } catch (error) {
      // Nothing may hang: every write still waiting fails with the reason (and may be retried);
      // those of a flush aborted as the page left wait for resume().
      if (error !== LEFT) this.waiters.failAll(`write failed: ${describe(error)}`);
    } finally {
      this.flushing = false;
    }
  }
  /**
   * Asks for a compaction once the page's writes pause for COMPACT_AFTER_MS (each flush that
   * finds it due starts the wait again).
   */
  scheduleCompaction() {
    clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined;
      if (this.closed) return;
      this.compactRequested = true;
      this.scheduleFlush();
    }, COMPACT_AFTER_MS);
    // Node: a pending compaction does not keep the process (a test run) alive.
    const timer = /** @type {any} */ (this.compactTimer);
    if (timer && typeof timer.unref === 'function') timer.unref();
  }
  /**
   * One flush (or compaction), under the lock. The fast path is one IndexedDB transaction: it
   * reads the store's generation and, when no other tab has pushed since this one last looked,
   * the core writes its files and they are pushed in that same transaction (IDBFS's own entry
   * format, so IDBFS reads them back at start): one journal file for a flush; the rewritten
   * shards, with the journals deleted, for a compaction. When another tab has pushed, IndexedDB
   * is mirrored into memory first, the core re-reads what changed and replays its pending writes
   * on top, and then writes and pushes.
   * @param {boolean} compact  the core's compact instead of flush
   * @returns {Promise<boolean>} false when the core could not write (stop retrying until the next write)
   */
  async flushOnce(compact) {
    const write = () => (compact ? this.storage.compact() : this.storage.flush());
    const t0 = performance.now();
    let t1 = t0;
    let t2 = t0;
    /** @type {any} */
    let report = null;
    if (this.persistent) {
      try {
        report = await this.pushIfCurrent(() => {
          t1 = performance.now();
          const made = write();
          t2 = performance.now();
          return made;
        });
        if (!report) await this.catchUp();
      } catch (error) {
        if (error === LEFT) throw error;
        this.fallBackToMemory(`IndexedDB failed (${describe(error)})`);
      }
    }
    if (!report) {
      t1 = performance.now();
      report = write();
      t2 = performance.now();
      if (report.ok && this.persistent && report.shardsWritten > 0) {
        try {
          await this.push(report.written, report.removed);
        } catch (error) {
          if (error === LEFT) throw error;
          this.fallBackToMemory(`IndexedDB failed (${describe(error)})`);
        }
      }
    }
    if (!report.ok) {
      // The core kept the writes: fail the waiters now rather than hang, and try again later.
      this.waiters.failAll(`write failed: ${report.reason}`);
      return false;
    }
    if (!compact) this.lastFlush = { populateMs: t1 - t0, writeMs: t2 - t1, pushMs: performance.now() - t2, shardsWritten: report.shardsWritten };
    this.storage.confirm(report.durableThrough);
    this.waiters.durableThrough(report.durableThrough);
    if (report.compactDue) this.scheduleCompaction();
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
    const refreshed = this.storage.refresh();
    this.reportWarnings(refreshed.warnings);
    for (const { op, reason } of refreshed.rejected) this.waiters.settle(op, reason);
  }
  /** The store's generation in IndexedDB (0 before the first push). @returns {Promise<number>} */
  async remoteGeneration() {
    if (this.memory) return this.memory.time(this.generationPath);
    return entryTime(await this.database(), this.generationPath);
  }
  /** @returns {Promise<IDBDatabase>} IDBFS's own (cached) connection to this mount's database */
  async database() {
    await this.usable;
    return connection(this.store.IDBFS, this.mount);
  }
  /**
   * Pushes the given files of the mount (and deletes the removed ones) in one IndexedDB
   * transaction, with the store's next generation as every entry's timestamp (stamp()).
   * Resolves when committed.
   * @param {string[]} written  absolute paths of files (in the mount) to store
   * @param {string[]} removed  absolute paths to delete
   */
  async push(written, removed) {
    const db = this.memory ? null : await this.database();
    const { generation, entries } = this.stamp(written);
    if (this.memory) this.memory.put(entries, removed);
    else await pushEntries(/** @type {IDBDatabase} */ (db), entries, removed);
    this.pushed(generation);
  }
  /**
   * The fast path of flushOnce: in one transaction, when the store's generation in IndexedDB is
   * still this tab's, `write` makes the core's files and they are pushed. Resolves with the
   * core's report once committed, or null when another tab pushed first (nothing written).
   * @param {() => FlushReport} write  the core's flush or compaction
   * @returns {Promise<FlushReport | null>}
   */
  async pushIfCurrent(write) {
    let generation = 0;
    const produce = () => {
      const made = write();
      if (!made.ok || made.shardsWritten === 0) return { entries: [], removed: [], result: made };
      const stamped = this.stamp(made.written);
      generation = stamped.generation;
      return { entries: stamped.entries, removed: made.removed, result: made };
    };
    /** @type {FlushReport | null} */
    let report = null;
    if (this.memory) {
      // The check and the push at once: no other instance runs between them.
      if (this.memory.time(this.generationPath) === this.generation) {
        const files = produce();
        this.memory.put(files.entries, files.removed);
        report = files.result;
      }
    } else {
      report = await pushEntriesIfCurrent(await this.database(), this.generationPath, this.generation, produce);
    }
    if (generation) this.pushed(generation);
    return report;
  }
  /**
   * Gives the written files, and the store's generation file, the store's next generation as
   * their timestamp, so that IDBFS in other tabs sees each version as new even within one
   * millisecond; returns them as IDBFS's entries.
   * @param {string[]} written
   * @returns {{ generation: number, entries: Array<[string, import('./idbfs-adapter.js').IdbfsEntry]> }}
   */
  stamp(written) {
    const { FS } = this.store;
    const generation = Math.max(Date.now(), this.generation + 1);
    ensureFile(FS, this.generationPath);
    return { generation, entries: stampedEntries(FS, [...written, this.generationPath], generation) };
  }
  /** A push committed: this tab's memory is that generation; the other tabs are told. @param {number} generation */
  pushed(generation) {
    this.generation = generation;
    this.lock.tell({ generation });
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
  /** @param {boolean} populate  true: IndexedDB → memory; false: memory → IndexedDB */
  sync(populate) {
    const { FS, IDBFS } = this.store;
    if (this.memory) {
      try {
        if (populate) this.memory.populate(FS, IDBFS, this.mount);
        else this.memory.pushAll(FS, IDBFS, this.mount);
      } catch (error) {
        return Promise.reject(error);
      }
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      FS.syncfs(populate, (/** @type {unknown} */ error) => (error ? reject(error) : resolve(undefined)));
    });
  }
  /** Waits for every write made so far to be durable (or failed). */
  async settled() {
    while (this.flushing) await this.idle;
  }
}
