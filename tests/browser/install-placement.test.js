// The npm package's API placement (behaviour.md §1.12) in the browser build, whose API table is
// stripped of its typing-only fields: ft.miniProgram.<name> is ft.<name>, and behaves as it.
import { newPage, useChromium } from '../helpers/browser.js';

const suite = useChromium();

test('ft.miniProgram has the interfaces finclip-js-sdk lists there, as the same functions', async () => {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(suite.pageUrl({ appId: 'mini-program-placement' }));
  const result = await page.evaluate(async () => {
    const names = ['downloadFile', 'openDocument', 'chooseImage', 'getLocalImgData', 'getStorage', 'setStorage', 'removeStorage', 'clearStorage', 'getStorageInfo', 'canGoBack', 'canNavigateBack', 'setNavigationBarTitle', 'getAppletInfo', 'request'];
    const mp = /** @type {any} */ (ft.miniProgram);
    const missing = names.filter((name) => typeof mp[name] !== 'function' || mp[name] !== /** @type {any} */ (ft)[name]);
    const set = await mp.setStorage({ key: 'cart', data: { items: 2 } });
    const read = await ft.getStorage({ key: 'cart' });
    const fail = await mp.getStorage({ key: 'missing' }).catch((/** @type {any} */ e) => e);
    return { missing, set: set.errMsg, data: read.data, fail: fail.errMsg, apis: ftHost.calls().map((c) => c.api) };
  });
  expect(result).toEqual({
    missing: [],
    set: 'setStorage:ok',
    data: { items: 2 },
    fail: 'getStorage:fail data not found',
    apis: ['setStorage', 'getStorage', 'getStorage'],
  });
  expect(page.errors).toEqual([]);
  await context.close();
});
