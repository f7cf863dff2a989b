// How long ago the page navigated, in ms: the host counts the web-view's load timeout from there
// (behaviour.md §4.6). The Node build's (Jest, Vitest: no navigation, so 0: the timeout counts
// from the configuration, and fake timers see the whole timeout); the browser builds use
// page-age-web.js (scripts/build.mjs).

/** @param {any} _global @returns {number} */
export const pageAge = (_global) => 0;
