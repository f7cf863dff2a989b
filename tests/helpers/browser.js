// Browser tests: Debian's Chromium through playwright-core, pages served on 127.0.0.1.
import { chromium } from 'playwright-core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../bin/server.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

/** @param {import('playwright-core').LaunchOptions} [options] */
export function launchChromium(options = {}) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, ...options });
}

/**
 * Serves the repository root (dist/, demo/, tests/pages/) on a free port.
 * @param {Record<string, import('../../bin/server.js').RouteHandler>} [routes]
 */
export function serveRoot(routes = {}) {
  return serve({ root: ROOT, port: 0, routes });
}

/**
 * A page that collects console errors and uncaught exceptions, for assertions.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function newPage(context) {
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return Object.assign(page, { errors });
}

/**
 * What most browser test files share: one Chromium, one server and one browser context per file,
 * started before its tests and closed after them. The fields are set by the time the first test runs.
 * @param {Record<string, import('../../bin/server.js').RouteHandler>} [routes]
 */
export function useChromium(routes) {
  const suite = {
    /** @type {import('playwright-core').Browser} */ browser: /** @type {any} */ (null),
    /** @type {{ url: string, close: () => Promise<void> }} */ server: /** @type {any} */ (null),
    /** @type {import('playwright-core').BrowserContext} the file's shared context */ context: /** @type {any} */ (null),
    /** tests/pages/blank.html with an ftHostConfig (JSON in its query). @param {object} [config] */
    pageUrl: (config = {}) => `${suite.server.url}/tests/pages/blank.html?config=${encodeURIComponent(JSON.stringify(config))}`,
    /**
     * A new page of the shared context on the blank test page, with the core ready.
     * @param {object} [config]  its ftHostConfig @param {string} [extra]  more of the query, e.g. '&ft-panel'
     */
    open: async (config = {}, extra = '') => {
      const page = await newPage(suite.context);
      await page.goto(`${suite.pageUrl(config)}${extra}`);
      await page.evaluate(() => ftHost.ready);
      return page;
    },
  };
  beforeAll(async () => {
    [suite.browser, suite.server] = await Promise.all([launchChromium(), serveRoot(routes)]);
    suite.context = await suite.browser.newContext();
  });
  afterAll(async () => {
    await suite.context?.close();
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
