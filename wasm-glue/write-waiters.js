// The storage writes waiting to be durable (behaviour.md §2.6), by the core's op id: each gets a
// promise that resolves once its files are in IndexedDB, or rejects with the reason it failed.

export class WriteWaiters {
  constructor() {
    /** @type {Map<number, {resolve: () => void, reject: (reason: string) => void}>} */
    this.waiting = new Map();
  }

  /** The promise of write `op`. @param {number} op @returns {Promise<void>} */
  add(op) {
    return new Promise((resolve, reject) => {
      this.waiting.set(op, { resolve: /** @type {() => void} */ (resolve), reject });
    });
  }

  /** Resolves (reason null) or rejects write `op`. @param {number} op @param {string|null} reason */
  settle(op, reason) {
    const waiter = this.waiting.get(op);
    if (!waiter) return;
    this.waiting.delete(op);
    if (reason === null) waiter.resolve();
    else waiter.reject(reason);
  }

  /** Fails every write still waiting: nothing may hang. @param {string} reason */
  failAll(reason) {
    for (const op of [...this.waiting.keys()]) this.settle(op, reason);
  }

  /** Resolves every write up to `op` (the core's durableThrough). @param {number} op */
  durableThrough(op) {
    for (const id of [...this.waiting.keys()]) if (id <= op) this.settle(id, null);
  }
}
