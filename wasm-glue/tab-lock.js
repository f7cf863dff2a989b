// The tab lock of one appId's store: IDBFS mirrors the whole mount, so two tabs' unguarded pushes
// delete each other's files; every change runs under one Web Lock per store, and after a push the
// other tabs are told over a BroadcastChannel of the same name.

/** A lock that works where Web Locks do not exist (Node, old browsers): one tab = one queue. */
export function localLock() {
  let tail = Promise.resolve();
  return /** @type {<T>(fn: () => Promise<T>) => Promise<T>} */ ((fn) => {
    const run = tail.then(fn, fn);
    tail = run.then(() => {}, () => {});
    return run;
  });
}

/**
 * @typedef {object} TabLock
 * @property {<T>(fn: () => Promise<T>) => Promise<T>} run  runs `fn` under the lock
 * @property {(message: unknown) => void} tell  tells the other tabs the store changed
 * @property {() => void} close  stops listening to the other tabs
 */

/**
 * The lock and channel of a store. Where the page may not use Web Locks (a sandboxed iframe:
 * `request` rejects with SecurityError before running anything), this tab's own queue takes
 * over: such a page has no IndexedDB either, so there is no other tab to exclude.
 * @param {string} name  the lock's and the channel's name (one per store)
 * @param {() => void} onChange  another tab said it changed the store
 * @returns {TabLock}
 */
export function tabLock(name, onChange) {
  const locks = typeof navigator !== 'undefined' && /** @type {any} */ (navigator).locks;
  /** @type {(<T>(fn: () => Promise<T>) => Promise<T>) | null} */
  let local = locks ? null : localLock();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
  if (channel) {
    channel.onmessage = () => onChange();
    // Node: an open channel must not keep the process (a Jest worker) alive.
    /** @type {any} */ (channel).unref?.();
  }
  /** @template T @param {() => Promise<T>} fn @returns {Promise<T>} */
  const run = (fn) => {
    if (local) return local(fn);
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
      local = localLock();
      return local(fn);
    });
  };
  return {
    run,
    tell: (message) => channel?.postMessage(message),
    close: () => channel?.close(),
  };
}
