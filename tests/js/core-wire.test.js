// The wire (polyfill/core-wire.js, polyfill/core-wire/) against the real core
// (build/wasm/ft-core-node.cjs): every answer is one JS value, {ok, ...fields} or {ok: false,
// reason} (no JSON text, no second crossing for a reason), the JS reason texts are the core's, and
// the one lone-surrogate policy carries strings through the core unchanged.
import { createRequire } from 'node:module';
import { REASON, paramFailure, read, revive, toCoreJson, toCoreString, toOutcome } from '../../polyfill/core-wire.js';
import { FileRegistry, chooseImagePlan, downloadPlan, requestDecode, requestFailReason, requestPlan } from '../../polyfill/core-wire/device.js';
import { HostCore } from '../../polyfill/core-wire/host.js';
import { StorageCore, queuedWriteLine } from '../../polyfill/core-wire/storage.js';

const require = createRequire(import.meta.url);
/** @type {{ Module: any }} */ let core;
beforeAll(async () => { core = { Module: await require('../../build/wasm/ft-core-node.cjs')() }; });

test('the reason texts the JS writes are the core\'s (src/reasons.h)', () => {
  expect(requestFailReason(core, 'abort')).toBe(REASON.abort);
  expect(requestFailReason(core, 'timeout')).toBe(REASON.timeout);
  expect(requestFailReason(core, 'TypeError: Failed to fetch')).toBe('network error');
  const reg = new FileRegistry(core, '/tmp/core-wire-reasons');
  try {
    expect(reg.call('stat', 'nowhere')).toEqual({ ok: false, reason: REASON.fileNotFound });
  } finally {
    reg.delete();
  }
  expect(Object.keys(REASON).sort()).toEqual(['abort', 'cancel', 'fileNotFound', 'timeout']);
});

test('a plan is one JS value: {ok, ...fields} or {ok: false, reason}', () => {
  const plan = requestPlan(core, { url: 'https://h/x', method: 'post', dataType: 'json', responseType: 'text', timeout: 0, data: { a: [1, 2.5] } });
  expect(plan).toEqual({
    ok: true, url: 'https://h/x', method: 'POST', header: { 'content-type': 'application/json' },
    body: { kind: 'text', text: '{"a":[1,2.5]}' }, timeout: 60000, decode: 'json',
  });
  expect(requestPlan(core, { url: 'https://h/x' })).toEqual({ ok: false, reason: 'parameter error: parameter.method should be String instead of Undefined;' });
  expect(toOutcome(downloadPlan(core, { url: 'https://h/f', filePath: 'a/b' }))).toEqual({
    ok: true, data: { url: 'https://h/f', method: 'GET', header: {}, body: { kind: 'none' }, timeout: 60000, decode: 'arraybuffer', filePath: 'a/b' },
  });
  expect(toOutcome(downloadPlan(core, { url: 3 }))).toEqual({ ok: false, reason: 'parameter error: parameter.url should be String instead of Number;' });
  // A url that is not http(s) fails with the core's device check (§5.3, §1.15).
  expect(downloadPlan(core, { url: '/f' })).toEqual({ ok: false, reason: 'invalid url "/f"', check: expect.stringMatching(/^url not http\(s\): a device fails the call/) });
  expect(paramFailure(core.Module, ['url\tString\tNumber', 'method\t=GET,POST\t"X"'])).toEqual({ ok: false, reason: 'parameter error: parameter.url should be String instead of Number;parameter.method should be one of GET, POST instead of "X";' });
  expect(requestDecode(core, 1e6, 'A: 1\r\na: 2\r\n', 'json', false)).toEqual({ statusCode: 0, header: { A: '1, 2' }, data: 'text' });
});

