// An H5 app written for FinClip's JSSDK (`import ft from 'finclip-js-sdk'`), unchanged, on the packed
// package in scratch projects, with the README's recipes written verbatim: Vite with the
// ft-polyfill/vite plugin (dev server and builds), webpack with the alias, TypeScript with `paths`.
// A stand-in `finclip-js-sdk` package is installed too, so a production build that keeps the
// real SDK can be told apart from one on ft-polyfill.
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { launchChromium, newPage, ROOT } from '../helpers/browser.js';
import { FIXTURES, copyFixture, recipe, runTool, scratchProject, startTool, writeFiles } from '../helpers/consumer.js';
import { serve } from '../../bin/server.js';

const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

/** @type {ReturnType<typeof scratchProject>} */ let scratch;
/** @type {import('playwright-core').Browser} */ let browser;

beforeAll(async () => {
  scratch = scratchProject();
  browser = await launchChromium();
}, 120000);

/**
 * A project folder with the tarball, the stand-in finclip-js-sdk and the shop app (index.html, src/main.js).
 * @param {string} name
 * @param {{ tools?: string[], packageJson?: object }} options
 */
function shopProject(name, options) {
  const app = scratch.app(name, options);
  cpSync(join(FIXTURES, 'finclip-js-sdk'), join(app.dir, 'node_modules/finclip-js-sdk'), { recursive: true });
  copyFixture('shop-app', app.dir);
  return app;
}

afterAll(async () => {
  await browser?.close();
  scratch?.remove();
});

/** @returns {Promise<number>} a free TCP port on 127.0.0.1 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/**
 * Opens url and waits for document.body.dataset.result.
 * @param {string} url
 * @returns {Promise<{ result: any, stack: string[], config: any, panelOpens: boolean, errors: string[] }>}
 */
async function resultAt(url) {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    await page.goto(url);
    await page.waitForFunction(() => document.body && document.body.dataset.result, null, { timeout: 30000 });
    return {
      result: JSON.parse(await page.evaluate(() => document.body.dataset.result)),
      stack: await page.evaluate(() => window.ftHost.stack().map((p) => p.route)),
      config: await page.evaluate(() => window.ftHostConfig),
      // The host panel is the UI chunk (ft-polyfill-ui.mjs), loaded on first use from the bundle's assets.
      panelOpens: await page.evaluate(() => window.ftHost.panel.open().then(() => window.ftHost.panel.isOpen())),
      errors: page.errors,
    };
  } finally {
    await context.close();
  }
}

/**
 * Serves a built folder and opens its index.html.
 * @param {string} root
 */
async function runBuilt(root) {
  const server = await serve({ root, port: 0 });
  try {
    return await resultAt(`${server.url}/index.html`);
  } finally {
    await server.close();
  }
}

/** The files of a built folder's assets, concatenated. @param {string} dir */
function bundleText(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8')).join('\n');
}

const SHOP = { appId: 'shop', app: { pages: ['pages/index/index', 'pages/cart/index'] } };
const APP_RESULT = { env: 'miniprogram', qty: 2, appId: 'shop' };

