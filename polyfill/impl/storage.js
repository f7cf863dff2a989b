// ft.getStorage / setStorage / removeStorage / clearStorage / getStorageInfo (behaviour.md §2).
// The C++ core decides (limits, accounting, errors); this file converts values and waits for
// durability before success (a success callback means the data is in IndexedDB).

import { ok, okOwned, fail } from '../pipeline.js';
import { encodeValue, decodeStored, keyToCore, keyFromCore } from '../storage/value-codec.js';
import { readStorageAnswer, storageFailure } from '../core-wire.js';

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function storageImpl(runtime) {
  /**
   * A write's outcome once it is durable (§2.6), as the thenable the pipeline settles from: the
   * persistence calls back when the flush holding it commits, with no Promise per write.
   * @param {number} op  the core's op id, 0 when the core refused the write (failure() says why)
   * @returns {import('../pipeline.js').Outcome | PromiseLike<import('../pipeline.js').Outcome>}
   */
  const whenDurable = (op) => {
    const { storage, persistence } = runtime.core();
    if (op === 0) return fail(storageFailure(storage.failure()));
    /** @type {import('../pipeline.js').Outcome | null} */ let outcome = null;
    /** @type {((outcome: import('../pipeline.js').Outcome) => void) | null} */ let deliver = null;
    persistence.whenDurable(op, (reason) => {
      outcome = reason === null ? ok() : fail(reason);
      if (deliver) deliver(outcome);
    });
    const settled = { then(/** @type {(outcome: import('../pipeline.js').Outcome) => void} */ onOutcome) { if (outcome) onOutcome(outcome); else deliver = onOutcome; } };
    return /** @type {PromiseLike<import('../pipeline.js').Outcome>} */ (/** @type {unknown} */ (settled));
  };

  return {
    getStorage({ key }) {
      const stored = readStorageAnswer(runtime.core().storage.get(keyToCore(key)));
      if (!stored.ok) return fail(stored.reason);
      const decoded = decodeStored(stored.text);
      return 'reason' in decoded ? fail(decoded.reason) : okOwned({ data: decoded.value });
    },

    setStorage({ key, data }, { api }) {
      const encoded = encodeValue(data);
      if ('reason' in encoded) return fail(encoded.reason);
      const { storage } = runtime.core();
      const op = storage.set(keyToCore(key), encoded.type, encoded.payload, encoded.facts);
      // The core's device check (§2.1, §1.15): what reads back is not what the page stored.
      const check = op && encoded.facts && storage.failure();
      if (check) runtime.deviceCheck('storage-value', api, check);
      return whenDurable(op);
    },

    removeStorage({ key }) {
      return whenDurable(runtime.core().storage.remove(keyToCore(key)));
    },

    clearStorage() {
      return whenDurable(runtime.core().storage.clear());
    },

    getStorageInfo() {
      const info = JSON.parse(runtime.core().storage.info());
      return ok({ keys: info.keys.map(keyFromCore), currentSize: info.currentSize, limitSize: info.limitSize });
    },
  };
}
