// An H5 app written for FinClip's JSSDK (`import ft from 'finclip-js-sdk'`), unchanged, on the packed
// package in scratch projects, with the README's recipes written verbatim: Vite with the
// ft-polyfill/vite plugin (dev server and builds), webpack with the alias and FtPolyfillGuard, TypeScript with a types-only declaration.
// A stand-in `finclip-js-sdk` package is installed too, so a production build that keeps the
// real SDK can be told apart from one on ft-polyfill.
import { cpSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, newPage, ROOT } from '../helpers/browser.js';
import { FIXTURES, copyFixture, recipe, runTool, scratchProject, startTool, writeFiles } from '../helpers/consumer.js';
import { freePort } from '../helpers/free-port.js';
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


/**
 * Opens url and waits for document.body.dataset.result.
 * @param {string} url
 * @param {{ csp?: string }} [options]  csp: a Content-Security-Policy header added to every response
 * @returns {Promise<{ result: any, stack: string[], config: any, configError: string, panelOpens: boolean, errors: string[] }>}
 */
async function resultAt(url, { csp } = {}) {
  const context = await browser.newContext();
  try {
    if (csp) {
      await context.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
      });
    }
    const page = await newPage(context);
    await page.goto(url);
    await page.waitForFunction(() => document.body && document.body.dataset.result, null, { timeout: 30000 });
    return {
      result: JSON.parse(await page.evaluate(() => document.body.dataset.result)),
      stack: await page.evaluate(() => window.ftHost.stack().map((p) => p.route)),
      config: await page.evaluate(() => window.ftHostConfig),
      configError: await page.evaluate(() => window.ftHost.configError()),
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
 * @param {{ csp?: string }} [options]
 */
async function runBuilt(root, options) {
  const server = await serve({ root, port: 0 });
  try {
    return await resultAt(`${server.url}/index.html`, options);
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

/** What marks ft-polyfill in a bundle: its name (in its messages and storage names) or its config global. */
const POLYFILL_MARK = /ft-polyfill|ftHostConfig/;

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
      // A classic script file at the start of <head>, before any module script.
      const tag = '<script src="/@ft-polyfill/host-config.js" data-ft-host-config></script>';
      expect(html.indexOf(tag)).toBeGreaterThan(-1);
      expect(html.indexOf(tag)).toBeLessThan(html.indexOf('type="module"'));
      expect(html.indexOf(tag)).toBeLessThan(html.indexOf('<meta'));
      expect(await (await fetch(`${server.url}/@ft-polyfill/host-config.js`)).text()).toBe(`window.ftHostConfig = ${JSON.stringify(SHOP)};`);
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
    expect(bundle).not.toMatch(POLYFILL_MARK);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toMatch(POLYFILL_MARK);
  }, 120000);

  test('`vite build --mode e2e` (build: true) makes a test build on ft-polyfill that runs in Chromium', async () => {
    const out = join(scratch.work, 'vite-e2e');
    const { code, output } = await runTool(VITE, ['build', '--mode', 'e2e', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: app });
    expect([code, output]).toEqual([0, '']);
    expect(bundleText(out)).not.toContain('FINCLIP_SDK_STAND_IN');
    expect(bundleText(out)).toMatch(POLYFILL_MARK);
    const { result, config, panelOpens, errors } = await runBuilt(out);
    expect(result).toEqual(APP_RESULT);
    expect(panelOpens).toBe(true);
    expect(config).toEqual(SHOP);
    expect(errors).toEqual([]);
    // Under a strict policy the config is a file of the build, which `script-src 'self'` allows.
    const strict = await runBuilt(out, { csp: "script-src 'self' 'wasm-unsafe-eval'" });
    expect(strict).toMatchObject({ result: APP_RESULT, config: SHOP, configError: '', panelOpens: true, errors: [] });
  }, 120000);
});

