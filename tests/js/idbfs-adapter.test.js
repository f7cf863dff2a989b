// wasm-glue/idbfs-adapter.js by itself, against the real built Emscripten glue (its IDBFS and FS)
// and fake-indexeddb: the private internals the adapter relies on are still what the glue does.
import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';
import {
  IDBFS_WRITTEN_FOR, IDBFS_VERSION, IDBFS_STORE, createSchema, adoptConnection, releaseConnection,
  connection, restoreSnapshot, entryTime, pushEntries, pushEntriesIfCurrent, localTime, stampedEntries, loadEntry, ensureFile,
} from '../../wasm-glue/idbfs-adapter.js';

const require = createRequire(import.meta.url);
const createFtCore = require('../../build/wasm/ft-core-node.cjs');

let counter = 0;
const freshMount = () => `/adapter-test-${process.pid}-${++counter}`;

/** A fresh IDBFS mount of a core whose database is one we opened with IDBFS's schema. @param {any} core */
async function mountedStore(core) {
  const { FS, IDBFS } = core;
  const mount = freshMount();
  const db = await openWithSchema(mount);
  adoptConnection(IDBFS, mount, db);
  FS.mkdirTree(mount);
  FS.mount(IDBFS, {}, mount);
  return { mount, db };
}

/** @param {any} FS @param {boolean} populate */
const syncfs = (FS, populate) => new Promise((resolve, reject) => FS.syncfs(populate, (error) => (error ? reject(error) : resolve())));

