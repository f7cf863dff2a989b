// Loads the inflate fallback in the classic script: dist/ft-polyfill-inflate.js, next to
// dist/ft-polyfill.js, with a <script> tag (sibling-script.js); it sets window.__ftPolyfillInflate.
import { loadSiblingScript } from './sibling-script.js';

/** @returns {Promise<import('./load-inflate.js').Inflate>} */
export function loadInflate() {
  return loadSiblingScript('ft-polyfill-inflate.js', '__ftPolyfillInflate');
}
