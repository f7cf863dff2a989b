// Persistence of one appId's storage through Emscripten's IDBFS (docs/emscripten-notes.md).
//
// The C++ core (ft::Storage) owns the state and writes its files into an IDBFS mount (one journal
// file per flush; the shard files when it compacts); persistence only moves those files between
// memory and IndexedDB, and makes that safe: when and how writes are flushed is store-sync.js
// (durability, batching, compaction, several tabs); this file opens the store, replays the writes
// a page kept as it left (unsaved-record.js), suspends and resumes with the back-forward cache,
// runs the mount's other changes (saved files) under the lock, and closes.
// Opening the database is idb-open.js (or, in the Node build without an IndexedDB, the realm's
// memory-store.js); IDBFS's private internals are idbfs-adapter.js only.

import { StoreSync } from './store-sync.js';
import { openEarly, closeUnused, mountPointOf, describeError as describe } from './idb-open.js';
import { adoptConnection, releaseConnection, restoreSnapshot, abortWrites } from './idbfs-adapter.js';
import { local, unsavedKey } from './unsaved-record.js';

export { openEarly, closeUnused, mountPointOf };
export { keepUnsaved } from './unsaved-record.js';
export { COMPACT_AFTER_MS } from './store-sync.js';
/**
 * What opening an appId's store gives: its IndexedDB database (idb-open.js), or its store in
 * memory (memory-store.js: the Node build without an IndexedDB).
 * @typedef {import('./idb-open.js').EarlyOpen & { memory?: import('./memory-store.js').MemoryStore }} OpenedStore
 * @typedef {(appId: string) => Promise<OpenedStore> | null} OpenStore
 */

export class Persistence extends StoreSync {
  /**
   * Mounts the appId's database, reads it, and returns the ready storage core.
   * @param {Promise<OpenedStore> | null} [early]  this.openStore(appId), started before the core loaded
   * @returns {Promise<any>}  what StoreHandles.open made (polyfill/core-wire/storage.js StorageCore)
   */
  async open(early) {
    const { FS, IDBFS } = this.store;
    FS.mkdirTree(this.mount);
    const opened = early || this.openStore(this.appId);
    const { db, why, snapshot, usable, memory } = opened ? await opened : { db: null, why: 'IndexedDB is not available', snapshot: null, usable: undefined, memory: undefined };
    if (usable) this.usable = usable;
    if (memory) this.memory = memory;
    // Listening before reading: a push another tab (or instance) makes from now on is heard.
    this.listen();
    this.onRead();
    if (memory) {
      FS.mount(IDBFS, {}, this.mount);
      try {
        memory.populate(FS, IDBFS, this.mount);
        this.generation = this.localGeneration();
      } catch (error) {
        this.fallBackToMemory(`its stored entries could not be read (${describe(error)})`);
      }
    } else if (why || !db) {
      this.fallBackToMemory(why || 'IndexedDB is not available');
    } else {
      adoptConnection(IDBFS, this.mount, db);
      FS.mount(IDBFS, {}, this.mount);
      try {
        if (snapshot) {
          // Read before the core was up, in one IndexedDB transaction: a consistent state, as a
          // push is one transaction too. A push made since then is caught up below.
          restoreSnapshot(IDBFS, snapshot);
          this.generation = this.localGeneration();
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
    this.storage = this.store.open(this.mount);
    this.reportWarnings(this.storage.load());
    if (this.persistent && local()?.getItem(unsavedKey(this.appId))) await this.withLock(() => this.replayUnsaved());
    // Another tab may have pushed between the snapshot and this tab's BroadcastChannel.
    if (snapshot && this.persistent) this.pullFromOthers();
    return this.storage;
  }
  /**
   * Under the lock, before any read: makes the writes a page kept as it left (keepUnsaved) this
   * store's, in order, and removes the record once they are in IndexedDB.
   */
  async replayUnsaved() {
    const store = /** @type {Storage} */ (local());
    const key = unsavedKey(this.appId);
    const record = store.getItem(key);
    if (!record) return;  // another tab replayed it
    // Nothing was read yet: the memo is empty, so the core is called directly.
    for (const line of this.storage.replay(record).split('\n')) if (line) this.warn(line);
    if (await this.flushOnce(false) && this.persistent) store.removeItem(key);
  }
  /**
   * The page enters the back-forward cache (pagehide, persisted), its unsaved writes kept: its
   * write transactions are aborted, since a suspended one holds the next page's IndexedDB.
   */
  suspend() {
    abortWrites();
  }
  /**
   * The page is back from the back-forward cache: what a suspend() aborted is written again (the
   * record it kept, unless the next page replayed it), and the writes waiting settle.
   */
  resume() {
    this.withLock(async () => {
      await this.replayUnsaved();
      await this.flushOnce(false);
    }).catch((error) => this.warn(`ft-polyfill: ${describe(error)}`));
  }
  /**
   * Runs a change of the mount other than the core's storage writes (saved files) under the tab
   * lock, in the same protocol: read the other tabs' files, change, and when the change returns
   * `ok`, push the whole mount to IndexedDB and tell the other tabs. IndexedDB failing makes
   * storage go on in memory (warned once); the change's own result is returned either way.
   * @template {{ ok: boolean }} T
   * @param {() => T} change
   * @returns {Promise<T>}
   */
  runExclusive(change) {
    return this.withLock(async () => {
      if (this.persistent) {
        try {
          await this.sync(true);
        } catch (error) {
          this.fallBackToMemory(`IndexedDB failed (${String(error)})`);
        }
      }
      const result = change();
      if (result.ok && this.persistent) {
        try {
          await this.sync(false);
          this.lock.tell({ changed: this.mount });
        } catch (error) {
          this.fallBackToMemory(`IndexedDB failed (${String(error)})`);
        }
      }
      return result;
    });
  }
  /** Flushes, then releases the channel, the mount, the database connection and the core's Storage. */
  async close() {
    this.closed = true;
    clearTimeout(this.compactTimer);
    await this.settled();
    const tabs = this.tabs;
    if (tabs) {
      tabs.close();
      // Let work already queued behind the lock (another tab's changes being read) finish first.
      await tabs.run(async () => {});
    }
    if (this.persistent) {
      try { this.store.FS.unmount(this.mount); } catch { /* already gone */ }
    }
    releaseConnection(this.store.IDBFS, this.mount);
    if (this.storage) this.storage.delete();
    this.storage = /** @type {any} */ (null);
  }
}
