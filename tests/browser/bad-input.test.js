// Every bad input, in Chromium (issue 6 §4): the same generated matrix as tests/js/bad-input.test.js
// (tests/helpers/bad-input-matrix.js, imported into the page with the API table), against the
// browser build, with the device interfaces mocked so that nothing waits for a person.
import { newPage, useChromium } from '../helpers/browser.js';

const suite = useChromium();

const { pageUrl } = suite;

test('every interface settles once with a clear errMsg for every bad input; the core stays alive', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  /** @type {string[]} */
  const internal = [];
  page.on('console', (m) => { if (m.type() === 'error' && /internal error/.test(m.text())) internal.push(m.text()); });
  await page.goto(pageUrl({ appId: 'bad-input' }));
  const report = await page.evaluate(async () => {
    await ftHost.ready;
    const { API_TABLE } = await import('/polyfill/api-table.js');
    const { runMatrix } = await import('/tests/helpers/bad-input-matrix.js');
    for (const api of ['getLocation', 'chooseLocation', 'chooseImage', 'request', 'downloadFile', 'openDocument']) ftHost.mock(api, { fail: 'mocked' });
    const result = await runMatrix({ ft, ftHost, table: API_TABLE });
    await ft.setStorage({ key: 'after-matrix', data: { alive: true } });
    const alive = (await ft.getStorage({ key: 'after-matrix' })).data;
    const env = (await ft.miniProgram.getEnv()).errMsg;
    return { ...result, alive, env };
  });
  console.log(`bad-input matrix (Chromium): ${report.calls} calls, ${report.failed} failed cleanly, ${report.succeeded} succeeded, ${report.pending.length} pending`);
  expect(report.problems).toEqual([]);
  expect(report.pending).toEqual([]);
  expect(report.calls).toBeGreaterThan(3000);
  expect(report.alive).toEqual({ alive: true });
  expect(report.env).toBe('getEnv:ok');
  // No internal error, nothing uncaught.
  expect(internal).toEqual([]);
  expect(page.errors).toEqual([]);
  await context.close();
}, 300000);

test('strings with lone surrogates round-trip exactly through storage keys and values', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(pageUrl({ appId: 'lone-surrogates' }));
  const wrong = await page.evaluate(async () => {
    await ftHost.ready;
    const { loneSurrogates } = await import('/tests/helpers/bad-input-matrix.js');
    return loneSurrogates({ ft, ftHost, postMessage: false });
  });
  expect(wrong).toEqual([]);
  // And after a reload, from IndexedDB.
  await page.evaluate(async () => { await ft.setStorage({ key: 'k\ud800', data: 'v\udfff' }); });
  await page.reload();
  const back = await page.evaluate(async () => { await ftHost.ready; return (await ft.getStorage({ key: 'k\ud800' })).data === 'v\udfff'; });
  expect(back).toBe(true);
  await context.close();
});
