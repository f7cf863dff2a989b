/**
 * @jest-environment jsdom
 */
// One instance per global object (behaviour.md §1.11) in Jest's jsdom environment: setupFt first
// (beforeAll), then application code that imports ft-polyfill (CommonJS and ES module), and the
// globals a test reads.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kit = require('../../testing/index.cjs');

beforeAll(() => kit.setupFt({ appId: `one-instance-dom-${process.pid}` }));

test('setupFt defines ft, ftHost and host on window', () => {
  expect(typeof window.ft.setStorage).toBe('function');
  expect(window.ftHost).toBe(window.host);
  expect(globalThis.host).toBe(window.ftHost);
});

test('the application importing ft-polyfill after setupFt gets the same instance and storage', async () => {
  const app = require('../../dist/ft-polyfill.cjs');
  expect(app.__esModule).toBe(true);
  expect(app.default).toBe(window.ft);
  expect(app.host).toBe(host);
  await app.default.setStorage({ key: 'user', data: { name: 'Li' } });
  expect((await ft.getStorage({ key: 'user' })).data).toEqual({ name: 'Li' });
  const esm = await import('../../dist/ft-polyfill.node.mjs');
  expect(esm.default).toBe(window.ft);
});

test('host.reset between tests works on the shared instance', async () => {
  await host.reset();
  await expect(ft.getStorage({ key: 'user' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' });
});
