// What a production build must not contain: ft-polyfill's runtime (shared by ft-polyfill/vite and
// ft-polyfill/webpack, so both kits refuse the same modules with the same message).
const { realpathSync } = require('node:fs');
const { join, sep } = require('node:path');

/** This package's runtime folders (real paths, as bundlers give module ids). */
const RUNTIME_DIRS = ['dist', 'testing'].map((name) => {
  try {
    return realpathSync(join(__dirname, '..', name)) + sep;
  } catch {
    return join(__dirname, '..', name) + sep;
  }
});

/**
 * Whether a module id (a file path, possibly with a query) is a file of ft-polyfill's runtime:
 * this package's or any installed copy's.
 * @param {string} id
 */
function isPolyfillModule(id) {
  const file = id.replace(/[?#].*$/, '').replace(/^\0/, '');
  return RUNTIME_DIRS.some((dir) => file.startsWith(dir)) || /[\\/]node_modules[\\/]ft-polyfill[\\/]/.test(file);
}

/**
 * The message of a production build that would contain ft-polyfill.
 * @param {string} what  what would be in it, and through what
 */
function productionMessage(what) {
  return `ft-polyfill: ${what} in a production build. ft-polyfill simulates the FinClip host for development and tests and must not ship: inside the FinClip app it installs nothing and the app fails. Install FinClip's finclip-js-sdk for production builds and keep aliases and tsconfig "paths" of finclip-js-sdk out of them (types only: ft-polyfill's docs/guides/app-builds.md), or make this a test build.`;
}

module.exports = { isPolyfillModule, productionMessage };