describe('Vite with the ft-polyfill/vite plugin (README recipe vite-app/vite.config.js)', () => {
  /** @type {string} */ let app;
  beforeAll(() => {
    app = shopProject('vite-app', { tools: ['vite'], packageJson: { type: 'module' } }).dir;
    writeFiles(scratch.work, { 'vite-app/vite.config.js': recipe('vite-app/vite.config.js') });
  }, 60000);

  test('`vite` dev server: finclip-js-sdk resolves to ft-polyfill and the config is in the page before the app runs', async () => {
    const port = await freePort();
    const server = await startTool(VITE, ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: app });
    try {
      const html = await (await fetch(`${server.url}/`)).text();
      // A classic inline script at the start of <head>, before any module script.
      expect(html.indexOf('window.ftHostConfig = ')).toBeGreaterThan(-1);
      expect(html.indexOf('window.ftHostConfig = ')).toBeLessThan(html.indexOf('type="module"'));
      expect(html.indexOf('window.ftHostConfig = ')).toBeLessThan(html.indexOf('<meta'));
      const { result, stack, config, panelOpens, errors } = await resultAt(`${server.url}/`);
      expect(result).toEqual(APP_RESULT);
      expect(panelOpens).toBe(true);
      expect(config).toEqual(SHOP);
      expect(stack).toEqual(['pages/index/index']);
      expect(errors).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 120000);

  test('plain `vite build` leaves the app on finclip-js-sdk (production) and adds no config', async () => {
    const out = join(scratch.work, 'vite-production');
    const { code, output } = await runTool(VITE, ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: app });
    expect([code, output]).toEqual([0, '']);
    const bundle = bundleText(out);
    expect(bundle).toContain('FINCLIP_SDK_STAND_IN');
    expect(bundle).not.toContain('ftHostConfig');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('ftHostConfig');
  }, 120000);

  test('`vite build --mode e2e` (build: true) makes a test build on ft-polyfill that runs in Chromium', async () => {
    const out = join(scratch.work, 'vite-e2e');
    const { code, output } = await runTool(VITE, ['build', '--mode', 'e2e', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: app });
    expect([code, output]).toEqual([0, '']);
    expect(bundleText(out)).not.toContain('FINCLIP_SDK_STAND_IN');
    const { result, config, panelOpens, errors } = await runBuilt(out);
    expect(result).toEqual(APP_RESULT);
    expect(panelOpens).toBe(true);
    expect(config).toEqual(SHOP);
    expect(errors).toEqual([]);
  }, 120000);
});


describe('webpack with the alias and ft-host-config.js first in the entry (README recipe webpack-app/)', () => {
  /** @type {string} */ let app;
  beforeAll(() => {
    app = shopProject('webpack-app', { tools: ['webpack'] }).dir;
    copyFixture('webpack-app', app);
    writeFiles(scratch.work, {
      'webpack-app/webpack.config.js': recipe('webpack-app/webpack.config.js'),
      'webpack-app/ft-host-config.js': recipe('webpack-app/ft-host-config.js'),
    });
  }, 60000);

  /** @param {string} mode @param {string} [entry] */
  async function build(mode, entry) {
    const { code, output } = await runTool(join(app, 'build.cjs'), entry ? [mode, entry] : [mode], { cwd: app });
    expect([code, output]).toEqual([0, '']);
    writeFiles(join(app, 'dist'), { 'index.html': '<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script src="main.js"></script></body></html>' });
    return join(app, 'dist');
  }

  test('a development build runs on ft-polyfill with the configuration of ft-host-config.js', async () => {
    const { result, config, panelOpens, errors } = await runBuilt(await build('development'));
    expect(result).toEqual(APP_RESULT);
    expect(panelOpens).toBe(true);
    expect(config).toEqual(SHOP);
    expect(errors).toEqual([]);
  }, 120000);

  test('a production build keeps finclip-js-sdk and leaves the configuration out', async () => {
    const bundle = bundleText(await build('production'));
    expect(bundle).toContain('FINCLIP_SDK_STAND_IN');
    expect(bundle).not.toContain('ftHostConfig');
  }, 120000);

  test('window.ftHostConfig set after the import but before the first ft call is honoured; ftHost.configure orders the calls after it', async () => {
    // webpack-app/src/late-config.js in place of src/main.js (ft-host-config.js still runs first: the late one replaces it)
    const { result, errors } = await runBuilt(await build('development', './src/late-config.js'));
    expect(result).toEqual({ late: 'late', stack: ['pages/late/index'], configured: 'configured' });
    expect(errors).toEqual([]);
  }, 120000);
});

test('TypeScript with `paths` (README recipe ts-app/tsconfig.json) type-checks an app importing finclip-js-sdk against ft-polyfill\'s types, and the vite, vitest and playwright entries', async () => {
  const app = scratch.app('ts-app', { tools: ['vite', 'vitest', '@playwright/test'] }).dir;
  copyFixture('ts-app', app);
  writeFiles(scratch.work, { 'ts-app/tsconfig.json': recipe('ts-app/tsconfig.json') });
  // src/main.ts (the app) and src/integrations.ts (ft-polyfill/vite, /vitest, /playwright) have
  // @ts-expect-error lines: they pass only if the calls are really typed.
  const { code, output } = await runTool(join(ROOT, 'node_modules/typescript/bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: app });
  expect([code, output]).toEqual([0, '']);
}, 120000);
