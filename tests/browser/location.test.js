// ft.getLocation through Playwright's geolocation override (both coordinate systems, denied
// permission) and ft.chooseLocation through the host's form (behaviour.md §5.7, §5.8).
import { launchChromium, serveRoot, newPage } from '../helpers/browser.js';

/** @type {import('playwright-core').Browser} */ let browser;
/** @type {{ url: string, close: () => Promise<void> }} */ let server;

const blank = () => `${server.url}/tests/pages/blank.html?config=${encodeURIComponent('{"appId":"location"}')}`;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveRoot()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// An independent WGS-84 → GCJ-02 (the published eviltransform formulas), to check the core's.
const A = 6378245.0;
const EE = 0.006693421622965943; // 0.00669342162296594323 as published, to a double's precision
/** @param {number} x @param {number} y */
function tLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}
/** @param {number} x @param {number} y */
function tLon(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}
/** @param {number} lat @param {number} lon */
function gcj02(lat, lon) {
  if (lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271) return { latitude: lat, longitude: lon };
  let dLat = tLat(lon - 105, lat - 35);
  let dLon = tLon(lon - 105, lat - 35);
  const rad = (lat / 180) * Math.PI;
  let magic = Math.sin(rad);
  magic = 1 - EE * magic * magic;
  const sq = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sq)) * Math.PI);
  dLon = (dLon * 180) / ((A / sq) * Math.cos(rad) * Math.PI);
  return { latitude: lat + dLat, longitude: lon + dLon };
}

test('getLocation gives the browser fix in wgs84 and the standard transform in gcj02', async () => {
  const fix = { latitude: 39.90872, longitude: 116.39748, accuracy: 15 };
  const context = await browser.newContext({ permissions: ['geolocation'], geolocation: fix });
  const page = await newPage(context);
  await page.goto(blank());
  const r = {
    wgs: await page.evaluate(() => ft.getLocation().catch((e) => e)),
    gcj: await page.evaluate(() => ft.getLocation({ type: 'gcj02' }).catch((e) => e)),
    bad: await page.evaluate(async () => (await ft.getLocation({ type: 'bd09' }).catch((e) => e)).errMsg),
  };
  expect(r.wgs).toMatchObject({ errMsg: 'getLocation:ok', latitude: fix.latitude, longitude: fix.longitude, accuracy: 15, speed: 0 });
  const expected = gcj02(fix.latitude, fix.longitude);
  expect(Math.abs(r.gcj.latitude - expected.latitude)).toBeLessThan(1e-9);
  expect(Math.abs(r.gcj.longitude - expected.longitude)).toBeLessThan(1e-9);
  // The offset in Beijing is a few hundred metres, not zero.
  expect(Math.abs(r.gcj.longitude - fix.longitude)).toBeGreaterThan(0.003);
  expect(r.bad).toMatch(/^getLocation:fail parameter error: parameter.type/);

  // Outside China gcj02 is the wgs84 fix unchanged.
  await context.setGeolocation({ latitude: 48.8584, longitude: 2.2945, accuracy: 30 });
  const paris = await page.evaluate(() => ft.getLocation({ type: 'gcj02' }));
  expect([paris.latitude, paris.longitude]).toEqual([48.8584, 2.2945]);
  expect(page.errors).toEqual([]);
  await context.close();
});

test("denied permission fails with 'getLocation:fail auth deny'", async () => {
  const context = await browser.newContext({ permissions: [] });
  const page = await newPage(context);
  await page.goto(blank());
  const r = await page.evaluate(() => ft.getLocation({ type: 'gcj02' }).catch((e) => e));
  expect(r).toEqual({ errMsg: 'getLocation:fail auth deny' });
  await context.close();
});

test("denied permission stays 'getLocation:fail auth deny' with a locationTimeout set", async () => {
  const context = await browser.newContext({ permissions: [] });
  const page = await newPage(context);
  await page.goto(`${server.url}/tests/pages/blank.html?config=${encodeURIComponent('{"appId":"location","locationTimeout":200}')}`);
  const r = await page.evaluate(async () => {
    const seen = [];
    await new Promise((resolve) => ft.getLocation({ fail: (e) => seen.push(e.errMsg), complete: resolve }));
    await new Promise((resolve) => setTimeout(resolve, 300)); // past the limit: no second answer
    return seen;
  });
  expect(r).toEqual(['getLocation:fail auth deny']);
  await context.close();
});

