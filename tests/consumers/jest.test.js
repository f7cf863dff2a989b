// A Jest project on the packed package (README recipes jest-app/): moduleNameMapper sends the
// application's `import ft from 'finclip-js-sdk'` to ft-polyfill, babel-jest compiles the ES
// modules to CommonJS, and ft-polyfill/testing installs the globals (node and jsdom environments:
// ft-polyfill/jest-environment-node from the recipe and -jsdom in a docblock, plain jsdom in another).
// The project runs in its own Jest process; its JSON report is compared test by test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/browser.js';
import { copyCart, copyFixture, recipe, runTool, scratchProject, writeFiles } from '../helpers/consumer.js';

/** @type {ReturnType<typeof scratchProject>} */ let scratch;
beforeAll(() => { scratch = scratchProject(); }, 120000);
afterAll(() => scratch?.remove());

test('jest.config.js, babel.config.js and cart.test.js from the README, plus one instance in node and jsdom', async () => {
  const app = scratch.app('jest-app', { tools: ['@babel/plugin-transform-modules-commonjs'] });
  copyFixture('jest-app', app.dir);
  copyCart(join(app.dir, 'cart.js'));
  writeFiles(scratch.work, {
    'jest-app/jest.config.js': recipe('jest-app/jest.config.js'),
    'jest-app/babel.config.js': recipe('jest-app/babel.config.js'),
    'jest-app/cart.test.js': recipe('jest-app/cart.test.js'),
  });
  const report = join(app.dir, 'jest-report.json');
  const { code, output } = await runTool(join(ROOT, 'node_modules/jest/bin/jest.js'), ['--ci', '--json', `--outputFile=${report}`], { cwd: app.dir });
  /** @type {Record<string, string>} */
  const statuses = {};
  try {
    for (const file of JSON.parse(readFileSync(report, 'utf8')).testResults) {
      for (const t of file.assertionResults) statuses[`${file.name.slice(app.dir.length + 1)} > ${t.title}`] = t.status;
    }
  } catch {
    // no report: the output says why
  }
  if (code !== 0) console.log(output);
  expect(Object.entries(statuses).filter(([, s]) => s !== 'passed').map(([name]) => name)).toEqual([]);
  expect(Object.keys(statuses).sort()).toEqual([
    'cart.test.js > adds to cart',
    'files-jsdom.test.js > chooseImage mock, then getLocalImgData: the same bytes (base64 and bytes given)',
    'files-jsdom.test.js > downloadFile mock, then getLocalImgData: the same bytes',
    'instance.test.js > each test starts from an empty cart, also under fake timers',
    'instance.test.js > one instance: globals, the finclip-js-sdk import and the ft-polyfill import',
    "instance.test.js > results and errors are this file's own objects (toStrictEqual, instanceof), the build loaded by the environment",
    'instance.test.js > storage through the app, read through the global',
    'instance.test.js > this file has its own storage: what another file wrote is not here',
    'jsdom.test.js > one instance on window: globals, the finclip-js-sdk import and the ft-polyfill import',
    'other-file.test.js > writes a key the other file must not see',
  ]);
  expect(code).toBe(0);
}, 180000);
