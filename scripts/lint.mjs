// npm run lint (also the first step of npm test): ESLint over the JavaScript (eslint.config.js:
// correctness rules and the house formatting), then clang-format over the C++ against the committed
// .clang-format, then the import graph (scripts/import-graph.mjs: layers import downward, no
// cycle). `npm run lint -- --fix` rewrites ESLint's and clang-format's findings in place.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fix = process.argv.includes('--fix');

/** @param {string} cmd @param {string[]} args */
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

try {
  run(process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '.', ...(fix ? ['--fix'] : [])]);
  if (existsSync(join(root, '.clang-format'))) {
    const sources = execFileSync('git', ['ls-files', '*.cpp', '*.h'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    run('clang-format', fix ? ['-i', ...sources] : ['--dry-run', '--Werror', ...sources]);
  }
  run(process.execPath, [join(root, 'scripts/import-graph.mjs')]);
  console.log('lint: ESLint, clang-format and the import graph found nothing');
} catch (error) {
  console.error(`lint: failed (fix with \`npm run lint -- --fix\`, then read the diff)`);
  process.exit(/** @type {{status?: number}} */ (error).status || 1);
}
