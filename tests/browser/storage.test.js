// The classic script from a file:// page, in Chromium. Types, persistence across a reload (one
// started inside a success callback too), limits and whose storage it is run in every engine:
// tests/engines/cases/storage.js. This one stays here: the engine suite records a page's errors
// with a script its server injects into every page it serves, and a file:// page is not served,
// so only Playwright's own listeners can say that nothing went wrong.
import { newPage, ROOT, useChromium } from '../helpers/browser.js';

const suite = useChromium();

test('the script works from file:// with one <script src> tag', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(`file://${ROOT}/tests/pages/blank.html`);
  const env = await page.evaluate(() => new Promise((resolve) => {
    const sync = window.__fcjs_environment;
    ft.miniProgram.getEnv((res) => resolve({ sync, res }));
  }));
  expect(env).toEqual({ sync: 'miniprogram', res: { env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' } });
  expect(page.errors).toEqual([]);
  await context.close();
});
