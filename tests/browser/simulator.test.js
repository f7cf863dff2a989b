// The simulator of `ft-polyfill serve DIR --simulator` as a person uses it: the H5 page in a
// phone-sized frame with the polyfill, and the host's chrome drawn from the frame's ftHost.
// Also the host panel on a phone-width viewport (plain mode): a handle, never a squeezed page.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium, newPage, serveRoot } from '../helpers/browser.js';

const CLI = join(ROOT, 'bin', 'ft-polyfill.js');

const APP = {
  pages: ['pages/home/home', 'pages/cart/cart', 'pages/detail/detail'],
  window: { navigationBarTitleText: 'Fixture' },
  tabBar: { list: [{ pagePath: 'pages/home/home', text: 'Home' }, { pagePath: 'pages/cart/cart', text: 'Cart' }] },
};

/** @type {import('playwright-core').Browser} */ let browser;
/** @type {import('node:child_process').ChildProcess} */ let child;
let site = '';
let simulatorUrl = '';
let baseUrl = '';

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'ft-sim-'));
  writeFileSync(join(site, 'app.json'), JSON.stringify(APP));
  writeFileSync(join(site, 'index.html'), '<!doctype html><html><head><title>Shop</title></head><body><h1>H5 shop</h1></body></html>');
  writeFileSync(join(site, 'ping.txt'), 'pong');
  child = spawn(process.execPath, [CLI, 'serve', site, '--app', join(site, 'app.json'), '--app-id', 'sim-app', '--port', '0', '--device', 'iPhone SE'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } });
  let out = '';
  const urls = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const plain = /serving .* at (http:\/\/\S+?)\/ /.exec(out);
      const sim = /simulator: (http:\/\/\S+)/.exec(out);
      if (plain && sim) resolve([plain[1], sim[1]]);
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  [browser, [baseUrl, simulatorUrl]] = await Promise.all([launchChromium(), urls]);
});

afterAll(async () => {
  child?.kill();
  await browser?.close();
  rmSync(site, { recursive: true, force: true });
});

/** @param {import('playwright-core').Page} page */
const pageFrame = async (page) => {
  const handle = await page.waitForSelector('ft-simulator iframe');
  const frame = /** @type {import('playwright-core').Frame} */ (await handle.contentFrame());
  await frame.waitForFunction(() => window.ftHost && ftHost.state() !== null);
  return frame;
};

/**
 * Clicks a shell button that loads a new document in the frame (Reload, Restart) and waits for
 * that document's ftHost, not the old one's.
 * @param {import('playwright-core').Page} page @param {import('playwright-core').Frame} frame @param {string} label
 */
const clickForNewDocument = async (page, frame, label) => {
  const before = await frame.evaluate(() => performance.timeOrigin);
  await page.locator('ft-simulator .bar button', { hasText: label }).click();
  await frame.waitForFunction((t) => performance.timeOrigin !== t && window.ftHost && ftHost.state() !== null, before);
};

/** The shell's text of a selector (inside its shadow root). @param {import('playwright-core').Page} page @param {string} selector */
const text = (page, selector) => page.locator(`ft-simulator ${selector}`).first().innerText();

test('prints the simulator url beside the plain one', () => {
  expect(simulatorUrl).toBe(`${baseUrl}/__ft/simulator/?page=%2F&device=iphone-se`);
});

