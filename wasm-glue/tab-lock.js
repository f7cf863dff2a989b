// The tab lock of one appId's store: IDBFS mirrors the whole mount, so two tabs' unguarded pushes
// delete each other's files; every change runs under one Web Lock per store, and after a push the
// other tabs are told over a BroadcastChannel of the same name.

/** A lock that works where Web Locks do not exist (Node, old browsers): one tab = one queue. */
function localLock() {
  let tail = Promise.resolve();
  return /** @type {<T>(fn: () => Promise<T>) => Promise<T>} */ ((fn) => {
    const run = tail.then(fn, fn);
    tail = run.then(() => {}, () => {});
    return run;
  });
}

export class TabLock {
  /**
   * @param {string} name  the lock's and the channel's name (one per store)
   * @param {() => void} onChange  another tab said it changed the store
   */
  constructor(name, onChange) {
    const locks = typeof navigator !== 'undefined' && /** @type {any} */ (navigator).locks;
    /** @type {<T>(fn: () => Promise<T>) => Promise<T>} */
    this.run = locks ? (fn) => this.viaWebLocks(locks, name, fn) : localLock();
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
    if (this.channel) {
      this.channel.onmessage = () => onChange();
      // Node: an open channel must not keep the process (a Jest worker) alive.
      /** @type {any} */ (this.channel).unref?.();
    }
  }

  /**
   * Runs `fn` under the Web Lock. Where the page may not use Web Locks (a sandboxed iframe:
   * `request` rejects with SecurityError before running anything), this tab's own queue takes
   * over: such a page has no IndexedDB either, so there is no other tab to exclude.
   * @template T @param {any} locks @param {string} name @param {() => Promise<T>} fn
   * @returns {Promise<T>}
   */
  viaWebLocks(locks, name, fn) {
    let started = false;
    /** @type {Promise<T>} */
    let request;
    try {
      request = locks.request(name, () => {
        started = true;
        return fn();
      });
    } catch (error) {
      request = Promise.reject(error);
    }
    return request.catch((error) => {
      if (started) throw error;
      this.run = localLock();
      return this.run(fn);
    });
  }

  /** Tells the other tabs the store changed. @param {unknown} message */
  tell(message) {
    if (this.channel) this.channel.postMessage(message);
  }

  /** Stops listening to the other tabs. */
  close() {
    if (this.channel) this.channel.close();
  }
}
