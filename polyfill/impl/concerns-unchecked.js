// concerns.js in the browser bundles (scripts/build.mjs): their API table carries no `concern`;
// the same modules are checked in Node at every construction and by tests/js/api-table.test.js.

/**
 * @param {import('./index.js').ImplementationModule[]} factories
 * @returns {import('./index.js').ImplementationModule[]}
 */
export const checked = (factories) => factories;
