// ft-polyfill/testing: the kit is testing/kit.cjs. Under ft-polyfill's Jest environments a test
// file's global offers it compiled once per worker and run in the file's context
// (testing/jest-environment.cjs), where Jest would compile it again for every file.
'use strict';

/** @type {typeof import('./kit.cjs')} */
module.exports = /** @type {any} */ (globalThis)[Symbol.for('ft-polyfill.testing')] || require('./kit.cjs');
