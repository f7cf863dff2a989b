// polyfill/core-wire.js against the real core (build/wasm/ft-core-node.cjs): the JS reason texts
// are the core's, answers are JS values (no JSON text), and the one lone-surrogate policy carries
// strings through the core unchanged.
import { createRequire } from 'node:module';
import { REASON, answer, callWithOptions, outcome, revive, toCoreJson, toCoreString } from '../../polyfill/core-wire.js';

const require = createRequire(import.meta.url);
/** @type {any} */ let Module;
beforeAll(async () => { Module = await require('../../build/wasm/ft-core-node.cjs')(); });

test('the reason texts the JS writes are the core\'s (src/reasons.h)', () => {
  expect(Module.requestFailReason('abort')).toBe(REASON.abort);
  expect(Module.requestFailReason('timeout')).toBe(REASON.timeout);
  expect(Module.requestFailReason('TypeError: Failed to fetch')).toBe('network error');
  const reg = new Module.FileRegistry('/tmp/core-wire-reasons');
  try {
    expect(reg.stat('nowhere')).toEqual({ ok: false, reason: REASON.fileNotFound });
  } finally {
    reg.delete();
  }
  expect(Object.keys(REASON).sort()).toEqual(['abort', 'cancel', 'fileNotFound', 'timeout']);
});

test('a plan is one JS value: {ok, ...fields} or {ok: false, reason}', () => {
  const plan = callWithOptions(Module.requestPlan, { url: 'https://h/x', method: 'post', dataType: 'json', responseType: 'text', timeout: 0, data: { a: [1, 2.5] } });
  expect(plan).toEqual({
    ok: true, url: 'https://h/x', method: 'POST', header: { 'content-type': 'application/json' },
    body: { kind: 'text', text: '{"a":[1,2.5]}' }, timeout: 60000, decode: 'json',
  });
  expect(callWithOptions(Module.requestPlan, { url: 'https://h/x' })).toEqual({ ok: false, reason: 'parameter error: parameter.method should be String instead of Undefined;' });
  expect(outcome(callWithOptions(Module.downloadPlan, { url: 'https://h/f', filePath: 'a/b' }))).toEqual({
    ok: true, data: { url: 'https://h/f', method: 'GET', header: {}, body: { kind: 'none' }, timeout: 60000, decode: 'arraybuffer', filePath: 'a/b' },
  });
  expect(outcome(callWithOptions(Module.downloadPlan, { url: 3 }))).toEqual({ ok: false, reason: 'parameter error: parameter.url should be String instead of Number;' });
  // A url that is not http(s) fails with the core's device check (§5.3, §1.15).
  expect(callWithOptions(Module.downloadPlan, { url: '/f' })).toEqual({ ok: false, reason: 'invalid url "/f"', check: expect.stringMatching(/^url not http\(s\): a device fails the call/) });
  expect(Module.paramErrorText('url\tString\tNumber\nmethod\t=GET,POST\t"X"')).toBe('parameter error: parameter.url should be String instead of Number;parameter.method should be one of GET, POST instead of "X";');
  expect(Module.requestDecode(1e6, 'A: 1\r\na: 2\r\n', 'json', false)).toEqual({ statusCode: 0, header: { A: '1, 2' }, data: 'text' });
});

test('options JSON.stringify refuses fail with the one not-serialisable text', () => {
  const cyclic = {}; /** @type {any} */ (cyclic).self = cyclic;
  const r = callWithOptions(Module.chooseImagePlan, cyclic);
  expect(r.ok).toBe(false);
  expect(/** @type {any} */ (r).reason).toMatch(/^parameter error: options is not serialisable \(/);
});

test('lone surrogates and U+FFFF cross the core and come back exactly', () => {
  const odd = ['a\ud800b', '\udfff', '\uffff', 'x\uffffd800', '\ud83d\ude00', 'plain'];
  for (const s of odd) {
    expect(revive(JSON.parse(/** @type {string} */ (toCoreJson(s))))).toBe(s);
    expect(revive(toCoreString(s))).toBe(s);
    const plan = callWithOptions(Module.requestPlan, { url: `https://h/p?${s}`, method: 'POST', dataType: 'json', responseType: 'text', timeout: 1, data: s });
    expect(plan).toMatchObject({ ok: true, url: `https://h/p?${s}`, body: { kind: 'text', text: s } });
  }
  const reg = new Module.FileRegistry('/tmp/core-wire-test');
  try {
    const path = 'blob:odd\ud800';
    const added = answer(reg.addTemp(toCoreString(path), 3, toCoreString('n\udc00.png'), 'image/png', new Uint8Array([1, 2, 3])));
    expect(added).toMatchObject({ ok: true, path, name: 'n\udc00.png', size: 3, persisted: false });
    expect(answer(reg.stat(toCoreString(path)))).toMatchObject({ ok: true, path });
    expect(reg.read(toCoreString(path))).toEqual({ ok: false, reason: 'file bytes are not held by the core' });
    expect(reg.stat('blob:missing')).toEqual({ ok: false, reason: REASON.fileNotFound });
  } finally {
    reg.delete();
  }
});
