// ft-polyfill/testing where the test's set-up brings its own IndexedDB (fake-indexeddb/auto, as a
// project testing IndexedDB code would): ft's storage is then in that IndexedDB, as in a browser,
// and its store's BroadcastChannel (the tab lock's) is the kit's to close when the file ends.
import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kit = require('../../testing/index.cjs');
const appId = `kit-own-idb-${process.pid}`;

beforeAll(() => kit.setupFt({ appId }));
beforeEach(() => globalThis.host.reset());

test("storage goes to the environment's own IndexedDB", async () => {
  await ft.setStorage({ key: 'k', data: 1 });
  expect((await indexedDB.databases()).map((d) => d.name)).toContain(`/ft-polyfill-storage/${appId}`);
});

// Jest runs many files in one worker: the store's BroadcastChannel (its tab lock) would keep this
// file's whole instance reachable after the file ends. The kit closes its channels after the
// file's tests; this afterAll, declared after the kit's (Jest runs them in that order), sees them
// closed and the instance still working.
/** @type {any[]} */
let fileChannels = [];
test("the store's BroadcastChannel is the kit's to close when the file ends", () => {
  fileChannels = [...globalThis.BroadcastChannel.ftPolyfillFile];
  expect(fileChannels.map((c) => c.name)).toContain(`ft-polyfill:/ft-polyfill-storage/${appId}`);
  expect(fileChannels.some((c) => c.ftPolyfillReleased)).toBe(false);
});
afterAll(async () => {
  expect(fileChannels.length).toBeGreaterThan(0);
  expect(fileChannels.every((c) => c.ftPolyfillReleased)).toBe(true);
  await globalThis.ft.setStorage({ key: 'after', data: 1 });
  expect((await globalThis.ft.getStorage({ key: 'after' })).data).toBe(1);
});
