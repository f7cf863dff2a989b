// The native bridge in every engine (behaviour.md §4.4, §4.5) and quiet fire-and-forget
// failures (§1.4: the scenarios of tests/helpers/unobserved-failures.js, imported into the page).
import { CONFIG, IGNORED_EXPECTED } from '../../helpers/unobserved-failures.js';

/**
 * Runs a scenario of tests/helpers/unobserved-failures.js in the page; resolves with its value and
 * every unhandledrejection event the page saw meanwhile (even one handled later).
 * @param {import('../../helpers/engines.js').EnginePage} page @param {string} name
 */
async function scenario(page, name) {
  return page.evaluate(async (name) => {
    /** @type {string[]} */ const unhandled = [];
    addEventListener('unhandledrejection', (e) => unhandled.push(JSON.stringify(e.reason) ?? String(e.reason)));
    const scenarios = await import('/tests/helpers/unobserved-failures.js');
    const value = await /** @type {any} */ (scenarios)[name]({ ft, ftHost });
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 20));
    return { value, unhandled };
  }, name);
}

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'callNativeAPI without a host handler fails once; with one it answers; a throwing handler fails with its message (§4.4)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl());
      const out = await page.evaluate(async () => {
        /** @type {any[]} */ const calls = [];
        const missing = await new Promise((resolve) => ft.callNativeAPI('scan', { a: 1 }, (/** @type {any} */ r) => { calls.push(r); resolve(r); }));
        const missingPromise = await ft.callNativeAPI('scan', {}).catch((e) => e);
        await ftHost.registerNativeAPI('scan', async (/** @type {any} */ data) => ({ code: `got ${data.a}` }));
        const found = await new Promise((resolve) => ft.callNativeAPI('scan', { a: 1 }, resolve));
        await ftHost.registerNativeAPI('plain', () => 42);
        const plain = await ft.callNativeAPI('plain', {});
        await ftHost.registerNativeAPI('broken', () => { throw new Error('scanner jammed'); });
        const broken = await ft.callNativeAPI('broken', {}).catch((e) => e);
        await ftHost.unregisterNativeAPI('scan');
        const gone = await ft.callNativeAPI('scan').catch((e) => e.errMsg);
        await new Promise((r) => setTimeout(r, 20));
        return { missing, missingPromise, found, plain, broken, gone, callbacks: calls.length };
      });
      expect(out.missing).toEqual({ errMsg: 'callNativeAPI:fail api scan not found' });
      expect(out.missingPromise).toEqual({ errMsg: 'callNativeAPI:fail api scan not found' });
      expect(out.found).toEqual({ code: 'got 1', errMsg: 'callNativeAPI:ok' });
      expect(out.plain).toEqual({ data: 42, errMsg: 'callNativeAPI:ok' });
      expect(out.broken.errMsg).toMatch(/^callNativeAPI:fail .*scanner jammed/);
      expect(out.gone).toBe('callNativeAPI:fail api scan not found');
      expect(out.callbacks).toBe(1);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'ftHost.callJS: onNativeAPIHandler handlers run in order, the first defined value answers; registNativeAPIHandler holds one (§4.5)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl());
      const out = await page.evaluate(async () => {
        const noHandler = await ftHost.callJS('getCart', {}).catch((/** @type {Error} */ e) => e.message);
        /** @type {string[]} */ const order = [];
        const skip = () => { order.push('skip'); return undefined; };
        const answer = (/** @type {any} */ p) => { order.push('answer'); return { items: p.n }; };
        ft.onNativeAPIHandler('getCart', skip);
        ft.onNativeAPIHandler('getCart', answer);
        ft.registNativeAPIHandler('getCart', () => 'regist');
        const first = await ftHost.callJS('getCart', { n: 3 });
        ft.offNativeAPIHandler('getCart', answer);
        const second = await ftHost.callJS('getCart', { n: 4 });
        ft.registNativeAPIHandler('getCart', () => Promise.resolve('replaced'));
        ft.offNativeAPIHandler('getCart');
        const third = await ftHost.callJS('getCart', {});
        return { noHandler, first, second, third, order };
      });
      expect(out).toEqual({
        noHandler: 'handler getCart not found',
        first: { items: 3 },
        second: 'regist',
        third: 'replaced',
        // offNativeAPIHandler(name) removes the onNativeAPIHandler ones, never the regist one.
        order: ['skip', 'answer', 'skip'],
      });
    },
  },
  {
    name: 'ftHost.callJS runs every handler of a name in order with the params; a Promise counts by what it resolves to (undefined lets the next answer, 0 answers) (§4.5)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl());
      const out = await page.evaluate(async () => {
        const later = (/** @type {unknown} */ value) => new Promise((resolve) => setTimeout(() => resolve(value), 5));
        /** @type {any[]} */ const ran = [];
        ft.onNativeAPIHandler('getCart', (/** @type {any} */ p) => { ran.push(['async-undefined', p]); return later(undefined); });
        ft.onNativeAPIHandler('getCart', (/** @type {any} */ p) => { ran.push(['two', p]); return 'two'; });
        ft.onNativeAPIHandler('getCart', (/** @type {any} */ p) => { ran.push(['three', p]); return 'three'; });
        ft.registNativeAPIHandler('getCart', (/** @type {any} */ p) => { ran.push(['regist', p]); return 'regist'; });
        const getCart = await ftHost.callJS('getCart', { n: 3 });
        ft.onNativeAPIHandler('pay', () => later({ paid: 1 }));
        ft.onNativeAPIHandler('pay', () => ({ paid: 2 }));
        const pay = await ftHost.callJS('pay', {});
        ft.onNativeAPIHandler('falsy', () => undefined);
        ft.onNativeAPIHandler('falsy', () => later(0));
        ft.onNativeAPIHandler('falsy', () => 'never');
        const falsy = await ftHost.callJS('falsy');
        ft.registNativeAPIHandler('scan', () => later('regist'));
        ft.onNativeAPIHandler('scan', () => undefined);
        ft.onNativeAPIHandler('scan', () => Promise.resolve(undefined));
        const scan = await ftHost.callJS('scan');
        ft.registNativeAPIHandler('scan', () => undefined);
        const scanUndefined = await ftHost.callJS('scan');
        return { getCart, ran, pay, falsy, scan, scanUndefined: scanUndefined === undefined ? 'undefined' : scanUndefined };
      });
      expect(out).toEqual({
        getCart: 'two',
        ran: [['async-undefined', { n: 3 }], ['two', { n: 3 }], ['three', { n: 3 }], ['regist', { n: 3 }]],
        pay: { paid: 1 },
        falsy: 0,
        scan: 'regist',
        scanUndefined: 'undefined',
      });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'ftHost.callJS: a handler that throws is reported as the page\'s error (reportError) and skipped; the next answers (§4.5)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl());
      const out = await page.evaluate(async () => {
        /** @type {string[]} */ const ran = [];
        /** @type {string[]} */ const reported = [];
        window.addEventListener('error', (e) => { reported.push(e.message); e.preventDefault(); });
        ft.onNativeAPIHandler('getUser', (/** @type {any} */ p) => { ran.push(`later ${p.id}`); return new Promise((r) => setTimeout(() => r(undefined), 10)); });
        ft.onNativeAPIHandler('getUser', (/** @type {any} */ p) => { ran.push(`throws ${p.id}`); throw new Error('user handler broke'); });
        ft.onNativeAPIHandler('getUser', (/** @type {any} */ p) => { ran.push(`answers ${p.id}`); return Promise.resolve({ name: 'Li' }); });
        ft.registNativeAPIHandler('getUser', (/** @type {any} */ p) => { ran.push(`regist ${p.id}`); return 'regist'; });
        const answer = await ftHost.callJS('getUser', { id: 7 });
        return { answer, ran, reported };
      });
      expect(out.answer).toEqual({ name: 'Li' });
      expect(out.ran).toEqual(['later 7', 'throws 7', 'answers 7', 'regist 7']);
      // The throwing handler is the page's error, reported as the browser reports one (reportError).
      expect(out.reported).toEqual([expect.stringContaining('user handler broke')]);
      // The page's listener called preventDefault(): nothing reaches the console.
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'ignored failures (before and after the core is up): one console.warn each, naming the API and its errMsg; no unhandledrejection, no page error (§1.4)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-unobserved-ignore', ...CONFIG }));
      const report = await scenario(page, 'ignoreFailures');
      expect(report.value.sort()).toEqual(IGNORED_EXPECTED.log);
      expect(report.unhandled).toEqual([]);
      expect(await page.errors()).toEqual([]);
      expect((await page.records('warn')).sort()).toEqual(IGNORED_EXPECTED.warnings);
    },
  },
  {
    name: 'observed failures get the fail object in every form a page awaits them; only the ignored ones warn (§1.4)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-unobserved-observe', ...CONFIG }));
      const report = await scenario(page, 'observeFailures');
      expect(report.value).toHaveLength(50);
      for (const line of report.value) expect(line).toMatch(/: (callNativeAPI|invokeMiniProgramAPI|getStorage|setStorage|request):fail /);
      expect(report.value).toContain('await / callNativeAPI: callNativeAPI:fail api track not found');
      expect(report.value).toContain('returned from an awaited async function / request: request:fail mocked');
      expect(report.unhandled).toEqual([]);
      expect(await page.errors()).toEqual([]);
      expect((await page.records('warn')).sort()).toEqual([
        'ft.callNativeAPI: callNativeAPI:fail api track not found',
        'ft.getStorage: getStorage:fail data not found',
        'ft.miniProgram.navigateTo: invokeMiniProgramAPI:fail page "pages/web/pages/missing/index" is not found',
        'ft.request: request:fail mocked',
        'ft.setStorage: setStorage:fail parameter error: parameter.key should be String instead of Number;',
      ]);
    },
  },
  {
    name: 'a fire-and-forget call that fails is one console.warn, never an unhandled rejection (§1.4)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/web/web'] }));
      await page.evaluate(async () => {
        await ftHost.ready;
        ft.callNativeAPI('track', {});
        ft.miniProgram.navigateBack();
        // Long enough for an unhandled rejection to be reported in any engine.
        await new Promise((r) => setTimeout(r, 300));
      });
      expect(await page.errors()).toEqual([]);
      const warnings = await page.records('warn');
      expect(warnings.filter((w) => w.includes('callNativeAPI:fail api track not found'))).toHaveLength(1);
      expect(warnings.filter((w) => w.includes('cannot navigate back at first page'))).toHaveLength(1);
    },
  },
];
