// ft.chooseImage through Playwright's file chooser (with and without a user gesture, count,
// compression, cancel) and ft.getLocalImgData (behaviour.md §5.5, §5.6).
import { launchChromium, serveRoot, newPage } from '../helpers/browser.js';
import { makePng } from '../helpers/device-server.js';

/** @type {import('playwright-core').Browser} */ let browser;
/** @type {{ url: string, close: () => Promise<void> }} */ let server;
/** @type {import('playwright-core').BrowserContext} */ let context;
/** @type {import('playwright-core').Page & { errors: string[] }} */ let page;

const small = makePng(40, 30);
const big = makePng(640, 480, true);
/** @param {string} name @param {Buffer} buffer @param {string} [mimeType] */
const file = (name, buffer, mimeType = 'image/png') => ({ name, mimeType, buffer });

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveRoot()]);
  context = await browser.newContext();
  // Playwright's evaluate() runs as a user gesture: a call with none is made from the load event
  // of a fresh page (#choose=<options>).
  await context.addInitScript(() => {
    const m = location.hash.match(/^#choose=(.*)$/);
    if (m) addEventListener('load', () => { window.__choice = ft.chooseImage(JSON.parse(decodeURIComponent(m[1]))).catch((e) => e); });
  });
  page = await newPage(context);
  await page.goto(`${server.url}/tests/pages/blank.html?config=${encodeURIComponent('{"appId":"media"}')}`);
  await page.evaluate(() => ftHost.ready);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Starts ft.chooseImage(options) inside a click (a user gesture) on a page button. */
async function chooseInGesture(/** @type {object} */ options) {
  await page.evaluate((opts) => {
    document.querySelector('#pick')?.remove();
    const b = document.createElement('button');
    b.id = 'pick';
    b.textContent = 'pick';
    b.onclick = () => { window.__choice = ft.chooseImage(opts).catch((e) => e); };
    document.body.appendChild(b);
  }, options);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#pick')]);
  return chooser;
}

const choice = () => page.evaluate(() => window.__choice);

/** Loads the page afresh and calls ft.chooseImage(options) with no user gesture. */
async function chooseWithoutGesture(/** @type {object} */ options) {
  await page.goto(`${server.url}/tests/pages/blank.html?config=${encodeURIComponent('{"appId":"media"}')}#choose=${encodeURIComponent(JSON.stringify(options))}`);
  await page.reload();
}

test('inside a gesture the picker opens at once; count is enforced; tempFiles give sizes in bytes', async () => {
  const chooser = await chooseInGesture({ count: 2, sizeType: ['original'] });
  expect(chooser.isMultiple()).toBe(true);
  expect(await chooser.element().getAttribute('accept')).toBe('image/*');
  await chooser.setFiles([file('a.png', small), file('b.png', small), file('c.png', small)]);
  const r = await choice();
  expect(r.errMsg).toBe('chooseImage:ok');
  expect(r.tempFilePaths).toHaveLength(2);
  expect(r.tempFiles).toEqual(r.tempFilePaths.map((path) => ({ path, size: small.length })));
  const shown = await page.evaluate(async (path) => {
    const img = new Image();
    img.src = path;
    await img.decode();
    return [img.naturalWidth, (await ft.getLocalImgData({ path })).localData];
  }, r.tempFilePaths[0]);
  expect(shown).toEqual([40, `data:image/png;base64,${small.toString('base64')}`]);
});

test('count 1 picks one file; camera alone asks for capture', async () => {
  const chooser = await chooseInGesture({ count: 1, sourceType: ['camera'] });
  expect(chooser.isMultiple()).toBe(false);
  expect(await chooser.element().getAttribute('capture')).not.toBeNull();
  await chooser.setFiles([file('one.png', small)]);
  expect((await choice()).tempFilePaths).toHaveLength(1);
});

test('without a gesture the host sheet asks first; Choose opens the picker; compressed re-encodes smaller', async () => {
  await chooseWithoutGesture({ count: 1, sizeType: ['compressed'] });
  const sheet = page.locator('[data-ft-sheet="chooseImage"]');
  await sheet.locator('button[data-action="choose"]').waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), sheet.locator('button[data-action="choose"]').click()]);
  // A real photo's type can be wrong or missing: the real type comes from the bytes.
  await chooser.setFiles([file('photo.png', big, 'application/octet-stream')]);
  const r = await choice();
  expect(r.errMsg).toBe('chooseImage:ok');
  expect(r.tempFiles[0].size).toBeLessThan(big.length);
  expect(await sheet.count()).toBe(0);
  const local = await page.evaluate(async (path) => (await ft.getLocalImgData({ path })).localData.slice(0, 23), r.tempFilePaths[0]);
  expect(local).toBe('data:image/jpeg;base64,');
});

test("cancelling the sheet or the picker fails with 'chooseImage:fail cancel'", async () => {
  await chooseWithoutGesture({});
  await page.locator('[data-ft-sheet="chooseImage"]').locator('button[data-action="cancel"]').click();
  expect(await choice()).toEqual({ errMsg: 'chooseImage:fail cancel' });

  await chooseInGesture({});
  await page.evaluate(() => document.querySelector('[data-ft-picker]').dispatchEvent(new Event('cancel')));
  expect(await choice()).toEqual({ errMsg: 'chooseImage:fail cancel' });
});

test('bad arguments fail before any picker; getLocalImgData of a non-image fails', async () => {
  const r = await page.evaluate(async () => ({
    count: (await ft.chooseImage({ count: '2' }).catch((e) => e)).errMsg,
    size: (await ft.chooseImage({ sizeType: 'compressed' }).catch((e) => e)).errMsg,
    path: (await ft.getLocalImgData({}).catch((e) => e)).errMsg,
    sheets: document.querySelectorAll('[data-ft-sheet]').length,
  }));
  expect(r).toEqual({
    count: 'chooseImage:fail parameter error: parameter.count should be Number instead of String',
    size: 'chooseImage:fail parameter error: parameter.sizeType should be Array instead of String',
    path: 'getLocalImgData:fail parameter error: parameter.path should be String instead of Undefined',
    sheets: 0,
  });
  expect(page.errors).toEqual([]);
});
