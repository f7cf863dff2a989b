// The host panel and ftHostConfig.appJson in real Chromium (behaviour.md §3.9, docs/guides/simulator.md "The host panel").
import { useChromium, newPage } from '../helpers/browser.js';
import { TEA_HOUSE as APP } from '../helpers/apps.js';

const suite = useChromium();
const { open } = suite;

test('the panel opens from ?ft-panel, shows stack, title, tabBar and log, and renders hostile strings as text', async () => {
  const page = await open({ app: APP, stack: ['pages/index/index', 'pages/web/web'] }, '&ft-panel');
  await page.waitForSelector('ft-host-panel', { state: 'attached' });
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await page.evaluate(async (hostile) => {
    window.__pwned = 0;
    await ft.setNavigationBarTitle({ title: hostile });
    ft.miniProgram.postMessage({ data: hostile });
    await ftHost.share();
    await ft.miniProgram.navigateTo({ url: `/pages/detail/detail?q=${hostile}` });
  }, hostile);
  await page.waitForTimeout(100);
  const view = await page.evaluate(() => {
    const root = document.querySelector('ft-host-panel').shadowRoot;
    return {
      title: root.querySelector('.navbar .title').textContent,
      stack: [...root.querySelectorAll('.stack li')].map((li) => li.textContent),
      tabs: [...root.querySelectorAll('.tabbar button')].map((b) => b.textContent),
      cover: root.querySelector('.cover') && root.querySelector('.cover .route').textContent,
      imgs: root.querySelectorAll('img').length + document.querySelectorAll('img').length,
      log: [...root.querySelectorAll('[data-slot=log] li')].map((li) => li.textContent),
      received: root.querySelector('[data-slot=received]').textContent,
      pwned: window.__pwned,
      pageColor: getComputedStyle(document.body).color,
    };
  });
  expect(view.title).toBe(hostile);
  expect(view.stack[2]).toContain('pages/detail/detail?q=<img');
  expect(view.tabs).toEqual(['Home', 'Cart', 'Me']);
  expect(view.cover).toBe('pages/detail/detail');
  expect(view.imgs).toBe(0);
  expect(view.log[0]).toMatch(/^miniProgram\.navigateTo invokeMiniProgramAPI:ok/);
  expect(view.log[1]).toMatch(/^miniProgram.postMessage postMessage:ok/);
  expect(view.log[2]).toContain('setNavigationBarTitle:ok');
  expect(view.received).toContain(`message {"detail":{"data":[${JSON.stringify(hostile)}]}}`);
  expect(view.pwned).toBe(0);
  // What the host received is cut at 300 characters; a click shows it whole.
  const long = 'x'.repeat(400);
  await page.evaluate(async (long) => { ft.miniProgram.postMessage({ data: { long } }); await ftHost.share(); }, long);
  const item = page.locator('ft-host-panel').locator('[data-slot=received] li').first();
  await item.waitFor();
  expect(await item.textContent()).not.toContain(long);
  await item.click();
  await page.locator('ft-host-panel').locator('[data-slot=received] li pre').first().waitFor();
  expect(await page.locator('ft-host-panel').locator('[data-slot=received] li').first().textContent()).toContain(long);
  // The tabBar is the host's: clicking switches tab.
  await page.locator('ft-host-panel').locator('.tabbar button', { hasText: 'Cart' }).click();
  await page.waitForTimeout(50);
  expect(await page.evaluate(() => ftHost.stack().map((p) => p.url))).toEqual(['pages/cart/cart']);
  await page.evaluate(() => ftHost.panel.close());
  expect(await page.evaluate(() => [document.querySelector('ft-host-panel'), ftHost.panel.isOpen()])).toEqual([null, false]);
  expect(page.errors).toEqual([]);
  await page.close();
});

test('ftHostConfig.appJson loads the app.json from a url; a bad config is reported, not thrown', async () => {
  const page = await open({ appJson: '/demo/tabs/app.json' });
  const out = await page.evaluate(async () => ({
    tab: await ft.miniProgram.navigateTo({ url: '/pages/index/index' }).catch((e) => e.errMsg),
    stack: ftHost.stack().map((p) => p.route),
  }));
  expect(out.tab).toBe('invokeMiniProgramAPI:fail can not navigateTo a tabbar page');
  const bad = await newPage(suite.context);
  await bad.goto(`${suite.server.url}/tests/pages/blank.html?config=${encodeURIComponent(JSON.stringify({ app: { pages: [] } }))}`);
  const after = await bad.evaluate(async () => { await ftHost.ready; return (await ft.miniProgram.navigateTo({ url: '/pages/any/any' })).errMsg; });
  expect(after).toBe('invokeMiniProgramAPI:ok');
  expect(bad.errors.join('\n')).toContain('invalid app.json');
  await page.close();
  await bad.close();
});

test('the panel lists the device checks: where the page would differ on a phone (§1.15)', async () => {
  const page = await open({ app: APP, stack: ['pages/index/index', 'pages/web/web'] }, '&ft-panel');
  await page.waitForSelector('ft-host-panel', { state: 'attached' });
  await page.waitForFunction(() => document.querySelector('ft-host-panel').shadowRoot.querySelector('[data-slot=checks]')?.textContent.startsWith('none'));
  await page.evaluate(() => ft.request({ url: '/api/user' }).catch(() => {}));
  await page.waitForFunction(() => document.querySelector('ft-host-panel').shadowRoot.querySelector('[data-slot=checks]').textContent.includes('request-url'));
  const text = await page.evaluate(() => document.querySelector('ft-host-panel').shadowRoot.querySelector('[data-slot=checks]').textContent);
  expect(text).toContain('ft.request');
  expect(text).toContain('url not http(s)');
});
