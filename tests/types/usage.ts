// Typings test: checked by `tsc --noEmit --strict -p tests/types` (tests/js/types.test.js).
// Each @ts-expect-error line must be an error, or tsc fails: wrong types are rejected.
import ft, { host } from 'ft-polyfill';
import type { FtHostConfig, GetStorageSuccess, RequestSuccess, FtTask, FtCallRecord } from 'ft-polyfill';
import { setupFt, injectFt, readHost, ftMatchers, pendingMessages } from 'ft-polyfill/testing';

async function promiseForms(): Promise<void> {
  const info: GetStorageSuccess = await ft.getStorage({ key: 'user' });
  const data: unknown = info.data;
  const res: RequestSuccess = await ft.request({ url: '/api', method: 'POST', data: { a: 1 } });
  const code: number = res.statusCode;
  const task = ft.request({ url: '/api' });
  task.abort();
  const env = await ft.miniProgram.getEnv();
  const version: string = env.version;
  const location = await ft.getLocation({ type: 'gcj02' });
  const lat: number = location.latitude;
  const images = await ft.chooseImage({ count: 1, sizeType: ['compressed'] });
  const first: string = images.tempFilePaths[0];
  await ft.miniProgram.navigateTo({ url: '/pages/detail/index?id=1' });
  await ft.getStorageInfo();
  await ft.callNativeAPI('scan', { x: 1 });
  // finclip-js-sdk's places (behaviour.md §1.12): the same signatures under ft.miniProgram.
  const viaMiniProgram: RequestSuccess = await ft.miniProgram.request({ url: '/api', method: 'GET' });
  await ft.miniProgram.setStorage({ key: 'user', data: { id: 1 } });
  const stored: GetStorageSuccess = await ft.miniProgram.getStorage({ key: 'user' });
  const keys: string[] = (await ft.miniProgram.getStorageInfo()).keys;
  const back: boolean = (await ft.miniProgram.canNavigateBack()).canNavigateBack;
  const miniTask: FtTask = ft.miniProgram.downloadFile({ url: '/f.pdf', success: (r) => console.log(r.tempFilePath) });
  // @ts-expect-error key should be a string
  ft.miniProgram.setStorage({ key: 1, data: 2 });
  // @ts-expect-error navigateTo is not at ft
  ft.navigateTo({ url: '/pages/a/index' });
  void [data, code, version, lat, first, viaMiniProgram, stored, keys, back, miniTask];
}

function callbackForms(): void {
  const nothing: void = ft.setStorage({
    key: 'k',
    data: { any: 'value' },
    success: (res) => console.log(res.errMsg),
    fail: (err) => console.log(err.errMsg),
    complete: () => undefined,
  });
  const task: FtTask = ft.downloadFile({ url: '/f.pdf', success: (r) => console.log(r.tempFilePath) });
  ft.miniProgram.getEnv((res) => console.log(res.miniprogram));
  ft.miniProgram.postMessage({ data: { orderId: 1 } });
  ft.miniProgram.onWebviewEvent((data) => console.log(data));
  ft.miniProgram.offWebviewEvent();
  ft.onNativeAPIHandler('refresh', (d) => d);
  ft.callNativeAPI('scan', {}, (r) => console.log(r));
  ft.complete();
  ft.miniProgram.getLocalImgData({ path: 'ftfile://x' });
  void [nothing, task];
}

