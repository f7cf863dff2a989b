// ft.request, downloadFile, getLocalImgData and openDocument in every engine against the test
// server (tests/helpers/device-server.js; behaviour.md §5.1-5.4, §5.6).
import { closedPort, PNG } from '../../helpers/device-server.js';

// What each engine's fetch says when a connection fails: §5.3 wants the same reason everywhere.
const ENGINE_FETCH_TEXTS = ['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed'];

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'GET data is encoded onto the query; POST sends JSON, form, string and ArrayBuffer bodies (§5.1)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-network' }));
      const out = await page.evaluate(async () => {
        const get = await ft.request({ url: `${location.origin}/echo?x=1`, data: { q: 'a b&c', n: 2, o: { k: [1, 'é'] } } });
        const json = (await ft.request({ url: `${location.origin}/echo`, method: 'post', data: { a: 1, b: [true, null] } })).data;
        const form = (await ft.request({ url: `${location.origin}/echo`, method: 'PUT', header: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' }, data: { a: 'x y', b: '&' } })).data;
        const str = (await ft.request({ url: `${location.origin}/echo`, method: 'POST', header: { 'content-type': 'text/plain' }, data: 'raw {text}' })).data;
        const bin = (await ft.request({ url: `${location.origin}/echo`, method: 'POST', header: { 'content-type': 'application/octet-stream' }, data: new Uint8Array([0, 255, 16]).buffer })).data;
        return {
          get: [get.errMsg, get.statusCode, get.data.method, get.data.url],
          json: [json.method, json.headers['content-type'], json.body],
          form: [form.method, form.headers['content-type'], form.body],
          str: [str.headers['content-type'], str.body],
          bin: bin.bodyHex,
        };
      });
      expect(out).toEqual({
        get: ['request:ok', 200, 'GET', `/echo?x=1&q=a%20b%26c&n=2&o=${encodeURIComponent(JSON.stringify({ k: [1, 'é'] }))}`],
        json: ['POST', 'application/json', '{"a":1,"b":[true,null]}'],
        form: ['PUT', 'application/x-www-form-urlencoded; charset=UTF-8', 'a=x%20y&b=%26'],
        str: ['text/plain', 'raw {text}'],
        bin: '00ff10',
      });
    },
  },
  {
    name: 'header names match case-insensitively; the Referer asked for is not sent and the call succeeds (§5.1, §5.3)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-network' }));
      const out = await page.evaluate(async () => {
        const res = await ft.request({ url: `${location.origin}/echo`, header: { 'X-Token': 'one', 'x-token': 'two', Referer: 'https://servicewechat.com/app', n: 5 } });
        return { errMsg: res.errMsg, token: res.data.headers['x-token'], n: res.data.headers.n, referer: res.data.headers.referer || null, echoHeader: res.header['x-echo'] };
      });
      expect(out).toMatchObject({ errMsg: 'request:ok', token: 'two', n: '5', echoHeader: 'yes' });
      expect(out.referer).not.toBe('https://servicewechat.com/app');
    },
  },
  {
    name: "4xx and 5xx are successes with their headers; non-JSON stays a string; 'arraybuffer' gives bytes (§5.2)",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-network' }));
      const out = await page.evaluate(async () => {
        const a = await ft.request({ url: `${location.origin}/status404` });
        const b = await ft.request({ url: `${location.origin}/status500` });
        const c = await ft.request({ url: `${location.origin}/not-json` });
        const d = await ft.request({ url: `${location.origin}/echo`, dataType: 'text' });
        const e = await ft.request({ url: `${location.origin}/binary`, responseType: 'arraybuffer' });
        return {
          a: [a.errMsg, a.statusCode, a.data, a.header['x-reason']],
          b: [b.errMsg, b.statusCode, b.data, b.header['x-reason']],
          c: [c.statusCode, c.data], d: typeof d.data,
          e: [e.data instanceof ArrayBuffer, [...new Uint8Array(e.data)]],
        };
      });
      expect(out).toEqual({
        a: ['request:ok', 404, { error: 'not here' }, 'missing'],
        b: ['request:ok', 500, 'internal failure', 'boom'],
        c: [200, '{"almost": json'], d: 'string',
        e: [true, [0, 1, 2, 253, 254, 255]],
      });
    },
  },
  {
    name: 'wrong arguments fail with parameter errors ending in ";", several concatenated in parameter order, never throw (§1.5, §5.1)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-network' }));
      const out = await page.evaluate(async () => {
        /** @type {string[]} */ const errMsgs = [];
        for (const o of [{}, { url: 5 }, { url: `${location.origin}/echo`, method: 'FETCH' }, { url: `${location.origin}/echo`, method: 'TRACE' }, { url: `${location.origin}/echo`, responseType: 'blob' },
          { timeout: '1', url: 5, header: [] }, 'x']) {
          errMsgs.push((await ft.request(/** @type {any} */ (o)).catch((e) => e)).errMsg);
        }
        return errMsgs;
      });
      expect(out).toEqual([
        'request:fail parameter error: parameter.url should be String instead of Undefined;',
        'request:fail parameter error: parameter.url should be String instead of Number;',
        expect.stringMatching(/^request:fail parameter error: invalid method/),
        expect.stringMatching(/^request:fail method TRACE is not supported/),
        'request:fail parameter error: parameter.responseType should be one of text, arraybuffer instead of "blob";',
        // Several wrong parameters: each, in the interface's parameter order (§1.5).
        'request:fail parameter error: parameter.url should be String instead of Number;parameter.header should be Object instead of Array;parameter.timeout should be Number instead of String;',
        'request:fail parameter error: parameter should be Object instead of String;',
      ]);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'timeout and abort fail once with their reasons, never followed by a success (§5.3)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-network' }));
      const out = await page.evaluate(async () => {
        const record = () => {
          /** @type {string[]} */ const calls = [];
          return { calls, opts: { success: (/** @type {any} */ x) => calls.push(`success:${x.errMsg}`), fail: (/** @type {any} */ x) => calls.push(`fail:${x.errMsg}`), complete: () => calls.push('complete') } };
        };
        const t = record();
        ft.request({ url: `${location.origin}/slow`, timeout: 200, ...t.opts });
        const a = record();
        const task = ft.request({ url: `${location.origin}/slow`, ...a.opts });
        setTimeout(() => task.abort(), 50);
        const promiseTask = ft.request({ url: `${location.origin}/slow` });
        promiseTask.abort();
        const aborted = (await promiseTask.catch((e) => e)).errMsg;
        // Past the slow answer (3 s), so a late success would show.
        await new Promise((r) => setTimeout(r, 3500));
        return { t: t.calls, a: a.calls, aborted, hasAbort: typeof task.abort };
      });
      expect(out).toEqual({ t: ['fail:request:fail timeout', 'complete'], a: ['fail:request:fail abort', 'complete'], aborted: 'request:fail abort', hasAbort: 'function' });
    },
  },
  {
    name: "a refused connection, a cross-origin answer without CORS and a url with credentials fail with the one reason 'network error', never the engine's fetch text (§5.3)",
    async run(browser) {
      const port = await closedPort();
      // The test server under another name: another origin, and it sends no CORS headers.
      const crossOrigin = browser.url('').replace('127.0.0.1', 'localhost');
      const page = await browser.open(browser.pageUrl({ appId: 'engines-network' }));
      const out = await page.evaluate(async ({ url, crossOrigin, withCredentials }) => {
        const err = (/** @type {Promise<any>} */ p) => p.then((r) => r.errMsg, (e) => e.errMsg);
        /** @type {string[]} */ const calls = [];
        await new Promise((resolve) => ft.request({ url, success: (r) => calls.push(`success:${r.errMsg}`), fail: (r) => calls.push(`fail:${r.errMsg}`), complete: resolve }));
        return {
          request: await err(ft.request({ url })),
          callbacks: calls,
          downloadFile: await err(ft.downloadFile({ url })),
          downloadSaved: await err(ft.downloadFile({ url, filePath: 'never/saved.png' })),
          crossOrigin: await err(ft.request({ url: `${crossOrigin}/echo` })),
          crossOriginDownload: await err(ft.downloadFile({ url: `${crossOrigin}/image.png` })),
          withCredentials: await err(ft.request({ url: withCredentials })),
        };
      }, { url: `http://127.0.0.1:${port}/x`, crossOrigin, withCredentials: `http://user:secret@127.0.0.1:${port}/x` });
      // Each engine's fetch has its own words for it (ENGINE_FETCH_TEXTS): none of them reaches the page.
      expect(out).toEqual({
        request: 'request:fail network error',
        callbacks: ['fail:request:fail network error'],
        downloadFile: 'downloadFile:fail network error',
        downloadSaved: 'downloadFile:fail network error',
        crossOrigin: 'request:fail network error',
        crossOriginDownload: 'downloadFile:fail network error',
        withCredentials: 'request:fail network error',
      });
      for (const text of ENGINE_FETCH_TEXTS) expect(JSON.stringify(out)).not.toContain(text);
    },
  },
  {
    name: 'a url that is not http(s), page-relative ones included, fails before any fetch, even with ftHost.mock set, and is a request-url device check (§5.3, §1.15)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-network' }));
      const out = await page.evaluate(async () => {
        /** @type {string[]} */ const fetched = [];
        const realFetch = window.fetch;
        window.fetch = (...args) => { fetched.push(String(args[0] instanceof Request ? args[0].url : args[0])); return realFetch(...args); };
        /** @type {any} */ (window).__ran = 0;
        const err = (/** @type {Promise<any>} */ p) => p.then((r) => r.errMsg, (e) => e.errMsg);
        // data: and blob: urls, and the page-relative forms, are ones the browser would answer: the check comes first.
        const blobUrl = URL.createObjectURL(new Blob(['{"a":1}'], { type: 'application/json' }));
        const urls = ['/echo?r=1', 'echo?r=2', `//${location.host}/echo?r=3`, 'javascript:window.__ran=1', ' JavaScript:void(0)', 'data:application/json,{"a":1}', blobUrl, 'file:///etc/hostname', 'ftp://127.0.0.1/f', 'about:blank', ` ${location.origin}/echo`];
        try {
          /** @type {string[]} */ const out = [];
          for (const url of urls) {
            out.push(await err(ft.request({ url })));
            out.push(await err(ft.downloadFile({ url })));
          }
          ftHost.mock('request', { data: 'mocked' });
          ftHost.mock('downloadFile', { data: 'mocked' });
          /** @type {string[]} */ const mocked = [];
          for (const url of urls) {
            mocked.push(await err(ft.request({ url })));
            mocked.push(await err(ft.downloadFile({ url, filePath: 'x.txt' })));
          }
          ftHost.unmock();
          // The fix the check names works: an absolute url built from the page's.
          const fixed = await ft.request({ url: new URL('/echo?r=4', location.href).href });
          return { urls, out, mocked, fixed: [fixed.errMsg, fixed.data.url], fetched: fetched.map((u) => new URL(u).pathname + new URL(u).search), ran: /** @type {any} */ (window).__ran, warnings: ftHost.warnings() };
        } finally {
          window.fetch = realFetch;
        }
      });
      const expected = out.urls.flatMap((url) => [`request:fail invalid url "${url}"`, `downloadFile:fail invalid url "${url}"`]);
      expect(out).toMatchObject({ out: expected, mocked: expected, fixed: ['request:ok', '/echo?r=4'], fetched: ['/echo?r=4'], ran: 0 });
      // One per kind and call site (how many sites an engine tells apart in evaluated code varies).
      const message = 'url not http(s): a device fails the call; use an absolute url, e.g. new URL(url, location.href).href';
      const seen = [...new Set(out.warnings.map((/** @type {any} */ w) => JSON.stringify([w.kind, w.api, w.message])))].map((w) => JSON.parse(w));
      expect(seen).toEqual([['request-url', 'request', message], ['request-url', 'downloadFile', message]]);
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: "§5.2 as written: dataType is parsed only when exactly 'json'; the method is upper-cased; any status is a success",
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-network' }));
      const out = await page.evaluate(async () => {
        const upper = await ft.request({ url: `${location.origin}/echo`, dataType: 'JSON' });
        const other = await ft.request({ url: `${location.origin}/echo`, dataType: 'other' });
        const json = await ft.request({ url: `${location.origin}/echo`, method: 'delete' });
        return { upper: typeof upper.data, other: typeof other.data, json: [typeof json.data, json.data.method], warnings: ftHost.warnings() };
      });
      expect(out).toEqual({ upper: 'string', other: 'string', json: ['object', 'DELETE'], warnings: [] });
    },
  },
  {
    name: 'downloadFile gives a blob: tempFilePath that works in <img>, fetch and getLocalImgData, whatever the served type (§5.4, §5.6)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-network' }));
      const out = await page.evaluate(async () => {
        const res = await ft.downloadFile({ url: `${location.origin}/mislabelled` });
        const img = new Image();
        img.src = res.tempFilePath;
        await img.decode();
        const fetched = (await (await fetch(res.tempFilePath)).arrayBuffer()).byteLength;
        const local = await ft.getLocalImgData({ path: res.tempFilePath });
        const missing = await ft.getLocalImgData({ path: 'blob:nope' }).catch((e) => e);
        const notFound = await ft.downloadFile({ url: `${location.origin}/status404` });
        return {
          errMsg: res.errMsg, status: res.statusCode, blob: res.tempFilePath.startsWith('blob:'), width: img.naturalWidth, fetched,
          local: local.localData, missing: missing.errMsg, notFound: [notFound.errMsg, notFound.statusCode],
        };
      });
      expect(out).toEqual({
        errMsg: 'downloadFile:ok', status: 200, blob: true, width: 64, fetched: PNG.length,
        local: `data:image/png;base64,${PNG.toString('base64')}`,
        missing: 'getLocalImgData:fail file not found', notFound: ['downloadFile:ok', 404],
      });
    },
  },
  {
    name: 'downloadFile with filePath returns filePath and no tempFilePath, and keeps the file across a reload (§5.4)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-saved-files' }));
      const first = await page.evaluate(async () => {
        const saved = await ft.downloadFile({ url: `${location.origin}/image.png`, filePath: 'photos/cat.png' });
        const temp = await ft.downloadFile({ url: `${location.origin}/image.png` });
        return { saved, tempKeys: Object.keys(temp).sort() };
      });
      // §5.4: with filePath the result is filePath and statusCode, no tempFilePath; without, the reverse.
      expect(first).toEqual({ saved: { errMsg: 'downloadFile:ok', filePath: 'photos/cat.png', statusCode: 200 }, tempKeys: ['errMsg', 'statusCode', 'tempFilePath'] });
      await page.reload();
      const after = await page.evaluate(async () => ({
        local: (await ft.getLocalImgData({ path: 'photos/cat.png' })).localData,
        keys: (await ft.getStorageInfo()).keys,
      }));
      expect(after).toEqual({ local: `data:image/png;base64,${PNG.toString('base64')}`, keys: [] });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'openDocument checks fileType (outside the list: filetype not supported) and the path, then opens (with ftHost.mock); the host reports the document (§5.4)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-docs' }));
      const out = await page.evaluate(async () => {
        const pdf = await ft.downloadFile({ url: `${location.origin}/doc.pdf` });
        const img = await ft.downloadFile({ url: `${location.origin}/image.png` });
        const err = (/** @type {Promise<any>} */ p) => p.then((r) => r.errMsg, (e) => e.errMsg);
        const checks = {
          badType: await err(ft.openDocument({ filePath: pdf.tempFilePath, fileType: 'txt' })),
          upperType: await err(ft.openDocument({ filePath: pdf.tempFilePath, fileType: 'PDF' })),
          unknown: await err(ft.openDocument({ filePath: 'nowhere.pdf' })),
          notDoc: await err(ft.openDocument({ filePath: img.tempFilePath })),
          noPath: await err(ft.openDocument({})),
        };
        /** @type {any[]} */ const opened = [];
        ftHost.mock('openDocument', (/** @type {any} */ o) => { opened.push(o.filePath === pdf.tempFilePath); return {}; });
        const ok = await err(ft.openDocument({ filePath: pdf.tempFilePath, fileType: 'pdf' }));
        const inferred = await err(ft.openDocument({ filePath: pdf.tempFilePath }));
        // A mock stands in for the file, not for the type rule (§5.4).
        const mockedBadType = await err(ft.openDocument({ filePath: 'mocked.txt', fileType: 'txt' }));
        return { checks, ok, inferred, opened, mockedBadType };
      });
      expect(out.checks).toMatchObject({
        badType: 'openDocument:fail filetype not supported',
        upperType: 'openDocument:fail filetype not supported',
        unknown: 'openDocument:fail file not found',
        notDoc: 'openDocument:fail filetype not supported',
        noPath: 'openDocument:fail parameter error: parameter.filePath should be String instead of Undefined;',
      });
      expect(out).toMatchObject({ ok: 'openDocument:ok', inferred: 'openDocument:ok', opened: [true, true], mockedBadType: 'openDocument:fail filetype not supported' });
      expect(await page.errors()).toEqual([]);
    },
  },
  {
    name: 'openDocument from a click opens the PDF for real: a new tab or the host viewer, reported to the host',
    async run(browser) {
      // Its own profile: the tab it opens is closed with it.
      const page = await (await browser.newProfile()).open(browser.pageUrl({ appId: 'engines-docs-real' }));
      await page.evaluate(async () => {
        const pdf = await ft.downloadFile({ url: `${location.origin}/doc.pdf` });
        const button = document.createElement('button');
        button.id = 'open-doc';
        button.textContent = 'open';
        /** @type {any} */ (window).__doc = { events: [] };
        ftHost.on('document', (/** @type {any} */ e) => /** @type {any} */ (window).__doc.events.push({ fileType: e.fileType, mime: e.mime, blob: String(e.url).startsWith('blob:'), viewer: e.viewer }));
        button.onclick = () => ft.openDocument({ filePath: pdf.tempFilePath }).then((r) => { /** @type {any} */ (window).__doc.result = r.errMsg; }, (e) => { /** @type {any} */ (window).__doc.result = e.errMsg; });
        document.body.appendChild(button);
      });
      await page.click('#open-doc');
      const doc = await page.waitFor(() => { const d = /** @type {any} */ (window).__doc; return d.result && d.events.length ? d : null; });
      expect(doc.result).toBe('openDocument:ok');
      expect(doc.events).toHaveLength(1);
      expect(doc.events[0]).toMatchObject({ fileType: 'pdf', mime: 'application/pdf', blob: true });
      expect(await page.errors()).toEqual([]);
    },
  },
];