test('the page runs with the polyfill in a phone-sized frame; the chrome follows its calls', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  const frame = await pageFrame(page);

  // iPhone SE: 375 wide; the web-view is the screen below the status and navigation bars, above the tabBar.
  const box = await page.locator('ft-simulator iframe').boundingBox();
  expect(box && Math.round(box.width)).toBe(375);
  expect(box && Math.round(box.height)).toBe(667 - 20 - 44 - 50);
  await expect(frame.evaluate(() => [typeof ft.miniProgram.navigateTo, ftHost.state().appId])).resolves.toEqual(['function', 'sim-app']);

  // The title starts as document.title; setNavigationBarTitle sets it.
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.title').textContent === 'Shop');
  await frame.evaluate(() => ft.miniProgram.setNavigationBarTitle({ title: 'Checkout <b>now</b>' }));
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.title').textContent === 'Checkout <b>now</b>');
  await expect(page.evaluate(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.title b'))).resolves.toBeNull();

  // The tabBar of app.json, the current tab marked; switchTab moves it.
  await expect(text(page, '.tabs')).resolves.toMatch(/Home\s+Cart/);
  await expect(text(page, '.tabs button.on')).resolves.toBe('Home');
  await frame.evaluate(() => ft.miniProgram.switchTab({ url: '/pages/cart/cart' }));
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.tabs button.on')?.textContent === 'Cart');
  // The web-view's page was a tab page left by switchTab: hidden, then shown when its tab is chosen.
  await page.locator('ft-simulator .tabs button', { hasText: 'Home' }).click();
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.tabs button.on')?.textContent === 'Home');

  // navigateTo covers the web-view with the mini-program page (route and query); back returns.
  await frame.evaluate(() => ft.miniProgram.navigateTo({ url: '/pages/detail/detail?id=7&from=h5' }));
  await page.waitForSelector('ft-simulator .cover [data-route]');
  await expect(text(page, '.cover [data-route]')).resolves.toBe('pages/detail/detail');
  await expect(text(page, '.cover dl')).resolves.toMatch(/id\s+7\s+from\s+h5/);
  await expect(page.evaluate(() => document.querySelector('ft-simulator').shadowRoot.querySelector('iframe').classList.contains('hidden'))).resolves.toBe(true);
  await expect(page.locator('ft-simulator .tabs').isHidden()).resolves.toBe(true);
  await expect(page.locator('ft-simulator .nav .back').isVisible()).resolves.toBe(true);
  await expect(text(page, '[data-section=host] .stack')).resolves.toContain('pages/detail/detail?id=7&from=h5');
  await page.locator('ft-simulator .nav .back').click();
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.cover').hidden);
  await expect(frame.evaluate(() => ftHost.stack().map((p) => p.route))).resolves.toEqual(['pages/home/home']);

  // navigateBack from the page (pushed, then gone back from).
  await frame.evaluate(() => ft.miniProgram.navigateTo({ url: '/pages/detail/detail' }));
  await page.waitForSelector('ft-simulator .cover [data-route]');
  await frame.evaluate(() => ft.miniProgram.navigateBack());
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.cover').hidden);
  expect(page.errors).toEqual([]);
  await context.close();
});

test('the capsule\'s share delivers buffered postMessage data', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  const frame = await pageFrame(page);
  await frame.evaluate(() => ft.miniProgram.postMessage({ data: { order: 42 } }));
  await page.locator('ft-simulator [aria-label="More: share or close"]').click();
  await expect(page.locator('ft-simulator [role=menuitem]').first().evaluate((el) => el === el.getRootNode().activeElement)).resolves.toBe(true);
  await page.locator('ft-simulator [role=menuitem]', { hasText: 'Share' }).click();
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="host received"]').textContent.includes('"order":42'));
  await expect(text(page, '[aria-label="host received"]')).resolves.toMatch(/^message \{"detail":\{"data":\[\{"order":42\}\]\}\}/);
  // The capsule's close: the web-view is destroyed (onUnload), the phone says so and offers Restart.
  await frame.evaluate(() => { ft.miniProgram.onUnload(() => { window.parent.unloaded = true; }); });
  await page.locator('ft-simulator [aria-label="Close the mini-program"]').first().click();
  await page.waitForFunction(() => window.unloaded === true);
  // The cover is drawn after onUnload runs: wait for its text rather than reading it once.
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.cover').textContent.includes('The mini-program is closed'));
  await page.locator('ft-simulator .cover button', { hasText: 'Restart' }).click();
  await pageFrame(page);
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.cover').hidden);
  await context.close();
});

