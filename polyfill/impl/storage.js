// ft.getStorage / setStorage / removeStorage / clearStorage / getStorageInfo (behaviour.md §2).
// The C++ core decides (limits, accounting, errors); this file converts values and waits for
// durability before success (a success callback means the data is in IndexedDB).

import { ok, okOwned, fail } from '../pipeline.js';
import { encodeValue, decodeStored, keyToCore, keyFromCore } from '../storage/value-codec.js';

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function storageImpl(runtime) {
  /** @param {number} op */
  const whenDurable = (op) => {
    const { persistence, storage } = runtime.core();
    if (op === 0) return Promise.resolve(fail(storage.lastReason()));
    return persistence.durable(op).then(() => ok(), (/** @type {string} */ reason) => fail(reason));
  };

  return {
    getStorage({ key }) {
      const { storage } = runtime.core();
      const stored = storage.get(keyToCore(key));
      if (stored === '') return fail(storage.lastReason());
      const decoded = decodeStored(stored);
      return 'reason' in decoded ? fail(decoded.reason) : okOwned({ data: decoded.value });
    },

    setStorage({ key, data }) {
      const encoded = encodeValue(data);
      if ('reason' in encoded) return fail(encoded.reason);
      return whenDurable(runtime.core().storage.set(keyToCore(key), encoded.type, encoded.payload));
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
