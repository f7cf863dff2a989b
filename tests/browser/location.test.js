// ft.getLocation where the browser's permission decides (behaviour.md §5.7), in Chromium only:
// these need a profile that denies geolocation, or grants it with no position source. Playwright's
// Chromium contexts give both; the shared engine adapters only grant and set a position (and
// WebKitWebDriver not even that: tests/engines/limits.js). The fix in wgs84 and gcj02, the unanswered prompt and chooseLocation's
// form run in every engine: tests/engines/cases/device.js.
import { newPage, useChromium } from '../helpers/browser.js';

const suite = useChromium();
/** The blank test page of appId 'location', with more of its ftHostConfig. @param {object} [config] */
const blank = (config = {}) => suite.pageUrl({ appId: 'location', ...config });

test("denied permission fails with 'getLocation:fail auth deny'", async () => {
  const context = await suite.browser.newContext({ permissions: [] });
  const page = await newPage(context);
  await page.goto(blank());
  const r = await page.evaluate(() => ft.getLocation({ type: 'gcj02' }).catch((e) => e));
  expect(r).toEqual({ errMsg: 'getLocation:fail auth deny' });
  await context.close();
});

test("denied permission stays 'getLocation:fail auth deny' with a locationTimeout set", async () => {
  const context = await suite.browser.newContext({ permissions: [] });
  const page = await newPage(context);
  await page.goto(blank({ locationTimeout: 200 }));
  const r = await page.evaluate(async () => {
    const seen = [];
    await new Promise((resolve) => ft.getLocation({ fail: (e) => seen.push(e.errMsg), complete: resolve }));
    await new Promise((resolve) => setTimeout(resolve, 300)); // past the limit: no second answer
    return seen;
  });
  expect(r).toEqual(['getLocation:fail auth deny']);
  await context.close();
});

test('permission given but no position ever comes: getLocation:fail timeout after locationTimeout', async () => {
  // Headless Chromium answers a prompt at once (denies it), so a pending prompt cannot be left
  // open for real; a granted permission with no position source is the browser never answering.
  const context = await suite.browser.newContext({ permissions: ['geolocation'] });
  const page = await newPage(context);
  await page.goto(blank({ locationTimeout: 300 }));
  const r = await page.evaluate(() => ft.getLocation({ type: 'gcj02' }).catch((e) => e));
  expect(r).toEqual({ errMsg: 'getLocation:fail timeout' });
  expect(page.errors).toEqual([]);
  await context.close();
}, 15000); // well under the 30 s default: the configured limit is the one that ended it