async function hostControls(): Promise<void> {
  await host.ready;
  const config: FtHostConfig = { appId: 'app', app: { pages: ['pages/index/index'], tabBar: { list: [{ pagePath: 'pages/index/index' }] } }, stack: ['pages/index/index'], webviewTimeout: 3000, panel: false, force: false };
  await host.configure(config);
  await host.reset();
  host.on('message', (e) => console.log(e.detail.data.length));
  host.on('call', (c: FtCallRecord) => console.log(c.api, c.duration));
  host.off('message');
  const stack: string[] = host.stack().map((p) => p.route + JSON.stringify(p.query));
  const moved = await host.back();
  if (!moved.ok) console.log(moved.reason);
  const shared = await host.share();
  if (shared.ok) console.log(shared.webViewUrl?.length);
  const har = await host.har();
  console.log(har.log.version, har.log.entries.map((e) => `${e._ftApi} ${e.request.url} ${e._ftMock ?? ''}`));
  const set = await host.setSrc('#section');
  if (!set.ok) console.log(set.reason);
  host.on('load', (e) => console.log(e.detail.src.length));
  host.on('error', (e) => console.log(e.detail.src.length));
  await host.configure({ backMode: 'page' });
  await host.hide();
  await host.show();
  host.on('route', (e) => console.log(e.action, e.stack[0].url));
  host.on('timeout', (e) => console.log(e.detail.timeout));
  host.sendWebviewEvent({ type: 'refresh' });
  host.registerNativeAPI('scan', (d) => ({ code: d }));
  host.unregisterNativeAPI('scan');
  const answer: unknown = await host.callJS('refresh', { a: 1 });
  const title: string = host.title();
  const calls: FtCallRecord[] = host.calls();
  host.panel.open();
  host.panel.close();
  const mocked: boolean = host.mock('getLocation', { latitude: 1, longitude: 2 });
  host.mock('request', (options) => ({ data: { echo: options.url }, statusCode: 200 }));
  host.unmock('getLocation');
  await host.flushed();
  const disposed: Promise<void> = host.dispose();
  window.ftHostConfig = { appId: 'x' };
  window.ft.getAppletInfo().then((i) => i.appId.toUpperCase());
  void [stack, answer, title, calls, mocked, disposed];
}

async function testingKit(page: { addInitScript(s: { content: string }): Promise<unknown>; route(u: RegExp, h: (r: any) => unknown): Promise<unknown>; evaluate(fn: () => unknown): Promise<unknown> }): Promise<void> {
  const { ft: kitFt, host: kitHost } = await setupFt({ appId: 'jest' });
  await kitFt.clearStorage();
  await kitHost.reset();
  await injectFt(page, { appId: 'pw' });
  const { stack, calls, messages } = await readHost(page);
  void [stack.length, calls.length, messages.length];
  const pending: unknown[] = pendingMessages(kitHost);
  const verdict = ftMatchers.toHavePendingMessages(kitHost, pending);
  void verdict;
}

function wrongTypes(): void {
  // @ts-expect-error key is required
  ft.getStorage({});
  // @ts-expect-error key must be a string
  ft.setStorage({ key: 1, data: 2 });
  // @ts-expect-error no such interface
  ft.getStorageSync('k');
  // @ts-expect-error getLocation's type is 'wgs84' | 'gcj02'
  ft.getLocation({ type: 'bd09' });
  // @ts-expect-error url is required
  ft.miniProgram.navigateTo({});
  // @ts-expect-error the Promise form resolves with GetStorageSuccess, not a string
  const s: Promise<string> = ft.getStorage({ key: 'k' });
  // @ts-expect-error with callbacks nothing is returned
  ft.getStorage({ key: 'k', success: () => {} }).then(() => {});
  // @ts-expect-error postMessage takes an object
  ft.miniProgram.postMessage('text');
  // @ts-expect-error method is an HTTP verb
  ft.request({ url: '/', method: 'FETCH' });
  // @ts-expect-error success receives the success result: no statusCode on getStorage
  ft.getStorage({ key: 'k', success: (r) => r.statusCode.toFixed() });
  // @ts-expect-error appId is a string
  const bad: FtHostConfig = { appId: 42 };
  // @ts-expect-error 'message' listeners get { detail: { data: unknown[] } }
  host.on('message', (e: { detail: { data: string } }) => e);
  // @ts-expect-error stack() returns pages, not strings
  const n: string[] = host.stack();
  // @ts-expect-error no such host event
  host.on('mesage', () => {});
  // @ts-expect-error openDocument answers are mockable, getStorage is not
  host.mock('getStorage', {});
  void [s, bad, n];
}

void [promiseForms, callbackForms, hostControls, testingKit, wrongTypes];
