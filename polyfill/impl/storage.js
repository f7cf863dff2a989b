// ft.getStorage / setStorage / removeStorage / clearStorage / getStorageInfo (behaviour.md §2).
// The C++ core decides (limits, accounting, errors); this file converts values and waits for
// durability before success (a success callback means the data is in IndexedDB).

import { ok, okOwned, fail } from '../pipeline.js';
import { encodeValue, decodeStored, keyToCore, keyFromCore } from '../storage/value-codec.js';
import { readStorageAnswer } from '../core-wire.js';

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function storageImpl(runtime) {
  /** @param {string} answer  a write's op id, or its failure (core-wire.js) */
  const whenDurable = (answer) => {
    const written = readStorageAnswer(answer);
    if (!written.ok) return Promise.resolve(fail(written.reason));
    return runtime.core().persistence.durable(Number(written.text)).then(() => ok(), (/** @type {string} */ reason) => fail(reason));
  };

  return {
    getStorage({ key }) {
      const stored = readStorageAnswer(runtime.core().storage.get(keyToCore(key)));
      if (!stored.ok) return fail(stored.reason);
      const decoded = decodeStored(stored.text);
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
