// No stray rejections (behaviour.md §1.4), in Chromium: the scenarios of
// tests/helpers/unobserved-failures.js in a page that counts `unhandledrejection` events, with
// the page's uncaught errors (Playwright's pageerror: "Uncaught (in promise)") and its console
// warnings collected.
import { newPage, useChromium } from '../helpers/browser.js';
import { CONFIG, IGNORED_EXPECTED } from '../helpers/unobserved-failures.js';
import { watchUnhandledRejections } from '../helpers/unhandled-rejections.js';

const suite = useChromium();

/** @param {string} name  an export of tests/helpers/unobserved-failures.js */
async function inChromium(name) {
  const context = await suite.browser.newContext();
  const page = await newPage(context);
  /** @type {string[]} */
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const unhandledRejections = await watchUnhandledRejections(page);
  await page.goto(suite.pageUrl({ appId: `unobserved-${name}`, ...CONFIG }));
  const value = await page.evaluate(async (scenario) => {
    const scenarios = await import('/tests/helpers/unobserved-failures.js');
    return scenarios[scenario]({ ft, ftHost });
  }, name);
  const unhandled = await unhandledRejections();
  const errors = page.errors;
  await context.close();
  return { value, unhandled, errors, warnings };
}

test('ignored failures: one console warning each, naming the API and its errMsg; no unhandledrejection, no page error', async () => {
  const report = await inChromium('ignoreFailures');
  expect(report.value.sort()).toEqual(IGNORED_EXPECTED.log);
  expect(report.unhandled).toEqual([]);
  expect(report.errors).toEqual([]);
  expect(report.warnings.sort()).toEqual(IGNORED_EXPECTED.warnings);
});

test('observed failures get the fail object in every form; only the ignored ones warn', async () => {
  const report = await inChromium('observeFailures');
  expect(report.value).toHaveLength(50);
  for (const line of report.value) expect(line).toMatch(/: (callNativeAPI|invokeMiniProgramAPI|getStorage|setStorage|request):fail /);
  expect(report.value).toContain('await / callNativeAPI: callNativeAPI:fail api track not found');
  expect(report.value).toContain('returned from an awaited async function / request: request:fail mocked');
  expect(report.unhandled).toEqual([]);
  expect(report.errors).toEqual([]);
  expect(report.warnings.sort()).toEqual([
    'ft.callNativeAPI: callNativeAPI:fail api track not found',
    'ft.getStorage: getStorage:fail data not found',
    'ft.miniProgram.navigateTo: invokeMiniProgramAPI:fail page "pages/web/pages/missing/index" is not found',
    'ft.request: request:fail mocked',
    'ft.setStorage: setStorage:fail parameter error: parameter.key should be String instead of Number',
  ]);
});
