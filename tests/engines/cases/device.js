// Location, images and the host's sheets in every engine (behaviour.md §5.5-5.8). Where the
// driver cannot give a position or answer a file chooser (tests/engines/limits.js), the same
// assertions run against ftHost.mock's answer instead.
import { makePng } from '../../helpers/device-server.js';
import { gcj02 } from '../../helpers/gcj02.js';

const small = makePng(40, 30);

/**
 * Once the host's sheet `sheet` is up (a shadow root), clicks its button `action` in the page and
 * resolves with what the page's call (kept in window[result]) settled with.
 * @param {any} page @param {{ sheet: string, action: string, result: string }} what
 */
const answerSheet = (page, what) => page.waitFor(async (/** @type {{ sheet: string, action: string, result: string }} */ { sheet, action, result }) => {
  const button = /** @type {HTMLButtonElement | null | undefined} */ (document.querySelector(`[data-ft-sheet="${sheet}"]`)?.shadowRoot?.querySelector(`button[data-action="${action}"]`));
  if (!button) return null;
  button.click();
  return /** @type {any} */ (window)[result];
}, what);

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'getLocation gives the fix in wgs84, the standard transform in gcj02 inside China, the fix unchanged outside (§5.7)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-location' }));
      const beijing = { latitude: 39.90872, longitude: 116.39748, accuracy: 15 };
      const paris = { latitude: 48.8584, longitude: 2.2945, accuracy: 30 };
      /** @param {typeof beijing} fix */
      const setFix = async (fix) => {
        if (browser.can('geolocation')) await page.setGeolocation(fix);
        else await page.evaluate((f) => ftHost.mock('getLocation', f), fix);
      };
      await setFix(beijing);
      // One call per evaluate: Chromium's emulated position answers a second getCurrentPosition made
      // in the same evaluate only by timing out (navigator.geolocation itself, not the polyfill).
      const r = {
        wgs: await page.evaluate(() => ft.getLocation().catch((e) => e)),
        gcj: await page.evaluate(() => ft.getLocation({ type: 'gcj02' }).catch((e) => e)),
        bad: await page.evaluate(async () => (await ft.getLocation({ type: 'bd09' }).catch((e) => e)).errMsg),
      };
      expect(r.wgs).toMatchObject({ errMsg: 'getLocation:ok', latitude: beijing.latitude, longitude: beijing.longitude, accuracy: 15, speed: 0 });
      const expected = gcj02(beijing.latitude, beijing.longitude);
      expect(r.gcj.errMsg).toBe('getLocation:ok');
      expect(Math.abs(r.gcj.latitude - expected.latitude)).toBeLessThan(1e-9);
      expect(Math.abs(r.gcj.longitude - expected.longitude)).toBeLessThan(1e-9);
      // The offset in Beijing is a few hundred metres, not zero.
      expect(Math.abs(r.gcj.longitude - beijing.longitude)).toBeGreaterThan(0.003);
      expect(r.bad).toMatch(/^getLocation:fail parameter error: parameter\.type/);
      await setFix(paris);
      const outside = await page.evaluate(() => ft.getLocation({ type: 'gcj02' }));
      expect([outside.latitude, outside.longitude]).toEqual([paris.latitude, paris.longitude]);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'a permission prompt nobody answers fails once with getLocation:fail timeout after locationTimeout; the late answer is ignored (§5.7)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-location-timeout', locationTimeout: 200 }));
      const out = await page.evaluate(async () => {
        // A page-level stand-in for the prompt (the polyfill reads navigator.geolocation per call):
        // the request is kept and never answered until the case answers it late, both ways.
        /** @type {any[]} */ const requests = [];
        Object.defineProperty(navigator, 'geolocation', {
          configurable: true,
          value: { getCurrentPosition: (/** @type {any} */ success, /** @type {any} */ error, /** @type {any} */ options) => requests.push({ success, error, options }) },
        });
        /** @type {string[]} */ const seen = [];
        await new Promise((resolve) => ft.getLocation({
          success: (x) => seen.push(`success ${x.errMsg}`),
          fail: (x) => seen.push(`fail ${x.errMsg}`),
          complete: (x) => { seen.push(`complete ${x.errMsg}`); resolve(undefined); },
        }));
        const request = requests[0];
        request.success({ coords: { latitude: 31.2, longitude: 121.5, accuracy: 5, altitude: null, altitudeAccuracy: null, speed: null }, timestamp: Date.now() });
        request.error({ code: 1, message: 'User denied Geolocation' });
        await new Promise((resolve) => setTimeout(resolve, 50));
        return {
          seen, requests: requests.length, limit: request.options && request.options.timeout,
          log: ftHost.calls().filter((c) => c.api === 'getLocation').map((c) => c.result.errMsg),
        };
      });
      expect(out).toEqual({
        seen: ['fail getLocation:fail timeout', 'complete getLocation:fail timeout'],
        requests: 1, limit: 200, log: ['getLocation:fail timeout'],
      });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'chooseImage from a click: count is enforced, tempFiles give sizes in bytes, the result shows in <img> and getLocalImgData (§5.5, §5.6)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-media' }));
      await page.evaluate(() => {
        const b = document.createElement('button');
        b.id = 'pick';
        b.textContent = 'pick';
        b.onclick = () => { /** @type {any} */ (window).__choice = ft.chooseImage({ count: 2, sizeType: ['original'] }).catch((e) => e); };
        document.body.appendChild(b);
      });
      const files = ['a.png', 'b.png', 'c.png'].map((name) => ({ name, mimeType: 'image/png', buffer: small }));
      if (browser.can('fileChooser')) {
        await page.chooseFiles('#pick', files);
      } else {
        await page.evaluate((b64) => ftHost.mock('chooseImage', { files: ['a.png', 'b.png', 'c.png'].map((name) => ({ name, type: 'image/png', data: b64 })) }), small.toString('base64'));
        await page.click('#pick');
      }
      const r = await page.waitFor(() => /** @type {any} */ (window).__choice);
      expect(r.errMsg).toBe('chooseImage:ok');
      expect(r.tempFilePaths).toHaveLength(2);
      expect(r.tempFiles).toEqual(r.tempFilePaths.map((/** @type {string} */ path) => ({ path, size: small.length })));
      const shown = await page.evaluate(async (path) => {
        const img = new Image();
        img.src = path;
        await img.decode();
        return [img.naturalWidth, (await ft.getLocalImgData({ path })).localData];
      }, r.tempFilePaths[0]);
      expect(shown).toEqual([40, `data:image/png;base64,${small.toString('base64')}`]);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: "file reads never go through the page's fetch: with a fetch that refuses every request (MSW's onUnhandledRequest: 'error'), getLocalImgData of a mocked chooseImage and downloadFile gives their bytes (§5.4-5.6)",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-media' }));
      const b64 = small.toString('base64');
      const r = await page.evaluate(async (png) => {
        window.fetch = () => Promise.reject(new TypeError('unhandled request'));
        const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
        ftHost.mock('chooseImage', { files: [{ name: 'a.png', type: 'image/png', data: png }] });
        ftHost.mock('downloadFile', { data: bytes, type: 'image/png' });
        const chosen = (await ft.chooseImage({ count: 1, sizeType: ['original'] })).tempFilePaths[0];
        const downloaded = (await ft.downloadFile({ url: 'https://shop.example/a.png' })).tempFilePath;
        return [(await ft.getLocalImgData({ path: chosen })).localData, (await ft.getLocalImgData({ path: downloaded })).localData];
      }, b64);
      expect(r).toEqual([`data:image/png;base64,${b64}`, `data:image/png;base64,${b64}`]);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'chooseImage: a count above 9 is 9, with a choose-image-count device check; 0 is 9 (§5.5, §1.15)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-media' }));
      const r = await page.evaluate(async (b64) => {
        ftHost.mock('chooseImage', { files: Array.from({ length: 12 }, (_, i) => ({ name: `${i}.png`, type: 'image/png', data: b64 })) });
        const none = (await ft.chooseImage({ count: 9 })).tempFilePaths.length;
        const quiet = ftHost.warnings().length;
        const above = (await ft.chooseImage({ count: 12 })).tempFilePaths.length;
        const zero = (await ft.chooseImage({ count: 0 })).tempFilePaths.length;
        return { none, quiet, above, zero, warnings: ftHost.warnings().map((/** @type {any} */ w) => [w.kind, w.api, w.message]) };
      }, small.toString('base64'));
      expect(r).toEqual({
        none: 9, quiet: 0, above: 9, zero: 9,
        warnings: [['choose-image-count', 'chooseImage', 'a device takes a count above 9 as 9; pass 1 to 9']],
      });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'chooseImage and getLocalImgData check their arguments before any picker; several wrong ones are concatenated (§1.5)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-media' }));
      const r = await page.evaluate(async () => ({
        count: (await ft.chooseImage({ count: '2' }).catch((e) => e)).errMsg,
        size: (await ft.chooseImage({ sizeType: 'compressed' }).catch((e) => e)).errMsg,
        both: (await ft.chooseImage({ count: '2', sourceType: 'album' }).catch((e) => e)).errMsg,
        path: (await ft.getLocalImgData({}).catch((e) => e)).errMsg,
        sheets: document.querySelectorAll('[data-ft-sheet],[data-ft-picker]').length,
      }));
      expect(r).toEqual({
        count: 'chooseImage:fail parameter error: parameter.count should be Number instead of String;',
        size: 'chooseImage:fail parameter error: parameter.sizeType should be Array instead of String;',
        both: 'chooseImage:fail parameter error: parameter.count should be Number instead of String;parameter.sourceType should be Array instead of String;',
        path: 'getLocalImgData:fail parameter error: parameter.path should be String instead of Undefined;',
        sheets: 0,
      });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: "chooseImage from the driver's script (no input the page saw, whatever activation the driver grants) asks with the host's sheet; Cancel fails (§5.5)",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-sheet' }));
      await page.evaluate(() => { /** @type {any} */ (window).__choice = ft.chooseImage({}).catch((e) => e); });
      const cancelled = await answerSheet(page, { sheet: 'chooseImage', action: 'cancel', result: '__choice' });
      expect(cancelled).toEqual({ errMsg: 'chooseImage:fail cancel' });
      expect(await page.evaluate(() => document.querySelectorAll('[data-ft-picker]').length)).toBe(0);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: "chooseLocation: the host's form (a shadow-root sheet) is prefilled, refuses a bad latitude, gives the place; Cancel fails (§5.8)",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-place' }));
      await page.evaluate(() => { /** @type {any} */ (window).__place = ft.chooseLocation({ latitude: 31.2304, longitude: 121.4737 }).catch((e) => e); });
      const form = await page.waitFor(() => {
        const root = document.querySelector('[data-ft-sheet="chooseLocation"]')?.shadowRoot;
        const input = (/** @type {string} */ name) => /** @type {HTMLInputElement | null} */ (root?.querySelector(`input[name="${name}"]`));
        return input('latitude') && { latitude: input('latitude')?.value, longitude: input('longitude')?.value };
      });
      expect(form).toEqual({ latitude: '31.2304', longitude: '121.4737' });
      const refused = await page.evaluate(async () => {
        const root = /** @type {ShadowRoot} */ (document.querySelector('[data-ft-sheet="chooseLocation"]')?.shadowRoot);
        const set = (/** @type {string} */ name, /** @type {string} */ value) => { /** @type {HTMLInputElement} */ (root.querySelector(`input[name="${name}"]`)).value = value; };
        set('name', 'The Bund <b>');
        set('address', 'Zhongshan East 1st Rd, Shanghai');
        set('latitude', '95');
        /** @type {HTMLButtonElement} */ (root.querySelector('button[data-action="ok"]')).click();
        const reason = root.querySelector('.error')?.textContent;
        set('latitude', '31.24');
        /** @type {HTMLButtonElement} */ (root.querySelector('button[data-action="ok"]')).click();
        return { reason, place: await /** @type {any} */ (window).__place, open: document.querySelectorAll('[data-ft-sheet]').length };
      });
      expect(refused.reason).toMatch(/latitude/);
      expect(refused.place).toEqual({ errMsg: 'chooseLocation:ok', name: 'The Bund <b>', address: 'Zhongshan East 1st Rd, Shanghai', latitude: 31.24, longitude: 121.4737 });
      expect(refused.open).toBe(0);
      await page.evaluate(() => { /** @type {any} */ (window).__place = ft.chooseLocation({}).catch((e) => e); });
      const cancelled = await answerSheet(page, { sheet: 'chooseLocation', action: 'cancel', result: '__place' });
      expect(cancelled).toEqual({ errMsg: 'chooseLocation:fail cancel' });
      const bad = await page.evaluate(async () => (await ft.chooseLocation({ latitude: 200 }).catch((e) => e)).errMsg);
      expect(bad).toMatch(/^chooseLocation:fail parameter error: parameter\.latitude/);
      expect(await page.errors()).toEqual([]);
    },
  },
];
