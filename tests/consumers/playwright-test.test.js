// A Playwright Test project on the packed package (README recipes playwright-app/): `test` from
// ft-polyfill/playwright, the ftConfig option in playwright.config.ts, a page that loads FinClip's
// JSSDK from its CDN address (answered by the stub). @playwright/test is this repository's
// devDependency linked into the project; playwright.ci.config.js adds Debian's Chromium and the
// test server's address to the README's config. The project runs in its own `playwright test`
// process; its JSON report is compared test by test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/browser.js';
import { copyFixture, recipe, runTool, scratchProject, writeFiles } from '../helpers/consumer.js';
import { serve } from '../../bin/server.js';

/** @type {ReturnType<typeof scratchProject>} */ let scratch;
beforeAll(() => { scratch = scratchProject(); }, 120000);
afterAll(() => scratch?.remove());

/**
 * Every test of a Playwright JSON report: "file > describe > title" → its status.
 * @param {any} suite
 * @param {string[]} path
 * @param {Record<string, string>} out
 */
function outcomes(suite, path = [], out = {}) {
  const here = suite.title ? [...path, suite.title] : path; // a file's suite is titled by its path
  for (const spec of suite.specs || []) {
    out[[...here, spec.title].join(' > ')] = spec.tests.map((/** @type {any} */ t) => t.status).join(',');
  }
  for (const child of suite.suites || []) outcomes(child, here, out);
  return out;
}

test('playwright.config.ts and tests/cart.spec.js from the README, plus the fixture\'s options, fresh hosts and errors', async () => {
  const app = scratch.app('playwright-app', { tools: ['@playwright/test'], packageJson: { type: 'module' } });
  copyFixture('playwright-app', app.dir);
  copyFixture('shared', join(app.dir, 'shared'));
  writeFiles(scratch.work, {
    'playwright-app/playwright.config.ts': recipe('playwright-app/playwright.config.ts'),
    'playwright-app/tests/cart.spec.js': recipe('playwright-app/tests/cart.spec.js'),
  });
  const server = await serve({ root: join(app.dir, 'site'), port: 0 });
  const report = join(app.dir, 'playwright-report.json');
  let run;
  try {
    run = await runTool(join(ROOT, 'node_modules/@playwright/test/cli.js'), ['test', '-c', 'playwright.ci.config.js'], {
      cwd: app.dir, env: { FT_BASE_URL: server.url, FT_REPORT: report }, timeout: 170000,
    });
  } finally {
    await server.close();
  }
  /** @type {Record<string, string>} */
  let statuses = {};
  try {
    statuses = outcomes({ suites: JSON.parse(readFileSync(report, 'utf8')).suites });
  } catch {
    // no report: the output says why
  }
  if (run.code !== 0) console.log(run.output, JSON.stringify(statuses, null, 2));
  expect(statuses).toEqual({
    'tests/cart.spec.js > the cart tells the mini-program': 'expected',
    'tests/fixture.spec.js > the page loading FinClip\'s JSSDK from its CDN runs on the polyfill, with the config option': 'expected',
    'tests/fixture.spec.js > test.use({ ftConfig }) > changes the configuration for a describe': 'expected',
    'tests/fixture.spec.js > a fresh host per test > a test writes storage…': 'expected',
    'tests/fixture.spec.js > a fresh host per test > …the next one starts with empty storage and an empty call log': 'expected',
    'tests/fixture.spec.js > ft.reset() clears storage and the call log within a test': 'expected',
    'tests/fixture.spec.js > a page opened later in the test\'s context has the polyfill too': 'expected',
    'tests/fixture.spec.js > readHost on a page without the polyfill rejects with one clear line': 'expected',
    'tests/fixture.spec.js > injectFt after page.goto rejects with one clear line': 'expected',
    'tests/fixture.spec.js > the shared mocks file in ftConfig > gives in the page what it gives in Vitest': 'expected',
    // test.fail(): 'expected' when the fixture failed the test
    "tests/fixture.spec.js > onDeviceCheck: 'error' in ftConfig > fails the test when its page made a device check": 'expected',
    "tests/fixture.spec.js > onDeviceCheck: 'error' in ftConfig > fails it also when that page has navigated away since": 'expected',
    "tests/fixture.spec.js > onDeviceCheck: 'error' in ftConfig > fails it also when that page was closed, or ft.reset() ran after the check": 'expected',
    "tests/fixture.spec.js > onDeviceCheck: 'error' in ftConfig > passes when no page made one": 'expected',
    "tests/fixture.spec.js > onDeviceCheck: 'error' set by the test itself > with ft.reset, fails the test when its page then made a device check": 'expected',
    "tests/fixture.spec.js > onDeviceCheck: 'error' set by the test itself > with the page's ftHost.configure, too": 'expected',
    "tests/fixture.spec.js > onDeviceCheck: 'error' set by the test itself > a check made before it was set does not fail the test": 'expected',
  });
  expect(run.code).toBe(0);
}, 180000);
