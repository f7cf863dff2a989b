// ft-polyfill/testing's code cache (testing/code-cache.cjs) in fresh Node processes, as Vitest runs
// each test file: the first process writes V8's cache of the Node build, the next ones use it,
// a damaged cache (even one V8 itself would take, and crash on) is refused and rewritten,
// FT_POLYFILL_CODE_CACHE=0 writes nothing, and the build loaded this way is the one `require('ft-polyfill')` and `import 'ft-polyfill'` give.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const KIT = require.resolve('../../testing/index.cjs');
const CACHE = require.resolve('../../testing/code-cache.cjs');
const ENTRY = require.resolve('../../dist/ft-polyfill.cjs');
const NODE_ENTRY = require.resolve('../../dist/ft-polyfill.node.mjs');

/** @type {string} */ let dir;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ft-code-cache-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * One fresh process: setupFt, then what the cache did and whether the app's imports are the kit's instance.
 * @param {string} setting  FT_POLYFILL_CODE_CACHE
 */
function freshProcess(setting) {
  const script = `require(${JSON.stringify(KIT)}).setupFt({ appId: 'code-cache' }).then(async () => {
    const state = require(${JSON.stringify(CACHE)}).codeCacheState().map((e) => ({ file: require('node:path').basename(e.file), accepted: e.accepted, saved: e.saved }));
    const required = require(${JSON.stringify(ENTRY)}).default === globalThis.ft;
    const imported = (await import(${JSON.stringify(NODE_ENTRY)})).default === globalThis.ft;
    const stored = (await ft.setStorage({ key: 'k', data: [1] }), (await ft.getStorage({ key: 'k' })).data);
    process.stdout.write(JSON.stringify({ state, required, imported, stored }));
    process.exit(0);
  })`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, FT_POLYFILL_CODE_CACHE: setting } });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

test('the first process writes the cache, the next one uses it; both work and share one instance with the imports', () => {
  const first = freshProcess(dir);
  expect(first).toEqual({
    state: [{ file: 'fake-indexeddb.cjs', accepted: false, saved: true }, { file: 'ft-polyfill-node.cjs', accepted: false, saved: true }],
    required: true, imported: true, stored: [1],
  });
  expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^fake-indexeddb\.cjs-\d+-\d+-.+\.v8$/), expect.stringMatching(/^ft-polyfill-node\.cjs-\d+-\d+-.+\.v8$/)]);
  const second = freshProcess(dir);
  expect(second.state).toEqual([{ file: 'fake-indexeddb.cjs', accepted: true, saved: false }, { file: 'ft-polyfill-node.cjs', accepted: true, saved: false }]);
  expect(second).toMatchObject({ required: true, imported: true, stored: [1] });
}, 60000);

test('a damaged cache is refused and written again; FT_POLYFILL_CODE_CACHE=0 writes none', () => {
  freshProcess(dir);
  // Three kinds of damage: not a cache at all; V8's own header kept and the rest scrambled (V8
  // would take it and crash); one byte changed inside the embedded wasm's constant.
  const damages = [
    () => Buffer.from('not a code cache'),
    (/** @type {Buffer} */ file) => Buffer.concat([file.subarray(0, 120), Buffer.from(file.subarray(120).map((b, i) => (b * 31 + i) & 0xff))]),
    (/** @type {Buffer} */ file) => { const copy = Buffer.from(file); copy[copy.length >> 1] ^= 0xff; return copy; },
  ];
  for (const damage of damages) {
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), damage(readFileSync(join(dir, name))));
    const damaged = freshProcess(dir);
    expect(damaged.state.map((/** @type {any} */ e) => [e.accepted, e.saved])).toEqual([[false, true], [false, true]]);
    expect(damaged.stored).toEqual([1]);
    expect(freshProcess(dir).state.every((/** @type {any} */ e) => e.accepted)).toBe(true);
  }
  // Off: nothing loaded through the cache, so nothing to write.
  expect(freshProcess('0')).toEqual({ state: [], required: true, imported: true, stored: [1] });
}, 60000);
