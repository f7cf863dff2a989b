// The simulator's launch links and scenario files (the whole state in a url that reproduces it),
// its presets (devices, network, location) and the fidelity of the host's chrome: a native page's
// own title, a closed mini-program, the nav-bar back after backMode, landscape beside the controls.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium, newPage } from '../helpers/browser.js';

const CLI = join(ROOT, 'bin', 'ft-polyfill.js');

const APP = {
  pages: ['pages/home/home', 'pages/cart/cart', 'pages/detail/detail'],
  window: { navigationBarTitleText: 'Tea shop' },
  tabBar: { list: [{ pagePath: 'pages/home/home', text: 'Home' }, { pagePath: 'pages/cart/cart', text: 'Cart' }] },
};
/** The same app without a window title: a native page shows its route. */
const UNTITLED = { pages: APP.pages };

/** @type {import('playwright-core').Browser} */ let browser;
/** @type {Array<import('node:child_process').ChildProcess>} */ const children = [];
let site = '';
let simulatorUrl = '';

/**
 * Starts `ft-polyfill serve` and resolves with the simulator url it prints.
 * @param {string[]} args
 * @returns {Promise<string>}
 */
function startServe(args) {
  const child = spawn(process.execPath, [CLI, 'serve', ...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const sim = /simulator: (http:\/\/\S+)/.exec(out);
      if (sim) resolve(sim[1]);
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'ft-sim-launch-'));
  writeFileSync(join(site, 'app.json'), JSON.stringify(APP));
  writeFileSync(join(site, 'untitled.json'), JSON.stringify(UNTITLED));
  writeFileSync(join(site, 'index.html'), '<!doctype html><html><head><title>Shop</title></head><body><h1>H5 shop</h1></body></html>');
  writeFileSync(join(site, 'ping.txt'), 'pong');
  [browser, simulatorUrl] = await Promise.all([launchChromium(), startServe([site, '--app', join(site, 'app.json'), '--app-id', 'sim-app', '--simulator'])]);
});

afterAll(async () => {
  for (const child of children) child.kill();
  await browser?.close();
  rmSync(site, { recursive: true, force: true });
});

/** The simulator's url with more state parameters. @param {Record<string, string>} params */
const withParams = (params) => {
  const url = new URL(simulatorUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
};

/** @param {import('playwright-core').Page} page */
const pageFrame = async (page) => {
  const handle = await page.waitForSelector('ft-simulator iframe');
  const frame = /** @type {import('playwright-core').Frame} */ (await handle.contentFrame());
  await frame.waitForFunction(() => window.ftHost && ftHost.state() !== null);
  return frame;
};

/** @param {import('playwright-core').Page} page @param {string} selector */
const text = (page, selector) => page.locator(`ft-simulator ${selector}`).first().innerText();

/** The text as drawn (textContent: innerText would collapse the status bar's spaces). @param {import('playwright-core').Page} page @param {string} selector */
const drawn = (page, selector) => page.locator(`ft-simulator ${selector}`).first().evaluate((el) => el.textContent);

/** @param {import('playwright-core').Page} page @param {string} selector @param {string} expected */
const waitText = (page, selector, expected) => page.waitForFunction(([s, e]) => document.querySelector('ft-simulator').shadowRoot.querySelector(s)?.textContent === e, [selector, expected]);

/**
 * What a launch reproduces: the host's state, the phone, the network and the location.
 * @param {import('playwright-core').Page} page
 */
async function observed(page) {
  const frame = await pageFrame(page);
  const host = await frame.evaluate(() => {
    const state = ftHost.state();
    return { appId: state.appId, stack: state.stack.map((p) => p.url), backMode: state.backMode, path: location.pathname };
  });
  const screen = await page.locator('ft-simulator .screen').boundingBox();
  const location = await frame.evaluate(() => ft.getLocation().then((r) => [r.latitude, r.longitude], (e) => e.errMsg));
  return { ...host, screen: screen && [screen.width, screen.height], bar: await drawn(page, '.status .net'), location };
}

test('a launch sets appId, the stack with queries, backMode, device, network and location; Copy link reproduces it in a new browser', async () => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  await pageFrame(page);
  await page.locator('ft-simulator [data-section=launch] summary').click();
  await page.locator('ft-simulator [aria-label="launch appId"]').fill('bug-42');
  await page.locator('ft-simulator [aria-label="launch stack"]').fill('pages/home/home\npages/cart/cart?coupon=5&from=mail');
  await page.locator('ft-simulator [aria-label="launch backMode"]').selectOption('page');
  await page.locator('ft-simulator [aria-label="launch device"]').selectOption('pixel-7');
  await page.locator('ft-simulator [aria-label="launch network"]').selectOption('slow-3g');
  await page.locator('ft-simulator [aria-label="launch location"]').selectOption('shanghai');
  await page.locator('ft-simulator [data-section=launch] button', { hasText: 'Launch' }).click();
  await page.waitForURL((url) => url.searchParams.get('appId') === 'bug-42');
  const expected = {
    appId: 'bug-42', stack: ['pages/home/home', 'pages/cart/cart?coupon=5&from=mail'], backMode: 'page', path: '/',
    screen: [412, 915], bar: '3G slow  100%', location: [31.24, 121.49],
  };
  await expect(observed(page)).resolves.toEqual(expected);

  // Copy link: the clipboard has the shell's url, which a fresh browser opens in the same state.
  await page.locator('ft-simulator [data-section=launch] button', { hasText: 'Copy link' }).click();
  await waitText(page, '[data-section=launch] [role=status]', 'copied: this link opens the simulator in this state');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(await page.locator('ft-simulator [aria-label="launch link"]').inputValue()).toBe(link);
  const other = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
  const again = await newPage(other);
  await again.goto(link);
  await expect(observed(again)).resolves.toEqual(expected);
  await again.waitForURL(link);
  expect([page.errors, again.errors]).toEqual([[], []]);
  await other.close();
  await context.close();
}, 60000);

