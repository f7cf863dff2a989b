// Messaging between the page and the simulated host in real Chromium (behaviour.md §4): postMessage, webview events, lifecycle, native APIs, the load timeout.
import { useChromium } from '../helpers/browser.js';

const suite = useChromium();
const { open } = suite;

test('postMessage is buffered and delivered as one array at back, share and destroy; then calls fail', async () => {
  const page = await open({ stack: ['pages/index/index', 'pages/web/web'] });
  const out = await page.evaluate(async () => {
    const messages = [];
    ftHost.on('message', (m) => messages.push(m));
    ft.miniProgram.postMessage({ data: { step: 1 } });
    ft.miniProgram.postMessage({ foo: 'no data field' });
    await new Promise((r) => setTimeout(r, 20));
    const beforeShare = messages.length;
    await ftHost.share();
    const afterShare = JSON.parse(JSON.stringify(messages));
    ft.miniProgram.postMessage({ data: 'last words' });
    const back = await ft.miniProgram.navigateBack();
    await new Promise((r) => setTimeout(r, 20));
    const afterClose = await ft.miniProgram.navigateTo({ url: '/pages/x/x' }).catch((e) => e.errMsg);
    return { beforeShare, afterShare, all: messages, back: back.errMsg, afterClose };
  });
  expect(out.beforeShare).toBe(0);
  expect(out.afterShare).toEqual([{ detail: { data: [{ step: 1 }, { foo: 'no data field' }] } }]);
  expect(out.all[1]).toEqual({ detail: { data: ['last words'] } });
  expect(out.all).toHaveLength(2);
  expect(out.back).toBe('invokeMiniProgramAPI:ok');
  expect(out.afterClose).toBe('invokeMiniProgramAPI:fail web-view page is closed');

  const page2 = await open();
  const destroyed = await page2.evaluate(async () => {
    const seen = [];
    ftHost.on('message', (m) => seen.push(['message', m.detail.data]));
    ft.miniProgram.onUnload(() => seen.push(['unload']));
    ft.miniProgram.postMessage({ data: 1 });
    await new Promise((r) => setTimeout(r, 10));
    await ftHost.destroy();
    return seen;
  });
  expect(destroyed).toEqual([['message', [1]], ['unload']]);
  await page.close();
  await page2.close();
});

test('sendWebviewEvent reaches the host at once; host events reach every listener; offWebviewEvent() removes all', async () => {
  const page = await open();
  const out = await page.evaluate(async () => {
    const host = [];
    ftHost.on('event', (e) => host.push(e));
    const sent = { kind: 'cart', n: 2 };
    await new Promise((r) => setTimeout(r, 0));
    ft.miniProgram.sendWebviewEvent(sent);
    await new Promise((r) => setTimeout(r, 10));
    const same = host[0].detail.data === sent;
    const got = [];
    const a = (d) => got.push(['a', d]);
    const b = (d) => got.push(['b', d]);
    ft.miniProgram.onWebviewEvent(a);
    ft.miniProgram.onWebviewEvent(a);
    ft.miniProgram.onWebviewEvent(b);
    const first = await ftHost.sendWebviewEvent({ x: 1 });
    ft.miniProgram.offWebviewEvent(a);
    const second = await ftHost.sendWebviewEvent({ x: 2 });
    ft.miniProgram.onWebviewEvent(a);
    ft.miniProgram.offWebviewEvent();
    const third = await ftHost.sendWebviewEvent({ x: 3 });
    return { host: JSON.parse(JSON.stringify(host)), same, got, first, second, third };
  });
  expect(out.host).toEqual([{ detail: { data: { kind: 'cart', n: 2 } } }]);
  expect(out.same).toBe(true);
  expect(out.got).toEqual([['a', { x: 1 }], ['b', { x: 1 }], ['b', { x: 2 }]]);
  expect([out.first.listeners, out.second.listeners, out.third.listeners]).toEqual([2, 1, 0]);
  await page.close();
});

