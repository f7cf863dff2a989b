// Loads the host's UI in the ES module build: dist/ft-polyfill-ui.mjs next to dist/ft-polyfill.mjs,
// a dynamic import that bundlers (Vite, webpack) turn into a chunk of their own.

/** @returns {Promise<import('./load-ui.js').HostUi>} */
export function loadUi() {
  // @ts-ignore: resolved in dist/ at run time (scripts/build.mjs keeps it external)
  return import('./ft-polyfill-ui.mjs');
}
