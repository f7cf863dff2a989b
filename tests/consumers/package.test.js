// The packed package as users get it: scripts/pack.mjs (npm pack, with the published package.json), then an OFFLINE install of the tarball into a
// scratch project (the package has no dependencies, so the install needs no registry), and each
// way in used for real: Vite and webpack builds run in Chromium, a script-tag page, a Jest suite
// (node + jsdom) using ft-polyfill/testing, Playwright with injectFt on a page that loads the
// JSSDK from FinClip's CDN address, and `ft-polyfill serve` on a folder of plain pages.
// The tools (vite, webpack, jest, jsdom, playwright-core) are this repository's devDependencies.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { launchChromium, newPage, ROOT } from '../helpers/browser.js';
import { serve } from '../../bin/server.js';
import { pack } from '../../scripts/pack.mjs';

const FIXTURES = join(ROOT, 'tests/consumers/fixtures');
const CDN = 'https://public-1251849568.cos.ap-guangzhou.myqcloud.com/jssdk/finclip-jssdk-1.4.20.js';
const requireHere = createRequire(import.meta.url);

/** @type {string} */ let work;
/** @type {string} */ let project;
/** @type {string} */ let pkg;
/** @type {import('playwright-core').Browser} */ let browser;
/** @type {{ size: number, unpackedSize: number, files: string[] }} */ let packed;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ft-consumer-'));
  const out = pack(work);
  packed = { size: out[0].size, unpackedSize: out[0].unpackedSize, files: out[0].files.map((/** @type {any} */ f) => f.path) };
  project = join(work, 'project');
  cpSync(FIXTURES, project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, version: '1.0.0' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(work, out[0].filename)], { cwd: project, stdio: 'pipe' });
  pkg = join(project, 'node_modules', 'ft-polyfill');
  browser = await launchChromium();
}, 120000);

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Serves `root`, opens `path` and waits for document.body.dataset.result. */
async function resultOf(root, path, options = {}) {
  const server = await serve({ root, port: 0 });
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => document.body && document.body.dataset.result, null, { timeout: 20000 });
    return { result: JSON.parse(await page.evaluate(() => document.body.dataset.result)), errors: page.errors };
  } finally {
    await context.close();
    await server.close();
  }
}

test('the tarball holds what users need and nothing else', () => {
  expect(packed.files).toEqual(expect.arrayContaining(['dist/ft-polyfill.js', 'dist/ft-polyfill.mjs', 'dist/ft-polyfill.cjs', 'dist/ft-polyfill.d.ts', 'bin/ft-polyfill.js', 'testing/index.cjs',
    'vite/index.js', 'vite/index.d.ts', 'webpack/index.cjs', 'webpack/index.d.ts', 'webpack/production-guard.cjs', 'vitest/setup.js', 'vitest/setup.d.ts', 'playwright/index.cjs', 'playwright/index.mjs', 'playwright/index.d.ts', 'dist/sirv.mjs', 'dist/THIRD-PARTY-NOTICES.md', 'README.md', 'LICENSE', 'package.json']));
  expect(packed.files.filter((f) => /^(src|polyfill|tests|wasm-glue|build|scripts)\//.test(f))).toEqual([]);
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  expect(manifest.dependencies).toBeUndefined();
  // The repository's scripts run files the package does not ship (scripts/, bench/): none are published.
  expect(manifest.scripts).toBeUndefined();
  // @playwright/test is the user's own (ft-polyfill/playwright extends it): an optional peer, never installed with the package.
  expect(manifest.peerDependenciesMeta).toEqual({ '@playwright/test': { optional: true } });
  console.log(`npm pack: ${(packed.size / 1024).toFixed(0)} KB tarball, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked, ${packed.files.length} files`);
});

test('the CommonJS entry and the exports map resolve from the installed package', () => {
  const req = createRequire(join(project, 'index.js'));
  expect(req.resolve('ft-polyfill/script')).toBe(join(pkg, 'dist/ft-polyfill.js'));
  expect(req.resolve('ft-polyfill/testing')).toBe(join(pkg, 'testing/index.cjs'));
  expect(req.resolve('ft-polyfill/playwright')).toBe(join(pkg, 'playwright/index.cjs'));
  expect(req.resolve('ft-polyfill/vite')).toBe(join(pkg, 'vite/index.js'));
  expect(req.resolve('ft-polyfill/vitest')).toBe(join(pkg, 'vitest/setup.js'));
  expect(req.resolve('ft-polyfill/webpack')).toBe(join(pkg, 'webpack/index.cjs'));
  const cjs = req('ft-polyfill');
  expect(typeof cjs.createFt).toBe('function');
});

test('Vite builds an app importing ft-polyfill with no configuration, and it runs in Chromium', async () => {
  // The vite CLI in its own process (its native bundler does not run inside Jest's sandbox).
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', join(project, 'app'), '--outDir', join(project, 'vite-dist'), '--emptyOutDir', '--logLevel', 'error'], { cwd: project, stdio: 'pipe', env: { ...process.env, NODE_OPTIONS: '' } });
  const { result, errors } = await resultOf(join(project, 'vite-dist'), '/index.html');
  expect(result).toEqual({ qty: 2, env: 'miniprogram', same: true, hostSame: true });
  expect(errors).toEqual([]);
}, 120000);

test('webpack bundles the same app with no configuration beyond entry/output, and it runs', async () => {
  const webpack = requireHere('webpack');
  const stats = await new Promise((resolve, reject) => webpack({
    mode: 'production', context: project, entry: './app/main.js',
    output: { path: join(project, 'webpack-dist'), filename: 'main.js' },
  }, (err, s) => (err ? reject(err) : resolve(s))));
  expect(stats.hasErrors() ? stats.toString('errors-only') : '').toBe('');
  writeFileSync(join(project, 'webpack-dist', 'index.html'), '<!doctype html><html><body><script src="main.js"></script></body></html>');
  const { result, errors } = await resultOf(join(project, 'webpack-dist'), '/index.html');
  expect(result).toEqual({ qty: 2, env: 'miniprogram', same: true, hostSame: true });
  expect(errors).toEqual([]);
}, 120000);

test('a plain page with <script src="node_modules/ft-polyfill/dist/ft-polyfill.js">', async () => {
  writeFileSync(join(project, 'plain.html'), `<!doctype html><html><head><script src="node_modules/ft-polyfill/dist/ft-polyfill.js"></script></head><body>
<script>ft.setStorage({ key: 'a', data: 1, success: function () { ft.getStorage({ key: 'a', success: function (r) { document.body.dataset.result = JSON.stringify(r); } }); } });</script></body></html>`);
  const { result, errors } = await resultOf(project, '/plain.html');
  expect(result).toEqual({ data: 1, errMsg: 'getStorage:ok' });
  expect(errors).toEqual([]);
});

test('a Jest suite of an H5 module with ft-polyfill/testing passes (node and jsdom environments)', () => {
  const dir = join(project, 'jest-project');
  const jest = join(ROOT, 'node_modules/jest/bin/jest.js');
  let output;
  try {
    output = execFileSync(process.execPath, [jest, '--ci', '--rootDir', dir, '--json', '--outputFile', join(dir, 'result.json')], { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NODE_OPTIONS: '' } });
  } catch (error) {
    output = `${error.stdout}\n${error.stderr}`;
  }
  const report = existsSync(join(dir, 'result.json')) ? JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) : null;
  if (!report || report.numFailedTests) console.log(output);
  expect(report && { passed: report.numPassedTests, failed: report.numFailedTests, suites: report.numTotalTestSuites }).toEqual({ passed: 4, failed: 0, suites: 2 });
}, 120000);