/** Opens `name` the way idb-open.js does: IDBFS's version, the adapter's schema. */
const openWithSchema = (name) => new Promise((resolve, reject) => {
  const request = indexedDB.open(name, IDBFS_VERSION);
  request.onupgradeneeded = () => createSchema(request.result, request.transaction);
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** Every entry of the database, as a Map path → entry. */
const entries = (db) => new Promise((resolve, reject) => {
  const tx = db.transaction([IDBFS_STORE], 'readonly');
  const keys = tx.objectStore(IDBFS_STORE).getAllKeys();
  const values = tx.objectStore(IDBFS_STORE).getAll();
  tx.oncomplete = () => resolve({ keys: keys.result, entries: values.result });
  tx.onerror = () => reject(tx.error);
});

const text = (bytes) => Buffer.from(bytes).toString('utf8');

describe('IDBFS adapter (written for Emscripten ' + IDBFS_WRITTEN_FOR + ')', () => {
  /** @type {any} */ let Module;
  beforeAll(async () => { Module = await createFtCore(); });

  test('the schema constants are the glue IDBFS\'s own', () => {
    expect(Module.IDBFS.DB_VERSION).toBe(IDBFS_VERSION);
    expect(Module.IDBFS.DB_STORE_NAME).toBe(IDBFS_STORE);
  });

  test('IDBFS adopts our connection (no second open) and pushes through it into our schema', async () => {
    const { FS, IDBFS } = Module;
    const mount = freshMount();
    const db = await openWithSchema(mount);
    adoptConnection(IDBFS, mount, db);
    expect(await connection(IDBFS, mount)).toBe(db);
    FS.mkdirTree(mount);
    FS.mount(IDBFS, {}, mount);
    FS.writeFile(`${mount}/a.txt`, 'hello');
    await syncfs(FS, false);
    const stored = await entries(db);
    expect(stored.keys).toContain(`${mount}/a.txt`);
    const time = await entryTime(db, `${mount}/a.txt`);
    expect(time).toBe(FS.stat(`${mount}/a.txt`).mtime.getTime());
    expect(await entryTime(db, `${mount}/none`)).toBe(0);
    FS.unmount(mount);
    releaseConnection(IDBFS, mount);
    expect(IDBFS.dbs[mount]).toBeUndefined();
  });

  test('an adopted connection is closed when IDBFS already has one', async () => {
    const { IDBFS } = Module;
    const mount = freshMount();
    const first = await openWithSchema(mount);
    const second = await openWithSchema(mount);
    adoptConnection(IDBFS, mount, first);
    adoptConnection(IDBFS, mount, second);
    expect(IDBFS.dbs[mount]).toBe(first);
    // `second` is closed: a transaction on it throws InvalidStateError.
    expect(() => second.transaction([IDBFS_STORE], 'readonly')).toThrow();
    releaseConnection(IDBFS, mount);
    expect(() => first.transaction([IDBFS_STORE], 'readonly')).toThrow();
  });

  test('what pushEntries stores, IDBFS populates in another instance; deleted paths are gone', async () => {
    const { FS, IDBFS } = Module;
    const { mount, db } = await mountedStore(Module);
    FS.writeFile(`${mount}/keep.txt`, 'kept');
    FS.writeFile(`${mount}/gone.txt`, 'gone');
    await pushEntries(db, stampedEntries(FS, [`${mount}/keep.txt`, `${mount}/gone.txt`], 4000), []);
    await pushEntries(db, stampedEntries(FS, [`${mount}/keep.txt`], 5000), [`${mount}/gone.txt`]);
    expect(await entryTime(db, `${mount}/keep.txt`)).toBe(5000);

    const other = await createFtCore();
    other.FS.mkdirTree(mount);
    other.FS.mount(other.IDBFS, {}, mount);
    await syncfs(other.FS, true);
    expect(text(other.FS.readFile(`${mount}/keep.txt`))).toBe('kept');
    expect(other.FS.analyzePath(`${mount}/gone.txt`).exists).toBe(false);
    other.FS.unmount(mount);
    releaseConnection(other.IDBFS, mount);
    FS.unmount(mount);
    releaseConnection(IDBFS, mount);
  });

  test("stampedEntries sets the files' time and gives the entries IDBFS's loadLocalEntry would; a missing path throws", () => {
    const { FS, IDBFS } = Module;
    const mount = freshMount();
    FS.mkdirTree(`${mount}/dir`);
    FS.writeFile(`${mount}/a.txt`, 'hello');
    FS.writeFile(`${mount}/empty`, new Uint8Array(0));
    const paths = [`${mount}/a.txt`, `${mount}/empty`, `${mount}/dir`];
    const stamped = stampedEntries(FS, paths, 8000);
    expect(stamped.map(([path]) => path)).toEqual(paths);
    for (const [path, entry] of stamped) {
      expect(FS.stat(path).mtime.getTime()).toBe(8000);
      expect(entry).toEqual(loadEntry(IDBFS, path));
    }
    expect(text(/** @type {Uint8Array} */ (stamped[0][1].contents))).toBe('hello');
    expect(stamped[1][1].contents).toEqual(new Uint8Array(0));
    expect(stamped[2][1].contents).toBeUndefined();
    expect(() => stampedEntries(FS, [`${mount}/a.txt`, `${mount}/missing.txt`], 9000)).toThrow();
    // ensureFile creates an empty file where there is none and leaves one that is there.
    ensureFile(FS, `${mount}/made`);
    expect(FS.readFile(`${mount}/made`)).toEqual(new Uint8Array(0));
    ensureFile(FS, `${mount}/a.txt`);
    expect(text(FS.readFile(`${mount}/a.txt`))).toBe('hello');
  });

  test('pushEntriesIfCurrent stores what produce makes only while the checked entry has the expected time', async () => {
    const { FS, IDBFS } = Module;
    const { mount, db } = await mountedStore(Module);
    const check = `${mount}/.generation`;
    FS.writeFile(check, new Uint8Array(0));
    await pushEntries(db, stampedEntries(FS, [check], 7000), []);
    FS.writeFile(`${mount}/journal`, 'first');
    let produced = 0;
    const produce = () => { produced++; return { entries: stampedEntries(FS, [`${mount}/journal`], 7001), removed: [], result: 'pushed' }; };
    // Another time than the entry's: produce is not called and nothing is stored.
    expect(await pushEntriesIfCurrent(db, check, 6999, produce)).toBeNull();
    expect(produced).toBe(0);
    expect((await entries(db)).keys).not.toContain(`${mount}/journal`);
    // The entry's time: produce runs inside the transaction and its files are stored.
    expect(await pushEntriesIfCurrent(db, check, 7000, produce)).toBe('pushed');
    expect(produced).toBe(1);
    expect((await entries(db)).keys).toContain(`${mount}/journal`);
    // A produce that throws aborts the transaction: the error rejects, nothing is stored.
    const boom = new Error('boom');
    await expect(pushEntriesIfCurrent(db, check, 7000, () => { throw boom; })).rejects.toBe(boom);
    // A missing entry counts as time 0.
    expect(await pushEntriesIfCurrent(db, `${mount}/none`, 0, () => ({ entries: [], removed: [`${mount}/journal`], result: 'removed' }))).toBe('removed');
    expect((await entries(db)).keys).not.toContain(`${mount}/journal`);
    FS.unmount(mount);
    releaseConnection(IDBFS, mount);
  });

  test('restoreSnapshot writes a read snapshot into an empty mount, parents first, as populate would', async () => {
    const { FS, IDBFS } = Module;
    const { mount, db } = await mountedStore(Module);
    FS.mkdirTree(`${mount}/dir/sub`);
    FS.writeFile(`${mount}/dir/sub/f.txt`, 'deep');
    await syncfs(FS, false);
    const snapshot = await entries(db);
    // Children before parents: restore must sort.
    snapshot.keys.reverse();
    snapshot.entries.reverse();

    const other = await createFtCore();
    other.FS.mkdirTree(mount);
    restoreSnapshot(other.IDBFS, snapshot);
    expect(text(other.FS.readFile(`${mount}/dir/sub/f.txt`))).toBe('deep');
    expect(other.FS.stat(`${mount}/dir/sub/f.txt`).mtime.getTime()).toBe(FS.stat(`${mount}/dir/sub/f.txt`).mtime.getTime());
    // localTime reads the timestamp IDBFS gave the file from its entry.
    expect(localTime(other.FS, `${mount}/dir/sub/f.txt`)).toBe(await entryTime(db, `${mount}/dir/sub/f.txt`));
    expect(localTime(other.FS, `${mount}/none`)).toBe(0);
    FS.unmount(mount);
    releaseConnection(IDBFS, mount);
  });
});
