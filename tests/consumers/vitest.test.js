// Vitest 4 projects on the packed package (README recipes vitest-app/ and vitest-plain/): the
// ft-polyfill/vite plugin in vitest.config.js (jsdom, and node by a file's environment comment),
// and the same by hand (alias, setupFiles, FT_HOST_CONFIG). Application code imports
// finclip-js-sdk; tests read the globals and use fake timers. Each project runs in its own
// `vitest run` process; its JSON report is compared test by test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/browser.js';
import { copyCart, copyFixture, recipe, runTool, scratchProject, writeFiles } from '../helpers/consumer.js';

const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');

/** @type {ReturnType<typeof scratchProject>} */ let scratch;
beforeAll(() => { scratch = scratchProject(); }, 120000);
afterAll(() => scratch?.remove());

/**
 * Runs `vitest run` in dir; resolves with each test's status by file and name.
 * @param {string} dir
 * @param {string[]} [args]
 */
async function vitestRun(dir, args = []) {
  const report = join(dir, 'vitest-report.json');
  const { code, output } = await runTool(VITEST, ['run', '--reporter=json', `--outputFile=${report}`, ...args], { cwd: dir });
  /** @type {Record<string, string>} */
  const statuses = {};
  try {
    for (const file of JSON.parse(readFileSync(report, 'utf8')).testResults) {
      for (const t of file.assertionResults) statuses[`${file.name.slice(dir.length + 1)} > ${t.title}`] = t.status;
    }
  } catch {
    // no report: statuses stay empty and the output says why
  }
  if (code !== 0) console.log(output);
  return { code, statuses, output };
}

/** @param {Record<string, string>} statuses */
const failed = (statuses) => Object.entries(statuses).filter(([, s]) => s !== 'passed').map(([name]) => name);

test('the plugin: vitest.config.js and the test from the README, plus globals, one instance and fake timers in jsdom and node', async () => {
  const app = scratch.app('vitest-app', { tools: ['vitest', 'jsdom', 'msw'], packageJson: { type: 'module' } });
  copyFixture('vitest-app', app.dir);
  copyFixture('shared', join(app.dir, 'shared'));
  copyCart(join(app.dir, 'src/cart.js'));
  writeFiles(scratch.work, {
    'vitest-app/vitest.config.js': recipe('vitest-app/vitest.config.js'),
    'vitest-app/src/cart.test.js': recipe('vitest-app/src/cart.test.js'),
  });
  const { code, statuses, output } = await vitestRun(app.dir);
  expect(failed(statuses)).toEqual([]);
  expect(output).not.toContain('loaded more than once'); // the app's import adopts the setup's instance silently
  expect(Object.keys(statuses).sort()).toEqual([
    'src/cart.test.js > adds to cart',
    'src/files.test.js > MSW sees every request here (the control)',
    'src/files.test.js > jsdom: chooseImage mock, then getLocalImgData: the same bytes (base64 and bytes given)',
    'src/files.test.js > jsdom: downloadFile mock, then getLocalImgData: the same bytes',
    'src/files.test.js > no file read of the polyfill reached MSW',
    'src/globals.test.js > a test writes storage and posts a message…',
    'src/globals.test.js > one instance: the globals, window, the finclip-js-sdk import and the ft-polyfill import',
    'src/globals.test.js > the plugin\'s config reached the setup file',
    'src/globals.test.js > vi.useFakeTimers(): storage still settles; webviewTimeout fires when the timers are advanced',
    'src/globals.test.js > …and the next one starts from an empty storage and call log',
    'src/mocks.test.js > MSW answers ft.request',
    'src/mocks.test.js > the shared mocks file: rules, delay, fail, unmatched fail and native answers',
    'src/node-env.test.js > a fresh host for the next test, also under fake timers',
    'src/node-env.test.js > one instance: the globals, the finclip-js-sdk import and the ft-polyfill import',
    'src/node-env.test.js > storage through the app, read through the global',
  ]);
  expect(code).toBe(0);
}, 180000);

test('without the plugin: alias, setupFiles: [\'ft-polyfill/vitest\'] and FT_HOST_CONFIG (JSON text, or a JSON file\'s path; a bad one fails in one line); --no-isolate keeps each test\'s fresh host', async () => {
  const app = scratch.app('vitest-plain', { tools: ['vitest'], packageJson: { type: 'module' } });
  copyFixture('vitest-plain', app.dir);
  copyCart(join(app.dir, 'src/cart.js'));
  writeFiles(scratch.work, { 'vitest-plain/vitest.config.js': recipe('vitest-plain/vitest.config.js') });
  const names = [
    'src/cart.test.js > each test starts empty', 'src/cart.test.js > the config came from FT_HOST_CONFIG; the app\'s finclip-js-sdk is the global ft',
    'src/second.test.js > a second file: the app\'s finclip-js-sdk is the global ft, and the first test starts empty',
  ];
  // --no-isolate: one module graph (and one instance) for both files, the faster run of the guide.
  for (const args of [[], ['--config', 'vitest.file.config.js'], ['--no-isolate']]) {
    const { code, statuses } = await vitestRun(app.dir, args);
    expect([args, failed(statuses), Object.keys(statuses).sort(), code]).toEqual([args, [], names, 0]);
  }
  // A bad FT_HOST_CONFIG stops the run with one line saying what to give instead.
  for (const [bad, message] of [
    ['{ appId: shop }', /ft-polyfill\/vitest: FT_HOST_CONFIG is not valid JSON \([^\n]*\); give JSON text or the path of a JSON file/],
    ['missing.json', /ft-polyfill\/vitest: FT_HOST_CONFIG names \S+missing\.json, which cannot be read \(ENOENT\); give JSON text or the path of a JSON file/],
  ]) {
    const { code, output } = await runTool(VITEST, ['run', '--config', 'vitest.bad.config.js'], { cwd: app.dir, env: { FT_BAD_HOST_CONFIG: String(bad) } });
    expect([bad, code, message.test(output)]).toEqual([bad, 1, true]);
  }
}, 180000);
