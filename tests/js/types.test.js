// The generated typings (dist/ft-polyfill.d.ts, from polyfill/api-table.js) and the testing kit's
// types, checked by `tsc --noEmit --strict` on tests/types/usage.ts: correct use compiles and every
// @ts-expect-error line (a wrong type) is rejected.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/browser.js';
import { API_TABLE } from '../../polyfill/api-table.js';

const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

test('tests/types/usage.ts type-checks under --strict', () => {
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tests/types/tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  expect(output).toBe('');
}, 120000);

test('every interface of the API table is declared, with its doc', () => {
  const dts = readFileSync(join(ROOT, 'dist/ft-polyfill.d.ts'), 'utf8');
  for (const def of API_TABLE) {
    expect(dts).toContain(`  ${def.name}(`);
    expect(dts).toContain(`${def.doc} Since JSSDK ${def.since}.`);
  }
  expect(API_TABLE).toHaveLength(37);
});

test('the sources type-check (npm run typecheck: JSDoc types of polyfill/, wasm-glue/, bin/, testing/)', () => {
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(ROOT, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  expect(output).toBe('');
}, 180000);
