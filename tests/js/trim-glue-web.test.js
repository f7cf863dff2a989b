// scripts/trim-glue.mjs's trimWebGlue, the browser bundles' trim of the Emscripten glue: the
// Embind paths the bindings never take are stubbed, what only they used is gone, a stale list is a
// build error, and the trimmed browser glue still starts the real core (given the module through
// instantiateWasm, as polyfill/core-web.js does) with its classes, strings and files working.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { REPLACED_TEXT, STUBBED, UNUSED_CALLS, UNUSED_DECLARATIONS, UNUSED_STATEMENTS, UNUSED_STREAM_OPERATIONS, WITHOUT_DEVICES, trimWebGlue, trimWebGlueForBuild } from '../../scripts/trim-glue.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const webGlue = readFileSync(join(root, 'build/wasm/ft-core-web.cjs'), 'utf8');
/** @type {string[]} */
const warnings = [];
const trimmed = trimWebGlue(webGlue, (m) => warnings.push(m));

/** @param {string} source @param {string} name @returns {boolean} */
const declares = (source, name) => new RegExp(`(function|var)\\s+${name}\\b`).test(source);

test('the trimmed browser glue parses, is shorter, and nothing listed was left behind or kept', () => {
  expect(() => acorn.parse(trimmed, { ecmaVersion: 2020 })).not.toThrow();
  expect(trimmed.length).toBeLessThan(webGlue.length);
  expect(warnings).toEqual([]);
});

test('every STUBBED function is its stub; every UNUSED_DECLARATIONS entry is gone', () => {
  for (const [name, stub] of Object.entries(STUBBED)) {
    expect([name, declares(webGlue, name)]).toEqual([name, true]);
    expect([name, trimmed.includes(stub)]).toEqual([name, true]);
  }
  for (const name of Object.keys(UNUSED_DECLARATIONS)) {
    expect([name, declares(webGlue, name)]).toEqual([name, true]);
    expect([name, declares(trimmed, name)]).toEqual([name, false]);
  }
});

test('the unused stream operations are gone from FS and MEMFS, and named nowhere', () => {
  for (const name of Object.keys(UNUSED_STREAM_OPERATIONS)) {
    expect([name, new RegExp(`\\b${name}\\b`).test(webGlue)]).toEqual([name, true]);
    expect([name, new RegExp(`\\b${name}\\b`).test(trimmed)]).toEqual([name, false]);
  }
  const glue = 'var FS = { mmap: function (s) { s.stream_ops.mmap(); }, msync: 1, read: 2 };\nvar MEMFS = { stream_ops: { mmap: 1, allocate: 2 }, node_ops: { symlink: 3 } };\nFS.msync;';
  const seen = [];
  const out = trimWebGlue(`var createFtCore = (() => function () {\n${Object.keys(STUBBED).map((n) => `function ${n}() {}`).join('\n')}\n${glue}\n});`, (m) => seen.push(m));
  expect(out).not.toMatch(/mmap|allocate|symlink/);
  expect(out).toMatch(/msync: 1/);
  expect(seen.filter((m) => m.includes('stream operation'))).toEqual(['trim-glue: the stream operation msync is used by the glue; kept']);
});

