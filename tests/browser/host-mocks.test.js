// ftHost.mock / unmock: the host answers the device interfaces without the browser; argument
// checks still run first and errMsg is built as usual.
import { useChromium } from '../helpers/browser.js';
import { makePng } from '../helpers/device-server.js';

const suite = useChromium();
/** @type {import('playwright-core').Page & { errors: string[] }} */ let page;

const png = makePng(20, 10);

beforeAll(async () => {
  page = await suite.open({ appId: 'mocks' });
});

test('getLocation: the mock is the device fix, converted by the core; fail answers and Promises', async () => {
  const r = await page.evaluate(async () => {
    ftHost.mock('getLocation', { latitude: 39.90872, longitude: 116.39748, accuracy: 5 });
    const wgs = await ft.getLocation();
    const gcj = await ft.getLocation({ type: 'gcj02' });
    ftHost.mock('getLocation', () => Promise.resolve({ fail: 'auth deny' }));
    const denied = await ft.getLocation().catch((e) => e);
    const badArg = await ft.getLocation({ type: 1 }).catch((e) => e);
    return { wgs, gcj: [gcj.latitude !== wgs.latitude, gcj.longitude !== wgs.longitude], denied, badArg: badArg.errMsg, mocked: ftHost.mocked() };
  });
  expect(r.wgs).toEqual({ errMsg: 'getLocation:ok', latitude: 39.90872, longitude: 116.39748, speed: 0, accuracy: 5, horizontalAccuracy: 5, verticalAccuracy: 0 });
  expect(r.gcj).toEqual([true, true]);
  expect(r.denied).toEqual({ errMsg: 'getLocation:fail auth deny' });
  expect(r.badArg).toBe('getLocation:fail parameter error: parameter.type should be String instead of Number;');
  expect(r.mocked).toEqual(['getLocation']);
});

test('request and downloadFile: no network; the mock sees the checked options; data is stored like a download', async () => {
  const r = await page.evaluate(async (b64) => {
    /** @type {any[]} */ const seen = [];
    ftHost.mock('request', (o) => { seen.push([o.url, o.method, o.dataType]); return { statusCode: 201, data: { id: 7 }, header: { 'x-mock': '1' } }; });
    const res = await ft.request({ url: 'https://api.example.invalid/items', method: 'POST', data: { a: 1 } });
    const badMethod = await ft.request({ url: 'https://api.example.invalid/', method: 'FETCH' }).catch((e) => e);
    ftHost.mock('downloadFile', { data: Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)), type: 'application/octet-stream' });
    const dl = await ft.downloadFile({ url: 'https://cdn.example.invalid/x.png' });
    const local = await ft.getLocalImgData({ path: dl.tempFilePath });
    ftHost.mock('downloadFile', { fail: 'net::ERR_NAME_NOT_RESOLVED' });
    const failed = await ft.downloadFile({ url: 'https://cdn.example.invalid/y.png' }).catch((e) => e);
    return { res, seen, badMethod: badMethod.errMsg, dl: [dl.errMsg, dl.statusCode, dl.tempFilePath.startsWith('blob:')], local: local.localData.slice(0, 22), failed };
  }, png.toString('base64'));
  expect(r.res).toEqual({ errMsg: 'request:ok', statusCode: 201, data: { id: 7 }, header: { 'x-mock': '1' } });
  expect(r.seen).toEqual([['https://api.example.invalid/items', 'POST', 'json']]);
  expect(r.badMethod).toMatch(/^request:fail parameter error: invalid method/);
  expect(r.dl).toEqual(['downloadFile:ok', 200, true]);
  expect(r.local).toBe('data:image/png;base64,');
  expect(r.failed).toEqual({ errMsg: 'downloadFile:fail net::ERR_NAME_NOT_RESOLVED' });
});

test('chooseImage: mocked files go through count and type detection, with no sheet or picker', async () => {
  const r = await page.evaluate(async (b64) => {
    const f = { name: 'shot.bin', type: '', data: b64 };
    ftHost.mock('chooseImage', { files: [f, f, f] });
    const two = await ft.chooseImage({ count: 2 });
    const local = await ft.getLocalImgData({ path: two.tempFilePaths[0] });
    ftHost.mock('chooseImage', { fail: 'cancel' });
    const cancel = await ft.chooseImage({}).catch((e) => e);
    return { n: two.tempFilePaths.length, sizes: two.tempFiles.map((t) => t.size), local: local.localData.slice(0, 22), cancel, sheets: document.querySelectorAll('[data-ft-sheet],[data-ft-picker]').length };
  }, png.toString('base64'));
  expect(r).toEqual({ n: 2, sizes: [png.length, png.length], local: 'data:image/png;base64,', cancel: { errMsg: 'chooseImage:fail cancel' }, sheets: 0 });
});

test('chooseLocation and openDocument answer as mocked; unmock and configure restore the browser', async () => {
  const r = await page.evaluate(async () => {
    ftHost.mock('chooseLocation', { name: 'Mock place', address: 'Nowhere 1', latitude: 1, longitude: 2 });
    ftHost.mock('ft.openDocument', {});
    const place = await ft.chooseLocation({});
    const doc = await ft.openDocument({ filePath: 'whatever.pdf' });
    const badType = await ft.openDocument({ filePath: 'a.txt', fileType: 'txt' }).catch((e) => e);
    const rejected = [ftHost.mock('getStorage', {}), ftHost.mock('request', 5)];
    ftHost.unmock('openDocument');
    const real = await ft.openDocument({ filePath: 'whatever.pdf' }).catch((e) => e);
    const before = ftHost.mocked().sort();
    await ftHost.configure({ appId: 'mocks' });
    return { place, doc, badType: badType.errMsg, rejected, real, before, after: ftHost.mocked() };
  });
  expect(r.place).toEqual({ errMsg: 'chooseLocation:ok', name: 'Mock place', address: 'Nowhere 1', latitude: 1, longitude: 2 });
  expect(r.doc).toEqual({ errMsg: 'openDocument:ok' });
  // The type rule is the device's (§5.4): a mock stands in for the file, not for it.
  expect(r.badType).toBe('openDocument:fail filetype not supported');
  expect(r.rejected).toEqual([false, false]);
  expect(r.real).toEqual({ errMsg: 'openDocument:fail file not found' });
  expect(r.before).toEqual(['chooseImage', 'chooseLocation', 'downloadFile', 'getLocation', 'request']);
  expect(r.after).toEqual([]);
  expect(page.errors).toEqual([]);
});
