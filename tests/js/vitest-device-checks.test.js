// onDeviceCheck: 'error' with ft-polyfill/vitest, run as users run it (a Vitest of its own over
// scratch test files, the package copied into the project as installed): a test whose page made
// a device check fails after it, whether the configuration or the test's own host.configure set
// the option, also when the test reset the host after the check; without it, the same test passes.
// A failed call a test leaves unobserved is warned about as that test ends.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RELATIVE = "await ft.request({ url: '/api' }).catch(() => {});"; // a device check: a relative url (§5.3)

/** @type {string} */ let dir;
beforeAll(() => {
  dir = join(root, 'build', `vitest-device-checks-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  // A copy: Vite serves no file outside the project through a link.
  for (const part of ['package.json', 'dist', 'testing', 'vitest']) cpSync(join(root, part), join(dir, 'node_modules/ft-polyfill', part), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'vitest.config.js'), "export default { test: { globals: true, include: ['tests/*.test.js'], setupFiles: ['ft-polyfill/vitest'] } };\n");
  writeFileSync(join(dir, 'tests/checks.test.js'), `test('made one', async () => { ${RELATIVE} });
test('made one after its own configure', async () => { await host.configure({ appId: 'v', onDeviceCheck: 'error' }); ${RELATIVE} });
test('made none', async () => { await ft.setStorage({ key: 'k', data: 1 }); });
test('made one, then reset', async () => { ${RELATIVE} await host.reset(); });
test('left a failed call unobserved under fake timers', async () => {
  vi.useFakeTimers();
  ft.getStorage({ key: 'missing' });
  await Promise.resolve();
  vi.useRealTimers();
});
test('after it', () => { expect(warned).toEqual(['ft.getStorage: getStorage:fail data not found']); });
`);
  // The warnings the file saw, for the last test.
  writeFileSync(join(dir, 'tests/warned.js'), "globalThis.warned = [];\nconst warn = console.warn;\nconsole.warn = (...args) => { if (String(args[0]).startsWith('ft.')) globalThis.warned.push(String(args[0])); return warn(...args); };\n");
  writeFileSync(join(dir, 'vitest.config.js'), "export default { test: { globals: true, include: ['tests/*.test.js'], setupFiles: ['./tests/warned.js', 'ft-polyfill/vitest'] } };\n");
}, 60000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Vitest over the scratch file with this ftHostConfig: each test's title → its status and failure. @param {object} config */
function runVitest(config) {
  const report = join(dir, 'report.json');
  spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json', `--outputFile=${report}`], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', CI: '1', FT_HOST_CONFIG: JSON.stringify(config) },
  });
  /** @type {Record<string, { status: string, message: string }>} */
  const tests = {};
  for (const file of JSON.parse(readFileSync(report, 'utf8')).testResults) {
    for (const t of file.assertionResults) tests[t.title] = { status: t.status, message: t.failureMessages.join('\n') };
  }
  return tests;
}

const failedOnTheCheck = (/** @type {{ status: string, message: string }} */ t) => t.status === 'failed' && /ft-polyfill device check \(onDeviceCheck: 'error'\): 1 place/.test(t.message);

test("the configuration's onDeviceCheck: 'error' fails a test that made a device check, and only that one", () => {
  const tests = runVitest({ appId: 'v', onDeviceCheck: 'error' });
  expect(failedOnTheCheck(tests['made one'])).toBe(true);
  expect(failedOnTheCheck(tests['made one after its own configure'])).toBe(true);
  expect(tests['made none'].status).toBe('passed');
  // A check made before a reset in the same test (which clears ftHost.warnings()) still counts.
  expect(failedOnTheCheck(tests['made one, then reset'])).toBe(true);
  // A failed call left unobserved is warned about as its test ends, also when its timer was a fake one.
  expect(tests['after it']).toEqual({ status: 'passed', message: '' });
}, 90000);

test('without it in the configuration, only the test that set it with host.configure fails', () => {
  const tests = runVitest({ appId: 'v' });
  expect(tests['made one'].status).toBe('passed');
  expect(failedOnTheCheck(tests['made one after its own configure'])).toBe(true);
  expect(tests['made none'].status).toBe('passed');
  expect(tests['made one, then reset'].status).toBe('passed');
}, 90000);
