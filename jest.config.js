// Jest runs two kinds of tests, both against the real WebAssembly core (no mock of it):
//   tests/js/*.test.js       Node: dist/ft-polyfill.cjs with fake-indexeddb
//   tests/browser/*.test.js  Chromium (/usr/bin/chromium) driven by playwright-core
export default {
  testEnvironment: 'node',
  transform: {},
  testMatch: ['<rootDir>/tests/**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/consumers/fixtures/'],
  transformIgnorePatterns: ['/node_modules/', '/dist/', '/build/'],
  testTimeout: 60000,
  maxWorkers: 2,
};
