// ft.request and ft.downloadFile in real Chromium against a local server
// (behaviour.md §5.1-5.4).
import { launchChromium, serveRoot, newPage } from '../helpers/browser.js';
import { deviceRoutes, closedPort, PNG } from '../helpers/device-server.js';

/** @type {import('playwright-core').Browser} */ let browser;
/** @type {{ url: string, close: () => Promise<void> }} */ let server;
/** @type {import('playwright-core').BrowserContext} */ let context;
/** @type {import('playwright-core').Page & { errors: string[] }} */ let page;

const pageUrl = (config = {}) => `${server.url}/tests/pages/blank.html?config=${encodeURIComponent(JSON.stringify(config))}`;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveRoot(deviceRoutes())]);
  context = await browser.newContext();
  page = await newPage(context);
  await page.goto(pageUrl({ appId: 'network' }));
  await page.evaluate(() => ftHost.ready);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** @param {string} body */
const run = (body) => page.evaluate(`(async () => { ${body} })()`);
test('GET data is encoded and appended to an existing query; method defaults to GET', async () => {
  const r = await run(`
    const res = await ft.request({ url: '/echo?x=1', data: { q: 'a b&c', n: 2, o: { k: [1, 'é'] } } });
    return { errMsg: res.errMsg, status: res.statusCode, method: res.data.method, url: res.data.url };`);
  expect(r).toEqual({
    errMsg: 'request:ok', status: 200, method: 'GET',
    url: `/echo?x=1&q=a%20b%26c&n=2&o=${encodeURIComponent(JSON.stringify({ k: [1, 'é'] }))}`,
  });
});

test('POST sends JSON by default; form, string and ArrayBuffer bodies as WeChat does', async () => {
  const r = await run(`
    const json = (await ft.request({ url: '/echo', method: 'post', data: { a: 1, b: [true, null] } })).data;
    const form = (await ft.request({ url: '/echo', method: 'PUT', header: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' }, data: { a: 'x y', b: '&' } })).data;
    const str = (await ft.request({ url: '/echo', method: 'POST', header: { 'content-type': 'text/plain' }, data: 'raw {text}' })).data;
    const bin = (await ft.request({ url: '/echo', method: 'POST', header: { 'content-type': 'application/octet-stream' }, data: new Uint8Array([0, 255, 16]).buffer })).data;
    return { json: [json.method, json.headers['content-type'], json.body],
      form: [form.method, form.headers['content-type'], form.body],
      str: [str.headers['content-type'], str.body], bin: bin.bodyHex };`);
  expect(r).toEqual({
    json: ['POST', 'application/json', '{"a":1,"b":[true,null]}'],
    form: ['PUT', 'application/x-www-form-urlencoded; charset=UTF-8', 'a=x%20y&b=%26'],
    str: ['text/plain', 'raw {text}'],
    bin: '00ff10',
  });
});

test('header names match case-insensitively; Referer is dropped and the call still succeeds', async () => {
  const r = await run(`
    const res = await ft.request({ url: '/echo', header: { 'X-Token': 'one', 'x-token': 'two', Referer: 'https://servicewechat.com/app', n: 5 } });
    return { errMsg: res.errMsg, token: res.data.headers['x-token'], n: res.data.headers.n, referer: res.data.headers.referer || null };`);
  expect(r.errMsg).toBe('request:ok');
  expect(r.token).toBe('two');
  expect(r.n).toBe('5');
  // fetch may send the page's own url as Referer, never the one the page asked for.
  expect(r.referer).not.toBe('https://servicewechat.com/app');
});

test('4xx and 5xx are successes with their headers; non-JSON bodies stay strings', async () => {
  const r = await run(`
    const a = await ft.request({ url: '/status404' });
    const b = await ft.request({ url: '/status500' });
    const c = await ft.request({ url: '/not-json' });
    const d = await ft.request({ url: '/echo', dataType: 'text' });
    return { a: [a.errMsg, a.statusCode, a.data, a.header['x-reason']],
      b: [b.errMsg, b.statusCode, b.data, b.header['x-reason']],
      c: [c.statusCode, c.data], d: typeof d.data };`);
  expect(r).toEqual({
    a: ['request:ok', 404, { error: 'not here' }, 'missing'],
    b: ['request:ok', 500, 'internal failure', 'boom'],
    c: [200, '{"almost": json'],
    d: 'string',
  });
});

