// ftHostConfig.mocks under Node against the real core (docs/guides/mocks.md, polyfill/mocks/rules.js):
// how a rule's url matches, what each bad part of the configuration says, bodies of every kind
// through the decode, and what configure / reset / ftHost.mock do to the rules.
import { jest } from '@jest/globals';
import { freshFt } from '../helpers/node.js';
import { API_TABLE } from '../../polyfill/api-table.js';
import { NATIVE } from '../../polyfill/mocks/check.js';

const settle = (/** @type {Promise<any>} */ p) => p.then((r) => r, (e) => e);

/** @param {any[]} request @param {object} [more] */
const withRules = (request, more = {}) => freshFt({ mocks: { request, unmatched: 'fail', ...more } });

test("mocks' native answers are the API table's mockable interfaces but request", () => {
  expect([...NATIVE].sort()).toEqual(API_TABLE.filter((def) => def.mockable && def.name !== 'request').map((def) => def.name).sort());
});

test("a url pattern: '*' is any run of characters (the query too); every other character is itself", async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const { ft } = await withRules([
      { url: 'https://a.example/p?x=1.5', response: { data: 'literal' } },
      { url: 'https://a.example/goods*', response: { data: 'goods' } },
      { url: '*://b.example/*/end', response: { data: 'middle' } },
    ]);
    const data = async (/** @type {string} */ url) => { const r = await settle(ft.request({ url })); return r.data ?? r.errMsg; };
    expect(await data('https://a.example/p?x=1.5')).toBe('literal');
    expect(await data('https://a.example/p?x=125')).toBe('request:fail network error'); // '.' is a dot, '?' is a question mark
    expect(await data('https://a.example/goods')).toBe('goods');
    expect(await data('https://a.example/goods/7?sort=asc')).toBe('goods');
    expect(await data('https://a.example/goodsearch')).toBe('goods');
    expect(await data('http://b.example/a/b/end')).toBe('middle');
    expect(await data('http://b.example/a/b/end/')).toBe('request:fail network error'); // the whole url
  } finally {
    warn.mockRestore();
  }
});

test('a RegExp (an object, or "/re/flags"), the method in any case, and the first matching rule wins', async () => {
  const { ft } = await withRules([
    { url: /\/users\/\d+$/g, method: 'delete', response: { statusCode: 204 } },
    { url: '/\\/USERS\\/\\d+$/i', response: { data: 'any method' } },
    { url: 'https://a.example/users/1', response: { data: 'never: an earlier rule matches' } },
  ]);
  // Twice: a global RegExp's lastIndex does not make every other call miss.
  for (let i = 0; i < 2; i += 1) {
    const del = await ft.request({ url: 'https://a.example/users/1', method: 'DELETE' });
    expect([del.statusCode, del.data]).toEqual([204, '']);
  }
  expect((await ft.request({ url: 'https://a.example/users/1' })).data).toBe('any method');
});

test('bodies: a string, bytes and JSON values, with dataType, responseType and HEAD', async () => {
  const { ft } = await withRules([
    { url: '*/text', response: { data: '{"a":1}', header: { 'Content-Type': 'text/plain' } } },
    { url: '*/bytes', response: { data: new Uint8Array([123, 34, 98, 34, 58, 50, 125]) } },
    { url: '*/null', response: { data: null } },
    { url: '*/json', response: { data: [1, 'two'] } },
  ]);
  const text = await ft.request({ url: 'https://a.example/text' });
  expect([text.data, text.header]).toEqual([{ a: 1 }, { 'content-type': 'text/plain' }]); // dataType json parses a JSON string body
  expect((await ft.request({ url: 'https://a.example/text', dataType: 'text' })).data).toBe('{"a":1}');
  expect((await ft.request({ url: 'https://a.example/bytes' })).data).toEqual({ b: 2 });
  const buffer = (await ft.request({ url: 'https://a.example/json', responseType: 'arraybuffer' })).data;
  expect(new TextDecoder().decode(buffer)).toBe('[1,"two"]');
  expect((await ft.request({ url: 'https://a.example/null' })).data).toBe(null);
  const head = await ft.request({ url: 'https://a.example/json', method: 'HEAD' });
  expect([head.statusCode, head.data]).toEqual([200, '']);
});