test('the network presets keep what the page receives whole (ft.request, downloadFile, fetch); the status bar names them', async () => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
  const page = await newPage(context);
  await page.goto(withParams({ network: 'fast-3g' }));
  const frame = await pageFrame(page);
  await expect(drawn(page, '.status .net')).resolves.toBe('3G  100%');
  await expect(text(page, '[aria-label="network condition"] [aria-pressed=true]')).resolves.toBe('Fast 3G');
  await expect(frame.evaluate(async () => {
    const url = new URL('/ping.txt', location.href).href;
    const response = await fetch(url);
    const request = await ft.request({ url });
    const download = await ft.downloadFile({ url });
    return [response.status, response.url === url, response.headers.get('content-type'), await response.text(), request.data, request.statusCode, download.statusCode];
  })).resolves.toEqual([200, true, 'text/plain', 'pong', 'pong', 200, 200]);
  await page.locator('ft-simulator [aria-label="network condition"] button', { hasText: 'Offline' }).click();
  await expect(frame.evaluate(() => fetch('/ping.txt').catch((e) => e.name))).resolves.toBe('TypeError');
  await page.waitForURL((url) => url.searchParams.get('network') === 'offline');
  await context.close();
});

test('the location presets: a city, and the device\'s failures (deny, unavailable, timeout)', async () => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  const frame = await pageFrame(page);
  await page.locator('ft-simulator [aria-label="place preset"]').selectOption('london');
  await page.locator('ft-simulator [aria-label="getLocation answer"] button', { hasText: 'This position' }).click();
  await expect(frame.evaluate(() => ft.getLocation().then((r) => [r.latitude, r.longitude]))).resolves.toEqual([51.508, -0.1281]);
  await page.waitForURL((url) => url.searchParams.get('location') === 'london');
  for (const [button, errMsg] of [['Deny', 'getLocation:fail auth deny'], ['Unavailable', 'getLocation:fail location unavailable'], ['Timeout', 'getLocation:fail timeout']]) {
    await page.locator('ft-simulator [aria-label="getLocation answer"] button', { hasText: button }).click();
    await expect(frame.evaluate(() => ft.getLocation().catch((e) => e.errMsg))).resolves.toBe(errMsg);
  }
  await context.close();
});

