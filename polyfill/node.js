// Node entry (CommonJS build dist/ft-polyfill.cjs, used by Jest and the testing kit): nothing is
// installed on import; createFt makes an instance on demand.
import { createFt as create } from './create.js';
import { installFt as install } from './install.js';
import loadCore from './core-node.js';

/**
 * A new, independent instance (its own core and storage).
 * @param {{ config?: unknown, global?: any }} [options]
 */
export function createFt(options = {}) {
  return create({ loadCore, ...options });
}

/** Installs ft/ftHost on a global object (globalThis by default), as the script tag does. @param {any} [global] */
export function installFt(global = globalThis) {
  return install(global, loadCore);
}
