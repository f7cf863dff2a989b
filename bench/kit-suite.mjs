// The kits where users wait (issue 25): a suite of app code that imports finclip-js-sdk (storage and
// navigation), N test files x 5 tests, run whole by `vitest run` and by Jest, once with the kit
// (ft-polyfill/vitest, ft-polyfill/testing) and once with a hand-written fake `ft` (a Map behind
// getStorage/setStorage, a no-op navigateTo), alternating which goes first. The figure is the
// ratio of the two runs' wall-clock times (the runner's own start-up included on both sides).
// The suites are written under build/bench-kits/, with a copy of this checkout's package in
// node_modules/ft-polyfill.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, round } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VITEST = join(root, 'node_modules/vitest/vitest.mjs');
const JEST = join(root, 'node_modules/jest/bin/jest.js');

/** Targets (issue 25): the kit's suite at most this many times the fake's. */
export const KIT_TARGETS = { node: 1.2, jsdom: 1.1 };
const HOST_CONFIG = { appId: 'bench-suite', app: { pages: ['pages/index/index', 'pages/cart/cart'] } };

// The app code under test, as an app written for FinClip's JSSDK has it.
const CART_ESM = `import ft from 'finclip-js-sdk';
export async function cartItems() {
  try { return (await ft.getStorage({ key: 'cart' })).data; } catch { return []; }
}
export async function addToCart(item) {
  const items = [...(await cartItems()), item];
  await ft.setStorage({ key: 'cart', data: items });
  return items.length;
}
export const openCart = () => ft.miniProgram.navigateTo({ url: '/pages/cart/cart' });
`;
const CART_CJS = `${CART_ESM.replace("import ft from 'finclip-js-sdk';", "const ft = require('finclip-js-sdk').default;").replace(/export /g, '')}module.exports = { cartItems, addToCart, openCart };
`;

// What users write instead: wrong wherever the host is strict, but fast.
const FAKE = `const store = new Map();
const ft = {
  getStorage: ({ key }) => store.has(key) ? Promise.resolve({ data: JSON.parse(store.get(key)), errMsg: 'getStorage:ok' }) : Promise.reject({ errMsg: 'getStorage:fail data not found' }),
  setStorage: ({ key, data }) => { store.set(key, JSON.stringify(data)); return Promise.resolve({ errMsg: 'setStorage:ok' }); },
  miniProgram: { navigateTo: () => Promise.resolve({ errMsg: 'navigateTo:ok' }) },
  reset: () => store.clear(),
};
`;

/** @param {number} n  the file's number @param {'esm'|'cjs'} style */
const testFile = (n, style) => `${style === 'esm' ? "import { addToCart, cartItems, openCart } from '../src/cart.js';" : "const { addToCart, cartItems, openCart } = require('../src/cart.cjs');"}
describe('cart ${n}', () => {
  test('starts empty', async () => { expect(await cartItems()).toEqual([]); });
  test('adds one', async () => { expect(await addToCart({ id: ${n} })).toBe(1); });
  test('adds two', async () => { await addToCart({ id: 1 }); expect(await addToCart({ id: 2 })).toBe(2); });
  test('keeps what was added', async () => { await addToCart({ id: ${n} }); expect(await cartItems()).toEqual([{ id: ${n} }]); });
  test('opens the cart', async () => { await openCart(); });
});
`;

/**
 * Writes the suite: tests/ (files x 5 tests), src/cart.js (+ .cjs), the fake and the configs.
 * @param {string} dir @param {number} files
 */
export function writeSuite(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['src', 'fake', 'vitest-tests', 'jest-tests', 'node_modules']) mkdirSync(join(dir, sub), { recursive: true });
  // The package as installed (a copy: Vite serves no file outside the project through a link).
  for (const part of ['package.json', 'dist', 'testing', 'vitest']) cpSync(join(root, part), join(dir, 'node_modules/ft-polyfill', part), { recursive: true });
  const put = (/** @type {string} */ name, /** @type {string} */ text) => writeFileSync(join(dir, name), text);
  put('package.json', '{ "type": "module" }\n');
  put('src/cart.js', CART_ESM);
  put('src/cart.cjs', CART_CJS);
  put('fake/ft.js', `${FAKE}export default ft;\n`);
  put('fake/ft.cjs', `${FAKE}module.exports = { default: ft };\n`);
  put('fake/vitest-setup.js', "import { beforeEach } from 'vitest';\nimport ft from 'finclip-js-sdk';\nbeforeEach(() => ft.reset());\n");
  put('fake/jest-setup.cjs', "const ft = require('finclip-js-sdk').default;\nbeforeEach(() => ft.reset());\n");
  put('kit-jest-setup.cjs', `const { setupFt } = require('ft-polyfill/testing');\nbeforeAll(() => setupFt(${JSON.stringify(HOST_CONFIG)}));\nbeforeEach(() => host.reset());\n`);
  // The Vitest recipe without the plugin (docs/guides/vitest.md), the fake beside it.
  put('vitest.config.js', `const kit = process.env.BENCH_SIDE === 'kit';
export default {
  resolve: { alias: { 'finclip-js-sdk': kit ? 'ft-polyfill' : new URL('./fake/ft.js', import.meta.url).pathname } },
  test: { globals: true, include: ['vitest-tests/*.test.js'], environment: process.env.BENCH_ENV, setupFiles: [kit ? 'ft-polyfill/vitest' : './fake/vitest-setup.js'] },
};
`);
  for (let i = 0; i < files; i++) {
    put(`vitest-tests/cart-${i}.test.js`, testFile(i, 'esm'));
    put(`jest-tests/cart-${i}.test.cjs`, testFile(i, 'cjs'));
  }
}

