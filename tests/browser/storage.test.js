// Storage in real Chromium: persistence through IDBFS across reloads, limits, isolation.
import { newPage, ROOT, useChromium } from '../helpers/browser.js';

const suite = useChromium();

const { pageUrl } = suite;

test('every supported type round-trips, Date included', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(pageUrl({ appId: 'types' }));
  const result = await page.evaluate(async () => {
    const values = { s: 'text', n: 42.5, b: false, z: null, a: [1, { x: 'y' }], o: { nested: { deep: true } }, u: undefined, d: new Date(1700000000123), e: '', lone: 'a\ud800b' };
    const out = {};
    for (const [key, data] of Object.entries(values)) await ft.setStorage({ key, data });
    for (const key of Object.keys(values)) {
      const { data } = await ft.getStorage({ key });
      out[key] = { type: data instanceof Date ? 'date' : data === undefined ? 'undefined' : typeof data, same: JSON.stringify(data) === JSON.stringify(values[key]) && (key !== 'lone' || data === values.lone) };
    }
    return out;
  });
  for (const [key, { same }] of Object.entries(result)) expect([key, same]).toEqual([key, true]);
  expect(result.d.type).toBe('date');
  expect(result.u.type).toBe('undefined');
  expect(page.errors).toEqual([]);
  await context.close();
});

test('data survives a reload started inside the success callback', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(pageUrl({ appId: 'reload' }));
  await page.evaluate(() => new Promise((resolve) => {
    ft.setStorage({ key: 'counter', data: { n: 1, at: 'first' } });
    ft.setStorage({
      key: 'last', data: 'written-then-reloaded',
      success() { resolve(undefined); location.reload(); },
    });
  }));
  await page.waitForLoadState('load');
  await page.waitForFunction(() => window.ftHost && window.ft);
  const after = await page.evaluate(async () => {
    await ftHost.ready;
    return [(await ft.getStorage({ key: 'last' })).data, (await ft.getStorage({ key: 'counter' })).data];
  });
  expect(after).toEqual(['written-then-reloaded', { n: 1, at: 'first' }]);
  await context.close();
});

test('over-limit writes fail and keep the old value', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(pageUrl({ appId: 'limits' }));
  const result = await page.evaluate(async () => {
    await ft.setStorage({ key: 'big', data: 'small' });
    const tooBig = await ft.setStorage({ key: 'big', data: 'x'.repeat(1024 * 1024) }).catch((e) => e);
    const kept = (await ft.getStorage({ key: 'big' })).data;
    return { tooBig, kept };
  });
  expect(result).toEqual({ tooBig: { errMsg: 'setStorage:fail exceed storage item max length' }, kept: 'small' });
  await context.close();
});

test("clearStorage leaves the page's localStorage alone; appIds do not share keys", async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(pageUrl({ appId: 'app-one' }));
  await page.evaluate(async () => {
    localStorage.setItem('page-own', 'keep me');
    await ft.setStorage({ key: 'shared-name', data: 'one' });
    await ft.setStorage({ key: 'only-one', data: 1 });
  });
  await page.goto(pageUrl({ appId: 'app-two' }));
  const two = await page.evaluate(async () => {
    const seen = (await ft.getStorageInfo()).keys;
    await ft.setStorage({ key: 'shared-name', data: 'two' });
    await ft.clearStorage();
    return { seen, local: localStorage.getItem('page-own'), after: (await ft.getStorageInfo()).keys };
  });
  expect(two).toEqual({ seen: [], local: 'keep me', after: [] });
  await page.goto(pageUrl({ appId: 'app-one' }));
  const one = await page.evaluate(async () => (await ft.getStorage({ key: 'shared-name' })).data);
  expect(one).toBe('one');
  await context.close();
});

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
