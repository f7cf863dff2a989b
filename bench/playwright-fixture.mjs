// The Playwright fixture's cost per test (issue 25): 30 tests, one worker, each a fresh context
// (Playwright's default) doing goto + one durable write, once with ft-polyfill/playwright
// (ft.setStorage, success = in IndexedDB) and once with @playwright/test's own `test` on a plain
// page that does the same IndexedDB write itself; alternating which goes first. The figure is the
// difference of the tests' summed durations (fixtures included, the runner's start-up not), per test.
// Beside them, what bounds it: the plain page compiling the same embedded wasm first (boundScript).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../bin/server.js';
import { median, round } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'node_modules/@playwright/test/cli.js');
/** Target (issue 25): the fixture's cost over the plain page, per test. */
export const FIXTURE_TARGET_MS = 40;
const TESTS = 30;

/**
 * What bounds the fixture (the side 'bound'): the plain page, plus what any polyfill with a
 * WebAssembly core must do in a fresh context, as ft does it (polyfill/core-web.js): the same
 * embedded wasm decoded, inflated and compiled, awaited before the write.
 * @param {string} packed  the deflated wasm, base64 (build/wasm/ft-core-wasm.js)
 */
const boundScript = (packed) => `if (location.href !== 'about:blank') window.__compiled = (() => {
  const packed = Uint8Array.fromBase64 ? Uint8Array.fromBase64('${packed}') : Uint8Array.from(atob('${packed}'), (c) => c.charCodeAt(0));
  const inflate = new DecompressionStream('deflate-raw');
  const writer = inflate.writable.getWriter();
  writer.write(packed); writer.close();
  return WebAssembly.compileStreaming(new Response(inflate.readable, { headers: { 'content-type': 'application/wasm' } }));
})();`;

/** @param {'kit'|'plain'|'bound'} side */
const spec = (side) => `const { test, expect } = require(${JSON.stringify(side === 'kit' ? 'ft-polyfill/playwright' : '@playwright/test')});
${side === 'kit' ? "test.use({ ftConfig: { appId: 'bench-playwright' } });\n" : ''}${side === 'bound' ? "test.beforeEach(({ context }) => context.addInitScript({ path: require('node:path').join(__dirname, 'bound.js') }));\n" : ''}for (let i = 0; i < ${TESTS}; i++) {
  test('goto and one durable write ' + i, async ({ page }) => {
    await page.goto('/index.html');
    ${side === 'bound' ? 'await page.evaluate(() => window.__compiled);\n    ' : ''}const done = await page.evaluate(${side === 'kit'
    ? "() => window.ft.setStorage({ key: 'cart', data: [1] }).then((r) => r.errMsg)"
    : `() => new Promise((resolve, reject) => {
      const open = indexedDB.open('plain', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('values');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(['values'], 'readwrite');
        tx.objectStore('values').put([1], 'cart');
        tx.oncomplete = () => resolve('setStorage:ok');
        tx.onerror = () => reject(tx.error);
      };
    })`});
    expect(done).toBe('setStorage:ok');
  });
}
`;

/** Writes the project: the page, the two spec files, the config, the package as installed. @param {string} dir */
function writeProject(dir) {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['site', 'tests', 'node_modules/ft-polyfill']) mkdirSync(join(dir, sub), { recursive: true });
  for (const part of ['package.json', 'dist', 'testing', 'playwright']) cpSync(join(root, part), join(dir, 'node_modules/ft-polyfill', part), { recursive: true });
  writeFileSync(join(dir, 'site/index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>bench</body></html>\n');
  writeFileSync(join(dir, 'tests/kit.spec.cjs'), spec('kit'));
  writeFileSync(join(dir, 'tests/plain.spec.cjs'), spec('plain'));
  writeFileSync(join(dir, 'tests/bound.spec.cjs'), spec('bound'));
  const packed = /'([A-Za-z0-9+/=]+)'/.exec(readFileSync(join(root, 'build/wasm/ft-core-wasm.js'), 'utf8'));
  if (!packed) throw new Error('bench playwright-fixture: build/wasm/ft-core-wasm.js holds no embedded wasm; build first');
  writeFileSync(join(dir, 'tests/bound.js'), boundScript(packed[1]));
  writeFileSync(join(dir, 'playwright.config.cjs'), `module.exports = {
  testDir: 'tests', testMatch: /\\.spec\\.cjs$/, workers: 1, retries: 0, timeout: 20000, outputDir: 'test-results',
  reporter: [['json', { outputFile: process.env.BENCH_REPORT }]],
  use: { baseURL: process.env.BENCH_BASE_URL, launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] } },
};
`);
}

/**
 * Runs node with `args` without blocking this process (its server answers the pages).
 * @param {string[]} args @param {import('node:child_process').SpawnOptions} options
 * @returns {Promise<{ code: number | null, output: string }>}
 */
function run(args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d) => { output += d; });
    child.stderr?.on('data', (d) => { output += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** @param {any} suite @returns {number[]} each test's duration (ms) */
const durations = (suite) => [...(suite.specs || []).flatMap((s) => s.tests.flatMap((t) => t.results.map((r) => r.duration))), ...(suite.suites || []).flatMap(durations)];

/** @param {number} rounds */
export async function playwrightFixture(rounds) {
  const dir = join(root, 'build/bench-playwright');
  writeProject(dir);
  const server = await serve({ root: join(dir, 'site'), port: 0 });
  /** @type {Record<'kit'|'plain'|'bound', number[]>} */
  const totals = { kit: [], plain: [], bound: [] };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const side of /** @type {Array<'kit'|'plain'|'bound'>} */ (r % 2 ? ['plain', 'bound', 'kit'] : ['kit', 'bound', 'plain'])) {
        const report = join(dir, `report-${side}.json`);
        const out = await run([CLI, 'test', '-c', 'playwright.config.cjs', `tests/${side}.spec.cjs`], {
          cwd: dir, env: { ...process.env, BENCH_REPORT: report, BENCH_BASE_URL: server.url, CI: '1', NODE_OPTIONS: '' },
        });
        if (out.code !== 0) throw new Error(`bench playwright-fixture (${side}) failed:\n${out.output.slice(-3000)}`);
        const each = durations({ suites: JSON.parse(readFileSync(report, 'utf8')).suites });
        if (each.length !== TESTS) throw new Error(`bench playwright-fixture (${side}): ${each.length} results, expected ${TESTS}`);
        totals[side].push(each.reduce((a, b) => a + b, 0));
      }
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const perTest = (/** @type {'kit'|'plain'|'bound'} */ side) => median(totals[side]) / TESTS;
  const overMs = round(median(totals.kit.map((k, i) => (k - totals.plain[i]) / TESTS)), 1);
  const boundOverMs = round(median(totals.bound.map((b, i) => (b - totals.plain[i]) / TESTS)), 1);
  return { tests: TESTS, kitPerTestMs: round(perTest('kit'), 1), plainPerTestMs: round(perTest('plain'), 1), boundPerTestMs: round(perTest('bound'), 1), overMs, boundOverMs, targetMs: FIXTURE_TARGET_MS, pass: overMs <= FIXTURE_TARGET_MS };
}

// Alone: node bench/playwright-fixture.mjs [rounds]
if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await playwrightFixture(Number(process.argv[2] || 1)));
