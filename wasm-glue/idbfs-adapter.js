// The one place that knows the private internals of Emscripten's IDBFS, written against
// Emscripten 3.1.6 (library_idbfs.js, the Debian build this project pins: docs/emscripten-notes.md).
// Persistence uses IDBFS's own database schema and entry format so IDBFS reads back what it
// pushes; a newer Emscripten that changes any of this breaks tests/js/idbfs-adapter.test.js,
// which runs these functions against the real built glue.

/** The Emscripten version these internals were read from. */
export const IDBFS_WRITTEN_FOR = '3.1.6';

/** IDBFS's database schema: the version it opens, its object store and that store's index. */
export const IDBFS_VERSION = 21;
export const IDBFS_STORE = 'FILE_DATA';
const IDBFS_INDEX = 'timestamp';

/**
 * @typedef {{ timestamp: Date, mode: number, contents?: Uint8Array }} IdbfsEntry  one stored path
 * @typedef {{ keys: string[], entries: IdbfsEntry[] }} Snapshot  every entry of a database
 */

/**
 * Creates IDBFS's store and index in an upgrading database, as IDBFS would (onupgradeneeded).
 * @param {IDBDatabase} db @param {IDBTransaction | null} upgrade  the version-change transaction
 */
export function createSchema(db, upgrade) {
  const store = db.objectStoreNames.contains(IDBFS_STORE)
    ? /** @type {IDBTransaction} */ (upgrade).objectStore(IDBFS_STORE)
    : db.createObjectStore(IDBFS_STORE);
  if (!store.indexNames.contains(IDBFS_INDEX)) store.createIndex(IDBFS_INDEX, IDBFS_INDEX, { unique: false });
}

/**
 * Gives IDBFS our connection to a mount's database (IDBFS keeps one per mount in `IDBFS.dbs`),
 * so it does not open a second; closes ours when IDBFS has one already (or, in a build that
 * renamed the field, lets IDBFS open its own, as before).
 * @param {any} IDBFS @param {string} mount @param {IDBDatabase} db
 */
export function adoptConnection(IDBFS, mount, db) {
  if (IDBFS.dbs && typeof IDBFS.dbs === 'object' && !IDBFS.dbs[mount]) IDBFS.dbs[mount] = db;
  else db.close();
}

/** Closes and forgets IDBFS's connection to a mount's database (dispose, appId switch). @param {any} IDBFS @param {string} mount */
export function releaseConnection(IDBFS, mount) {
  const db = IDBFS.dbs && IDBFS.dbs[mount];
  if (!db) return;
  delete IDBFS.dbs[mount];
  try { db.close(); } catch { /* closed already */ }
}

/**
 * IDBFS's (cached) connection to a mount's database.
 * @param {any} IDBFS @param {string} mount @returns {Promise<IDBDatabase>}
 */
export function connection(IDBFS, mount) {
  return new Promise((resolve, reject) => {
    IDBFS.getDB(mount, (/** @type {unknown} */ error, /** @type {IDBDatabase} */ db) => (error ? reject(error) : resolve(db)));
  });
}

/**
 * Writes a snapshot into the (empty) mount as IDBFS's populate would: parents first.
 * @param {any} IDBFS @param {Snapshot} snapshot
 */
export function restoreSnapshot(IDBFS, { keys, entries }) {
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  for (const i of order) storeEntry(IDBFS, keys[i], entries[i]);
}

/**
 * A mount's file or directory as IDBFS's entry (its timestamp the file's, a file's contents the
 * file's bytes); throws what the file system threw. @param {any} IDBFS @param {string} path @returns {IdbfsEntry}
 */
export function loadEntry(IDBFS, path) {
  /** @type {IdbfsEntry | null} */
  let loaded = null;
  IDBFS.loadLocalEntry(path, (/** @type {unknown} */ error, /** @type {IdbfsEntry} */ entry) => {
    if (error) throw error;
    loaded = entry;
  });
  return /** @type {IdbfsEntry} */ (/** @type {unknown} */ (loaded));
}

/** Creates an empty file at `path` unless there is one (one path lookup when there is). @param {any} FS @param {string} path */
export function ensureFile(FS, path) {
  try {
    FS.lookupPath(path, { follow: true });
  } catch {
    FS.writeFile(path, new Uint8Array(0));
  }
}

/**
 * Gives each file at `paths` the timestamp `time` (as FS.utime does) and returns it as IDBFS's
 * entry (as loadLocalEntry makes it, MEMFS's bytes trimmed to the file's length): one path lookup
 * a file where utime then loadLocalEntry take three. Throws what the file system threw.
 * @param {any} FS @param {string[]} paths @param {number} time  ms since the epoch
 * @returns {Array<[string, IdbfsEntry]>}
 */
export function stampedEntries(FS, paths, time) {
  return paths.map((path) => {
    const { node } = FS.lookupPath(path, { follow: true });
    node.node_ops.setattr(node, { timestamp: time });
    const { mode, mtime } = node.node_ops.getattr(node);
    if (FS.isDir(mode)) return [path, { timestamp: mtime, mode }];
    if (!FS.isFile(mode)) throw new Error(`${path}: node type not supported`);
    node.contents = !node.contents ? new Uint8Array(0) : node.contents.subarray ? node.contents.subarray(0, node.usedBytes) : new Uint8Array(node.contents);
    return [path, { timestamp: mtime, mode, contents: node.contents }];
  });
}

/** Writes an entry into the mount as IDBFS's populate does (the bytes are then the file's). @param {any} IDBFS @param {string} path @param {IdbfsEntry} entry */
export function storeEntry(IDBFS, path, entry) {
  IDBFS.storeLocalEntry(path, entry, (/** @type {unknown} */ error) => {
    if (error) throw error;
  });
}

