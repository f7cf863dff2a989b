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
  scratch = scratchProject({ tools: ['vite'], packageJson: { type: 'module' } });
  cpSync(join(FIXTURES, 'finclip-js-sdk'), join(scratch.dir, 'node_modules/finclip-js-sdk'), { recursive: true });
  browser = await launchChromium();
}, 120000);

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
 * @returns {Promise<{ result: any, stack: string[], config: any, errors: string[] }>}
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
    app = join(scratch.dir, 'vite-app');
    copyFixture('vite-app', app);
    writeFiles(scratch.dir, { 'vite-app/vite.config.js': recipe('vite-app/vite.config.js') });
  });

  test('`vite` dev server: finclip-js-sdk resolves to ft-polyfill and the config is in the page before the app runs', async () => {
    const port = await freePort();
    const server = await startTool(VITE, ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: app });
    try {
      const html = await (await fetch(`${server.url}/`)).text();
      // A classic inline script at the start of <head>, before any module script.
      expect(html.indexOf('window.ftHostConfig = ')).toBeGreaterThan(-1);
      expect(html.indexOf('window.ftHostConfig = ')).toBeLessThan(html.indexOf('type="module"'));
      expect(html.indexOf('window.ftHostConfig = ')).toBeLessThan(html.indexOf('<meta'));
      const { result, stack, config, errors } = await resultAt(`${server.url}/`);
      expect(result).toEqual(APP_RESULT);
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
    const { result, config, errors } = await runBuilt(out);
    expect(result).toEqual(APP_RESULT);
    expect(config).toEqual(SHOP);
    expect(errors).toEqual([]);
  }, 120000);
});

