// The life of a runtime (runtime.js) as one small state machine: its states and the only
// transitions allowed, listed in one table; and the one call queue (behaviour.md §1.6, §1.10),
// whose barriers (configure, reset) are states of that life. The runtime, the pipeline and the
// end (dispose.js) move it and ask it; none keeps a flag of its own. The runtime is a Lifecycle
// (and, below it, the host's events: host-events.js).
//
//   idle ──▶ starting ──▶ ready ◀──▶ applying (a configure or reset)
//               └──▶ failed
//   any of them ──▶ disposing ──▶ disposed

import { HostEvents } from './host-events.js';

/**
 * @typedef {'idle' | 'starting' | 'ready' | 'applying' | 'failed' | 'disposing' | 'disposed'} LifeState
 *
 * One call waiting its turn. `barrier`: true for a configure/reset;
 * `call`: the interface's name and checked arguments (impl/storage.js keeps queued writes when the
 * page leaves); `stack`: an Error made at the page's call (its stack is formatted only when a device
 * check reads it), for its device checks' call site.
 * @typedef {{ fn: () => any, resolve: (v: any) => void, reject: (e: unknown) => void, barrier: boolean, call?: [string, any], stack?: Error }} QueuedCall
 */

/**
 * Each state and the states it may go to; any other transition is a bug in the polyfill, and
 * to() throws. idle: installed, the core's set-up not begun (it begins at the first call or when
 * the page is parsed); starting: the core loads, calls wait; ready: the core is up;
 * applying: a configure or reset (a barrier of the queue) is being applied (§1.10), later
 * calls wait; failed: the core could not start, every call fails with the reason (§1.13);
 * disposing: ftHost.dispose() was called, every later call fails, what was asked before it still
 * runs (step()), then everything is released; disposed: the end.
 * @type {Record<LifeState, string>}
 */
export const TRANSITIONS = {
  idle: 'starting disposing',
  starting: 'ready failed disposing',
  ready: 'applying disposing',
  applying: 'ready disposing',
  failed: 'disposing',
  disposing: 'disposed',
  disposed: '',
};

export class Lifecycle extends HostEvents {
  constructor() {
    super();
    /** @type {LifeState} */
    this.state = 'idle';
    /** Why the core could not start (every call then fails with it), or null. @type {Error | null} */
    this.startError = null;
    /** Set at dispose: every call made after it fails with it. @type {Error | null} */
    this.stopError = null;
    /**
     * Work waiting its turn, in call order: calls made before the core is up, and everything made
     * while a configure/reset waits or is applied. A barrier runs alone: nothing after it starts
     * until it has been applied. @type {QueuedCall[]}
     */
    this.queue = [];
    /** The queue is being run (drain awaits a barrier's work). */
    this.running = false;
    /** The Error made at the queued call running now (deviceCheck's call site), else undefined. @type {Error | undefined} */
    this.stack = undefined;
  }

  /**
   * Moves to `next`; a transition the table does not list throws (a bug), the state unchanged.
   * @param {LifeState} next
   */
  to(next) {
    if (!TRANSITIONS[this.state].split(' ').includes(next)) throw new Error(`ft-polyfill lifecycle: ${this.state} to ${next}`);
    this.state = next;
  }

  /**
   * A step of work asked before dispose (the core coming up, a configure/reset applied): after
   * dispose it still runs, and the state stays disposing.
   * @param {LifeState} next
   */
  step(next) {
    if (!this.stopped()) this.to(next);
  }

  /** ftHost.dispose() was called (disposing or disposed): every call fails at once. */
  stopped() {
    return this.state === 'disposing' || this.state === 'disposed';
  }

  /** A configure/reset is being applied. */
  applying() {
    return this.state === 'applying';
  }

  /** The core is up, nothing is applied and nothing waits: a call may run at once. */
  open() {
    return this.state === 'ready' && !this.queue.length && !this.running;
  }

  /**
   * Whether a call may run at once: the runtime is open; or the call needs nothing from the core
   * (getEnv), nothing waits and nothing is being applied (call order, §1.6); or dispose was called
   * (every call then runs against the implementation that fails, runtime.impl()).
   * @param {boolean} needsCore
   */
  mayRun(needsCore) {
    return this.open() || this.stopped() || (!needsCore && !this.queue.length && !this.applying());
  }

  /**
   * Adds `fn` behind everything waiting; settles with what it returns once it has run.
   * @template T @param {() => T} fn @param {QueuedCall['barrier']} barrier
   * @param {[string, any]} [call] @param {Error} [stack]
   * @returns {Promise<Awaited<T>>}
   */
  push(fn, barrier, call, stack) {
    return new Promise((resolve, reject) => this.queue.push({ fn, resolve, reject, barrier, call, stack }));
  }

  /** Runs what waits, in order (the caller has the core up); a barrier is awaited before the rest. */
  async drain() {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length) {
        const { fn, resolve, reject, barrier, stack } = /** @type {QueuedCall} */ (this.queue.shift());
        if (barrier) this.step('applying');
        this.stack = stack;
        try {
          // Only a barrier is awaited: the calls after it wait until it has been applied.
          resolve(barrier ? await fn() : fn());
        } catch (error) {
          reject(error);
        } finally {
          this.stack = undefined;
          if (barrier) this.step('ready');
        }
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Resolves once everything queued so far has run, a barrier's work included: a last entry that
   * does nothing, resolved by the drain when its turn comes (the core is up). Once stopped nothing
   * is queued after it, so the queue is empty then.
   * @returns {Promise<void>}
   */
  drained() {
    const done = this.push(() => undefined, false);
    this.drain();
    return done;
  }
}
