// The storage writes waiting to be durable (behaviour.md §2.6), by the core's op id: each gets a
// callback, called once with null when its files are in IndexedDB, or with the reason it failed.
// Callbacks, not a Promise per write: a batch of 2,000 writes would pay for 2,000 Promises and
// their microtask hops before the pipeline's own (bench: writes in flight).

/** @typedef {(reason: string | null) => void} WriteDone */

/**
 * @typedef {object} WriteWaiters
 * @property {(op: number, done: WriteDone) => void} add  waits for write `op`
 * @property {(op: number, reason: string | null) => void} settle  settles write `op` (reason null: durable)
 * @property {(reason: string) => void} failAll  fails every write still waiting: nothing may hang
 * @property {(op: number) => void} durableThrough  settles as durable every write up to `op` (the core's durableThrough)
 */

/** @returns {WriteWaiters} */
export function writeWaiters() {
  /** @type {Map<number, WriteDone>} */
  const waiting = new Map();
  /** @param {number} op @param {string | null} reason */
  const settle = (op, reason) => {
    const done = waiting.get(op);
    if (!done) return;
    waiting.delete(op);
    done(reason);
  };
  return {
    add: (op, done) => { waiting.set(op, done); },
    settle,
    failAll: (reason) => { for (const op of [...waiting.keys()]) settle(op, reason); },
    durableThrough: (through) => { for (const op of [...waiting.keys()]) if (op <= through) settle(op, null); },
  };
}
