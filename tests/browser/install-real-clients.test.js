// H5 code of the shapes written for FinClip hosts, run unchanged on ft-polyfill
// (tests/pages/real-clients/): a multi-host bridge that probes wx, my, swan, tt, qq and then ft
// inside try blocks; an environment detector that reads window.__fcjs_environment at script start
// and getEnv with a 500 ms timeout fallback; and no other host's globals, ever (§1.7, §1.9).
// Standard DOM only, so any engine can run them.
import { useChromium, newPage } from '../helpers/browser.js';

const suite = useChromium();
const FOREIGN = ['wx', 'my', 'swan', 'tt', 'qq', '__wxjs_environment', 'WeixinJSBridge'];

/** A fresh page on the client page; the caller closes the context. */
async function openClientPage() {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  await page.goto(`${suite.server.url}/tests/pages/real-clients/page.html`);
  return { context, page };
}

test('the multi-host bridge takes the ft branch: navigateTo lands on the app page, postMessage reaches the host at back', async () => {
  const { context, page } = await openClientPage();
  const seen = await page.evaluate(async () => {
    const w = /** @type {any} */ (window);
    /** @type {any[]} */
    const messages = [];
    w.ftHost.on('message', (/** @type {any} */ e) => messages.push(e.detail.data));
    const out = /** @type {Record<string, any>} */ ({ host: w.MiniBridge.hostName() });
    w.checkForeignGlobals('before postMessage');
    w.MiniBridge.postMessage({ order: 42, paid: true });
    w.checkForeignGlobals('after postMessage');
    w.checkForeignGlobals('before navigateTo');
    out.navigate = await new Promise((resolve) => w.MiniBridge.navigateTo('/pages/order/detail?id=42', resolve));
    w.checkForeignGlobals('after navigateTo');
    out.stack = w.ftHost.stack().map((/** @type {any} */ p) => p.url);
    // The person goes back to the web-view page: nothing is delivered yet (it is still open)...
    await w.ftHost.back();
    out.afterFirstBack = { stack: w.ftHost.stack().map((/** @type {any} */ p) => p.url), messages: messages.slice() };
    // ...then back out of it: the host gets everything the page posted.
    await w.ftHost.back();
    w.checkForeignGlobals('after back');
    out.afterSecondBack = { stack: w.ftHost.stack().map((/** @type {any} */ p) => p.url), messages };
    return out;
  });
  expect(seen).toEqual({
    host: 'ft',
    navigate: 'ft: ok',
    stack: ['pages/index/index', 'pages/webview/index', 'pages/order/detail?id=42'],
    afterFirstBack: { stack: ['pages/index/index', 'pages/webview/index'], messages: [] },
    afterSecondBack: { stack: ['pages/index/index'], messages: [[{ order: 42, paid: true }]] },
  });
  expect(page.errors).toEqual([]);
  await context.close();
});

test('the environment detector says "FinClip mini-program" both from __fcjs_environment at start and from getEnv', async () => {
  const { context, page } = await openClientPage();
  await page.waitForFunction(() => /** @type {any} */ (window).detectedEnv.fromGetEnv !== null);
  expect(await page.evaluate(() => /** @type {any} */ (window).detectedEnv)).toEqual({ atStart: 'FinClip mini-program', fromGetEnv: 'FinClip mini-program' });
  expect(page.errors).toEqual([]);
  await context.close();
});

test("no other host's globals are defined, before and after every call", async () => {
  const { context, page } = await openClientPage();
  const seen = await page.evaluate(async () => {
    const w = /** @type {any} */ (window);
    const ft = w.ft;
    /** @type {Array<[string, () => Promise<unknown>]>} */
    const calls = [
      ['getEnv', () => ft.miniProgram.getEnv()],
      ['setStorage', () => ft.setStorage({ key: 'k', data: 1 })],
      ['getStorage', () => ft.getStorage({ key: 'k' })],
      ['getAppletInfo', () => ft.getAppletInfo()],
      ['callNativeAPI', () => new Promise((resolve) => ft.callNativeAPI('track', {}, resolve))],
      ['sendWebviewEvent', async () => ft.miniProgram.sendWebviewEvent({ a: 1 })],
      ['navigateTo', () => ft.miniProgram.navigateTo({ url: '/pages/order/detail' })],
      ['ftHost.back', () => w.ftHost.back()],
    ];
    for (const [name, call] of calls) {
      w.checkForeignGlobals(`before ${name}`);
      await call().catch(() => undefined);
      w.checkForeignGlobals(`after ${name}`);
    }
    await w.ftHost.ready;
    w.checkForeignGlobals('after ready');
    return w.foreignGlobalsSeen;
  });
  // The probe ran at every point it was asked to, and found none of them at any.
  expect(seen.map((/** @type {any} */ s) => s.label)).toEqual(expect.arrayContaining(['before the SDK', 'after the SDK', 'after the clients', 'before setStorage', 'after ftHost.back', 'after ready']));
  expect(seen.filter((/** @type {any} */ s) => s.present.length)).toEqual([]);
  // And the probe sees a global that is there (it cannot pass by looking at nothing).
  expect(await page.evaluate((names) => { /** @type {any} */ (window).wx = {}; return names.filter((n) => n in window); }, FOREIGN)).toEqual(['wx']);
  expect(page.errors).toEqual([]);
  await context.close();
});