test('serve --scenario FILE opens the simulator in the file\'s state; a bad field fails in one line', async () => {
  const file = join(site, 'bug.json');
  writeFileSync(file, JSON.stringify({ device: 'iPhone SE', appId: 'scenario-app', stack: ['pages/home/home', 'pages/cart/cart?id=3'], network: 'offline', location: 'deny' }));
  const url = await startServe([site, '--app', join(site, 'app.json'), '--scenario', file]);
  expect(new URL(url).searchParams.getAll('stack')).toEqual(['pages/home/home', 'pages/cart/cart?id=3']);
  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
  const page = await newPage(context);
  // The bare shell url starts from the scenario too.
  await page.goto(new URL('/__ft/simulator/', url).href);
  await expect(observed(page)).resolves.toMatchObject({ appId: 'scenario-app', stack: ['pages/home/home', 'pages/cart/cart?id=3'], screen: [375, 667], bar: 'offline  100%', location: 'getLocation:fail auth deny' });
  await context.close();

  writeFileSync(file, JSON.stringify({ network: '2g' }));
  const run = spawnSync(process.execPath, [CLI, 'serve', site, '--scenario', file, '--port', '0'], { encoding: 'utf8', env: { ...process.env, PORT: '' } });
  expect([run.status, run.stderr]).toEqual([1, `ft-polyfill: ${file}: network should be one of online, fast-3g, slow-3g, offline instead of "2g"\n`]);
}, 60000);

test('chrome: a native page shows its own title, after Close the mini-program is closed, the nav-bar back follows backMode', async () => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  let frame = await pageFrame(page);
  await waitText(page, '.title', 'Shop');
  // A native page over the web-view: app.json's navigationBarTitleText, not the web-view's title.
  await frame.evaluate(() => ft.miniProgram.navigateTo({ url: '/pages/detail/detail?id=7' }));
  await waitText(page, '.title', 'Tea shop');
  await page.locator('ft-simulator .nav .back').click();
  await waitText(page, '.title', 'Shop');

  // backMode history (the default): after the page's pushState the nav-bar back steps back in it.
  const back = page.locator('ft-simulator .nav .back');
  await frame.evaluate(() => history.pushState(null, '', '#two'));
  await page.waitForFunction(() => !document.querySelector('ft-simulator').shadowRoot.querySelector('.nav .back').hidden);
  await back.click();
  await frame.waitForFunction(() => location.hash === '');

  // Close: no back, no title, the stack empty, the closed cover.
  await frame.evaluate(() => ft.miniProgram.navigateTo({ url: '/pages/detail/detail' }));
  await waitText(page, '.title', 'Tea shop');
  await page.locator('ft-simulator [aria-label="Close the mini-program"]').first().click();
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.cover').textContent.includes('The mini-program is closed'));
  await expect(back.isHidden()).resolves.toBe(true);
  await expect(text(page, '.title')).resolves.toBe('');
  await expect(page.locator('ft-simulator [aria-label="page stack"] li').count()).resolves.toBe(0);
  await expect(page.locator('ft-simulator .tabs').isHidden()).resolves.toBe(true);

  // backMode page, an app.json without a window title: the route; no back after pushState on one page.
  await page.goto(withParams({ backMode: 'page', appJson: '/untitled.json' }));
  frame = await pageFrame(page);
  await frame.evaluate(() => history.pushState(null, '', '#two'));
  await expect(frame.evaluate(() => ft.canGoBack().then((r) => r.canGoBack))).resolves.toBe(true);
  await expect(back.isHidden()).resolves.toBe(true);
  await frame.evaluate(() => ft.miniProgram.navigateTo({ url: '/pages/detail/detail' }));
  await waitText(page, '.title', 'pages/detail/detail');
  expect(page.errors).toEqual([]);
  await context.close();
}, 60000);

test('landscape keeps the controls beside the phone', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await newPage(context);
  await page.goto(withParams({ device: 'pixel-7', landscape: '' }));
  await pageFrame(page);
  const phone = await page.locator('ft-simulator .phone').boundingBox();
  const side = await page.locator('ft-simulator .side').boundingBox();
  expect(phone && side && [side.x >= phone.x + phone.width, side.y < phone.y + phone.height]).toEqual([true, true]);
  await context.close();
});
