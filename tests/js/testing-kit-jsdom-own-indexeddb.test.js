/**
 * @jest-environment jsdom
 */
// jsdom with the test's own IndexedDB (fake-indexeddb/auto): ft's storage is in it, and jsdom has
// no BroadcastChannel until the kit gives it Node's, whose channels reach every file of the
// worker: the store's channel must still be the kit's to close when this file ends, or each later
// file's write would wake this file's store.
import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kit = require('../../testing/index.cjs');
const appId = `kit-jsdom-own-idb-${process.pid}`;

beforeAll(() => kit.setupFt({ appId }));

/** @type {any[]} */
let fileChannels = [];
test("the store is in the page's IndexedDB, and its BroadcastChannel the kit's to close when the file ends", async () => {
  await ft.setStorage({ key: 'k', data: 1 });
  expect((await indexedDB.databases()).map((d) => d.name)).toContain(`/ft-polyfill-storage/${appId}`);
  fileChannels = [...globalThis.BroadcastChannel.ftPolyfillFile];
  expect(fileChannels.map((c) => c.name)).toContain(`ft-polyfill:/ft-polyfill-storage/${appId}`);
  expect(fileChannels.some((c) => c.ftPolyfillReleased)).toBe(false);
});
afterAll(() => {
  expect(fileChannels.length).toBeGreaterThan(0);
  expect(fileChannels.every((c) => c.ftPolyfillReleased)).toBe(true);
});
