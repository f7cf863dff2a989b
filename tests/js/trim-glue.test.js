// scripts/trim-glue.mjs, the trimmer of the Emscripten glue in the browser bundles: it removes
// the unused FS/SYSCALLS members it lists, keeps any the glue still names, and the trimmed glue
// still parses and runs (the Node glue, which carries the same FS object, is trimmed and started).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';
import { trimGlue, trimNodeGlue, nodeGlueWithWasmOutside, UNUSED } from '../../scripts/trim-glue.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const webGlue = readFileSync(join(root, 'build/wasm/ft-core-web.cjs'), 'utf8');
const nodeGlue = readFileSync(join(root, 'build/wasm/ft-core-node.cjs'), 'utf8');

/** The member names of `var <object> = {...}` in a glue's text. @param {string} source @param {string} object */
function membersOf(source, object) {
  const names = new Set();
  (function find(/** @type {any} */ node) {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'VariableDeclarator' && node.id && node.id.name === object && node.init && node.init.type === 'ObjectExpression') {
      for (const p of node.init.properties) if (p.key) names.add(p.key.name || p.key.value);
    }
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach(find);
      else if (child && typeof child.type === 'string') find(child);
    }
  })(acorn.parse(source, { ecmaVersion: 2020 }));
  return names;
}

// What wasm-glue/persistence.js and the polyfill call on FS / IDBFS.
const KEPT_FS = ['mkdirTree', 'mount', 'unmount', 'analyzePath', 'writeFile', 'utime', 'syncfs', 'open', 'close', 'write', 'read', 'stat', 'mkdir', 'rename', 'unlink', 'rmdir', 'readdir'];

describe.each([['web', webGlue], ['node', nodeGlue]])('the %s glue', (_, glue) => {
  const warnings = [];
  const trimmed = trimGlue(glue, (m) => warnings.push(m));

  test('trimmed, it still parses and is shorter', () => {
    expect(() => acorn.parse(trimmed, { ecmaVersion: 2020 })).not.toThrow();
    expect(trimmed.length).toBeLessThan(glue.length);
  });

  test('every listed member the glue does not name is gone; nothing is left behind silently', () => {
    for (const [object, unused] of Object.entries(UNUSED)) {
      const before = membersOf(glue, object);
      const after = membersOf(trimmed, object);
      for (const name of Object.keys(unused)) {
        if (!before.has(name)) continue;
        const kept = warnings.some((w) => w.includes(`${object}.${name} is used`));
        expect([object, name, after.has(name)]).toEqual([object, name, kept]);
      }
      // Members not listed are all still there.
      for (const name of before) if (!Object.hasOwn(unused, name)) expect(after.has(name)).toBe(true);
    }
    expect(warnings.filter((w) => w.includes('nothing removed'))).toEqual([]);
  });

  test('the FS calls the polyfill makes remain', () => {
    const fs = membersOf(trimmed, 'FS');
    for (const name of KEPT_FS) expect([name, fs.has(name)]).toEqual([name, true]);
    expect(trimmed).toMatch(/\bIDBFS\b/);
  });
});

test('a member the rest of the glue names is kept, with a warning; a missing object is reported', () => {
  const glue = 'var FS = { createLazyFile: function () {}, readFile: function () {}, mkdirTree: function () {} };\n'
    + 'var SYSCALLS = { doAccess: 1, doDup: 2 };\nFS.readFile("x"); SYSCALLS.doDup;';
  const warnings = [];
  const out = trimGlue(glue, (m) => warnings.push(m));
  expect(membersOf(out, 'FS')).toEqual(new Set(['readFile', 'mkdirTree']));
  expect(membersOf(out, 'SYSCALLS')).toEqual(new Set(['doDup']));
  expect(warnings.filter((w) => w.includes('is used'))).toEqual(['trim-glue: FS.readFile is used by the glue; kept', 'trim-glue: SYSCALLS.doDup is used by the glue; kept']);
  // A listed member the object lacks is reported: the build stops on it (a stale list).
  expect(warnings).toContain('trim-glue: no FS.forceLoadFile in the glue; nothing removed');
  const lonely = [];
  expect(trimGlue('var x = 1;', (m) => lonely.push(m))).toBe('var x = 1;');
  expect(lonely).toEqual(['trim-glue: no `var FS = {...}` in the glue; nothing removed from it', 'trim-glue: no `var SYSCALLS = {...}` in the glue; nothing removed from it']);
});

