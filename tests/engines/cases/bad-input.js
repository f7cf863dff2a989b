// A slice of the bad-input matrix (tests/helpers/bad-input-matrix.js, imported into the page with
// the API table) in every engine: one interface of each shape, device interfaces mocked so that
// nothing waits for a person; and lone surrogates through storage and postMessage.

/** The slice: options-style (storage, routed, a task, files) and positional (with and without a callback). */
const SLICE = ['setStorage', 'navigateTo', 'request', 'getLocalImgData', 'callNativeAPI', 'postMessage'];

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: `every bad input to ${SLICE.join(', ')} settles once with a clear errMsg; nothing throws; the core stays alive (§1.5)`,
    timeout: 300000,
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-bad-input' }));
      const report = await page.evaluate(async (only) => {
        await ftHost.ready;
        const { API_TABLE } = await import('/polyfill/api-table.js');
        const { runMatrix } = await import('/tests/helpers/bad-input-matrix.js');
        ftHost.mock('request', { fail: 'mocked' });
        const result = await runMatrix({ ft, ftHost, table: API_TABLE, only });
        ftHost.unmock();
        await ft.setStorage({ key: 'after-matrix', data: { alive: true } });
        const alive = (await ft.getStorage({ key: 'after-matrix' })).data;
        const env = (await ft.miniProgram.getEnv()).errMsg;
        return { ...result, alive, env };
      }, SLICE);
      expect(report.problems).toEqual([]);
      expect(report.pending).toEqual([]);
      expect(report.calls).toBeGreaterThan(1000);
      expect(report.failed).toBeGreaterThan(0);
      expect(report.alive).toEqual({ alive: true });
      expect(report.env).toBe('getEnv:ok');
      const internal = (await page.records('error', /internal error/));
      expect(internal).toEqual([]);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'strings with lone surrogates round-trip exactly through storage keys, values and postMessage data, also after a reload',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-lone-surrogates' }));
      const wrong = await page.evaluate(async () => {
        await ftHost.ready;
        const { loneSurrogates } = await import('/tests/helpers/bad-input-matrix.js');
        return loneSurrogates({ ft, ftHost });
      });
      expect(wrong).toEqual([]);
      await page.evaluate(() => ft.setStorage({ key: 'k\ud800', data: 'v\udfff' }));
      await page.reload();
      expect(await page.evaluate(async () => (await ft.getStorage({ key: 'k\ud800' })).data === 'v\udfff')).toBe(true);
    },
  },
];
