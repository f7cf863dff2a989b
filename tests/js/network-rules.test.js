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

const refused = (/** @type {string} */ api, /** @type {string} */ scheme) =>
  `${api}:fail invalid url: ${scheme} urls can not be fetched (use http, https or a path relative to the page)`;

// Node's fetch would answer data: urls and blob: urls of its own Blobs: these prove the check
// comes first, not that fetch failed.
const NOT_HTTP = [
  ['javascript:alert(1)', 'javascript'],
  [' JavaScript:void(0)', 'javascript'],
  ['data:text/plain,hi', 'data'],
  ['blob:nodedata:0b1c-1', 'blob'],
  ['file:///etc/hostname', 'file'],
  ['ftp://127.0.0.1/f', 'ftp'],
  ['ws://127.0.0.1/', 'ws'],
];

test.each(NOT_HTTP)('request and downloadFile refuse %j before any fetch, even when mocked', async (url, scheme) => {
  const { ft, host } = await freshFt();
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  try {
    expect((await ft.request({ url }).catch((e) => e)).errMsg).toBe(refused('request', scheme));
    expect((await ft.downloadFile({ url }).catch((e) => e)).errMsg).toBe(refused('downloadFile', scheme));
    host.mock('request', { data: 'mocked' });
    host.mock('downloadFile', { data: 'mocked' });
    expect((await ft.request({ url }).catch((e) => e)).errMsg).toBe(refused('request', scheme));
    expect((await ft.downloadFile({ url, filePath: 'x.txt' }).catch((e) => e)).errMsg).toBe(refused('downloadFile', scheme));
    expect(fetchSpy).not.toHaveBeenCalled();
  } finally {
    fetchSpy.mockRestore();
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
