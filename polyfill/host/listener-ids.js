// The ids the host core knows the page's listener and handler functions by (the core sees ids,
// never functions): the same function always gets the same id, and an id is forgotten once no
// registry of the core holds it.

/** Listener ids kept before the first sweep for ones the core no longer holds (see idOf). */
const SWEEP_MIN = 64;

export class ListenerIds {
  /** @param {(id: number) => boolean} held  whether a registry of the core still holds `id` */
  constructor(held) {
    this.held = held;
    this.nextId = 1;
    /** @type {WeakMap<Function, number>} */
    this.ids = new WeakMap();
    /** @type {Map<number, Function>} */
    this.fns = new Map();
    /** fns.size at which idOf first releases the ids the core no longer holds. */
    this.sweepAt = SWEEP_MIN;
  }

  /** Forgets every function (a brand-new host). */
  clear() {
    this.fns.clear();
    this.ids = new WeakMap();
    this.sweepAt = SWEEP_MIN;
  }

  /** The id of a function (the same function always gets the same id). @param {Function} fn */
  idOf(fn) {
    let id = this.ids.get(fn);
    if (id === undefined) {
      // Removals that name no id (offAll, a replaced regist handler) leave ids the core no longer
      // holds: release them once there are twice as many as after the last sweep.
      if (this.fns.size >= this.sweepAt) this.sweep();
      id = this.nextId++;
      this.ids.set(fn, id);
      this.fns.set(id, fn);
    }
    return id;
  }

  /** The id of a function only if it has one (off* with an unknown function). @param {Function} fn */
  knownId(fn) {
    return this.ids.get(fn) ?? 0;
  }

  /** After an off*: forgets listener `id` (and its function) once no registry of the core holds it. @param {number} id */
  release(id) {
    const fn = this.fns.get(id);
    if (fn && !this.held(id)) {
      this.fns.delete(id);
      this.ids.delete(fn);
    }
  }

  /** Releases every listener the core no longer holds. */
  sweep() {
    for (const id of [...this.fns.keys()]) this.release(id);
    this.sweepAt = Math.max(SWEEP_MIN, 2 * this.fns.size);
  }
}
