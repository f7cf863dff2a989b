// Node entry (the CommonJS build dist/ft-polyfill.cjs, and dist/ft-polyfill.node.mjs for `import`
// in Node): Jest, Vitest, the testing kit. `ft` / `host` are the instance installed on the global
// object, made the first time one of them is read (node-entry.cjs), so application code that
// imports ft-polyfill and ft-polyfill/testing share one instance (behaviour.md §1.11).
import { createFt as create } from './create.js';
import { installFt as install, installedOn } from './install.js';
import { polyfillGlobals } from './node-globals.js';
import loadCore, { openStore } from './core-node.js';

export { polyfillGlobals, installedOn };

/**
 * A new, independent instance (its own core and storage), installed nowhere.
 * @param {{ config?: unknown, global?: any }} [options]
 */
export function createFt(options = {}) {
  return create({ loadCore, openStore, ...options });
}

/**
 * Installs ft/ftHost on a global object (globalThis by default), as the script tag does, after
 * filling in what the environment lacks (polyfillGlobals); returns the instance already there
 * when there is one. Configuration: the global's ftHostConfig.
 * @param {any} [global]
 * @returns {{ ft: any, host: any }}
 */
export function installFt(global = globalThis) {
  const existing = installedOn(global);
  if (existing) return existing;
  polyfillGlobals(global);
  const config = global.ftHostConfig;
  // Node never runs inside a real FinClip host.
  const instance = install(global, loadCore, openStore) || install(Object.assign(global, { ftHostConfig: { ...config, force: true } }), loadCore, openStore);
  return /** @type {{ ft: any, host: any }} */ (instance);
}
