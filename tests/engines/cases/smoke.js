/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'getEnv answers and a value is stored',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'smoke' }));
      const out = await page.evaluate(async (key) => {
        await ftHost.ready;
        await ft.setStorage({ key, data: { n: 1 } });
        return { env: await ft.miniProgram.getEnv(), data: (await ft.getStorage({ key })).data };
      }, 'k');
      expect(out).toEqual({ env: { env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' }, data: { n: 1 } });
      expect(await page.errors()).toEqual([]);
    },
  },
];
