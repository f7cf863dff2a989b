// The README's coverage table says what is true of the build.
import 'fake-indexeddb/auto'; // the instance the table is read from opens storage: keep it quiet
import { readmeWithCoverage } from '../../scripts/coverage.mjs';

test('the README coverage table matches the API table and the implementations', () => {
  const { readme, updated } = readmeWithCoverage();
  expect(readme).toBe(updated);
  expect(updated).not.toContain('not supported yet');
});