test("responseType 'arraybuffer' gives the bytes as an ArrayBuffer", async () => {
  const r = await run(`
    const res = await ft.request({ url: '/binary', responseType: 'arraybuffer' });
    return { isBuffer: res.data instanceof ArrayBuffer, bytes: [...new Uint8Array(res.data)] };`);
  expect(r).toEqual({ isBuffer: true, bytes: [0, 1, 2, 253, 254, 255] });
});

test('timeout, abort and a refused connection fail once, never followed by a success', async () => {
  const port = await closedPort();
  const r = await run(`
    const seen = [];
    const record = (name) => new Promise((resolve) => {
      const calls = [];
      const opts = { success: (x) => calls.push('success:' + x.errMsg), fail: (x) => calls.push('fail:' + x.errMsg), complete: () => calls.push('complete') };
      return resolve([calls, opts]);
    });
    const [t, topts] = await record();
    ft.request({ url: '/slow', timeout: 200, ...topts });
    const [a, aopts] = await record();
    const task = ft.request({ url: '/slow', ...aopts });
    setTimeout(() => task.abort(), 50);
    const refused = await ft.request({ url: 'http://127.0.0.1:${port}/x' }).catch((e) => e);
    const promiseTask = ft.request({ url: '/slow' });
    promiseTask.abort();
    const aborted = await promiseTask.catch((e) => e);
    await new Promise((r) => setTimeout(r, 3500)); // past the slow answer
    return { t, a, refused: refused.errMsg, hasAbort: typeof task.abort, aborted: aborted.errMsg };`);
  expect(r.t).toEqual(['fail:request:fail timeout', 'complete']);
  expect(r.a).toEqual(['fail:request:fail abort', 'complete']);
  expect(r.refused).toBe('request:fail network error');
  expect(r.aborted).toBe('request:fail abort');
  expect(r.hasAbort).toBe('function');
}, 15000);

test("every transport failure has one text, not the engine's own: refused, cross-origin without CORS, bad url", async () => {
  const port = await closedPort();
  const crossOrigin = server.url.replace('127.0.0.1', 'localhost');
  // Its own page: the browser logs the CORS refusals to the console.
  const p = await newPage(context);
  await p.goto(pageUrl({ appId: 'network' }));
  const r = await p.evaluate(`(async () => {
    const err = (p) => p.then((x) => x.errMsg, (e) => e.errMsg);
    return [
      await err(ft.request({ url: 'http://127.0.0.1:${port}/x' })),
      await err(ft.request({ url: '${crossOrigin}/echo' })),
      await err(ft.request({ url: 'http://user:secret@127.0.0.1:${port}/x' })),
      await err(ft.downloadFile({ url: 'http://127.0.0.1:${port}/x' })),
      await err(ft.downloadFile({ url: '${crossOrigin}/image.png' })),
    ];
  })()`);
  await p.close();
  expect(r).toEqual(['request:fail network error', 'request:fail network error', 'request:fail network error',
    'downloadFile:fail network error', 'downloadFile:fail network error']);
});

test('a url that is neither http(s) nor relative to the page fails before anything is fetched', async () => {
  const r = await run(`
    const fetched = [];
    const realFetch = window.fetch;
    window.fetch = (...args) => { fetched.push(String(args[0])); return realFetch(...args); };
    try {
      // data: and blob: urls are ones the browser would answer: the check comes first.
      const blobUrl = URL.createObjectURL(new Blob(['{"a":1}'], { type: 'application/json' }));
      const urls = ['javascript:alert(1)', 'JavaScript:void(0)', 'data:application/json,{"a":1}', blobUrl,
        'file:///etc/hostname', 'ftp://127.0.0.1/f', 'about:blank'];
      const out = [];
      for (const url of urls) {
        out.push((await ft.request({ url }).catch((e) => e)).errMsg);
        out.push((await ft.downloadFile({ url }).catch((e) => e)).errMsg);
      }
      // Relative forms are the page's and are fetched.
      const relative = [];
      for (const url of ['/echo?r=1', 'echo?r=2', '//' + location.host + '/echo?r=3']) relative.push((await ft.request({ url })).data.url);
      return { out, relative, fetched: fetched.map((u) => new URL(u, location.href).pathname + new URL(u, location.href).search) };
    } finally {
      window.fetch = realFetch;
    }`);
  const why = '(use http, https or a path relative to the page)';
  expect(r.out).toEqual(['javascript', 'javascript', 'data', 'blob', 'file', 'ftp', 'about'].flatMap((scheme) => [
    `request:fail invalid url: ${scheme} urls can not be fetched ${why}`,
    `downloadFile:fail invalid url: ${scheme} urls can not be fetched ${why}`,
  ]));
  // /tests/pages/echo?r=2 is the page-relative reading of 'echo?r=2' (a 404 there, still a success).
  expect(r.fetched).toEqual(['/echo?r=1', '/tests/pages/echo?r=2', '/echo?r=3']);
  expect(r.relative[0]).toBe('/echo?r=1');
  expect(r.relative[2]).toBe('/echo?r=3');
});

