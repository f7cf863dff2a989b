// The host's events of one instance ('message', 'event', 'timeout', 'route', 'call', ...; see
// host/bridge.js): ftHost.on/off and the polyfill's own listeners. A listener that throws is
// reported and the others still run.

export class HostEvents {
  constructor() {
    /** @type {Map<string, Set<Function>>} */
    this.listeners = new Map();
  }

  /** @param {string} name @param {Function} fn */
  on(name, fn) {
    if (typeof fn !== 'function') return;
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(fn);
  }

  /** @param {string} name @param {Function} [fn] */
  off(name, fn) {
    if (fn === undefined) this.listeners.delete(name);
    else this.listeners.get(name)?.delete(fn);
  }

  /** @param {string} name @param {unknown} payload */
  emit(name, payload) {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const fn of [...set]) {
      try {
        fn(payload);
      } catch (error) {
        console.error(`ft-polyfill: a host '${name}' listener threw`, error);
      }
    }
  }
}