test('the devices, standard streams and terminals are gone: no call of them, no member, no TTY', () => {
  for (const call of Object.keys(UNUSED_CALLS)) {
    expect([call, webGlue.includes(`${call}()`)]).toEqual([call, true]);
    expect([call, trimmed.includes(`${call}(`)]).toEqual([call, false]);
  }
  for (const name of Object.keys(WITHOUT_DEVICES)) expect([name, new RegExp(`\\b${name}\\s*:`).test(trimmed)]).toEqual([name, false]);
  expect(trimmed).not.toMatch(/\bTTY\b|"\/dev/);
  const seen = [];
  trimWebGlue(webGlue.replace('FS.createSpecialDirectories();', ''), (m) => seen.push(m));
  expect(seen).toContain('trim-glue: no call `FS.createSpecialDirectories()` in the glue; nothing removed');
});

test('the .wasm is never fetched: without instantiateWasm the start-up fails with a clear error', async () => {
  for (const [text, by] of Object.entries(REPLACED_TEXT)) {
    expect([text, webGlue.split(text).length]).toEqual([text, 2]);
    expect([text, trimmed.includes(text), trimmed.includes(by)]).toEqual([text, false, true]);
  }
  for (const start of Object.keys(UNUSED_STATEMENTS)) expect([start, webGlue.includes(start), trimmed.includes(start)]).toEqual([start, true, false]);
  expect(trimmed).not.toMatch(/\b(fetch|instantiateStreaming|wasmBinaryFile|locateFile|XMLHttpRequest|scriptDirectory)\b/);
  const sandbox = { module: { exports: {} }, exports: {}, TextDecoder, WebAssembly, console: { ...console, warn() {} }, setTimeout, clearTimeout };
  vm.runInNewContext(`${trimmed}\n;module.exports = createFtCore;`, sandbox);
  await expect(/** @type {any} */ (sandbox.module.exports)({})).rejects.toThrow('ft-polyfill: the core comes through instantiateWasm');
});

test('the build stops on a stale list, naming every entry the glue lacks and the pinned Emscripten', () => {
  expect(trimWebGlueForBuild(webGlue)).toBe(trimmed);
  const other = webGlue.replace('createPreloadedFile:', 'createPreloadedFileLater:').replace('FS.createSpecialDirectories();', '');
  expect(() => trimWebGlueForBuild(other)).toThrow(/^build: the glue is not what scripts\/trim-glue-lists\.mjs was written for \(Emscripten 3\.1\.6, scripts\/toolchain\.mjs\):\n {2}trim-glue: no call `FS\.createSpecialDirectories\(\)` in the glue; nothing removed\n {2}trim-glue: no FS\.createPreloadedFile in the glue; nothing removed$/);
});

test('a stale list is an error; a declaration the glue still names is kept, with a warning', () => {
  expect(() => trimWebGlue('var x = 1;')).toThrow(/no `function __embind_register_std_wstring` in the glue/);
  const stubs = Object.keys(STUBBED).map((name) => `function ${name}() { return "long original body"; }`).join('\n');
  const glue = `var createFtCore = (() => function () {\n${stubs}\nfunction UTF16ToString() {}\nfunction getBinary() {}\nvar UTF16Decoder = 1;\nUTF16ToString();\n});`;
  const seen = [];
  const out = trimWebGlue(glue, (m) => seen.push(m));
  expect(out).not.toMatch(/long original body/);
  expect(declares(out, 'UTF16ToString')).toBe(true);
  expect(declares(out, 'getBinary')).toBe(false);
  expect(declares(out, 'UTF16Decoder')).toBe(false);
  expect(seen).toContain('trim-glue: UTF16ToString is used by the glue; kept');
});

test('the trimmed browser glue starts the real core: classes, UTF-8 strings and files work', async () => {
  const sandbox = { module: { exports: {} }, exports: {}, TextDecoder, WebAssembly, console, setTimeout, clearTimeout, crypto: globalThis.crypto };
  vm.runInNewContext(`${trimmed}\n;module.exports = createFtCore;`, sandbox);
  const createFtCore = /** @type {any} */ (sandbox.module.exports);
  const compiled = await WebAssembly.compile(readFileSync(join(root, 'build/wasm/ft-core-web.wasm')));
  const Module = await createFtCore({
    instantiateWasm(/** @type {WebAssembly.Imports} */ imports, /** @type {Function} */ done) {
      WebAssembly.instantiate(compiled, imports).then((instance) => done(instance, compiled));
      return {};
    },
    locateFile: (/** @type {string} */ name) => name,
  });
  // The same answers as the untrimmed Node glue's (UTF-8 both ways, through TextDecoder here).
  const untrimmed = await createRequire(import.meta.url)('../../build/wasm/ft-core-node.cjs')();
  const url = 'https://example.com/a/%E4%BD%A0%E5%A5%BD-\u00e9.png';
  expect(Module.fileNameFromUrl(url)).toEqual(untrimmed.fileNameFromUrl(url));
  expect(Module.requestFailReason('abort')).toBe(untrimmed.requestFailReason('abort'));
  Module.FS.mkdirTree('/trim');
  const registry = new Module.FileRegistry('/trim');
  try {
    expect(registry.stat('nowhere').ok).toBe(false);
  } finally {
    registry.delete();
  }
  // Without standard streams the core's files take fds from 0: a write, a flush to a file and a
  // read back by a new Storage answer as the untrimmed glue's, and nothing else is in the folder.
  /** @param {any} M */
  const roundTrip = (M) => {
    M.FS.mkdirTree('/round');
    const first = new M.Storage('/round');
    const second = new M.Storage('/round');
    try {
      return [first.load(), first.set('key', 's', 'value'), first.flush(), second.load(), second.get('key'), second.info(), M.FS.readdir('/round')];
    } finally {
      first.delete();
      second.delete();
    }
  };
  const answers = roundTrip(Module);
  expect(answers).toEqual(roundTrip(untrimmed));
  expect(answers[4]).toEqual({ ok: true, type: 's', payload: 'value' });
  expect(Module.FS.analyzePath('/dev').exists).toBe(false);
  expect(untrimmed.FS.analyzePath('/dev').exists).toBe(true);
});
