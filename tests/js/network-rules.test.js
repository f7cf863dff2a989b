// ft.request / ft.downloadFile rules under Node's fetch against the real core (behaviour.md §5.3,
// §5.4): which urls are fetched at all, the one transport failure text, downloadFile's result.
import { createServer } from 'node:http';
import { jest } from '@jest/globals';
import { freshFt } from '../helpers/node.js';
import { closedPort } from '../helpers/device-server.js';

/** @type {import('node:http').Server} */ let server;
let base = '';
let hits = 0;
beforeAll(() => new Promise((resolve) => {
  server = createServer((req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`served ${req.url}`);
  });
  server.listen(0, '127.0.0.1', () => { base = `http://127.0.0.1:${/** @type {any} */ (server.address()).port}`; resolve(undefined); });
}));
afterAll(() => new Promise((resolve) => server.close(resolve)));

const refused = (/** @type {string} */ api, /** @type {string} */ url) => `${api}:fail invalid url "${url}"`;

// Node's fetch would answer data: urls and blob: urls of its own Blobs, and the page-relative
// forms resolve against a page in a browser: these prove the check comes first (§5.3).
const NOT_HTTP = ['/api/user', 'api/user', '//127.0.0.1/x', '', ' https://127.0.0.1/', 'javascript:alert(1)', 'data:text/plain,hi',
  'blob:nodedata:0b1c-1', 'file:///etc/hostname', 'ftp://127.0.0.1/f', 'ws://127.0.0.1/'];

test.each(NOT_HTTP)('request and downloadFile refuse %j before any fetch, even when mocked, with a request-url device check', async (url) => {
  const { ft, host } = await freshFt();
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    expect((await ft.request({ url }).catch((e) => e)).errMsg).toBe(refused('request', url));
    expect((await ft.downloadFile({ url }).catch((e) => e)).errMsg).toBe(refused('downloadFile', url));
    host.mock('request', { data: 'mocked' });
    host.mock('downloadFile', { data: 'mocked' });
    expect((await ft.miniProgram.request({ url }).catch((e) => e)).errMsg).toBe(refused('request', url)); // the same interface (§1.12)
    expect((await ft.downloadFile({ url, filePath: 'x.txt' }).catch((e) => e)).errMsg).toBe(refused('downloadFile', url));
    expect(fetchSpy).not.toHaveBeenCalled();
    const message = 'url not http(s): a device fails the call; use an absolute url, e.g. new URL(url, location.href).href';
    expect(host.warnings().map((/** @type {any} */ w) => [w.kind, w.api, w.message])).toEqual([
      ['request-url', 'request', message], ['request-url', 'downloadFile', message], ['request-url', 'request', message],
      ['request-url', 'downloadFile', message],
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^ft-polyfill device check: ft\.request: url not http\(s\)/));
  } finally {
    fetchSpy.mockRestore();
    warn.mockRestore();
  }
});

test('http(s) in any case is fetched', async () => {
  const { ft } = await freshFt();
  const before = hits;
  const upper = await ft.request({ url: `${base.replace('http:', 'HTTP:')}/upper`, dataType: 'text' });
  expect([upper.errMsg, upper.data]).toEqual(['request:ok', 'served /upper']);
  expect(hits).toBe(before + 1);
});

test("a transport failure fails 'network error', not the engine's own text; timeout and abort stay", async () => {
  const { ft } = await freshFt();
  const port = await closedPort();
  // Node's fetch says "fetch failed" here.
  expect((await ft.request({ url: `http://127.0.0.1:${port}/x` }).catch((e) => e)).errMsg).toBe('request:fail network error');
  expect((await ft.downloadFile({ url: `http://127.0.0.1:${port}/x` }).catch((e) => e)).errMsg).toBe('downloadFile:fail network error');
  // A url fetch itself refuses (credentials in it): the same one text.
  expect((await ft.request({ url: `http://user:pw@127.0.0.1:${port}/x` }).catch((e) => e)).errMsg).toBe('request:fail network error');
  const task = ft.request({ url: `http://127.0.0.1:${port}/x` });
  task.abort();
  expect((await task.catch((e) => e)).errMsg).toBe('request:fail abort');
});

test('downloadFile with filePath gives {filePath, statusCode} and no tempFilePath', async () => {
  const { ft } = await freshFt();
  const saved = await ft.downloadFile({ url: `${base}/report.txt`, filePath: 'docs/report.txt' });
  expect(saved).toEqual({ errMsg: 'downloadFile:ok', filePath: 'docs/report.txt', statusCode: 200 });
  const temp = await ft.downloadFile({ url: `${base}/report.txt` });
  expect(Object.keys(temp).sort()).toEqual(['errMsg', 'statusCode', 'tempFilePath']);
});