test("the host's back steps back through the page's own history first (backMode); the web-view's load and setSrc show in Host received (§3.13-§3.15)", async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  const frame = await pageFrame(page);
  const src = await frame.evaluate(() => location.href);
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="host received"]').textContent.startsWith('load'));
  await expect(text(page, '[aria-label="host received"]')).resolves.toContain(`load ${JSON.stringify({ detail: { src } })}`);
  const back = page.locator('ft-simulator [data-section=host] button', { hasText: /^Back$/ });
  const status = () => text(page, '[data-section=host] [role=status]');
  // One page on the stack: back first undoes the page's pushState, then fails on the first page.
  await frame.evaluate(() => history.pushState({}, '', '#two'));
  await back.click();
  await frame.waitForFunction(() => location.hash === '');
  await expect(frame.evaluate(() => ftHost.stack().length)).resolves.toBe(1);
  await back.click();
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[data-section=host] [role=status]').textContent.includes('cannot navigate back at first page'));
  await expect(status()).resolves.toBe('fail: cannot navigate back at first page');
  // Set src: a hash change stays in the document (its second # escaped), with no second load.
  await frame.evaluate(() => { window.sameDocument = true; });
  await page.locator('ft-simulator [aria-label="web-view src"]').fill('#a#b');
  await page.locator('ft-simulator [data-section=host] button', { hasText: 'Set src' }).click();
  await frame.waitForFunction(() => location.hash === '#a%23b');
  await expect(frame.evaluate(() => window.sameDocument)).resolves.toBe(true);
  await expect(frame.evaluate(async () => (await ft.canGoBack()).canGoBack)).resolves.toBe(true);
  await expect(page.evaluate(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="host received"]').textContent.match(/load/g).length)).resolves.toBe(1);
  expect(page.errors).toEqual([]);
  await context.close();
});

test('a mocked location and an offline network reach the page\'s calls; the call log filters them', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  const frame = await pageFrame(page);
  await expect(frame.evaluate(() => ft.request({ url: new URL('/ping.txt', location.href).href }).then((r) => r.data))).resolves.toBe('pong');

  await page.locator('ft-simulator [aria-label=latitude]').fill('31.2304');
  await page.locator('ft-simulator [aria-label=longitude]').fill('121.4737');
  await page.locator('ft-simulator [aria-label=longitude]').dispatchEvent('change');
  await page.locator('ft-simulator [aria-label="getLocation answer"] button', { hasText: 'This position' }).click();
  await expect(frame.evaluate(() => ft.getLocation().then((r) => [r.latitude, r.longitude]))).resolves.toEqual([31.2304, 121.4737]);
  await page.locator('ft-simulator [aria-label="getLocation answer"] button', { hasText: 'Deny' }).click();
  await expect(frame.evaluate(() => ft.getLocation().catch((e) => e.errMsg))).resolves.toBe('getLocation:fail auth deny');

  await page.locator('ft-simulator [aria-label="chooseLocation answer"] button', { hasText: 'This place' }).click();
  await expect(frame.evaluate(() => ft.chooseLocation().then((r) => [r.name, r.latitude]))).resolves.toEqual(['Civic Center', 31.2304]);
  await page.locator('ft-simulator [aria-label="images to pick"]').setInputFiles({ name: 'tea.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') });
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[data-section=media]').textContent.includes('files: tea.png'));
  await expect(frame.evaluate(() => ft.chooseImage().then((r) => r.tempFiles.map((f) => f.size)))).resolves.toEqual([16]);
  await page.locator('ft-simulator [aria-label="chooseImage answer"] button', { hasText: 'Cancel' }).click();
  await expect(frame.evaluate(() => ft.chooseImage().catch((e) => e.errMsg))).resolves.toBe('chooseImage:fail cancel');

  await page.locator('ft-simulator [aria-label="network condition"] button', { hasText: 'Offline' }).click();
  await expect(frame.evaluate(() => ft.request({ url: new URL('/ping.txt', location.href).href }).catch((e) => e.errMsg))).resolves.toBe('request:fail network error');
  await expect(frame.evaluate(() => ft.downloadFile({ url: new URL('/ping.txt', location.href).href }).catch((e) => e.errMsg))).resolves.toBe('downloadFile:fail network error');

  // The call log: errMsg and timing, filtered by API.
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="filter calls by API"]').options.length >= 4);
  await page.locator('ft-simulator [aria-label="filter calls by API"]').selectOption('request');
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelectorAll('[aria-label="ft calls"] li').length === 2);
  const rows = await page.locator('ft-simulator [aria-label="ft calls"] li').allInnerTexts();
  expect(rows[0]).toMatch(/^request request:fail network error \d+ ms/);
  expect(rows[1]).toMatch(/^request request:ok \d+ ms/);
  // A click shows a call whole (its arguments and result as JSON), a second click folds it.
  const long = 'x'.repeat(300);
  await frame.evaluate((data) => ft.setStorage({ key: 'long', data }), long);
  await page.waitForFunction(() => [...document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="filter calls by API"]').options].some((o) => o.value === 'setStorage'));
  await page.locator('ft-simulator [aria-label="filter calls by API"]').selectOption('setStorage');
  const logText = () => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="ft calls"]').textContent;
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="ft calls"]').textContent.includes('setStorage:ok'));
  expect(await page.evaluate(logText)).not.toContain(long);
  await page.locator('ft-simulator [aria-label="ft calls"] li').first().click();
  await page.waitForFunction((text) => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="ft calls"]').textContent.includes(text), long);
  await page.locator('ft-simulator [aria-label="ft calls"] li').first().click();
  await page.waitForFunction((text) => !document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="ft calls"]').textContent.includes(text), long);

  // A reload keeps the settings (offline, the mock) and the stack, as a devtools reload does.
  // (The stack is kept up to the web-view's page: the config stack holds the web-view last.)
  await frame.evaluate(() => ftHost.configure({ app: ftHostConfig.app, appId: 'sim-app', stack: ['pages/home/home', 'pages/cart/cart'] }));
  await frame.evaluate(() => ft.miniProgram.navigateTo({ url: '/pages/detail/detail?id=1' }));
  await page.waitForSelector('ft-simulator .cover [data-route]');
  await clickForNewDocument(page, frame, 'Reload');
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.cover').hidden);
  await expect(frame.evaluate(() => ftHost.stack().map((p) => p.route))).resolves.toEqual(['pages/home/home', 'pages/cart/cart']);
  await expect(frame.evaluate(() => ft.request({ url: new URL('/ping.txt', location.href).href }).catch((e) => e.errMsg))).resolves.toBe('request:fail network error');
  await expect(frame.evaluate(() => ft.getLocation().catch((e) => e.errMsg))).resolves.toBe('getLocation:fail auth deny');
  await page.locator('ft-simulator [aria-label="network condition"] button', { hasText: 'Online' }).click();
  await clickForNewDocument(page, frame, 'Restart');
  await expect(frame.evaluate(() => ftHost.stack().map((p) => p.route))).resolves.toEqual(['pages/home/home']);
  expect(page.errors).toEqual([]);
  await context.close();
});

