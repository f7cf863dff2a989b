// The demo's profile page in Chromium, served with the demo server's API routes.
import { newPage, useChromium } from '../helpers/browser.js';
import { demoRoutes } from '../../demo/api.js';
import { makePng } from '../helpers/device-server.js';

const suite = useChromium(demoRoutes());

test('photo, location in both systems, PDF and JSON API work on the profile page', async () => {
  const context = await suite.browser.newContext({ permissions: ['geolocation'], geolocation: { latitude: 31.2304, longitude: 121.4737, accuracy: 20 } });
  const page = await newPage(context);
  await page.goto(`${suite.server.url}/demo/profile.html`);
  await page.evaluate(() => ftHost.ready);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#photo')]);
  await chooser.setFiles([{ name: 'me.png', mimeType: 'image/png', buffer: makePng(120, 90) }]);
  await page.waitForFunction(() => document.getElementById('local-data').textContent.startsWith('getLocalImgData: data:image/'));
  expect(await page.evaluate(() => document.getElementById('avatar').naturalWidth)).toBe(120);

  await page.click('#locate');
  await page.waitForFunction(() => document.getElementById('location').textContent.includes('gcj02'));
  const loc = await page.textContent('#location');
  expect(loc).toContain('wgs84: 31.230400, 121.473700');
  expect(loc).not.toContain('unchanged');

  const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#terms')]);
  expect(popup.url()).toMatch(/^blob:/);

  await page.click('#load-products');
  await page.waitForFunction(() => document.querySelectorAll('#products li').length === 3);
  expect(await page.textContent('#products-info')).toMatch(/^200 · application\/json/);
  expect(page.errors).toEqual([]);
  await context.close();
});