/** Removes a file or an empty directory of the mount, as IDBFS's populate does. @param {any} IDBFS @param {string} path */
export function removeEntry(IDBFS, path) {
  IDBFS.removeLocalEntry(path, (/** @type {unknown} */ error) => {
    if (error) throw error;
  });
}

/**
 * Every path under a mount with its timestamp (ms), as IDBFS compares them.
 * @param {any} FS @param {any} IDBFS @param {string} mount @returns {Map<string, number>}
 */
export function localPaths(FS, IDBFS, mount) {
  /** @type {Map<string, number>} */
  const paths = new Map();
  if (!FS.analyzePath(mount).exists) return paths;
  IDBFS.getLocalSet({ mountpoint: mount }, (/** @type {unknown} */ error, /** @type {{ entries: Record<string, { timestamp: Date }> }} */ set) => {
    if (error) throw error;
    for (const path of Object.keys(set.entries)) paths.set(path, set.entries[path].timestamp.getTime());
  });
  return paths;
}

/**
 * The timestamp (ms) of a file of the mount as IDBFS set it from its entry (the MEMFS node's
 * `timestamp`, which IDBFS compares), 0 when there is no such file.
 * @param {any} FS @param {string} path @returns {number}
 */
export function localTime(FS, path) {
  const local = FS.analyzePath(path);
  return local.exists ? local.object.timestamp : 0;
}

/**
 * The timestamp of a path's entry in the database, in ms since the epoch (0 when none).
 * @param {IDBDatabase} db @param {string} path @returns {Promise<number>}
 */
export function entryTime(db, path) {
  return new Promise((resolve, reject) => {
    const request = db.transaction([IDBFS_STORE], 'readonly').objectStore(IDBFS_STORE).get(path);
    request.onsuccess = () => resolve(request.result ? request.result.timestamp.getTime() : 0);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Stores `entries` (stampedEntries) and deletes `removed`, in one transaction; resolves when
 * committed, rejects when the transaction fails.
 * @param {IDBDatabase} db @param {Array<[string, IdbfsEntry]>} entries @param {string[]} removed
 * @returns {Promise<void>}
 */
export function pushEntries(db, entries, removed) {
  const transaction = writeTransaction(db);
  const done = committed(transaction, () => undefined);
  putEntries(transaction, entries, removed);
  return done;
}

/**
 * pushEntries, made conditional in the same transaction: reads the entry time of `checkPath`
 * and, only when it is `expected` (nobody has written since), calls `produce` (synchronously,
 * inside the transaction) for the entries to store and the paths to delete. One IndexedDB round
 * trip where a read then a push would take two. Resolves once committed with produce's `result`,
 * or null when the time was another (nothing written); rejects when produce throws or the
 * transaction fails.
 * @template T
 * @param {IDBDatabase} db @param {string} checkPath @param {number} expected
 * @param {() => { entries: Array<[string, IdbfsEntry]>, removed: string[], result: T }} produce
 * @returns {Promise<T | null>}
 */
export function pushEntriesIfCurrent(db, checkPath, expected, produce) {
  const transaction = writeTransaction(db);
  /** @type {{ result: T } | null} */
  let made = null;
  /** @type {unknown} */
  let failure = null;
  const done = committed(transaction, () => (made ? made.result : null), () => failure);
  const request = transaction.objectStore(IDBFS_STORE).get(checkPath);
  request.onsuccess = () => {
    const time = request.result ? request.result.timestamp.getTime() : 0;
    if (time !== expected) return;
    try {
      const files = produce();
      made = files;
      putEntries(transaction, files.entries, files.removed);
    } catch (error) {
      failure = error;
      transaction.abort();
    }
  };
  return done;
}

/**
 * 'relaxed' (the default of Chrome 121+, Firefox and Safari; stated for older ones): committed
 * means the data is in the database and survives a reload or a crashed tab; only an OS crash in
 * the next moments could lose it, where 'strict' would wait for the disk on every write.
 * @param {IDBDatabase} db
 */
function writeTransaction(db) {
  const transaction = db.transaction([IDBFS_STORE], 'readwrite', { durability: 'relaxed' });
  writing.add(transaction);
  return transaction;
}

/**
 * Resolves with `value()` once the transaction commits; rejects with `why()` or its error.
 * @template T
 * @param {IDBTransaction} transaction @param {() => T} value @param {() => unknown} [why]
 * @returns {Promise<T>}
 */
function committed(transaction, value, why = () => null) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve((writing.delete(transaction), value()));
    transaction.onerror = transaction.onabort = () => reject(left.has(transaction) ? LEFT : (writing.delete(transaction), why() || transaction.error));
  });
}

/** The write transactions not yet finished. @type {Set<IDBTransaction>} */
const writing = new Set();
/** Those abortWrites aborted. @type {WeakSet<IDBTransaction>} */
const left = new WeakSet();
/** What a write aborted by abortWrites rejects with. */
export const LEFT = new Error('the page left');

/**
 * Aborts them: a page entering the back-forward cache keeps its transactions suspended, which
 * holds every other page's IndexedDB (WebKit); their writes are in the unsaved-writes record.
 */
export function abortWrites() {
  for (const transaction of writing) {
    left.add(transaction);
    try { transaction.abort(); } catch { /* finished meanwhile */ }
  }
  writing.clear();
}

/**
 * Stores `entries` and deletes `removed`, in `transaction`.
 * @param {IDBTransaction} transaction @param {Array<[string, IdbfsEntry]>} entries @param {string[]} removed
 */
function putEntries(transaction, entries, removed) {
  const store = transaction.objectStore(IDBFS_STORE);
  for (const [path, entry] of entries) store.put(entry, path);
  for (const path of removed) store.delete(path);
}
