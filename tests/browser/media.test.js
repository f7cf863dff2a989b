// ft.chooseImage through Playwright's file chooser (with and without a user gesture, count 1 and
// the camera, compression, cancel) and ft.getLocalImgData (behaviour.md §5.5, §5.6), in Chromium:
// they answer the chooser the picker opens, and only Playwright hands it over with its attributes.
import { useChromium } from '../helpers/browser.js';
import { makePng } from '../helpers/device-server.js';

const suite = useChromium();
/** @type {import('playwright-core').Page & { errors: string[] }} */ let page;

const small = makePng(40, 30);
const big = makePng(640, 480, true);
/** @param {string} name @param {Buffer} buffer @param {string} [mimeType] */
const file = (name, buffer, mimeType = 'image/png') => ({ name, mimeType, buffer });

beforeAll(async () => {
  // A call with no gesture at all is made from the load event of a fresh page (#choose=<options>).
  await suite.context.addInitScript(() => {
    const m = location.hash.match(/^#choose=(.*)$/);
    if (m) addEventListener('load', () => { window.__choice = ft.chooseImage(JSON.parse(decodeURIComponent(m[1]))).catch((e) => e); });
  });
  page = await suite.open({ appId: 'media' });
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
  await page.goto(`${suite.pageUrl({ appId: 'media' })}#choose=${encodeURIComponent(JSON.stringify(options))}`);
  await page.reload();
}

// The file chooser Playwright hands over (its multiple and accept attributes) is Chromium's alone;
// the picked files, count, tempFiles and getLocalImgData run in every engine
// (tests/engines/cases/device.js), as do the argument checks.
test('inside a gesture the picker opens at once, for several image files', async () => {
  const chooser = await chooseInGesture({ count: 2, sizeType: ['original'] });
  expect(chooser.isMultiple()).toBe(true);
  expect(await chooser.element().getAttribute('accept')).toBe('image/*');
  await chooser.setFiles([file('a.png', small), file('b.png', small)]);
  await page.waitForFunction(() => window.__choice);
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
  // The marker element covers the page as the sheet does: Playwright's toBeVisible() sees it.
  expect(await sheet.isVisible()).toBe(true);
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

test("a driver's script evaluation is no gesture the page saw: chooseImage from page.evaluate asks with the sheet, and no picker opens that nobody answers", async () => {
  // Playwright runs evaluate() as a user gesture (the browser's transient activation), with no
  // input event reaching the page.
  await page.goto(suite.pageUrl({ appId: 'media' }));
  expect(await page.evaluate(() => { window.__choice = ft.chooseImage({}).catch((e) => e); return navigator.userActivation.isActive; })).toBe(true);
  const sheet = page.locator('[data-ft-sheet="chooseImage"]');
  await sheet.locator('button[data-action="cancel"]').click();
  expect(await choice()).toEqual({ errMsg: 'chooseImage:fail cancel' });
  expect(await page.locator('[data-ft-picker]').count()).toBe(0);
});