test('wrong arguments fail with parameter errors, never throw', async () => {
  const r = await run(`
    const out = [];
    for (const o of [{}, { url: 5 }, { url: '/echo', method: 'FETCH' }, { url: '/echo', method: 'TRACE' }, { url: '/echo', responseType: 'blob' }]) {
      out.push((await ft.request(o).catch((e) => e)).errMsg);
    }
    return out;`);
  expect(r[0]).toBe('request:fail parameter error: parameter.url should be String instead of Undefined');
  expect(r[1]).toBe('request:fail parameter error: parameter.url should be String instead of Number');
  expect(r[2]).toMatch(/^request:fail parameter error: invalid method/);
  expect(r[3]).toMatch(/^request:fail method TRACE is not supported/);
  expect(r[4]).toMatch(/^request:fail parameter error: parameter.responseType/);
});

test('downloadFile gives a tempFilePath that works in <img>, fetch, getLocalImgData', async () => {
  const r = await run(`
    const res = await ft.downloadFile({ url: '/mislabelled' });
    const img = new Image();
    img.src = res.tempFilePath;
    await img.decode();
    const fetched = (await (await fetch(res.tempFilePath)).arrayBuffer()).byteLength;
    const local = await ft.getLocalImgData({ path: res.tempFilePath });
    const missing = await ft.getLocalImgData({ path: 'blob:nope' }).catch((e) => e);
    const notFound = await ft.downloadFile({ url: '/status404' });
    return { errMsg: res.errMsg, status: res.statusCode, blob: res.tempFilePath.startsWith('blob:'), width: img.naturalWidth, fetched,
      local: local.localData.slice(0, 40), localLen: local.localData.length, missing: missing.errMsg, nf: [notFound.errMsg, notFound.statusCode] };`);
  expect(r).toMatchObject({ errMsg: 'downloadFile:ok', status: 200, blob: true, width: 64, fetched: PNG.length, nf: ['downloadFile:ok', 404] });
  expect(r.local).toBe(`data:image/png;base64,${PNG.toString('base64').slice(0, 18)}`);
  expect(r.localLen).toBe('data:image/png;base64,'.length + PNG.toString('base64').length);
  expect(r.missing).toBe('getLocalImgData:fail file not found');
});

test('downloadFile with filePath persists across a reload', async () => {
  const ctx = await browser.newContext();
  const p = await newPage(ctx);
  await p.goto(pageUrl({ appId: 'saved-files' }));
  const first = await p.evaluate(async () => {
    return ft.downloadFile({ url: '/image.png', filePath: 'photos/cat.png' });
  });
  // §5.4: with filePath the result has filePath and no tempFilePath.
  expect(first).toEqual({ errMsg: 'downloadFile:ok', filePath: 'photos/cat.png', statusCode: 200 });
  await p.reload();
  const after = await p.evaluate(async () => {
    const local = await ft.getLocalImgData({ path: 'photos/cat.png' });
    const storage = await ft.getStorageInfo();
    return { local: local.localData.length, keys: storage.keys };
  });
  expect(after.local).toBe('data:image/png;base64,'.length + PNG.toString('base64').length);
  expect(after.keys).toEqual([]);
  expect(p.errors).toEqual([]);
  await ctx.close();
});
