// The generated parts of docs/reference/ (scripts/coverage.mjs) say what is true of the build, the tests, the host surface and the CLI.
import 'fake-indexeddb/auto'; // the instance the table is read from opens storage: keep it quiet
import { docsWithTables } from '../../scripts/coverage.mjs';

test('the coverage and ftHost tables and the CLI usage match the API table, the implementations, the tests, the host surface and the CLI', () => {
  const pages = docsWithTables();
  expect(pages.map((p) => p.file)).toEqual(['docs/reference/ft.md', 'docs/reference/fthost.md', 'docs/reference/cli.md']);
  for (const { file, text, updated } of pages) {
    expect([file, text]).toEqual([file, updated]);
    expect(updated).not.toContain('not supported yet');
  }
});
