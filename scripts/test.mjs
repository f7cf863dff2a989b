// npm test (after setup and build): native ctest, then Jest (Node + browser tests).
// Extra arguments go to Jest (e.g. `npm test -- tests/browser/storage.test.js`).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jestArgs = process.argv.slice(2);

/** @param {string} cmd @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
function run(cmd, args, env = process.env) {
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env });
}

try {
  if (!jestArgs.length) {
    console.log('\n== native tests (ctest) ==');
    run('cmake', ['-S', '.', '-B', 'build/native', '-DCMAKE_BUILD_TYPE=RelWithDebInfo']);
    run('cmake', ['--build', 'build/native', '-j2']);
    run('ctest', ['--test-dir', 'build/native', '--output-on-failure']);
  }
  console.log('\n== Jest: Node and Chromium tests ==');
  run(process.execPath, ['node_modules/jest/bin/jest.js', ...jestArgs], {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS || ''} --experimental-vm-modules --no-warnings`.trim(),
  });
} catch (error) {
  process.exitCode = /** @type {any} */ (error).status || 1;
}
