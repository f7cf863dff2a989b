// onDeviceCheck: 'error' in Jest, run as users run it (a Jest of its own over scratch test files):
// a test whose page made a device check fails after it, whether setupFt, installFt or a later
// host.reset set the option; a set-up where the kit could not add its afterEach (first required
// in setupFiles, before Jest's test functions exist) refuses the option instead of leaving tests
// unchecked. A failed call a test leaves unobserved is warned about as the test ends.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const KIT = join(root, 'testing/index.cjs');
const RELATIVE = "await ft.request({ url: '/api' }).catch(() => {});"; // a device check: a relative url (§5.3)

/** @type {Record<string, string>} the scratch test files */
const FILES = {
  'setup-strict.test.js': `const { setupFt } = require('ft-polyfill/testing');
beforeAll(() => setupFt({ appId: 'a', onDeviceCheck: 'error' }));
beforeEach(() => host.reset());
test('checked', async () => { ${RELATIVE} });
test('checked, then reset', async () => { ${RELATIVE} await host.reset(); });
test('clean', async () => { await ft.setStorage({ key: 'k', data: 1 }); });`,
  'install-strict.test.js': `const { installFt } = require('ft-polyfill/testing');
installFt({ appId: 'b', onDeviceCheck: 'error' });
test('checked', async () => { ${RELATIVE} });`,
  'reset-strict.test.js': `const { setupFt } = require('ft-polyfill/testing');
beforeAll(() => setupFt({ appId: 'c' }));
beforeEach(() => host.reset({ appId: 'c', onDeviceCheck: 'error' }));
test('checked', async () => { ${RELATIVE} });`,
  'lenient.test.js': `const { setupFt } = require('ft-polyfill/testing');
beforeAll(() => setupFt({ appId: 'd' }));
test('not checked', async () => { ${RELATIVE} });`,
  'unobserved.spec.js': `const { setupFt } = require('ft-polyfill/testing');
const warn = jest.spyOn(console, 'warn');
beforeAll(() => setupFt({ appId: 'e' }));
test('leaves a failed call unobserved', () => { ft.getStorage({ key: 'missing' }); });
test('after it', () => { expect(warn.mock.calls).toEqual([['ft.getStorage: getStorage:fail data not found']]); });`,
};

/** What the last runJest's Jest printed on stderr (the console, its warnings). */
let lastStderr = '';

/** Jest over the scratch files: each test's full name → its status and first failure line. @param {string} dir @param {object} config */
function runJest(dir, config) {
  const jestConfig = { rootDir: dir, testEnvironment: 'node', transform: {}, moduleNameMapper: { '^ft-polyfill/testing$': KIT }, ...config };
  const out = spawnSync(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '--config', JSON.stringify(jestConfig), '--json', '--runInBand'], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', CI: '1' },
  });
  lastStderr = out.stderr;
  const report = JSON.parse(out.stdout);
  /** @type {Record<string, { status: string, message: string }>} */
  const tests = {};
  for (const file of report.testResults) {
    const name = file.name.split('/').pop();
    if (!file.assertionResults.length) tests[name] = { status: 'file failed', message: file.message };
    for (const t of file.assertionResults) tests[`${name} › ${t.title}`] = { status: t.status, message: t.failureMessages.join('\n') };
  }
  return tests;
}

/** @type {string} */ let dir;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ft-device-checks-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), `${text}\n`);
  writeFileSync(join(dir, 'setup-files.cjs'), "require('ft-polyfill/testing');\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a device check fails its test where setupFt, installFt or host.reset asked for onDeviceCheck: 'error', and only there", () => {
  const tests = runJest(dir, { testMatch: ['<rootDir>/*.test.js'] });
  const failed = (/** @type {string} */ name) => tests[name].status === 'failed' && /ft-polyfill device check \(onDeviceCheck: 'error'\): 1 place.*\n.*ft\.request/.test(tests[name].message);
  expect(failed('setup-strict.test.js › checked')).toBe(true);
  expect(failed('setup-strict.test.js › checked, then reset')).toBe(true); // made before the reset that cleared ftHost.warnings()
  expect(tests['setup-strict.test.js › clean'].status).toBe('passed'); // reset cleared the warnings
  expect(failed('install-strict.test.js › checked')).toBe(true);
  expect(failed('reset-strict.test.js › checked')).toBe(true);
  expect(tests['lenient.test.js › not checked'].status).toBe('passed');
}, 60000);

test("the kit first required in setupFiles (no afterEach yet): setupFt refuses onDeviceCheck: 'error' and says where to require it", () => {
  const tests = runJest(dir, { testMatch: ['<rootDir>/setup-strict.test.js'], setupFiles: ['<rootDir>/setup-files.cjs'] });
  const checked = tests['setup-strict.test.js › checked'];
  expect(checked.status).toBe('failed');
  expect(checked.message).toMatch(/setupFt: onDeviceCheck: 'error' fails a test through an afterEach hook.*in setupFiles.*setupFilesAfterEnv/);
}, 60000);

test('a failed call a test leaves unobserved is warned about within that test, not after the file', () => {
  // The Jest environment of the guide: its teardown, which disposes the file's instance, is where
  // a warning on a timer came too late ("Cannot log after tests are done", or nothing at all).
  const tests = runJest(dir, { testMatch: ['<rootDir>/unobserved.spec.js'], testEnvironment: join(root, 'testing/jest-environment-node.cjs') });
  expect(tests['unobserved.spec.js › leaves a failed call unobserved'].status).toBe('passed');
  // Warned as that test ended: the next test sees the warning.
  expect(tests['unobserved.spec.js › after it']).toEqual({ status: 'passed', message: '' });
  expect(lastStderr).not.toContain('Cannot log after tests are done');
}, 60000);
