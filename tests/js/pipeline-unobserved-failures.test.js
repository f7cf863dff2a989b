// No stray rejections (behaviour.md §1.4), in Node: a failure nobody observes is one console.warn
// and never an unhandled rejection; a page that observes the Promise still gets the rejection.
// Each scenario (tests/helpers/unobserved-failures.js) runs in its own Node process
// (tests/helpers/node-page.mjs), which counts unhandled rejections as Node reports them.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/browser.js';
import { CONFIG, IGNORED_EXPECTED } from '../helpers/unobserved-failures.js';

const run = promisify(execFile);

/**
 * @param {string} name  an export of tests/helpers/unobserved-failures.js
 * @returns {Promise<{ value: any, unhandled: string[], uncaught: string[], warnings: string[], errors: string[] }>}
 */
async function inNode(name) {
  const { stdout } = await run(process.execPath, [join(ROOT, 'tests/helpers/node-page.mjs'), join(ROOT, 'tests/helpers/unobserved-failures.js'), name, JSON.stringify({ appId: `unobserved-${name}`, ...CONFIG })], { cwd: ROOT });
  return JSON.parse(stdout.trim().split('\n').at(-1) || '{}');
}

test('ignored failures: one console.warn each, naming the API and its errMsg; no unhandled rejection', async () => {
  const report = await inNode('ignoreFailures');
  expect(report.value.sort()).toEqual(IGNORED_EXPECTED.log);
  expect(report.unhandled).toEqual([]);
  expect(report.uncaught).toEqual([]);
  expect(report.warnings.sort()).toEqual(IGNORED_EXPECTED.warnings);
  expect(report.errors).toEqual([]);
}, 60000);

test('observed failures: await, then, catch, finally, the combinators and async returns get the fail object; only the ignored ones warn', async () => {
  const report = await inNode('observeFailures');
  const expected = {
    callNativeAPI: 'callNativeAPI:fail api track not found',
    'miniProgram.navigateTo': 'invokeMiniProgramAPI:fail page "pages/web/pages/missing/index" is not found',
    getStorage: 'getStorage:fail data not found',
    'setStorage parameter error': 'setStorage:fail parameter error: parameter.key should be String instead of Number;',
    request: 'request:fail mocked',
  };
  const forms = ['await', 'then(_, onRejected)', 'catch', 'finally then catch', 'Promise.all', 'Promise.race', 'Promise.allSettled', 'Promise.any', 'Promise.resolve', 'returned from an awaited async function'];
  expect(report.value).toEqual(forms.flatMap((form) => Object.entries(expected).map(([name, errMsg]) => `${form} / ${name}: ${errMsg}`)));
  expect(report.unhandled).toEqual([]);
  expect(report.uncaught).toEqual([]);
  // 50 observed failures, then the same 5 calls ignored: 5 warnings.
  const apiOf = { 'setStorage parameter error': 'setStorage' };
  expect(report.warnings.sort()).toEqual(Object.entries(expected).map(([name, errMsg]) => `ft.${apiOf[name] || name}: ${errMsg}`).sort());
}, 60000);

test('unchanged: successes, callbacks, instanceof Promise (observed or not) and request\'s abort()', async () => {
  const report = await inNode('unchangedForms');
  expect(report.value).toEqual({
    syncSuccessIsPlainPromise: true,
    syncSuccess: 'getStorage:ok',
    failureIsPromise: true,
    failure: 'getStorage:fail data not found',
    ignoredIsPromise: true,
    derivedIsPlain: true,
    callbackReturned: 'undefined',
    callback: 'getStorage:fail data not found',
    positionalCallback: 'callNativeAPI:fail api track not found',
    taskIsPromise: true,
    taskHasAbort: true,
    aborted: 'request:fail abort',
  });
  expect(report.unhandled).toEqual([]);
  expect(report.warnings).toEqual(['ft.getStorage: getStorage:fail data not found']);
}, 60000);
