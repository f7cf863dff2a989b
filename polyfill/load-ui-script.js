// Loads the host's UI in the classic script: dist/ft-polyfill-ui.js, next to dist/ft-polyfill.js,
// with a <script> tag (sibling-script.js). The UI script sets window.__ftPolyfillUi; when a
// page (or the testing kit) has already run it, nothing is downloaded.
import { loadSiblingScript, siblingCandidates } from './sibling-script.js';

const FILE = 'ft-polyfill-ui.js';

/** Where the UI may be, for the polyfill script at `src`. @param {string} src @returns {string[]} */
export const uiCandidates = (src) => siblingCandidates(src, FILE);

/** @returns {Promise<import('./load-ui.js').HostUi>} */
export function loadUi() {
  return loadSiblingScript(FILE, '__ftPolyfillUi');
}