const timeoutConfig = (ms) => `${server.url}/tests/pages/blank.html?config=${encodeURIComponent(JSON.stringify({ appId: 'location', locationTimeout: ms }))}`;

test('permission given but no position ever comes: getLocation:fail timeout after locationTimeout', async () => {
  // Headless Chromium answers a prompt at once (denies it), so a pending prompt cannot be left
  // open for real; a granted permission with no position source is the browser never answering.
  const context = await browser.newContext({ permissions: ['geolocation'] });
  const page = await newPage(context);
  await page.goto(timeoutConfig(300));
  const r = await page.evaluate(() => ft.getLocation({ type: 'gcj02' }).catch((e) => e));
  expect(r).toEqual({ errMsg: 'getLocation:fail timeout' });
  expect(page.errors).toEqual([]);
  await context.close();
}, 15000); // well under the 30 s default: the configured limit is the one that ended it

test('a permission prompt nobody answers fails once with timeout; the late answer is ignored', async () => {
  const context = await browser.newContext();
  // A page-level stand-in for the prompt: the browser's request is kept, never answered, until
  // the test answers it late (both a position and a denial).
  await context.addInitScript(() => {
    window.__geoRequests = [];
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (success, error, options) => window.__geoRequests.push({ success, error, options }) },
    });
  });
  const page = await newPage(context);
  await page.goto(timeoutConfig(200));
  const r = await page.evaluate(async () => {
    const seen = [];
    await new Promise((resolve) => ft.getLocation({
      success: (x) => seen.push(`success ${x.errMsg}`), fail: (x) => seen.push(`fail ${x.errMsg}`), complete: (x) => { seen.push(`complete ${x.errMsg}`); resolve(); },
    }));
    const request = window.__geoRequests[0];
    request.success({ coords: { latitude: 31.2, longitude: 121.5, accuracy: 5, altitude: null, altitudeAccuracy: null, speed: null }, timestamp: Date.now() });
    request.error({ code: 1, message: 'User denied Geolocation' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { seen, requests: window.__geoRequests.length, limit: request.options.timeout,
      log: ftHost.calls().filter((c) => c.api === 'getLocation').map((c) => c.result.errMsg) };
  });
  expect(r).toEqual({
    seen: ['fail getLocation:fail timeout', 'complete getLocation:fail timeout'],
    requests: 1, limit: 200, log: ['getLocation:fail timeout'],
  });
  expect(page.errors).toEqual([]);
  await context.close();
}, 15000);

test('chooseLocation: the form is prefilled, checks coordinates, OK gives the place, Cancel fails', async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(blank());
  await page.evaluate(() => { window.__place = ft.chooseLocation({ latitude: 31.2304, longitude: 121.4737 }).catch((e) => e); });
  const form = page.locator('[data-ft-sheet="chooseLocation"]');
  expect(await form.locator('input[name="latitude"]').inputValue()).toBe('31.2304');
  expect(await form.locator('input[name="longitude"]').inputValue()).toBe('121.4737');
  await form.locator('input[name="name"]').fill('The Bund <b>');
  await form.locator('input[name="address"]').fill('Zhongshan East 1st Rd, Shanghai');
  await form.locator('input[name="latitude"]').fill('95');
  await form.locator('button[data-action="ok"]').click();
  expect(await form.locator('.error').textContent()).toMatch(/latitude/);
  await form.locator('input[name="latitude"]').fill('31.24');
  await form.locator('button[data-action="ok"]').click();
  expect(await page.evaluate(() => window.__place)).toEqual({
    errMsg: 'chooseLocation:ok', name: 'The Bund <b>', address: 'Zhongshan East 1st Rd, Shanghai', latitude: 31.24, longitude: 121.4737,
  });
  expect(await form.count()).toBe(0);

  await page.evaluate(() => { window.__place = ft.chooseLocation({}).catch((e) => e); });
  await form.locator('button[data-action="cancel"]').click();
  expect(await page.evaluate(() => window.__place)).toEqual({ errMsg: 'chooseLocation:fail cancel' });
  const bad = await page.evaluate(() => ft.chooseLocation({ latitude: 200 }).catch((e) => e));
  expect(bad.errMsg).toMatch(/^chooseLocation:fail parameter error: parameter.latitude/);
  expect(page.errors).toEqual([]);
  await context.close();
});
