// Jest runs three kinds of tests, all against the real WebAssembly core (no mock of it):
//   tests/js/*.test.js          Node: dist/ft-polyfill.cjs with fake-indexeddb, one file per concern
//                               (<concern>[-<aspect>].test.js: navigation, messaging, storage, network...)
//   tests/browser/*.test.js     Chromium (/usr/bin/chromium) driven by playwright-core, named the same way
//   tests/properties/*.test.js  property suites across concerns: durability, isolation, multi-tab,
//                               damaged data, every bad input (Node and Chromium)
//   tests/engines/*.test.js  one shared suite per engine: Chromium, Firefox ESR, WebKitGTK
//                            (FT_ENGINES=chromium,firefox,webkit chooses them; default all)
import { ENGINES, selectedEngines } from './tests/helpers/engines-select.js';

const selected = selectedEngines();
const deselected = ENGINES.filter((e) => !selected.includes(e.id)).map((e) => `<rootDir>/${e.file}`);

export default {
  testEnvironment: 'node',
  transform: {},
  testMatch: ['<rootDir>/tests/**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/consumers/fixtures/', ...deselected],
  transformIgnorePatterns: ['/node_modules/', '/dist/', '/build/'],
  testTimeout: 60000,
  maxWorkers: 2,
};