test('Playwright: injectFt replaces the JSSDK loaded from the CDN; readHost sees stack, calls, messages', async () => {
  const { injectFt, readHost } = await import(pathToFileURL(join(pkg, 'testing/index.mjs')).href);
  const server = await serve({ root: project, port: 0 });
  writeFileSync(join(project, 'cdn.html'), `<!doctype html><html><head><script src="${CDN}"></script></head><body>
<script>ft.miniProgram.postMessage({ data: { orderId: 7 } }); ft.miniProgram.getEnv(function (r) { document.body.dataset.result = r.env; });</script></body></html>`);
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await injectFt(page, { appId: 'pw-app', stack: ['pages/index/index', 'pages/web/index'] });
    await page.goto(`${server.url}/cdn.html`);
    await page.waitForFunction(() => document.body.dataset.result === 'miniprogram');
    await page.evaluate(() => window.ftHost.back());
    const { stack, calls, messages } = await readHost(page);
    expect(calls.map((c) => c.api)).toEqual(expect.arrayContaining(['miniProgram.postMessage', 'miniProgram.getEnv']));
    expect(messages).toEqual([[{ orderId: 7 }]]);
    expect(Array.isArray(stack)).toBe(true);
    expect(page.errors).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
}, 60000);

test('`ft-polyfill serve` injects the polyfill into a folder of plain pages without changing them', async () => {
  const site = join(project, 'site');
  const before = readFileSync(join(site, 'index.html'), 'utf8');
  const child = spawn(process.execPath, [join(project, 'node_modules/.bin/ft-polyfill'), 'serve', site, '--port', '0', '--app', join(site, 'app.json')], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (d) => { text += d; const m = /(http:\/\/\S+?)\/?\s/.exec(text); if (m) resolve(m[1]); });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${text}`)));
    });
    const context = await browser.newContext();
    const page = await newPage(context);
    /** @type {string[]} */ const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    for (const path of ['/index.html', '/pages/own.html', '/pages/module.html']) {
      await page.goto(`${url}${path}`);
      await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 20000 });
      expect([path, await page.evaluate(() => document.body.dataset.result)]).toEqual([path, 'miniprogram']);
    }
    expect(await page.evaluate(() => window.ftHostConfig.app.tabBar.list[0].pagePath)).toBe('pages/index/index');
    expect(warnings.filter((w) => w.includes('more than once'))).toEqual([]);
    expect(page.errors).toEqual([]);
    await context.close();
  } finally {
    child.kill();
  }
  expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(before);
  expect(statSync(join(site, 'index.html')).isFile()).toBe(true);
}, 60000);
