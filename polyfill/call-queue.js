// The runtime's one call queue (behaviour.md §1.6, §1.10): calls made before the core is up, and
// everything made while a configure/reset waits or is being applied, run in call order. A barrier
// (configure, reset) runs alone: nothing after it starts until it has been applied, and the
// lifecycle (lifecycle.js) is configuring/resetting meanwhile. Whoever must wait for what was asked
// before it (dispose) waits on drained(), which the queue resolves when it empties.

/**
 * One call waiting its turn.
 * `barrier`: false, or the lifecycle event of the configure/reset it applies;
 * `call`: the interface's name and checked arguments (impl/storage.js keeps queued writes when the page leaves);
 * `stack`: the page's stack at the call, for its device checks' call site.
 * @typedef {{ fn: () => any, resolve: (v: any) => void, reject: (e: unknown) => void, barrier: false | 'configure' | 'reset', call?: [string, any], stack?: string }} QueuedCall
 */

export class CallQueue {
  /** @param {import('./lifecycle.js').Lifecycle} lifecycle */
  constructor(lifecycle) {
    this.lifecycle = lifecycle;
    /** @type {QueuedCall[]} */
    this.items = [];
    /** The drain loop is running (it awaits a barrier's work). */
    this.running = false;
    /** The stack of the queued call running now (deviceCheck's call site), else undefined. @type {string | undefined} */
    this.stack = undefined;
    /** drained()'s promise and its resolve, while someone waits. @type {Promise<void> | null} */
    this.emptied = null;
    /** @type {() => void} */
    this.onEmptied = () => {};
  }

  /** The waiting calls, in call order. @returns {Iterator<QueuedCall>} */
  [Symbol.iterator]() {
    return this.items[Symbol.iterator]();
  }

  /** Nothing waits and nothing runs. */
  idle() {
    return !this.items.length && !this.running;
  }

  /** A configure/reset waits its turn. */
  hasBarrier() {
    return this.items.some((item) => item.barrier);
  }

  /**
   * Adds `fn` behind everything waiting; settles with what it returns once it has run.
   * @template T @param {() => T} fn @param {QueuedCall['barrier']} barrier
   * @param {[string, any]} [call] @param {string} [stack]
   * @returns {Promise<Awaited<T>>}
   */
  push(fn, barrier, call, stack) {
    return new Promise((resolve, reject) => { this.items.push({ fn, resolve, reject, barrier, call, stack }); });
  }

  /** Runs what waits, in order (the caller has the core up); a barrier is awaited before the rest. */
  async drain() {
    if (this.running) return;
    this.running = true;
    try {
      while (this.items.length) {
        const item = /** @type {QueuedCall} */ (this.items.shift());
        if (!item.barrier) {
          this.stack = item.stack;
          try {
            item.resolve(item.fn());
          } catch (error) {
            item.reject(error);
          } finally {
            this.stack = undefined;
          }
          continue;
        }
        this.lifecycle.to(item.barrier);
        try {
          item.resolve(await item.fn());
        } catch (error) {
          item.reject(error);
        } finally {
          this.lifecycle.to('applied');
        }
      }
    } finally {
      this.running = false;
      this.settle();
    }
  }

  /** Fails everything waiting with `error` (the core could not start). @param {Error} error */
  rejectAll(error) {
    for (const item of this.items.splice(0)) item.reject(error);
    this.settle();
  }

  /** Resolves once nothing waits and nothing runs (at once when so already). @returns {Promise<void>} */
  drained() {
    if (this.idle()) return Promise.resolve();
    return (this.emptied ||= new Promise((resolve) => { this.onEmptied = resolve; }));
  }

  /** Resolves drained()'s promise when the queue has emptied. */
  settle() {
    if (this.emptied && this.idle()) {
      this.emptied = null;
      this.onEmptied();
    }
  }
}
