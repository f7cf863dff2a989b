// The shared suite's Firefox adapter: Debian's firefox-esr through puppeteer-core over WebDriver
// BiDi. A profile is a user context. Firefox throttles background tabs and cancels their file
// pickers, so the tab a command goes to is brought to the front first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findProgram } from './engines-select.js';

/** @returns {Promise<import('./engines.js').DriverEngine>} */
export async function launch() {
  /** @type {{ page: import('puppeteer-core').Page | null }} the tab last brought to the front */
  const front = { page: null };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findProgram('firefox-esr') || 'firefox-esr',
    headless: true,
    // puppeteer sets this pref to true, which cancels every file picker at once.
    extraPrefsFirefox: { 'remote.bidi.dismiss_file_pickers.enabled': false },
  });
  const version = (await browser.version()).replace(/^firefox\//i, '');
  // A popup (openDocument's tab) takes the front: the next command brings its own tab back.
  browser.on('targetcreated', () => { front.page = null; });
  const files = mkdtempSync(join(tmpdir(), 'ft-engines-firefox-'));
  return {
    version: () => version,
    async newProfile() {
      const context = await browser.createBrowserContext();
      return {
        newPage: async () => driverPage(await context.newPage(), context, front, files),
        close: () => context.close(),
      };
    },
    async close() {
      await browser.close();
      rmSync(files, { recursive: true, force: true });
    },
  };
}

/**
 * @param {import('puppeteer-core').Page} page @param {import('puppeteer-core').BrowserContext} context
 * @param {{ page: import('puppeteer-core').Page | null }} front @param {string} files
 * @returns {import('./engines.js').DriverPage}
 */
function driverPage(page, context, front, files) {
  const toFront = async () => {
    if (front.page === page) return;
    await page.bringToFront();
    front.page = page;
  };
  return {
    goto: async (url) => { await toFront(); await page.goto(url); },
    reload: async () => { await toFront(); await page.reload(); },
    run: async (expression) => { await toFront(); return page.evaluate(expression); },
    click: async (selector) => { await toFront(); await page.click(selector); },
    async chooseFiles(selector, chosen) {
      await toFront();
      // puppeteer hands files to the chooser by path: the name is the file's, the type comes from its extension.
      const dir = mkdtempSync(join(files, 'pick-'));
      const paths = chosen.map((f) => {
        const path = join(dir, f.name);
        writeFileSync(path, f.buffer);
        return path;
      });
      const [chooser] = await Promise.all([page.waitForFileChooser(), page.click(selector)]);
      await chooser.accept(paths);
    },
    async setGeolocation(coords) {
      await context.overridePermissions(new URL(page.url()).origin, ['geolocation']);
      await page.setGeolocation(coords);
    },
    async close() {
      if (front.page === page) front.page = null;
      await page.close();
    },
  };
}