test('options JSON.stringify refuses fail with the one not-serialisable text', () => {
  const cyclic = {}; /** @type {any} */ (cyclic).self = cyclic;
  const r = chooseImagePlan(core, cyclic);
  expect(r.ok).toBe(false);
  expect(/** @type {any} */ (r).reason).toMatch(/^parameter error: options is not serialisable \(/);
});

test('lone surrogates and U+FFFF cross the core and come back exactly', () => {
  const odd = ['a\ud800b', '\udfff', '\uffff', 'x\uffffd800', '\ud83d\ude00', 'plain'];
  for (const s of odd) {
    expect(revive(JSON.parse(/** @type {string} */ (toCoreJson(s))))).toBe(s);
    expect(read(toCoreString(s))).toBe(s);
    const plan = requestPlan(core, { url: `https://h/p?${s}`, method: 'POST', dataType: 'json', responseType: 'text', timeout: 1, data: s });
    expect(plan).toMatchObject({ ok: true, url: `https://h/p?${s}`, body: { kind: 'text', text: s } });
  }
  const reg = new FileRegistry(core, '/tmp/core-wire-test');
  try {
    const path = 'blob:odd\ud800';
    expect(reg.call('addTemp', path, 3, 'n\udc00.png', 'image/png', new Uint8Array([1, 2, 3]))).toMatchObject({ ok: true, path, name: 'n\udc00.png', size: 3, persisted: false });
    expect(reg.call('stat', path)).toMatchObject({ ok: true, path });
    expect(reg.call('read', path)).toEqual({ ok: false, reason: 'file bytes are not held by the core' });
    expect(reg.call('stat', 'blob:missing')).toEqual({ ok: false, reason: REASON.fileNotFound });
  } finally {
    reg.delete();
  }
});

test('host answers are JS values, revived once, in the one {ok, reason} convention', () => {
  const host = new HostCore(core);
  try {
    expect(host.call('configure', JSON.stringify({ appId: 'wire', stack: ['pages/a/a'] }))).toEqual({ ok: true, webviewTimeout: 0 });
    const title = toCoreString('t\ud800');
    expect(host.call('setNavigationBarTitle', title)).toEqual({ ok: true, events: [{ type: 'title', title: 't\ud800' }] });
    expect(host.call('title')).toBe('t\ud800');
    expect(host.call('navigateBack', 5)).toEqual({ ok: false, reason: expect.any(String) });
    expect(host.call('stack')).toEqual([expect.objectContaining({ route: 'pages/a/a' })]);
    expect(host.call('state')).toMatchObject({ appId: 'wire', foreground: true, webview: { alive: true } });
    // A registry answers its plain value.
    expect(host.call('onShow', 7)).toBe(true);
    expect(host.call('holdsListener', 7)).toBe(true);
    // Posted data keeps an own "__proto__" member, as JSON.parse makes it.
    expect(host.call('postMessage', '{"b":{"__proto__":{"x":1}}}')).toEqual({ ok: true });
    const [message] = host.call('close').events;
    const posted = message.detail.data[0].b;
    expect(Object.getPrototypeOf(posted)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(posted)).toEqual(['__proto__']);
    expect(posted.__proto__).toEqual({ x: 1 });
  } finally {
    host.delete();
  }
});

test('a storage write answers its op, or why it was refused, in the one crossing', () => {
  const storage = new StorageCore(new core.Module.Storage('/core-wire-storage'));
  try {
    expect(storage.load()).toEqual([]);
    const written = storage.set('k', 'string', '"v"');
    expect(written).toEqual({ ok: true, op: expect.any(Number) });
    expect(storage.set('big', 'string', 'x'.repeat(1024 * 1024))).toEqual({ ok: false, reason: 'exceed storage item max length' });
    expect(storage.set('k', 'Bad', '1')).toEqual({ ok: false, reason: 'parameter error: invalid value type tag' });
    expect(storage.get('k')).toEqual({ ok: true, type: 'string', payload: '"v"' });
    expect(storage.get('missing')).toEqual({ ok: false, reason: 'data not found' });
    expect(storage.info()).toEqual({ keys: ['k'], currentSize: 1, limitSize: 10240 });
    expect(storage.remove('k')).toBeGreaterThan(written.ok ? written.op : 0);
    // The calls queued before the core was up go into the kept record as the calls; the core reads them.
    const record = queuedWriteLine('setStorage', { key: 'q\t1', type: 'number', payload: '2' })
      + queuedWriteLine('setStorage', { key: 'r', type: 'string', payload: '"\ufffd"' })
      + queuedWriteLine('removeStorage', { key: 'r' });
    expect(storage.replay(record)).toBe('');
    expect(storage.get('q\t1')).toEqual({ ok: true, type: 'number', payload: '2' });
    expect(storage.unsaved().split('\n').slice(-4)).toEqual(['number\tq\\t1\t2', 'string\tr\t"\ufffd"', '-\tr\t', '']);
    const report = storage.flush();
    expect(report).toMatchObject({ ok: true, shardsWritten: 1, written: [expect.stringContaining('/journal-')], removed: [], compactDue: false });
    expect(storage.refresh()).toEqual({ reloaded: 0, warnings: [], rejected: [] });
  } finally {
    storage.delete();
  }
});
