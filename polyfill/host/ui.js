// The host's UI, loaded on first use (host/load-ui.js): the host panel and the sheets the host
// shows for chooseImage (outside a gesture), chooseLocation and openDocument (when no tab opens).
// Browser pages download it only when one of them is shown (dist/ft-polyfill-ui.js, .mjs).

export { createPanel } from './panel/index.js';
export { devtools } from './panel/devtools.js';
export { askForImages } from './sheets/choose-image.js';
export { askForPlace } from './sheets/choose-location.js';
export { showDocument } from './sheets/document-viewer.js';
export { applyMocks, resolveMock } from '../mocks/rules.js';
