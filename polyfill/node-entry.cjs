'use strict';
// Entry of dist/ft-polyfill.cjs. `require('ft-polyfill')` and `import ft, { host } from
// 'ft-polyfill'` compiled to CommonJS (babel-jest, ts-jest: `__esModule` interop) get `default` /
// `ft` / `host`: the instance on the global object, installed when first read (so requiring the
// module to call createFt installs nothing). See node.js.
//
// The build itself is dist/ft-polyfill-node.cjs; this entry stays a few lines so that a runner
// that compiles every module again for each test file (Jest) compiles only these when its test
// environment has loaded the build already (ft-polyfill/jest-environment: testing/jest-environment.cjs).
const node = globalThis[Symbol.for('ft-polyfill.node-build')] || require('./ft-polyfill-node.cjs');

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
