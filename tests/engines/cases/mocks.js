// ftHostConfig.mocks in every engine (docs/guides/mocks.md, polyfill/mocks/rules.js): request rules
// through the core's decode, delay and transport failures, the unmatched policies, native answers.
// The configuration is JSON (as `serve --mocks`, the Playwright fixture's ftConfig): RegExps as "/re/flags".

const GOODS = 'https://api.example.com/goods';

/** The rules the cases share: the first that matches wins. */
const MOCKS = {
  request: [
    { url: `${GOODS}/special*`, method: 'GET', response: { statusCode: 418, header: { 'X-Rule': 'special' }, data: 'teapot' } },
    { url: `${GOODS}*`, method: 'GET', response: { statusCode: 200, header: { 'X-Rule': 'goods' }, data: { items: [1, 2] } } },
    { url: `${GOODS}*`, method: 'POST', response: { statusCode: 201, data: { created: true } } },
    { url: '/^https:\\/\\/api\\.example\\.com\\/(slow|later)$/', response: { data: 'late' }, delay: 1000 },
    { url: 'https://api.example.com/down', fail: 'network error' },
    { url: 'https://api.example.com/timeout', fail: 'timeout' },
  ],
  callNativeAPI: { pay: { fail: 'cancel' }, profile: { data: { name: 'Ada' } } },
  getLocation: { latitude: 22.5, longitude: 114.05 },
};

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'mocks: the first matching rule answers ft.request; its response goes through the decode (dataType, responseType, statusCode, header)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-mocks', mocks: MOCKS }));
      const out = await page.evaluate(async (goods) => {
        const settle = (/** @type {Promise<any>} */ p) => p.then((r) => r, (e) => e);
        const list = await settle(ft.request({ url: `${goods}?page=2`, data: { q: 'x' } }));
        const special = await settle(ft.request({ url: `${goods}/special/1` }));
        const created = await settle(ft.request({ url: goods, method: 'post', data: { a: 1 } }));
        const text = await settle(ft.request({ url: goods, dataType: 'text' }));
        const bytes = await settle(ft.request({ url: goods, responseType: 'arraybuffer' }));
        return {
          list: [list.errMsg, list.statusCode, list.data, list.header['x-rule'], list.header['content-type']],
          special: [special.errMsg, special.statusCode, special.data, special.header['x-rule']],
          created: [created.errMsg, created.statusCode, created.data],
          text: [typeof text.data, text.data],
          bytes: [bytes.data instanceof ArrayBuffer, new TextDecoder().decode(bytes.data)],
          configError: ftHost.configError(),
        };
      }, GOODS);
      expect(out).toEqual({
        list: ['request:ok', 200, { items: [1, 2] }, 'goods', 'application/json'],
        special: ['request:ok', 418, 'teapot', 'special'],
        created: ['request:ok', 201, { created: true }],
        text: ['string', '{"items":[1,2]}'],
        bytes: [true, '{"items":[1,2]}'],
        configError: '',
      });
    },
  },
  {
    name: "mocks: a rule's delay, its transport fail, the request's timeout and the page's abort give the host's errMsgs",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-mocks', mocks: MOCKS }));
      const out = await page.evaluate(async () => {
        const settle = (/** @type {Promise<any>} */ p) => p.then((r) => r, (e) => e);
        const order = /** @type {string[]} */ ([]);
        const late = settle(ft.request({ url: 'https://api.example.com/slow' })).then((r) => { order.push('late'); return r; });
        const now = await settle(ft.request({ url: 'https://api.example.com/goods' }));
        order.push('now');
        const timedOut = await settle(ft.request({ url: 'https://api.example.com/later', timeout: 20 }));
        /** @type {any} */
        let task;
        const abort = new Promise((resolve) => { task = ft.request({ url: 'https://api.example.com/later', complete: resolve }); });
        task.abort();
        return {
          late: [(await late).errMsg, (await late).data],
          now: now.errMsg,
          order,
          timedOut: timedOut.errMsg,
          aborted: (/** @type {any} */ (await abort)).errMsg,
          down: (await settle(ft.request({ url: 'https://api.example.com/down' }))).errMsg,
          timeout: (await settle(ft.request({ url: 'https://api.example.com/timeout' }))).errMsg,
        };
      });
      expect(out).toEqual({
        late: ['request:ok', 'late'],
        now: 'request:ok',
        order: ['now', 'late'],
        timedOut: 'request:fail timeout',
        aborted: 'request:fail abort',
        down: 'request:fail network error',
        timeout: 'request:fail timeout',
      });
    },
  },
  {
    name: "mocks: unmatched 'pass' goes to the network, 'warn' too with a console warning, 'fail' fails with a device check",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-mocks', mocks: { ...MOCKS, unmatched: 'pass' } }));
      const out = await page.evaluate(async () => {
        const settle = (/** @type {Promise<any>} */ p) => p.then((r) => r, (e) => e);
        const echo = `${location.origin}/echo`;
        const pass = await settle(ft.request({ url: echo }));
        await ftHost.configure({ appId: 'engines-mocks', mocks: { request: [], unmatched: 'warn' } });
        const warn = await settle(ft.request({ url: echo }));
        await ftHost.configure({ appId: 'engines-mocks', mocks: { request: [], unmatched: 'fail' } });
        const failed = await settle(ft.request({ url: echo, method: 'PUT' }));
        return {
          pass: [pass.errMsg, pass.data.method],
          warn: [warn.errMsg, warn.data.method],
          failed: failed.errMsg,
          warnings: ftHost.warnings().map((/** @type {any} */ w) => [w.kind, w.api, w.message.startsWith(`PUT ${echo} matches no rule`)]),
        };
      });
      expect(out).toEqual({
        pass: ['request:ok', 'GET'],
        warn: ['request:ok', 'GET'],
        failed: 'request:fail network error',
        warnings: [['mock-unmatched', 'request', true]],
      });
      expect(await page.records('warn', /ft-polyfill mocks: GET .*\/echo matches no rule of ftHostConfig\.mocks\.request: it goes to the network/)).toHaveLength(1);
    },
  },
  {
    name: "mocks: native answers (callNativeAPI success and fail, getLocation, ftHost.mock's with a delay); a bad part of the config is said in configError, the rest applies",
    async run(browser) {
      const bad = { ...MOCKS, request: [{ url: '/(/' }, ...MOCKS.request], unmatched: 'sometimes' };
      const page = await browser.open(browser.pageUrl({ appId: 'engines-mocks', mocks: bad }));
      const out = await page.evaluate(async () => {
        const settle = (/** @type {Promise<any>} */ p) => p.then((r) => r, (e) => e);
        const pay = await settle(ft.callNativeAPI('pay', { amount: 1 }));
        const profile = await settle(ft.callNativeAPI('profile'));
        const where = await settle(ft.getLocation({}));
        const goods = await settle(ft.request({ url: 'https://api.example.com/goods' }));
        const configError = ftHost.configError();
        await ftHost.configure({ appId: 'engines-mocks' });
        const gone = await settle(ft.callNativeAPI('pay'));
        // ftHost.mock's answer object waits its delay, as the configuration's does; delay is no field.
        ftHost.mock('getLocation', { latitude: 1, longitude: 2, delay: 300 });
        const asked = performance.now();
        const delayed = await settle(ft.getLocation({}));
        const waited = performance.now() - asked;
        ftHost.unmock('getLocation');
        return {
          pay: pay.errMsg, profile: [profile.errMsg, profile.data], where: [where.errMsg, where.latitude, where.longitude], goods: goods.statusCode, configError, gone: gone.errMsg,
          delayed: [delayed.errMsg, delayed.latitude, 'delay' in delayed, waited >= 290],
        };
      });
      expect(out.pay).toBe('callNativeAPI:fail cancel');
      expect(out.profile).toEqual(['callNativeAPI:ok', { name: 'Ada' }]);
      expect(out.where).toEqual(['getLocation:ok', 22.5, 114.05]);
      expect(out.goods).toBe(200);
      expect(out.configError).toMatch(/^mocks\.request\[0\]\.url \/\(\/: .+; mocks\.unmatched should be one of 'pass', 'warn', 'fail'$/);
      expect(out.gone).toBe('callNativeAPI:fail api pay not found');
      expect(out.delayed).toEqual(['getLocation:ok', 1, false, true]);
    },
  },
];
