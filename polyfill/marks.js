// User Timing marks of the start-up phases ("ft:..." in the DevTools Performance panel and in
// performance.getEntriesByType('mark')), so a page can see where its time to ready goes.

/**
 * Marks a start-up phase; a no-op where User Timing does not exist.
 * @param {'ft:installed'|'ft:core-compiled'|'ft:core-instantiated'|'ft:db-read'|'ft:ready'} name
 */
export function mark(name) {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}
