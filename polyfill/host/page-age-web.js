// page-age.js in the browser builds (scripts/build.mjs): performance.now() counts from the
// page's navigation start.

/** @param {any} global @returns {number} */
export const pageAge = (global) => global.performance.now();
