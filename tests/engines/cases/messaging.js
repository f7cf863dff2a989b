// Messages, webview events and lifecycle in every engine (behaviour.md §3.10, §4.1-4.3, §4.6).

/**
 * A page whose polyfill starts late (a busy first script of 300 ms after navigation) with
 * webviewTimeout 60000; the page's setTimeout records the delays between 50 s and 60 s.
 * @type {Record<string, import('../../../bin/server.js').RouteHandler>}
 */
export const routes = {
  '/engines/messaging/late-start.html': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>late start</title>
<script src="/engines/strict/recorder.js"></script>
<script>
window.loadTimeoutDelays = [];
var pageSetTimeout = window.setTimeout;
window.setTimeout = function (fn, delay) {
  if (delay >= 50000 && delay <= 60000) window.loadTimeoutDelays.push(delay);
  return pageSetTimeout.apply(window, arguments);
};
while (performance.now() < 300) { /* the page's own slow start */ }
window.ftHostConfig = { appId: 'engines-late-start', webviewTimeout: 60000 };
</script>
<script src="/dist/ft-polyfill.js"></script>
</head><body></body></html>`);
  },
};

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'postMessage is buffered and delivered as one array at share and back; a share keeps the buffer; then routing fails (§4.1)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/index/index', 'pages/web/web'] }));
      const out = await page.evaluate(async () => {
        /** @type {any[]} */ const messages = [];
        ftHost.on('message', (m) => messages.push(m));
        const share = await ftHost.share();  // nothing posted yet: no message event
        ft.miniProgram.postMessage({ data: { step: 1 } });
        ft.miniProgram.postMessage({ foo: 'no data field' });
        await new Promise((r) => setTimeout(r, 20));
        const beforeShare = messages.length;
        await ftHost.share();
        const afterShare = JSON.parse(JSON.stringify(messages));
        const pending = ftHost.state().pendingMessages;
        ft.miniProgram.postMessage({ data: 'last words' });
        const back = (await ft.miniProgram.navigateBack()).errMsg;
        while (messages.length < 2) await new Promise((r) => setTimeout(r, 10));
        const afterClose = await ft.miniProgram.navigateTo({ url: '/pages/x/x' }).catch((e) => e.errMsg);
        return { share: share.ok, beforeShare, afterShare, pending, all: messages, back, afterClose, pendingAfterBack: ftHost.state().pendingMessages };
      });
      expect(out.share).toBe(true);
      expect(out.beforeShare).toBe(0);
      expect(out.afterShare).toEqual([{ detail: { data: [{ step: 1 }, { foo: 'no data field' }] } }]);
      expect(out.pending).toBe(2);
      // The back delivers everything posted since the web-view page was created, the shared part again.
      expect(out.all).toEqual([out.afterShare[0], { detail: { data: [{ step: 1 }, { foo: 'no data field' }, 'last words'] } }]);
      expect(out.pendingAfterBack).toBe(0);
      expect(out.back).toBe('invokeMiniProgramAPI:ok');
      expect(out.afterClose).toBe('invokeMiniProgramAPI:fail web-view page is closed');
    },
  },
  {
    name: 'destroy delivers the buffer, then onUnload fires (§4.1, §3.10)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl());
      const seen = await page.evaluate(async () => {
        /** @type {any[]} */ const seen = [];
        ftHost.on('message', (m) => seen.push(['message', m.detail.data]));
        ft.miniProgram.onUnload(() => seen.push(['unload']));
        ft.miniProgram.postMessage({ data: 1 });
        await new Promise((r) => setTimeout(r, 10));
        await ftHost.destroy();
        return seen;
      });
      expect(seen).toEqual([['message', [1]], ['unload']]);
    },
  },
  {
    name: 'sendWebviewEvent reaches the host at once; host events reach every listener once; offWebviewEvent() removes all (§4.2, §4.3)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl());
      const out = await page.evaluate(async () => {
        /** @type {any[]} */ const host = [];
        ftHost.on('event', (e) => host.push(e));
        await ftHost.ready;
        const sent = { kind: 'cart', n: 2 };
        ft.miniProgram.sendWebviewEvent(sent);
        while (!host.length) await new Promise((r) => setTimeout(r, 5));
        /** @type {any[]} */ const got = [];
        const a = (/** @type {any} */ d) => got.push(['a', d]);
        const b = (/** @type {any} */ d) => got.push(['b', d]);
        ft.miniProgram.onWebviewEvent(a);
        ft.miniProgram.onWebviewEvent(a);
        ft.miniProgram.onWebviewEvent(b);
        const first = await ftHost.sendWebviewEvent({ x: 1 });
        ft.miniProgram.offWebviewEvent(a);
        const second = await ftHost.sendWebviewEvent({ x: 2 });
        ft.miniProgram.onWebviewEvent(a);
        ft.miniProgram.offWebviewEvent();
        const third = await ftHost.sendWebviewEvent({ x: 3 });
        return { host: JSON.parse(JSON.stringify(host)), same: host[0].detail.data === sent, got, listeners: [first.listeners, second.listeners, third.listeners] };
      });
      expect(out).toEqual({
        // The host gets a JSON copy of the page's object (§1.14).
        host: [{ detail: { data: { kind: 'cart', n: 2 } } }], same: false,
        got: [['a', { x: 1 }], ['b', { x: 1 }], ['b', { x: 2 }]], listeners: [2, 1, 0],
      });
    },
  },
  {
    name: 'lifecycle: onHide/onShow when a page is pushed and popped and when the app hides; onUnload on redirectTo (§3.10)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/index/index', 'pages/web/web?from=home'] }));
      const seen = await page.evaluate(async () => {
        /** @type {any[]} */ const seen = [];
        ft.miniProgram.onShow((r) => seen.push(['show', r]));
        ft.miniProgram.onHide((r) => seen.push(['hide', r]));
        ft.miniProgram.onUnload((r) => seen.push(['unload', r]));
        await ftHost.ready;
        await ft.miniProgram.navigateTo({ url: '/pages/x/x' });
        await ftHost.back();
        await ftHost.hide();
        await ftHost.show();
        seen.push(['--']);
        await ft.miniProgram.redirectTo({ url: '/pages/y/y' });
        return seen;
      });
      expect(seen).toEqual([
        ['hide', {}], ['show', { data: { from: 'home' } }], ['hide', {}], ['show', { data: { from: 'home' } }], ['--'], ['unload', {}],
      ]);
    },
  },
  {
    name: 'the load timeout fires without ft.complete() and not after it (§4.6)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl());
      const fired = await page.evaluate(() => new Promise((resolve) => {
        ftHost.on('timeout', (e) => resolve(e));
        ftHost.configure({ appId: 'test-app', webviewTimeout: 150 });
      }));
      expect(fired).toEqual({ detail: { timeout: 150 } });
      const quick = await page.evaluate(async () => {
        /** @type {string[]} */ const seen = [];
        ftHost.on('timeout', () => seen.push('timeout'));
        ftHost.on('complete', () => seen.push('complete'));
        await ftHost.configure({ appId: 'test-app', webviewTimeout: 150 });
        ft.complete();
        // Past the timeout: nothing more may come (a bound in the page, not an assertion on speed).
        await new Promise((resolve) => setTimeout(resolve, 450));
        return { seen, loadComplete: ftHost.state().loadComplete };
      });
      expect(quick).toEqual({ seen: ['complete'], loadComplete: true });
    },
  },
  {
    name: 'a load timeout past 2^31-1 ms is clamped by the core: the host state says so, and the timer waits that long, it never fires at once (§4.6)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl());
      const out = await page.evaluate(async () => {
        /** @type {number[]} */ const delays = [];
        const pageSetTimeout = window.setTimeout;
        window.setTimeout = /** @type {any} */ ((/** @type {any} */ fn, /** @type {number} */ delay, /** @type {any[]} */ ...rest) => {
          if (delay > 1e6) delays.push(delay);
          return pageSetTimeout(fn, delay, ...rest);
        });
        /** @type {string[]} */ const fired = [];
        ftHost.on('timeout', () => fired.push('timeout'));
        await ftHost.configure({ appId: 'test-app', webviewTimeout: 1e12 });
        // Two turns of the event loop: a delay past the browser's limit would have fired by then.
        for (let i = 0; i < 2; i++) await new Promise((resolve) => pageSetTimeout(resolve, 0));
        window.setTimeout = pageSetTimeout;
        return { delays, fired, state: ftHost.state().webviewTimeout };
      });
      expect(out).toEqual({ delays: [2147483647], fired: [], state: 2147483647 });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: "the load timeout counts from the page's navigation, not from when the core is up; a later configure counts from then (§4.6)",
    async run(browser) {
      const page = await browser.open(browser.url('/engines/messaging/late-start.html'));
      const out = await page.evaluate(async () => {
        await ft.getStorageInfo(); // the core is up and configured
        const first = /** @type {any} */ (window).loadTimeoutDelays.slice();
        await ftHost.configure({ appId: 'engines-late-start', webviewTimeout: 60000 });
        return { first, later: /** @type {any} */ (window).loadTimeoutDelays.slice(first.length) };
      });
      // At least the 300 ms the page spent before the polyfill ran are gone from the first one.
      expect(out.first).toHaveLength(1);
      expect(out.first[0]).toBeLessThanOrEqual(59700);
      expect(out.later).toEqual([60000]);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'navigateToMiniProgram / navigateBackMiniProgram hand extraData over; close unloads the page, then tells the host',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'wxA', callers: ['wxCaller'] }));
      const out = await page.evaluate(async () => {
        /** @type {any[]} */ const events = [];
        for (const name of ['navigateToMiniProgram', 'navigateBackMiniProgram', 'close']) ftHost.on(name, (/** @type {any} */ e) => events.push([name, e.appId || e.toAppId, e.extraData]));
        const to = (await ft.miniProgram.navigateToMiniProgram({ appId: 'wxB', path: 'pages/x', extraData: { k: 1 } })).errMsg;
        // The host's app stack: the caller, this app (now hidden), the one it opened.
        const hiddenApps = ftHost.state().apps.map((/** @type {any} */ a) => a.appId);
        await ftHost.backMiniProgram({ back: true });
        const back = (await ft.miniProgram.navigateBackMiniProgram({ extraData: { bye: 1 } })).errMsg;
        const after = await ft.miniProgram.close().catch((e) => e.errMsg);
        return { to, hiddenApps, back, events, after };
      });
      expect(out).toEqual({
        to: 'invokeMiniProgramAPI:ok', hiddenApps: ['wxCaller', 'wxA', 'wxB'], back: 'invokeMiniProgramAPI:ok',
        events: [['navigateToMiniProgram', 'wxB', { k: 1 }], ['navigateBackMiniProgram', 'wxA', { back: true }], ['navigateBackMiniProgram', 'wxCaller', { bye: 1 }]],
        after: 'close:fail web-view page is closed',
      });
      // On an open web-view page close() unloads it first, then tells the host, then succeeds.
      const open = await browser.open(browser.pageUrl());
      const closed = await open.evaluate(async () => {
        /** @type {string[]} */ const seen = [];
        ft.miniProgram.onUnload(() => seen.push('unload'));
        ftHost.on('close', () => seen.push('close'));
        seen.push((await ft.miniProgram.close()).errMsg);
        return seen;
      });
      expect(closed).toEqual(['unload', 'close', 'close:ok']);
    },
  },
  {
    name: 'share delivers the buffer again and again, a later back all of it; the host receives JSON copies taken at call time (§4.1, §4.7, §1.14)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/index/index', 'pages/web/web'] }));
      const out = await page.evaluate(async () => {
        /** @type {any[]} */ const messages = [];
        /** @type {any[]} */ const events = [];
        ftHost.on('message', (m) => messages.push(m.detail.data));
        ftHost.on('event', (e) => events.push(e.detail.data));
        await ftHost.ready;
        /** @type {any} */ let nativeGot = null;
        ftHost.registerNativeAPI('track', (/** @type {any} */ d) => { nativeGot = d; return {}; });
        const order = { id: 1, items: ['tea'] };
        ft.miniProgram.postMessage({ data: order });
        order.id = 2;  // after the call: the host never sees it
        order.items.push('cake');
        const event = { step: 'paid' };
        ft.miniProgram.sendWebviewEvent(event);
        event.step = 'changed';
        const native = { n: 1 };
        const called = ft.callNativeAPI('track', native);
        native.n = 2;
        await called;
        await ftHost.share();
        await ftHost.share();
        ft.miniProgram.postMessage({ data: 'two' });
        await ftHost.share();
        await ft.miniProgram.navigateBack();
        while (messages.length < 4 || !events.length) await new Promise((r) => setTimeout(r, 10));
        return { messages, events, nativeGot, warnings: ftHost.warnings() };
      });
      const first = { id: 1, items: ['tea'] };
      expect(out.messages).toEqual([[first], [first], [first, 'two'], [first, 'two']]);
      expect(out.events).toEqual([{ step: 'paid' }]);
      expect(out.nativeGot).toEqual({ n: 1 });
      expect(out.warnings).toEqual([]);  // plain JSON values: nothing changes on the way
    },
  },
  {
    name: 'a value JSON changes on its way to the host arrives changed and is a device check json-copy (§1.14, §1.15)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/index/index', 'pages/web/web'] }));
      const out = await page.evaluate(async () => {
        /** @type {any[]} */ const messages = [];
        /** @type {any[]} */ const events = [];
        ftHost.on('message', (m) => messages.push(m.detail.data));
        ftHost.on('event', (e) => events.push(e.detail.data));
        await ftHost.ready;
        /** @type {any} */ let nativeGot = null;
        ftHost.registerNativeAPI('track', (/** @type {any} */ d) => { nativeGot = d; return {}; });
        ft.miniProgram.postMessage({ data: { at: new Date(Date.UTC(2026, 0, 2)), n: NaN, list: [1, undefined, () => 1] } });
        ft.miniProgram.sendWebviewEvent({ tags: new Set(['a']), onDone() {} });
        await ft.callNativeAPI('track', { ratio: Infinity, gone: undefined });
        const toApp = await ft.miniProgram.navigateToMiniProgram({ appId: 'wxother', extraData: { seen: new Map([['a', 1]]) } });
        const apps = ftHost.state().apps;
        const extra = apps[apps.length - 1].extraData;
        await ftHost.share();
        while (!messages.length || !events.length) await new Promise((r) => setTimeout(r, 10));
        return { messages, events, nativeGot, toApp: toApp.errMsg, extra, warnings: ftHost.warnings().map(({ kind, api, message }) => ({ kind, api, message })) };
      });
      expect(out.messages).toEqual([[{ at: '2026-01-02T00:00:00.000Z', n: null, list: [1, null, null] }]]);
      expect(out.events).toEqual([{ tags: {} }]);
      expect(out.nativeGot).toEqual({ ratio: null });
      expect(out.toApp).toBe('invokeMiniProgramAPI:ok');
      expect(out.extra).toEqual({ seen: {} });
      expect(out.warnings).toEqual([
        { kind: 'json-copy', api: 'miniProgram.postMessage', message: 'message reaches the host as JSON: Date at member "at" becomes "2026-01-02T00:00:00.000Z"; send JSON values only' },
        { kind: 'json-copy', api: 'miniProgram.sendWebviewEvent', message: 'data reaches the host as JSON: Set at member "tags" becomes {}; send JSON values only' },
        { kind: 'json-copy', api: 'callNativeAPI', message: 'data reaches the host as JSON: Infinity at member "ratio" becomes null; send JSON values only' },
        { kind: 'json-copy', api: 'miniProgram.navigateToMiniProgram', message: 'parameter.extraData reaches the host as JSON: Map at member "seen" becomes {}; send JSON values only' },
      ]);
    },
  },
];
