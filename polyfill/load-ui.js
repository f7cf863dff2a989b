// Loads the host's UI (host/ui.js). This is the version for Node and the CommonJS build, where
// the UI is part of the bundle; the browser builds swap in load-ui-script.js (classic script) or
// load-ui-module.js (ES module), which download it on first use (scripts/build.mjs).
import * as ui from './host/ui.js';

/** @typedef {typeof import('./host/ui.js')} HostUi */

/** @returns {Promise<HostUi>} */
export function loadUi() {
  return Promise.resolve(ui);
}