/**
 * One run's wall-clock ms; throws when a test failed (the figure would mean nothing).
 * @param {'vitest'|'jest'} runner @param {'kit'|'fake'} side @param {'node'|'jsdom'} env @param {string} dir
 */
function runOnce(runner, side, env, dir) {
  const jestConfig = {
    // The kit's side: the Jest guide's recipe, its environment and setupFt.
    rootDir: dir, testEnvironment: side === 'kit' ? `ft-polyfill/jest-environment-${env}` : env, transform: {}, testMatch: ['<rootDir>/jest-tests/*.test.cjs'], moduleFileExtensions: ['js', 'cjs'],
    moduleNameMapper: { '^finclip-js-sdk$': side === 'kit' ? 'ft-polyfill' : '<rootDir>/fake/ft.cjs' },
    setupFilesAfterEnv: [side === 'kit' ? '<rootDir>/kit-jest-setup.cjs' : '<rootDir>/fake/jest-setup.cjs'],
  };
  const args = runner === 'vitest' ? [VITEST, 'run', '--reporter=dot'] : [JEST, '--config', JSON.stringify(jestConfig), '--silent'];
  const t = performance.now();
  const out = spawnSync(process.execPath, args, {
    cwd: dir, encoding: 'utf8',
    env: { ...process.env, BENCH_SIDE: side, BENCH_ENV: env, FT_HOST_CONFIG: JSON.stringify(HOST_CONFIG), CI: '1', NO_COLOR: '1', NODE_OPTIONS: '' },
  });
  const ms = performance.now() - t;
  if (out.status !== 0) throw new Error(`bench kit-suite: ${runner} ${env} (${side}) failed:\n${(out.stdout + out.stderr).slice(-3000)}`);
  return ms;
}

/**
 * The rows: for each runner and environment, the kit's run and the fake's, alternating.
 * @param {{ rounds: number, files?: number, bigFiles?: number, runners?: Array<'vitest'|'jest'> }} options
 */
export function kitSuite({ rounds, files = 40, bigFiles = 200, runners = ['vitest', 'jest'] }) {
  const dir = join(root, 'build/bench-kits');
  /** @type {any[]} */
  const rows = [];
  /** @param {'vitest'|'jest'} runner @param {'node'|'jsdom'} env @param {number} n @param {number} r */
  const measure = (runner, env, n, r) => {
    const kit = [];
    const fake = [];
    for (let i = 0; i < r; i++) {
      for (const side of /** @type {Array<'kit'|'fake'>} */ (i % 2 ? ['fake', 'kit'] : ['kit', 'fake'])) (side === 'kit' ? kit : fake).push(runOnce(runner, side, env, dir));
    }
    const ratio = round(median(kit.map((k, i) => k / fake[i])));
    const target = KIT_TARGETS[env];
    rows.push({ runner, env, files: n, tests: n * 5, kitMs: Math.round(median(kit)), fakeMs: Math.round(median(fake)), perFileMs: round((median(kit) - median(fake)) / n, 1), ratio, target, pass: ratio <= target });
  };
  writeSuite(dir, files);
  for (const runner of runners) for (const env of /** @type {const} */ (['node', 'jsdom'])) measure(runner, env, files, rounds);
  if (bigFiles) {
    writeSuite(dir, bigFiles);
    for (const runner of runners) measure(runner, 'node', bigFiles, Math.max(1, Math.ceil(rounds / 2)));
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

// Alone: node bench/kit-suite.mjs [files] [rounds] [vitest|jest]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [files, rounds, runner] = [Number(process.argv[2] || 40), Number(process.argv[3] || 1), process.argv[4]];
  const runners = /** @type {Array<'vitest'|'jest'>} */ (runner ? [runner] : ['vitest', 'jest']);
  console.log(JSON.stringify(kitSuite({ rounds, files, bigFiles: 0, runners }), null, 1));
}