test('lifecycle: onHide/onShow when a page is pushed and popped and when the app hides; onUnload on redirect', async () => {
  const page = await open({ stack: ['pages/index/index', 'pages/web/web?from=home'] });
  const seen = await page.evaluate(async () => {
    const seen = [];
    ft.miniProgram.onShow((r) => seen.push(['show', r]));
    ft.miniProgram.onHide((r) => seen.push(['hide', r]));
    ft.miniProgram.onUnload((r) => seen.push(['unload', r]));
    await new Promise((r) => setTimeout(r, 0));
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
  await page.close();
});

test('callNativeAPI with and without a host handler; ftHost.callJS with onNativeAPIHandler and registNativeAPIHandler', async () => {
  const page = await open();
  const out = await page.evaluate(async () => {
    const missing = await new Promise((resolve) => ft.callNativeAPI('scan', { a: 1 }, resolve));
    const missingPromise = await ft.callNativeAPI('scan', {}).catch((e) => e);
    await ftHost.registerNativeAPI('scan', async (data) => ({ code: `got ${data.a}` }));
    const found = await new Promise((resolve) => ft.callNativeAPI('scan', { a: 1 }, resolve));
    await ftHost.unregisterNativeAPI('scan');
    const gone = await ft.callNativeAPI('scan').catch((e) => e.errMsg);

    const noHandler = await ftHost.callJS('getCart', {}).catch((e) => e.message);
    const order = [];
    const skip = (p) => { order.push('skip'); return undefined; };
    const answer = (p) => { order.push('answer'); return { items: p.n }; };
    ft.onNativeAPIHandler('getCart', skip);
    ft.onNativeAPIHandler('getCart', answer);
    ft.registNativeAPIHandler('getCart', () => 'regist');
    const first = await ftHost.callJS('getCart', { n: 3 });
    ft.offNativeAPIHandler('getCart', answer);
    const second = await ftHost.callJS('getCart', { n: 4 });
    ft.registNativeAPIHandler('getCart', () => Promise.resolve('replaced'));
    ft.offNativeAPIHandler('getCart');
    const third = await ftHost.callJS('getCart', {});
    return { missing, missingPromise, found, gone, noHandler, first, second, third, order };
  });
  expect(out.missing).toEqual({ errMsg: 'callNativeAPI:fail api scan not found' });
  expect(out.missingPromise).toEqual({ errMsg: 'callNativeAPI:fail api scan not found' });
  expect(out.found).toEqual({ code: 'got 1', errMsg: 'callNativeAPI:ok' });
  expect(out.gone).toBe('callNativeAPI:fail api scan not found');
  expect(out.noHandler).toBe('handler getCart not found');
  expect(out.first).toEqual({ items: 3 });
  expect(out.second).toBe('regist');
  expect(out.third).toBe('replaced');
  // offNativeAPIHandler(name) removed `skip` too; the regist handler is never removed (§4.5).
  expect(out.order).toEqual(['skip', 'answer', 'skip']);
  await page.close();
});

test('callJS: every handler runs in order; a Promise resolving to undefined lets the next answer; a throw is reported and skipped', async () => {
  const page = await open();
  const out = await page.evaluate(async () => {
    const ran = [];
    const reported = [];
    window.addEventListener('error', (e) => { reported.push(e.message); e.preventDefault(); });
    ft.onNativeAPIHandler('getUser', (p) => { ran.push(`later ${p.id}`); return new Promise((r) => setTimeout(() => r(undefined), 10)); });
    ft.onNativeAPIHandler('getUser', (p) => { ran.push(`throws ${p.id}`); throw new Error('user handler broke'); });
    ft.onNativeAPIHandler('getUser', (p) => { ran.push(`answers ${p.id}`); return Promise.resolve({ name: 'Li' }); });
    ft.registNativeAPIHandler('getUser', (p) => { ran.push(`regist ${p.id}`); return 'regist'; });
    const answer = await ftHost.callJS('getUser', { id: 7 });
    return { answer, ran, reported };
  });
  expect(out.answer).toEqual({ name: 'Li' });
  expect(out.ran).toEqual(['later 7', 'throws 7', 'answers 7', 'regist 7']);
  // The throwing handler is the page's error, reported as the browser reports one (reportError).
  expect(out.reported).toEqual([expect.stringContaining('user handler broke')]);
  await page.close();
});

test('the load timeout fires only without ft.complete()', async () => {
  // The listeners go on before the timer starts: ftHost.configure restarts it (on a loaded
  // machine, the page's own start could otherwise beat a listener added afterwards).
  const slow = await open();
  const fired = await slow.evaluate(() => new Promise((resolve) => {
    ftHost.on('timeout', (e) => resolve(e));
    ftHost.configure({ appId: 'test-app', webviewTimeout: 150 }).then(() => setTimeout(() => resolve('no timeout'), 2000));
  }));
  expect(fired).toEqual({ detail: { timeout: 150 } });

  const quick = await open();
  const result = await quick.evaluate(async () => {
    const seen = [];
    ftHost.on('timeout', () => seen.push('timeout'));
    ftHost.on('complete', () => seen.push('complete'));
    await ftHost.configure({ appId: 'test-app', webviewTimeout: 150 });
    ft.complete();
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { seen, state: ftHost.state().loadComplete };
  });
  expect(result).toEqual({ seen: ['complete'], state: true });
  await slow.close();
  await quick.close();
});
