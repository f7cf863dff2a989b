// Entry of dist/ft-polyfill-ui.js: the host UI for the classic script (load-ui-script.js).
import * as ui from './ui.js';

/** @type {any} */ (globalThis).__ftPolyfillUi = ui;
