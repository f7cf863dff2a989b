// ft-polyfill/playwright: Playwright Test's `test` with ft-polyfill in every page of each test.
//
//   const { test, expect } = require('ft-polyfill/playwright');   // or import { test, expect } from ...
//   test.use({ ftConfig: { appId: 'shop' } });                      // window.ftHostConfig (an option)
//   test('cart', async ({ page, ft }) => {
//     await page.goto('/');                                          // the polyfill is already injected
//     const { stack, calls, messages } = await ft.readHost();
//   });
//
// The polyfill goes into the test's BrowserContext before any page opens (testing's injectFt), so
// every page and popup of the test has it and FinClip's JSSDK script is answered by a stub. Each
// test has its own context (Playwright's default), so each starts with an empty storage, the
// configured stack, no mocks and an empty call log. @playwright/test is the project's own
// dependency (an optional peer of this package).
'use strict';

const base = require('@playwright/test');
const { injectFt, readHost, deviceCheckError, ftMatchers } = require('../testing/kit.cjs');

/** The fixture object holds the controls; its JSSDK typing (FtFixture) is for page.evaluate callbacks only. @typedef {import('./index.js').FtOptions & { ft: import('./index.js').FtFixtureControls }} FtArgs */
/** @typedef {import('@playwright/test').PlaywrightTestArgs & import('@playwright/test').PlaywrightTestOptions} BaseArgs */
/** @typedef {import('@playwright/test').PlaywrightWorkerArgs & import('@playwright/test').PlaywrightWorkerOptions} BaseWorkerArgs */

const test = base.test.extend(/** @type {import('@playwright/test').Fixtures<FtArgs, {}, BaseArgs, BaseWorkerArgs>} */ ({
  ftConfig: [{}, { option: true }],
  context: async ({ context, ftConfig }, use) => {
    // onDeviceCheck: 'error' (behaviour.md §1.15), in ftConfig or set by the test (ft.reset, the
    // page's ftHost.configure): the test fails when a page of it produced a device check under it,
    // naming each place the page would break or differ on a device. Each check is sent here as it
    // is made, with whether the page's configuration then asked for 'error' (the injected recorder
    // calls this binding), so the documents a test navigated away from or closed, and checks made
    // before an ft.reset(), count too.
    /** @type {any[]} */
    const reported = [];
    await context.exposeBinding('__ftPolyfillDeviceCheck', (/** @type {unknown} */ _source, /** @type {any} */ check) => { reported.push(check); });
    await injectFt(context, ftConfig);
    await use(context);
    const failing = reported.filter((check) => check.strict);
    // And what the open pages hold under 'error' now, in case a binding call had not arrived yet.
    for (const p of context.pages()) {
      const found = await p.evaluate(() => {
        const host = /** @type {any} */ (window).ftHost;
        const runtime = host && host[Symbol.for('ft-polyfill.runtime')];
        return runtime && runtime.config.onDeviceCheck === 'error' && typeof host.warnings === 'function' ? host.warnings() : [];
      }).catch(() => []);
      failing.push(...found);
    }
    const error = deviceCheckError(failing);
    if (error) throw error;
  },
  ft: async ({ page, ftConfig }, use) => {
    await use({
      config: ftConfig,
      readHost: (target = page) => readHost(target),
      reset: (config, target = page) => target.evaluate((c) => window.ftHost.reset(c), config),
    });
  },
}));

// expect(page).toHavePendingMessages([...]) (testing/matchers.cjs)
module.exports = { test, expect: base.expect.extend(ftMatchers) };