test('an unknown --device fails in one line naming the presets', () => {
  const run = spawnSync(process.execPath, [CLI, 'serve', site, '--device', 'nokia-3310', '--port', '0'], { encoding: 'utf8', env: { ...process.env, PORT: '' } });
  expect([run.status, run.stderr]).toEqual([1, 'ft-polyfill: unknown device nokia-3310: one of iphone-se, iphone-14, iphone-15-pro, pixel-5, pixel-7\n']);
});

test('the capsule menu works from the keyboard', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  await pageFrame(page);
  const more = page.locator('ft-simulator [aria-label="More: share or close"]');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(page.evaluate(() => document.querySelector('ft-simulator').shadowRoot.activeElement?.textContent)).resolves.toMatch(/^Share/);
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.querySelector('ft-simulator').shadowRoot.activeElement?.textContent)).resolves.toBe('Close the mini-program');
  await page.keyboard.press('Escape');
  await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(page.evaluate(() => document.querySelector('ft-simulator').shadowRoot.activeElement?.getAttribute('aria-label'))).resolves.toBe('More: share or close');
  await context.close();
});

test('the device picker and orientation resize the phone', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  await pageFrame(page);
  await page.locator('ft-simulator [aria-label=device]').selectOption('pixel-7');
  await expect(page.locator('ft-simulator .screen').boundingBox().then((b) => b && [b.width, b.height])).resolves.toEqual([412, 915]);
  await page.locator('ft-simulator .bar button', { hasText: 'Landscape' }).click();
  await expect(page.locator('ft-simulator .screen').boundingBox().then((b) => b && [b.width, b.height])).resolves.toEqual([915, 412]);
  expect(new URL(page.url()).searchParams.get('device')).toBe('pixel-7');
  await context.close();
});