describe('a production `vite build` never contains ft-polyfill, whatever tsconfig `paths` or the app\'s imports say', () => {
  /** @type {string} */ let app;
  beforeAll(() => {
    // A TypeScript app with the `paths` entry that once sent finclip-js-sdk to ft-polyfill in Vite's own resolver.
    app = shopProject('vite-paths-app', { tools: ['vite'], packageJson: { type: 'module' } }).dir;
    copyFixture('vite-paths-app', app);
    renameSync(join(app, 'src/main.js'), join(app, 'src/main.ts'));
    writeFiles(scratch.work, { 'vite-paths-app/vite.config.js': recipe('vite-app/vite.config.js') });
  }, 60000);

  /** @param {string} name @param {string[]} [args] */
  const build = (name, args = []) => runTool(VITE, ['build', '--outDir', join(scratch.work, name), '--emptyOutDir', '--logLevel', 'error', ...args], { cwd: app });

  test('`paths` to ft-polyfill: FinClip\'s finclip-js-sdk is bundled, not ft-polyfill; `--mode e2e` is on ft-polyfill', async () => {
    expect(await build('paths-production')).toEqual({ code: 0, output: '' });
    expect(bundleText(join(scratch.work, 'paths-production'))).toContain('FINCLIP_SDK_STAND_IN');
    expect(bundleText(join(scratch.work, 'paths-production'))).not.toMatch(POLYFILL_MARK);
    expect(await build('paths-e2e', ['--mode', 'e2e'])).toEqual({ code: 0, output: '' });
    expect(bundleText(join(scratch.work, 'paths-e2e'))).toMatch(POLYFILL_MARK);
  }, 120000);

  test('a module importing ft-polyfill itself fails the build, naming it and what to do', async () => {
    const main = readFileSync(join(app, 'src/main.ts'), 'utf8');
    writeFiles(app, { 'src/main.ts': `import './imports-polyfill';\n${main}` });
    try {
      const { code, output } = await build('direct-production');
      expect(code).not.toBe(0);
      expect(output).toMatch(/ft-polyfill: \S+node_modules\/ft-polyfill\/dist\/ft-polyfill\.mjs would be bundled \(imported by \S+\/src\/imports-polyfill\.ts\) in a production build\. .*Install FinClip's finclip-js-sdk/);
    } finally {
      writeFiles(app, { 'src/main.ts': main });
    }
  }, 120000);

  test('without FinClip\'s package installed, `paths` to ft-polyfill fails the build instead of shipping it', async () => {
    rmSync(join(app, 'node_modules/finclip-js-sdk'), { recursive: true });
    const { code, output } = await build('no-sdk-production');
    expect(code).not.toBe(0);
    expect(output).toMatch(/ft-polyfill: finclip-js-sdk resolves to ft-polyfill \(\S+ft-polyfill\.mjs\) and FinClip's finclip-js-sdk is not installed in a production build\./);
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
    rmSync(join(app, 'dist'), { recursive: true, force: true }); // no chunk of an earlier build
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
    expect(bundle).not.toMatch(POLYFILL_MARK);
  }, 120000);

  test('FtPolyfillGuard fails a production build with a module importing ft-polyfill, naming it', async () => {
    const { code, output } = await runTool(join(app, 'build.cjs'), ['production', './src/imports-polyfill.js'], { cwd: app });
    expect(code).not.toBe(0);
    expect(output).toMatch(/ft-polyfill: \S+node_modules\/ft-polyfill\/dist\/ft-polyfill\.mjs would be bundled \(imported by \S+\/src\/imports-polyfill\.js\) in a production build\./);
  }, 120000);

  test('window.ftHostConfig set after the import but before the first ft call is honoured; ftHost.configure orders the calls after it', async () => {
    // webpack-app/src/late-config.js in place of src/main.js (ft-host-config.js still runs first: the late one replaces it)
    const { result, errors } = await runBuilt(await build('development', './src/late-config.js'));
    expect(result).toEqual({ late: 'late', stack: ['pages/late/index'], configured: 'configured' });
    expect(errors).toEqual([]);
  }, 120000);
});

test('TypeScript with the types-only declaration (README recipe ts-app/src/finclip-js-sdk.d.ts) type-checks an app importing finclip-js-sdk against ft-polyfill\'s types, and the vite, vitest, playwright and webpack entries', async () => {
  const app = scratch.app('ts-app', { tools: ['vite', 'vitest', '@playwright/test'] }).dir;
  copyFixture('ts-app', app);
  writeFiles(scratch.work, {
    'ts-app/src/finclip-js-sdk.d.ts': recipe('ts-app/src/finclip-js-sdk.d.ts'),
    'ts-app/src/playwright.config.ts': recipe('playwright-app/playwright.config.ts'), // type-checked here, run by playwright-test.test.js
  });
  // src/main.ts (the app) and src/integrations.ts (ft-polyfill/vite, /vitest, /playwright) have
  // @ts-expect-error lines: they pass only if the calls are really typed.
  const { code, output } = await runTool(join(ROOT, 'node_modules/typescript/bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: app });
  expect([code, output]).toEqual([0, '']);
}, 120000);
