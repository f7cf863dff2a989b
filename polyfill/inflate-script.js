// Entry of dist/ft-polyfill-inflate.js: the inflate fallback for the classic script
// (load-inflate-script.js).
import * as inflate from './inflate.js';

/** @type {any} */ (globalThis).__ftPolyfillInflate = inflate;