test('the host panel on a 390 px viewport is a handle: the page keeps its width', async () => {
  const server = await serveRoot();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await newPage(context);
  await page.goto(`${server.url}/tests/pages/blank.html?config=${encodeURIComponent(JSON.stringify({ panel: true }))}`);
  await page.waitForSelector('ft-host-panel', { state: 'attached' });
  await page.waitForFunction(() => ftHost.panel.isOpen());
  const handle = page.locator('ft-host-panel [aria-label="Open the host panel"]');
  await handle.waitFor();
  const width = await handle.evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual(32);
  await expect(page.evaluate(() => document.documentElement.clientWidth)).resolves.toBeGreaterThanOrEqual(390 - 32);
  await expect(page.locator('ft-host-panel .root').isHidden()).resolves.toBe(true);
  // The handle opens it over the page (the page is not squeezed); collapse brings the handle back.
  await handle.click();
  await expect(page.locator('ft-host-panel .root').isVisible()).resolves.toBe(true);
  await expect(page.evaluate(() => document.documentElement.clientWidth)).resolves.toBeGreaterThanOrEqual(390 - 32);
  await page.locator('ft-host-panel [aria-label="Collapse the host panel"]').click();
  await expect(page.locator('ft-host-panel .root').isHidden()).resolves.toBe(true);
  // On a wide viewport the panel opens as a column beside the page, as before.
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.waitForFunction(() => document.documentElement.style.marginRight === '380px');
  await expect(page.locator('ft-host-panel .root').isVisible()).resolves.toBe(true);
  expect(page.errors).toEqual([]);
  await context.close();
  await server.close();
});

/** A PNG's width and height (its IHDR chunk). @param {string} file */
const pngSize = (file) => {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
};

test('the screenshots of the README and the simulator guide are what scripts/simulator-screenshots.mjs draws', async () => {
  const out = mkdtempSync(join(tmpdir(), 'ft-sim-shots-'));
  try {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'simulator-screenshots.mjs'), out, '--fast'], { encoding: 'utf8', env: { ...process.env, PORT: '' } });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const shots = ['simulator.png', 'simulator-iphone-se.png', 'simulator-iphone-14.png', 'simulator-pixel-7.png', 'simulator-landscape.png', 'simulator-launch.png'];
    const devtools = ['devtools-pending.png', 'devtools-storage.png', 'devtools-network.png', 'devtools-mocks.png'];
    expect(readdirSync(out).sort()).toEqual([...shots, ...devtools].sort());
    // The devtools sections' pictures are in their guide (their heights follow the demo's data).
    const devtoolsGuide = readFileSync(join(ROOT, 'docs/guides/devtools.md'), 'utf8');
    for (const name of devtools) expect([name, pngSize(join(out, name))[0], devtoolsGuide.includes(`](../${name})`)]).toEqual([name, pngSize(join(ROOT, 'docs', name))[0], true]);
    for (const name of shots) expect([name, ...pngSize(join(out, name))]).toEqual([name, ...pngSize(join(ROOT, 'docs', name))]);
    // Each preset's picture is its phone: the screen plus the 12 px bezel on each side (a pixel
    // more where the phone's box does not start on a whole pixel).
    const [w, h] = pngSize(join(out, 'simulator-iphone-se.png'));
    expect([Math.abs(w - (375 + 24)) <= 1, Math.abs(h - (667 + 24)) <= 1]).toEqual([true, true]);
    const guide = readFileSync(join(ROOT, 'docs/guides/simulator.md'), 'utf8');
    for (const name of shots) expect(guide).toContain(`](../${name})`);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('](docs/simulator.png)');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 240000);

test('the shell lists the page\'s device checks (§1.15)', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  const frame = await pageFrame(page);
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="device checks"]').textContent.startsWith('none'));
  await frame.evaluate(() => ft.request({ url: '/ping.txt' }).catch(() => {}));
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="device checks"]').textContent.includes('request-url'));
  await expect(text(page, '[aria-label="device checks"]')).resolves.toContain('ft.request');
  await context.close();
});

