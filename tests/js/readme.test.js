// The README's generated tables (scripts/coverage.mjs) say what is true of the build, the tests and the host surface.
import 'fake-indexeddb/auto'; // the instance the table is read from opens storage: keep it quiet
import { readmeWithCoverage } from '../../scripts/coverage.mjs';

test('the README coverage and ftHost tables match the API table, the implementations, the tests and the host surface', () => {
  const { readme, updated } = readmeWithCoverage();
  expect(readme).toBe(updated);
  expect(updated).not.toContain('not supported yet');
});