test('each bad part of mocks is skipped with a message in configError; nothing throws; the rest applies', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const { ft, host } = await freshFt({ mocks: {
      request: [
        'https://a.example/x',
        { url: '' },
        { url: '/a(/' },
        { url: 'https://a.example/*', method: 5, response: {} },
        { url: 'https://a.example/*', fail: 'refused' },
        { url: 'https://a.example/*' },
        { url: 'https://a.example/*', response: [] },
        { url: 'https://a.example/*', response: { statusCode: 2.5 } },
        { url: 'https://a.example/*', response: { header: 'x' } },
        { url: 'https://a.example/*', response: {}, delay: -1 },
        { url: 'https://a.example/ok', response: { data: 'the good rule' } },
      ],
      unmatched: 'never',
      callNativeAPI: { pay: 'yes', '': {}, ok: { data: 1 } },
      getLocation: { fail: 3 },
      chooseImage: { delay: 'soon' },
      reqeust: [],
    } });
    expect(host.configError().split('; ')).toEqual([
      'mocks.request[0] should be an object: { url, method?, response? | fail?, delay? }',
      "mocks.request[1].url should be a non-empty string ('*' matches any run of characters) or a RegExp (\"/re/flags\" in JSON)",
      expect.stringMatching(/^mocks\.request\[2\]\.url \/a\(\/: .+/),
      "mocks.request[3].method should be a method name, e.g. 'GET'",
      "mocks.request[4].fail should be one of 'timeout', 'abort', 'network error'",
      'mocks.request[5] should have a response ({statusCode?, header?, data?}) or a fail',
      'mocks.request[6] should have a response ({statusCode?, header?, data?}) or a fail',
      'mocks.request[7].response.statusCode should be an integer',
      'mocks.request[8].response.header should be an object',
      'mocks.request[9].delay should be a number of ms >= 0',
      "mocks.unmatched should be one of 'pass', 'warn', 'fail'",
      'mocks.callNativeAPI.pay should be an object (the success fields, or {fail: reason}) or a function',
      'mocks.callNativeAPI: a name should be non-empty',
      'mocks.getLocation.fail should be a string (the reason)',
      'mocks.chooseImage.delay should be a number of ms >= 0',
      'mocks.reqeust is not mocked (one of request, unmatched, callNativeAPI, downloadFile, openDocument, chooseImage, chooseLocation, getLocation)',
    ]);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^ft-polyfill: ftHostConfig: mocks\.request\[0\]/));
    expect((await ft.request({ url: 'https://a.example/ok' })).data).toBe('the good rule');
    expect((await ft.callNativeAPI('ok')).data).toBe(1);
    // ftHost.configure rejects with the same words.
    await expect(host.configure({ mocks: [] })).rejects.toThrow('ftHost.configure: mocks should be an object: { request: [rules], unmatched, callNativeAPI: {name: answer}, getLocation: answer, ... }');
  } finally {
    error.mockRestore();
  }
});

test('configure without mocks removes the rules and native answers; ftHost.mock and registerNativeAPI win over the configuration', async () => {
  const { ft, host } = await freshFt({ mocks: { request: [{ url: 'https://a.example/*', response: { data: 'rule' } }], callNativeAPI: { pay: { ok: 1 } }, getLocation: { latitude: 1, longitude: 2 } } });
  expect(host.mocked()).toEqual(['getLocation']);
  host.mock('request', { data: 'ftHost.mock' });
  expect((await ft.request({ url: 'https://a.example/x' })).data).toBe('ftHost.mock');
  host.unmock('request');
  expect((await ft.request({ url: 'https://a.example/x' })).data).toBe('rule');
  await host.registerNativeAPI('pay', () => ({ ok: 2 }));
  expect((await ft.callNativeAPI('pay')).ok).toBe(2);

  await host.configure({ appId: 'mocks-gone' });
  expect(host.mocked()).toEqual([]);
  expect((await settle(ft.callNativeAPI('pay'))).ok).toBe(2); // a handler registered by code stays over configure
  const fetchSpy = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('network'));
  try {
    expect((await ft.request({ url: 'https://a.example/x' })).data).toBe('network');
  } finally {
    fetchSpy.mockRestore();
  }
  // reset without a config goes back to the start's mocks.
  await host.reset();
  expect((await ft.request({ url: 'https://a.example/x' })).data).toBe('rule');
  expect((await ft.callNativeAPI('pay')).ok).toBe(1);
});