test('the address bar follows a history-mode router; Reload keeps the route', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  const frame = await pageFrame(page);
  await frame.evaluate(() => history.pushState(null, '', '/orders/12/detail?tab=2'));
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="page url"]').textContent === '/orders/12/detail?tab=2');
  expect(new URL(page.url()).searchParams.get('page')).toBe('/orders/12/detail?tab=2');
  await frame.evaluate(() => history.replaceState(null, '', '/orders/13'));
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="page url"]').textContent === '/orders/13');
  await frame.evaluate(() => { location.hash = 'reviews'; });
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="page url"]').textContent === '/orders/13#reviews');
  // Reload: the same route, served by the folder's index.html (history-API fallback), with the polyfill.
  await clickForNewDocument(page, frame, 'Reload');
  await expect(frame.evaluate(() => [location.pathname, document.querySelector('h1').textContent])).resolves.toEqual(['/orders/13', 'H5 shop']);
  expect(page.errors).toEqual([]);
  await context.close();
});

test('an e2e build (its bundle contains ft-polyfill, its own ftHostConfig) runs its own copy and config, also in the simulator and on a deep link', async () => {
  // What `vite build --mode e2e` with ft-polyfill/vite makes: the plugin's inline config, and the
  // polyfill inside the app's module bundle.
  const app = mkdtempSync(join(tmpdir(), 'ft-e2e-'));
  const config = { appId: 'e2e-app', app: { pages: ['pages/index/index', 'pages/web/web'] }, stack: ['pages/index/index', 'pages/web/web'] };
  mkdirSync(join(app, 'assets'));
  writeFileSync(join(app, 'index.html'), `<!doctype html><html><head><script>window.ftHostConfig = ${JSON.stringify(config)};</script><script type="module" crossorigin src="/assets/index-e2e.js"></script></head><body><h1>e2e</h1></body></html>`);
  writeFileSync(join(app, 'assets', 'index-e2e.js'), readFileSync(join(ROOT, 'dist', 'ft-polyfill.mjs'), 'utf8'));
  const server = spawn(process.execPath, [CLI, 'serve', app, '--simulator', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } });
  try {
    let out = '';
    const base = await new Promise((resolve, reject) => {
      server.stdout.on('data', (d) => {
        out += d;
        const m = /serving .* at (http:\/\/\S+?)\/ /.exec(out);
        if (m && /simulator:/.test(out)) resolve(m[1]);
      });
      server.on('close', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const html = await (await fetch(`${base}/orders/12/detail`, { headers: { accept: 'text/html' } })).text();
    expect(html).not.toContain('/__ft/ft-polyfill.js');
    const context = await browser.newContext();
    const page = await newPage(context);
    /** @type {string[]} */
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(`${base}/orders/12/detail`);
    await page.waitForFunction(() => window.ftHost && ftHost.state() !== null);
    await expect(page.evaluate(() => ftHost.stack().map((p) => p.route))).resolves.toEqual(['pages/index/index', 'pages/web/web']);
    expect(warnings.filter((w) => w.includes('more than once'))).toEqual([]);
    // In the simulator, the page's config is the one that applies (its app.json refuses a page it lacks).
    await page.goto(`${base}/__ft/simulator/?page=${encodeURIComponent('/orders/12/detail')}`);
    const frame = await pageFrame(page);
    await expect(frame.evaluate(() => ftHost.stack().map((p) => p.route))).resolves.toEqual(['pages/index/index', 'pages/web/web']);
    await expect(frame.evaluate(() => ft.miniProgram.navigateTo({ url: '/pages/detail/detail' }).catch((e) => e.errMsg))).resolves.toMatch(/^invokeMiniProgramAPI:fail /);
    await expect(frame.evaluate(() => location.pathname)).resolves.toBe('/orders/12/detail');
    expect(warnings.filter((w) => w.includes('more than once'))).toEqual([]);
    expect(page.errors).toEqual([]);
    await context.close();
  } finally {
    server.kill();
    rmSync(app, { recursive: true, force: true });
  }
});