test('the trimmed Node glue starts the real core, and its file system and host work', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ft-trim-'));
  try {
    const file = join(dir, 'trimmed-core.cjs');
    writeFileSync(file, trimGlue(nodeGlue));
    const createFtCore = createRequire(import.meta.url)(file);
    const Module = await createFtCore();
    Module.FS.mkdirTree('/t/a');
    Module.FS.writeFile('/t/a/f', 'data');
    expect(Module.FS.analyzePath('/t/a/f').exists).toBe(true);
    const host = new Module.Host();
    expect(host.navigateTo('/pages/other/other').ok).toBe(true);
    expect(host.stack().map((/** @type {any} */ p) => p.route)).toEqual(['pages/index/index', 'pages/other/other']);
    host.delete();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Node build\'s glue makes no devices, /proc or standard streams, and its core still writes files (fds from 0)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ft-trim-node-'));
  try {
    const file = join(dir, 'node-core.cjs');
    writeFileSync(file, trimNodeGlue(nodeGlue));
    const Module = await createRequire(import.meta.url)(file)();
    for (const path of ['/dev/null', '/dev/stdin', '/dev/random', '/proc/self/fd']) expect(Module.FS.analyzePath(path).exists).toBe(false);
    const untrimmed = await createRequire(import.meta.url)(join(root, 'build/wasm/ft-core-node.cjs'))();
    expect(untrimmed.FS.analyzePath('/dev/null').exists).toBe(true); // what was trimmed was there
    Module.FS.mkdirTree('/store');
    const storage = new Module.Storage('/store');
    storage.load();
    expect(storage.set('k', 'number', '1').ok).toBe(true);
    const report = storage.flush();
    expect(report.ok).toBe(true);
    expect(report.written.length).toBe(1);
    expect(Module.FS.readdir('/store').filter((/** @type {string} */ n) => !n.startsWith('.'))).toEqual(report.written.map((/** @type {string} */ p) => p.split('/').pop()));
    storage.delete();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Node build and the script and module bundles are ASCII (else V8 holds their source as a two-byte string)', () => {
  for (const file of ['dist/ft-polyfill-node.cjs', 'dist/ft-polyfill.js', 'dist/ft-polyfill.mjs']) {
    const text = readFileSync(join(root, file), 'utf8');
    expect([file, text.search(/[\u0080-\uffff]/)]).toEqual([file, -1]);
  }
});

test('the Node glue exposes its embedded wasm once, and still starts by itself from it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ft-wasm-outside-'));
  try {
    const text = nodeGlueWithWasmOutside(nodeGlue);
    const url = /** @type {RegExpExecArray} */ (/var ftCoreWasmDataUri = "([^"]+)"/.exec(text))[1];
    expect(text.split(url).length).toBe(2); // held once
    expect(() => nodeGlueWithWasmOutside(text.replace('wasmBinaryFile=ftCoreWasmDataUri;', ''))).toThrow(/holds 0 embedded wasm urls/);
    const file = join(dir, 'outside.cjs');
    writeFileSync(file, text);
    const createFtCore = createRequire(import.meta.url)(file);
    expect(WebAssembly.validate(Buffer.from(createFtCore.wasmDataUri.split(',')[1], 'base64'))).toBe(true);
    const Module = await createFtCore();
    const host = new Module.Host();
    expect(host.navigateTo('/pages/other/other').ok).toBe(true);
    host.delete();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
