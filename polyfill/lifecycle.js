// The life of a runtime (runtime.js) as one small state machine: the states, the events that move
// it and the only transitions allowed, in one table. The runtime, its call queue (call-queue.js)
// and its end (dispose.js) move it and ask it; none keeps a flag of its own.
//
//   idle ──start──▶ starting ──up──▶ ready ◀──applied── configuring / resetting
//                      │                 └──configure / reset──▲
//                      └──fail──▶ failed
//   any of them ──dispose──▶ disposing ──released──▶ disposed

/**
 * @typedef {'idle' | 'starting' | 'ready' | 'configuring' | 'resetting' | 'failed' | 'disposing' | 'disposed'} LifeState
 * @typedef {'start' | 'up' | 'fail' | 'configure' | 'reset' | 'applied' | 'dispose' | 'released'} LifeEvent
 */

/**
 * state → event → next state; a pair not listed is a bug in the polyfill, and to() throws.
 * idle: installed, the core's set-up not begun (it begins at the first call or when the page is
 * parsed); configuring/resetting: a configure/reset barrier of the queue is being applied (§1.10);
 * failed: the core could not start, every call fails with the reason; disposing: ftHost.dispose()
 * was called, what was asked before it still runs (the core still comes up, a configure/reset
 * queued before it is still applied), then everything is released.
 * @type {Record<LifeState, Partial<Record<LifeEvent, LifeState>>>}
 */
export const TRANSITIONS = {
  idle: { start: 'starting', dispose: 'disposing' },
  starting: { up: 'ready', fail: 'failed', dispose: 'disposing' },
  ready: { configure: 'configuring', reset: 'resetting', dispose: 'disposing' },
  configuring: { applied: 'ready', dispose: 'disposing' },
  resetting: { applied: 'ready', dispose: 'disposing' },
  failed: { dispose: 'disposing' },
  disposing: { up: 'disposing', fail: 'disposing', configure: 'disposing', reset: 'disposing', applied: 'disposing', released: 'disposed' },
  disposed: {},
};

export class Lifecycle {
  constructor() {
    /** @type {LifeState} */
    this.state = 'idle';
    /** Why the core could not start (every call then fails with it), or null. @type {Error | null} */
    this.startError = null;
    /** Set by dispose: every call made after it fails with it. @type {Error | null} */
    this.stopError = null;
  }

  /**
   * Moves the machine by `event`; an event the current state does not take throws (a bug).
   * @param {LifeEvent} event @returns {LifeState} the new state
   */
  to(event) {
    const next = TRANSITIONS[this.state][event];
    if (!next) throw new Error(`ft-polyfill: lifecycle event ${event} in state ${this.state}`);
    return (this.state = next);
  }

  /** The core's start failed. @param {Error} error  what every call fails with */
  fail(error) {
    this.to('fail');
    this.startError = error;
  }

  /** ftHost.dispose(). @param {Error} error  what every call made after it fails with */
  stop(error) {
    this.to('dispose');
    this.stopError = error;
  }

  /** ftHost.dispose() was called (disposing or disposed). */
  stopped() {
    return this.state === 'disposing' || this.state === 'disposed';
  }

  /** A configure/reset is being applied. */
  applying() {
    return this.state === 'configuring' || this.state === 'resetting';
  }

  /** Why a call that would wait cannot run (the start failed, or dispose was called), or null. */
  refusal() {
    return this.startError || this.stopError;
  }
}
