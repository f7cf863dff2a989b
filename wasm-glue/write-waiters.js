// The storage writes waiting to be durable (behaviour.md §2.6), by the core's op id: each gets a
// callback, called once with null when its files are in IndexedDB, or with the reason it failed.
// Callbacks, not a Promise per write: a batch of 2,000 writes would pay for 2,000 Promises and
// their microtask hops before the pipeline's own (bench: writes in flight).

/** @typedef {(reason: string | null) => void} WriteDone */

/**
 * @typedef {object} WriteWaiters
 * @property {(op: number, done: WriteDone) => void} add  waits for write `op` (op ids only grow)
 * @property {(op: number, reason: string | null) => void} settle  settles write `op` (reason null: durable)
 * @property {(reason: string) => void} failAll  fails every write still waiting: nothing may hang
 * @property {(op: number) => void} durableThrough  settles as durable every write up to `op` (the core's durableThrough)
 */

/** @returns {WriteWaiters} */
export function writeWaiters() {
  // The core's op ids grow with every write, so the waiting writes form a queue in op order,
  // settled from its front; a write settled out of order (rejected by a refresh) leaves a hole.
  /** @type {number[]} */ let ops = [];
  /** @type {Array<WriteDone | null>} */ let dones = [];
  let head = 0;
  /** @param {number} i @param {string | null} reason */
  const settleAt = (i, reason) => {
    const done = dones[i];
    dones[i] = null;
    if (done) done(reason);
  };
  const dropSettled = () => {
    if (head < ops.length) return;
    ops = [];
    dones = [];
    head = 0;
  };
  return {
    add: (op, done) => { ops.push(op); dones.push(done); },
    settle: (op, reason) => {
      for (let i = head; i < ops.length; i++) if (ops[i] === op) settleAt(i, reason);
    },
    failAll: (reason) => {
      // A callback may add writes (the pipeline delivers later, but a caller might not): only the
      // writes waiting now are failed.
      const end = ops.length;
      while (head < end) settleAt(head++, reason);
      dropSettled();
    },
    durableThrough: (through) => {
      while (head < ops.length && ops[head] <= through) settleAt(head++, null);
      dropSettled();
    },
  };
}
