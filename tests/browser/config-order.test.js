// ftHost.configure / reset queued with the calls (behaviour.md §1.10), in Chromium with real
// IndexedDB: an un-awaited appId switch then a write lands in the new app's database and stays
// there after a reload; nothing reaches the old one; no Embind "deleted object" error or
// unhandled rejection reaches the page. And window.ftHostConfig set by a bundled app after its
// imports (the import-order trap) is the configuration used.
import { newPage, useChromium } from '../helpers/browser.js';

/** A page as a bundled app is: an ES module that imports the polyfill, then sets ftHostConfig. */
const lateConfigPage = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><script type="module">
import ft from '/dist/ft-polyfill.mjs';
window.ftHostConfig = { appId: 'late-config', appInfo: { appTitle: 'Late' } };   // runs after the import
ft.getAppletInfo().then((info) => ft.setStorage({ key: 'where', data: info.appId }).then(() => { document.body.dataset.result = JSON.stringify(info); }));
</script></head><body></body></html>`);
};

const suite = useChromium({ '/late.html': lateConfigPage });

/** @param {import('playwright-core').BrowserContext} context */
async function open(context, config) {
  const page = await newPage(context);
  await page.addInitScript(() => {
    window.__rejections = [];
    window.addEventListener('unhandledrejection', (e) => window.__rejections.push(String(e.reason && e.reason.message ? e.reason.message : JSON.stringify(e.reason))));
  });
  await page.goto(suite.pageUrl(config));
  return page;
}

/** @param {import('playwright-core').Page} page @param {string} key */
const read = (page, key) => page.evaluate((k) => ft.getStorage({ key: k }).then((r) => r.data, (e) => e.errMsg), key);

test('configure({ appId }) without await, then setStorage: the value is in the new app, also after a reload', async () => {
  const context = await suite.browser.newContext();
  const page = await open(context, { appId: 'order-a' });
  const result = await page.evaluate(async () => {
    await ftHost.ready;
    ftHost.configure({ appId: 'order-b' });
    const write = await ft.setStorage({ key: 'cart', data: [1, 2, 3] });
    const info = await ft.getAppletInfo();
    return { write, appId: info.appId, read: (await ft.getStorage({ key: 'cart' })).data };
  });
  expect(result).toEqual({ write: { errMsg: 'setStorage:ok' }, appId: 'order-b', read: [1, 2, 3] });
  expect(await page.evaluate(() => window.__rejections)).toEqual([]);
  expect(page.errors).toEqual([]);

  // Reload as app A: nothing landed there. As app B: the value is there.
  await page.goto(suite.pageUrl({ appId: 'order-a' }));
  expect(await read(page, 'cart')).toBe('getStorage:fail data not found');
  await page.goto(suite.pageUrl({ appId: 'order-b' }));
  expect(await read(page, 'cart')).toEqual([1, 2, 3]);
  expect(page.errors).toEqual([]);
  await context.close();
});

test('a storm of appId switches and fire-and-forget calls: no deleted-object error, every call settles once', async () => {
  const context = await suite.browser.newContext();
  const page = await open(context, { appId: 'storm-0' });
  const result = await page.evaluate(async () => {
    const settled = [];
    const calls = [];
    for (let i = 0; i < 30; i++) {
      ftHost.configure({ appId: `storm-${i % 3}` });
      calls.push(ft.setStorage({ key: `k${i}`, data: i }).then((r) => r.errMsg, (e) => e.errMsg));
      ft.getStorage({ key: `k${i}`, complete: (r) => settled.push(r.errMsg) });
      ft.getStorageInfo({ complete: (r) => settled.push(r.errMsg) });
      if (i % 10 === 9) ftHost.reset({ appId: `storm-${i % 3}` });
    }
    const writes = await Promise.all(calls);
    await ftHost.ready;
    return { writes: [...new Set(writes)], settled: settled.length, kinds: [...new Set(settled)].sort() };
  });
  expect(result).toEqual({ writes: ['setStorage:ok'], settled: 60, kinds: ['getStorage:ok', 'getStorageInfo:ok'] });
  expect(await page.evaluate(() => window.__rejections)).toEqual([]);
  expect(page.errors).toEqual([]);
  await context.close();
});

test('configure then getAppletInfo, navigateTo and canNavigateBack see the new configuration', async () => {
  const context = await suite.browser.newContext();
  const page = await open(context, { appId: 'nav-order' });
  const result = await page.evaluate(async () => {
    ftHost.configure({ appInfo: { appTitle: 'After' }, app: { pages: ['pages/home/index', 'pages/web/index', 'pages/detail/index'] }, stack: ['pages/home/index', 'pages/web/index'] });
    const info = ft.getAppletInfo();
    const back = ft.canNavigateBack();
    const pushed = ft.miniProgram.navigateTo({ url: '/pages/detail/index' });
    return { title: (await info).appTitle, back: (await back).canNavigateBack, pushed: (await pushed).errMsg, stack: ftHost.stack().map((p) => p.route) };
  });
  expect(result).toEqual({ title: 'After', back: true, pushed: 'invokeMiniProgramAPI:ok', stack: ['pages/home/index', 'pages/web/index', 'pages/detail/index'] });
  expect(page.errors).toEqual([]);
  await context.close();
});

test('an ES module app that sets window.ftHostConfig after its import gets that configuration', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(`${suite.server.url}/late.html`);
  await page.waitForFunction(() => document.body.dataset.result);
  expect(JSON.parse(await page.evaluate(() => document.body.dataset.result))).toMatchObject({ appId: 'late-config', appTitle: 'Late' });
  // The write went to that app's database.
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(databases).toContain('/ft-polyfill-storage/late-config');
  expect(databases).not.toContain('/ft-polyfill-storage/ft-polyfill-app');
  expect(page.errors).toEqual([]);
  await context.close();
});
