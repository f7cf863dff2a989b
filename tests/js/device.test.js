// The device interfaces under Node (Jest, no DOM): request over Node's fetch against a local
// server, downloadFile into the registry, and the host mocks standing in for picker and GPS.
import { createServer } from 'node:http';
import { freshFt } from '../helpers/node.js';

/** @type {import('node:http').Server} */ let server;
let base = '';
beforeAll(() => new Promise((resolve) => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (req.url.startsWith('/teapot')) { res.writeHead(418, { 'x-kind': 'teapot' }); res.end('short and stout'); return; }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, body, type: req.headers['content-type'] || null }));
    });
  });
  server.listen(0, '127.0.0.1', () => { base = `http://127.0.0.1:${server.address().port}`; resolve(undefined); });
}));
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('request works under Node with the core building and decoding', async () => {
  const { ft } = await freshFt();
  const get = await ft.request({ url: `${base}/q?a=1`, data: { b: 'x y' } });
  const post = await ft.request({ url: `${base}/p`, method: 'POST', data: { n: 1 } });
  const teapot = await ft.request({ url: `${base}/teapot` });
  expect(get.data).toEqual({ method: 'GET', url: '/q?a=1&b=x%20y', body: '', type: null });
  expect(post.data).toEqual({ method: 'POST', url: '/p', body: '{"n":1}', type: 'application/json' });
  expect([teapot.errMsg, teapot.statusCode, teapot.data, teapot.header['x-kind']]).toEqual(['request:ok', 418, 'short and stout', 'teapot']);
});

test('without a DOM, pickers fail clearly and mocks answer instead', async () => {
  const { ft, host } = await freshFt();
  expect((await ft.chooseImage({}).catch((e) => e)).errMsg).toBe('chooseImage:fail no file picker outside a browser page: use ftHost.mock');
  host.mock('chooseImage', { files: [{ name: 'x.gif', data: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64') }] });
  const picked = await ft.chooseImage({ count: 1 });
  expect((await ft.getLocalImgData({ path: picked.tempFilePaths[0] })).localData).toMatch(/^data:image\/gif;base64,R0lGODlh/);
  host.mock('getLocation', () => ({ latitude: 22.5431, longitude: 114.0579 }));
  const gcj = await ft.getLocation({ type: 'gcj02' });
  expect(gcj.errMsg).toBe('getLocation:ok');
  expect(gcj.latitude).not.toBe(22.5431);
  await host.reset();
  expect(host.mocked()).toEqual([]);
});
