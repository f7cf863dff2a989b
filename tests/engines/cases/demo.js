// The demo pages in every engine, used as a person uses them (demo/*.html).

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'the cart page (demo/index.html) shows the environment and keeps the cart across a reload',
    async run(browser) {
      const page = await browser.open(browser.url('/demo/index.html'));
      await page.waitFor(() => document.getElementById('env')?.textContent?.includes('JSSDK 1.4.20'));
      await page.waitFor(() => document.querySelector('button[data-add="oolong"]'));
      await page.click('button[data-add="oolong"]');
      await page.click('button[data-add="oolong"]');
      await page.click('button[data-add="puer"]');
      expect(await page.waitFor(() => document.getElementById('total')?.textContent === '¥312' && '¥312')).toBe('¥312');
      await page.evaluate(() => ftHost.flushed());
      expect(await page.errors()).toEqual([]);
      await page.reload();
      await page.waitFor(() => document.getElementById('total')?.textContent === '¥312');
      const shown = await page.evaluate(() => ({ cart: document.getElementById('cart')?.textContent, info: document.getElementById('storage-info')?.textContent }));
      expect(shown.cart).toContain('Tieguanyin oolong × 2');
      expect(shown.info).toContain('"cart"');
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'the JSSDK documentation examples on the cart page run without an uncaught error',
    async run(browser) {
      const page = await browser.open(browser.url('/demo/index.html'));
      await page.evaluate(() => ftHost.ready);
      await page.click('#run-examples');
      await page.waitFor(() => document.getElementById('examples-log')?.textContent?.includes('miniprogram'));
      // Give the examples' failing request (https://some.url) time to settle through its callback.
      await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      expect(await page.errors()).toEqual([]);
    },
  },
  ...['/demo/host.html', '/demo/tabs/index.html', '/demo/profile.html'].map((path) => ({
    name: `${path} loads and starts without an error`,
    /** @param {import('../../helpers/engines.js').EngineBrowser} browser */
    async run(browser) {
      const page = await browser.open(browser.url(path));
      const config = await page.evaluate(async () => { await ftHost.ready; return ftHost.configError(); });
      expect(config).toBe('');
      expect(await page.errors()).toEqual([]);
    },
  })),
];
