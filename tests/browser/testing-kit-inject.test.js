// ft-polyfill/testing's injectFt against pages that configure and load the polyfill themselves
// (a Vite dev server with ft-polyfill/vite, `ft-polyfill serve`): the test's config wins over the
// page's inline window.ftHostConfig, and the page's own copy of the polyfill is no double load.
import { createRequire } from 'node:module';
import { newPage, useChromium } from '../helpers/browser.js';

const kit = createRequire(import.meta.url)('../../testing/index.cjs');

/** What the plugin / serve produce: an inline ftHostConfig, then the polyfill (here a module). */
const ownConfigPage = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><script>window.ftHostConfig = { appId: 'page-own', appInfo: { appTitle: 'Page' }, stack: ['pages/index/index'] };</script>
<script type="module">import ft from '/dist/ft-polyfill.mjs'; ft.getAppletInfo().then((i) => { document.body.dataset.result = JSON.stringify(i); });</script></head><body></body></html>`);
};

/** A page whose own script (a file with a url) makes a call the device refuses. */
const sitePage = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><html><head><script src="/site-app.js"></script></head><body></body></html>');
};
const siteApp = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/javascript' });
  // Made once the core is up (after a first call), so the check reads the stack of the call itself.
  res.end("ft.getStorageInfo().then(function () {\n  ft.request({ url: '/api/relative' }).catch(function () { document.documentElement.dataset.done = '1'; });\n});\n");
};

const suite = useChromium({ '/own-config.html': ownConfigPage, '/site.html': sitePage, '/site-app.js': siteApp });

test("injectFt's config wins over the page's own ftHostConfig; the page's own polyfill shares the injected instance without a warning", async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await kit.injectFt(page, { appId: 'from-test', stack: ['pages/index/index', 'pages/web/index'] });
  await page.goto(`${suite.server.url}/own-config.html`);
  await page.waitForFunction(() => document.body.dataset.result);
  const info = JSON.parse(await page.evaluate(() => document.body.dataset.result));
  expect(info).toMatchObject({ appId: 'from-test', appTitle: 'Page' });   // the page's other fields stay
  const { stack } = await kit.readHost(page);
  expect(stack.map((p) => p.route)).toEqual(['pages/index/index', 'pages/web/index']);
  expect(warnings.filter((w) => w.includes('more than once'))).toEqual([]);
  expect(page.errors).toEqual([]);
  await context.close();
});

test("injectFt into a context: a new tab's first about:blank gets no polyfill (no storage of its own, no warning from it); the document it loads does", async () => {
  const context = await suite.browser.newContext();
  await kit.injectFt(context, { appId: 'blank-first' });
  const page = await newPage(context);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  expect(await page.evaluate(() => [location.href, typeof window.ftHost, typeof window.ftHostConfig])).toEqual(['about:blank', 'undefined', 'undefined']);
  await page.goto(`${suite.server.url}/own-config.html`);
  await page.waitForFunction(() => document.body.dataset.result);
  expect(JSON.parse(await page.evaluate(() => document.body.dataset.result)).appId).toBe('blank-first');
  expect(warnings).toEqual([]);
  expect(page.errors).toEqual([]);
  await context.close();
});

test("a device check in an injected page names the page's call site (the injected polyfill's frames have no url)", async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await kit.injectFt(page, { appId: 'site' });
  await page.goto(`${suite.server.url}/site.html`);
  await page.waitForFunction(() => document.documentElement.dataset.done);
  const { warnings } = await kit.readHost(page);
  expect(warnings).toEqual([expect.objectContaining({ kind: 'request-url', api: 'request', site: `${suite.server.url}/site-app.js:2:6` })]);
  await context.close();
});

test('the injected host UI runs only when first used (the panel opens from it); a page loading the UI script itself replaces it', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await kit.injectFt(page, { appId: 'ui-on-use' });
  await page.goto(`${suite.server.url}/own-config.html`);
  await page.waitForFunction(() => document.body.dataset.result);
  const ui = () => page.evaluate(() => {
    const own = Object.getOwnPropertyDescriptor(window, '__ftPolyfillUi');
    return own ? (own.get ? 'not run' : typeof own.value.createPanel) : 'none';
  });
  expect(await ui()).toBe('not run');
  await page.evaluate(() => window.ftHost.panel.open());
  expect(await ui()).toBe('function');
  expect(await page.locator('[data-ft-panel]').count()).toBe(1);
  // Another page of the test whose own tag loads the UI script before anything asked for it.
  const other = await newPage(context);
  await other.goto(`${suite.server.url}/own-config.html`);
  await other.addScriptTag({ url: '/dist/ft-polyfill-ui.js' });
  expect(await other.evaluate(() => typeof Object.getOwnPropertyDescriptor(window, '__ftPolyfillUi')?.value?.createPanel)).toBe('function');
  expect([...page.errors, ...other.errors]).toEqual([]);
  await context.close();
});

test('injectFt and readHost with a wrong first argument, or before anything loaded, reject with what to do', async () => {
  await expect(kit.injectFt(undefined, {})).rejects.toThrow(/^injectFt: the first argument should be a Playwright Page or BrowserContext/);
  await expect(kit.readHost(null)).rejects.toThrow(/^readHost: the argument should be a Playwright Page/);
  // A page that has loaded nothing yet: the advice is to load one.
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await kit.injectFt(page, { appId: 'blank' });
  await expect(kit.readHost(page)).rejects.toThrow(/^readHost: the page has loaded nothing yet \(about:blank\); call page\.goto first/);
  await context.close();
});
