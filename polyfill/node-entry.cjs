'use strict';
// Entry of dist/ft-polyfill.cjs. `require('ft-polyfill')` and `import ft, { host } from
// 'ft-polyfill'` compiled to CommonJS (babel-jest, ts-jest: `__esModule` interop) get `default` /
// `ft` / `host`: the instance on the global object, installed when first read (so requiring the
// module to call createFt installs nothing). See node.js.
const node = require('./node.js');

/** @param {'ft' | 'host'} part */
const lazy = (part) => ({ enumerable: true, get: () => node.installFt(globalThis)[part] });

Object.defineProperties(exports, {
  __esModule: { value: true },
  default: lazy('ft'),
  ft: lazy('ft'),
  host: lazy('host'),
  createFt: { enumerable: true, value: node.createFt },
  installFt: { enumerable: true, value: node.installFt },
  polyfillGlobals: { enumerable: true, value: node.polyfillGlobals },
  installedOn: { enumerable: true, value: node.installedOn },
});
