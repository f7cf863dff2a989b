// H5 code of the shapes written for FinClip hosts, unchanged, in every engine
// (tests/pages/real-clients/): a multi-host bridge that probes wx, my, swan, tt, qq and then ft;
// an environment detector; and no other host's globals, ever (§1.7, §1.9).

const PAGE = '/tests/pages/real-clients/page.html';
const FOREIGN = ['wx', 'my', 'swan', 'tt', 'qq', '__wxjs_environment', 'WeixinJSBridge'];

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'the multi-host bridge takes the ft branch: navigateTo lands on the app page, its postMessage reaches the host at back',
    async run(browser) {
      const page = await browser.open(browser.url(PAGE));
      const seen = await page.evaluate(async () => {
        const w = /** @type {any} */ (window);
        /** @type {any[]} */ const messages = [];
        ftHost.on('message', (/** @type {any} */ e) => messages.push(e.detail.data));
        const urls = () => ftHost.stack().map((p) => p.url);
        /** @type {Record<string, any>} */ const out = { host: w.MiniBridge.hostName() };
        w.MiniBridge.postMessage({ order: 42, paid: true });
        out.navigate = await new Promise((resolve) => w.MiniBridge.navigateTo('/pages/order/detail?id=42', resolve));
        out.stack = urls();
        // Back to the web-view page: nothing is delivered yet (it is still open)...
        await ftHost.back();
        out.afterFirstBack = { stack: urls(), messages: messages.slice() };
        // ...then back out of it: the host gets everything the page posted.
        await ftHost.back();
        out.afterSecondBack = { stack: urls(), messages };
        return out;
      });
      expect(seen).toEqual({
        host: 'ft',
        navigate: 'ft: ok',
        stack: ['pages/index/index', 'pages/webview/index', 'pages/order/detail?id=42'],
        afterFirstBack: { stack: ['pages/index/index', 'pages/webview/index'], messages: [] },
        afterSecondBack: { stack: ['pages/index/index'], messages: [[{ order: 42, paid: true }]] },
      });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'the environment detector says "FinClip mini-program" both from __fcjs_environment at start and from getEnv',
    async run(browser) {
      const page = await browser.open(browser.url(PAGE));
      const detected = await page.waitFor(() => {
        const d = /** @type {any} */ (window).detectedEnv;
        return d && d.fromGetEnv !== null ? d : null;
      });
      expect(detected).toEqual({ atStart: 'FinClip mini-program', fromGetEnv: 'FinClip mini-program' });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: "no other host's globals (wx, my, swan, tt, qq, __wxjs_environment, WeixinJSBridge), before and after every call",
    async run(browser) {
      const page = await browser.open(browser.url(PAGE));
      const seen = await page.evaluate(async () => {
        const w = /** @type {any} */ (window);
        /** @type {Array<[string, () => Promise<unknown>]>} */
        const calls = [
          ['getEnv', () => ft.miniProgram.getEnv()],
          ['setStorage', () => ft.setStorage({ key: 'k', data: 1 })],
          ['getStorage', () => ft.getStorage({ key: 'k' })],
          ['getAppletInfo', () => ft.getAppletInfo()],
          ['callNativeAPI', () => new Promise((resolve) => ft.callNativeAPI('track', {}, resolve))],
          ['sendWebviewEvent', async () => ft.miniProgram.sendWebviewEvent({ a: 1 })],
          ['navigateTo', () => ft.miniProgram.navigateTo({ url: '/pages/order/detail' })],
          ['MiniBridge.postMessage', async () => w.MiniBridge.postMessage({ a: 1 })],
          ['ftHost.back', () => ftHost.back()],
        ];
        for (const [name, call] of calls) {
          w.checkForeignGlobals(`before ${name}`);
          await call().catch(() => undefined);
          w.checkForeignGlobals(`after ${name}`);
        }
        await ftHost.ready;
        w.checkForeignGlobals('after ready');
        return w.foreignGlobalsSeen;
      });
      // The probe ran at every point it was asked to, and found none of them at any.
      expect(seen.map((/** @type {any} */ s) => s.label)).toEqual(expect.arrayContaining(['before the SDK', 'after the SDK', 'after the clients', 'before setStorage', 'after ftHost.back', 'after ready']));
      expect(seen.filter((/** @type {any} */ s) => s.present.length)).toEqual([]);
      // And the probe sees a global that is there (it cannot pass by looking at nothing).
      expect(await page.evaluate((names) => { /** @type {any} */ (window).wx = {}; return names.filter((n) => n in window); }, FOREIGN)).toEqual(['wx']);
      expect(await page.errors()).toEqual([]);
    },
  },
];
