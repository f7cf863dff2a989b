// The shared suite's Chromium adapter: Debian's Chromium through playwright-core, as the deep
// suites in tests/browser/ launch it. A profile is a browser context.
import { launchChromium } from './browser.js';

/** @returns {Promise<import('./engines.js').DriverEngine>} */
export async function launch() {
  const browser = await launchChromium();
  return {
    version: () => browser.version(),
    async newProfile() {
      const context = await browser.newContext();
      return {
        newPage: async () => driverPage(await context.newPage()),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

/** @param {import('playwright-core').Page} page @returns {import('./engines.js').DriverPage} */
function driverPage(page) {
  return {
    goto: async (url) => { await page.goto(url); },
    reload: async () => { await page.reload(); },
    run: (expression) => page.evaluate(expression),
    click: (selector) => page.click(selector),
    async chooseFiles(selector, files) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(selector)]);
      await chooser.setFiles(files);
    },
    async setGeolocation(coords) {
      await page.context().grantPermissions(['geolocation'], { origin: new URL(page.url()).origin });
      await page.context().setGeolocation(coords);
    },
    close: () => page.close(),
  };
}
