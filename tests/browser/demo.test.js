// The demo shop page works as a person uses it: cart kept across reloads, examples run cleanly.
import { newPage, useChromium } from '../helpers/browser.js';
import { demoRoutes } from '../../demo/api.js';

const suite = useChromium(demoRoutes());

test('the cart page shows the environment and keeps the cart across a reload', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(`${suite.server.url}/demo/index.html`);
  await page.waitForFunction(() => document.getElementById('env').textContent.includes('JSSDK 1.4.20'));
  await page.click('button[data-add="oolong"]');
  await page.click('button[data-add="oolong"]');
  await page.click('button[data-add="puer"]');
  await expect(page.textContent('#total')).resolves.toBe('¥312');
  await page.evaluate(() => ftHost.flushed());
  await page.reload();
  await page.waitForFunction(() => document.getElementById('total').textContent === '¥312');
  await expect(page.textContent('#cart')).resolves.toContain('Tieguanyin oolong × 2');
  await expect(page.textContent('#storage-info')).resolves.toContain('"cart"');
  expect(page.errors).toEqual([]);
  await context.close();
});

test('the JSSDK documentation examples run without an uncaught error', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(`${suite.server.url}/demo/index.html`);
  await page.evaluate(() => ftHost.ready);
  await page.click('#run-examples');
  await page.waitForFunction(() => document.getElementById('examples-log').textContent.includes('miniprogram'));
  await page.waitForTimeout(500);
  // The examples request https://some.url, which this machine cannot resolve: the browser logs
  // the failed load (the call fails through its fail callback). Anything else is an error.
  expect(page.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
  await context.close();
});
