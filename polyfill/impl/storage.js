// ft.getStorage / setStorage / removeStorage / clearStorage / getStorageInfo (behaviour.md §2).
// The C++ core decides (limits, accounting, errors); this file converts values and waits for
// durability before success (a success callback means the data is in IndexedDB).

import { ok, okOwned, fail } from '../pipeline.js';
import { encodeValue, decodeStored, keyToCore, keyFromCore } from '../storage/value-codec.js';
import { queuedWriteLine } from '../core-wire/storage.js';
import { keepUnsaved } from '../../wasm-glue/persistence.js';

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function storageImpl(runtime) {
  /**
   * A write's outcome once it is durable (§2.6), as the thenable the pipeline settles from: the
   * persistence calls back when the flush holding it commits, with no Promise per write.
   * @param {number} op  the core's op id of the write
   * @returns {PromiseLike<import('../pipeline.js').Outcome>}
   */
  const whenDurable = (op) => {
    const { persistence } = runtime.core();
    /** @type {import('../pipeline.js').Outcome | null} */ let outcome = null;
    /** @type {((outcome: import('../pipeline.js').Outcome) => void) | null} */ let deliver = null;
    persistence.whenDurable(op, (reason) => {
      outcome = reason === null ? ok() : fail(reason);
      if (deliver) deliver(outcome);
    });
    const settled = { then(/** @type {(outcome: import('../pipeline.js').Outcome) => void} */ onOutcome) { if (outcome) onOutcome(outcome); else deliver = onOutcome; } };
    return /** @type {PromiseLike<import('../pipeline.js').Outcome>} */ (/** @type {unknown} */ (settled));
  };

  // The page leaves, or is hidden and may never run again: the writes not yet in IndexedDB (the
  // core's, then the queued calls', up to a configure) go to localStorage, replayed at the next
  // start (docs/durability.md); a page entering the back-forward cache also aborts its writes in
  // flight, and writes them again when it is shown again. The queued calls go as the calls
  // themselves (queuedWriteLine): the core makes them writes when it replays the record.
  const leave = (/** @type {any} */ event) => {
    const { handles } = runtime;
    if (event.type === 'pageshow') {
      if (event.persisted && handles) handles.persistence.resume();
      return;
    }
    if (event.type !== 'pagehide' && doc.visibilityState !== 'hidden') return;
    let record = handles && handles.persistence.persistent ? handles.storage.unsaved() : '';
    for (const { barrier, call } of runtime.queue) {
      if (barrier) break;
      const [name, args] = /** @type {[any, any]} */ (call || []);
      const value = /** @type {any} */ (name === 'setStorage' ? encodeValue(args.data) : {});
      if (/^(set|remove|clear)Storage$/.test(name) && !value.reason) record += queuedWriteLine(name, { key: keyToCore(args.key || ''), type: value.type, payload: value.payload });
    }
    keepUnsaved(handles ? handles.persistence.appId : runtime.currentConfig().appId, record, console.warn);
    if (event.persisted && handles) handles.persistence.suspend();
  };
  const { global: win } = runtime;
  const doc = win.document;
  if (doc && win.addEventListener) {
    win.addEventListener('pagehide', leave);
    win.addEventListener('pageshow', leave);
    doc.addEventListener('visibilitychange', leave);
    runtime.onDispose(() => {
      win.removeEventListener('pagehide', leave);
      win.removeEventListener('pageshow', leave);
      doc.removeEventListener('visibilitychange', leave);
    });
  }

  return {
    getStorage({ key }) {
      const stored = runtime.core().storage.get(keyToCore(key));
      if (!stored.ok) return fail(stored.reason);
      const decoded = decodeStored(stored.type, stored.payload);
      return 'reason' in decoded ? fail(decoded.reason) : okOwned({ data: decoded.value });
    },

    setStorage({ key, data }, { api }) {
      const encoded = encodeValue(data);
      if ('reason' in encoded) return fail(encoded.reason);
      const written = runtime.core().storage.set(keyToCore(key), encoded.type, encoded.payload);
      if (!written.ok) return fail(written.reason);
      // What reads back is not what the page stored (§2.1, §1.15).
      if (encoded.check) runtime.deviceCheck('storage-value', api, encoded.check);
      return whenDurable(written.op);
    },

    removeStorage({ key }) {
      return whenDurable(runtime.core().storage.remove(keyToCore(key)));
    },

    clearStorage() {
      return whenDurable(runtime.core().storage.clear());
    },

    getStorageInfo() {
      const info = runtime.core().storage.info();
      return ok({ keys: info.keys.map(keyFromCore), currentSize: info.currentSize, limitSize: info.limitSize });
    },
  };
}
