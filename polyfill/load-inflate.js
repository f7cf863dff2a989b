// Loads the inflate fallback (inflate.js) in the ES module build: dist/ft-polyfill-inflate.mjs
// next to dist/ft-polyfill.mjs, a dynamic import that bundlers turn into a chunk of their own.
// Only a browser without DecompressionStream (Safari before 16.4, Firefox before 113) asks for
// it (core-web.js); the classic script swaps in load-inflate-script.js (scripts/build.mjs).

/** @typedef {typeof import('./inflate.js')} Inflate */

/** @returns {Promise<Inflate>} */
export function loadInflate() {
  // @ts-ignore: resolved in dist/ at run time (scripts/build.mjs keeps it external)
  return import('./ft-polyfill-inflate.mjs');
}
