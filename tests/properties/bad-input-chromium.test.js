// Every bad input, in Chromium (issue 6 §4): the same generated matrix as tests/properties/bad-input-node.test.js
// (tests/helpers/bad-input-matrix.js, imported into the page with the API table), against the
// browser build, with the device interfaces mocked so that nothing waits for a person; the page
// counts its unhandledrejection events. The whole matrix (every interface, 5000+ calls) runs here
// only, for time; tests/engines/cases/bad-input.js runs a slice of it (one interface of each
// shape) and the lone-surrogate round trips in every engine, Chromium included.
import { newPage, useChromium } from '../helpers/browser.js';
import { watchUnhandledRejections } from '../helpers/unhandled-rejections.js';

const suite = useChromium();

const { pageUrl } = suite;

test('every interface settles once with a clear errMsg for every bad input; no unhandled rejection; the core stays alive', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  /** @type {string[]} */
  const internal = [];
  page.on('console', (m) => { if (m.type() === 'error' && /internal error/.test(m.text())) internal.push(m.text()); });
  const unhandledRejections = await watchUnhandledRejections(page);
  await page.goto(pageUrl({ appId: 'bad-input' }));
  const report = await page.evaluate(async () => {
    const { API_TABLE } = await import('/polyfill/api-table.js');
    const { matrixWithDeviceMocks } = await import('/tests/helpers/bad-input-matrix.js');
    return matrixWithDeviceMocks({ ft, ftHost, table: API_TABLE });
  });
  const unhandled = await unhandledRejections();
  console.log(`bad-input matrix (Chromium): ${report.calls} calls, ${report.failed} failed cleanly, ${report.succeeded} succeeded, ${report.pending.length} pending, ${report.ignoredFailures} failures ignored by the page; ${unhandled.length} unhandled rejections`);
  expect(report.problems).toEqual([]);
  expect(report.pending).toEqual([]);
  expect(report.calls).toBeGreaterThan(3000);
  expect(report.ignoredFailures).toBeGreaterThan(500);
  expect(report.alive).toEqual({ alive: true });
  expect(report.env).toBe('getEnv:ok');
  // No internal error, no unhandled rejection, nothing uncaught.
  expect(internal).toEqual([]);
  expect(unhandled).toEqual([]);
  expect(page.errors).toEqual([]);
  await context.close();
}, 300000);
