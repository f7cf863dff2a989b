// The storage writes waiting to be durable (behaviour.md §2.6), by the core's op id: each gets a
// promise that resolves once its files are in IndexedDB, or rejects with the reason it failed.

/**
 * @typedef {object} WriteWaiters
 * @property {(op: number) => Promise<void>} add  the promise of write `op`
 * @property {(op: number, reason: string | null) => void} settle  resolves (reason null) or rejects write `op`
 * @property {(reason: string) => void} failAll  fails every write still waiting: nothing may hang
 * @property {(op: number) => void} durableThrough  resolves every write up to `op` (the core's durableThrough)
 */

/** @returns {WriteWaiters} */
export function writeWaiters() {
  /** @type {Map<number, [() => void, (reason: string) => void]>} */
  const waiting = new Map();
  /** @param {number} op @param {string | null} reason */
  const settle = (op, reason) => {
    const waiter = waiting.get(op);
    if (!waiter) return;
    waiting.delete(op);
    if (reason === null) waiter[0]();
    else waiter[1](reason);
  };
  return {
    add: (op) => new Promise((resolve, reject) => { waiting.set(op, [/** @type {() => void} */ (resolve), reject]); }),
    settle,
    failAll: (reason) => { for (const op of [...waiting.keys()]) settle(op, reason); },
    durableThrough: (through) => { for (const op of [...waiting.keys()]) if (op <= through) settle(op, null); },
  };
}
