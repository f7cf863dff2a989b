// The recipes of the README and the guides (docs/) cannot drift from what the consumer tests run: every `<!-- recipe: path -->`
// marker is followed by a fenced block, each block is written verbatim into a scratch project by a
// consumer test (they read it with recipe('<path>')), and each names its file for the reader.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from '../helpers/browser.js';
import { readmeRecipes, recipeText } from '../helpers/consumer.js';

const text = recipeText();
const recipes = readmeRecipes(text);
const consumerTests = readdirSync(join(ROOT, 'tests/consumers')).filter((f) => f.endsWith('.test.js'))
  .map((f) => readFileSync(join(ROOT, 'tests/consumers', f), 'utf8')).join('\n');

test('every recipe marker is followed by its fenced block', () => {
  const markers = [...text.matchAll(/<!-- recipe: (\S+) -->/g)].map((m) => m[1]);
  expect(markers.length).toBeGreaterThan(0);
  expect([...recipes.keys()]).toEqual(markers);
});

test('every recipe is written into a scratch project by a consumer test', () => {
  const unused = [...recipes.keys()].filter((path) => !consumerTests.includes(`recipe('${path}')`));
  expect(unused).toEqual([]);
});

test('every recipe names its file: in its first line, or in the sentence before it', () => {
  const unnamed = [...recipes.entries()].filter(([path, body]) => {
    const name = basename(path);
    const before = text.slice(Math.max(0, text.indexOf(`<!-- recipe: ${path} -->`) - 200), text.indexOf(`<!-- recipe: ${path} -->`));
    return !body.split('\n')[0].includes(name) && !before.includes(`\`${name}\``);
  }).map(([path]) => path);
  expect(unnamed).toEqual([]);
});

test('the recipe reader takes a block exactly as written (and refuses two recipes for one file)', () => {
  // A longer fence holds a shorter one (CommonMark): the block ends at its own fence.
  const sample = 'a\n<!-- recipe: x/a.md -->\n````md\n# a.md\n```js\nx\n```\n````\nafter\n';
  expect(readmeRecipes(sample)).toEqual(new Map([['x/a.md', '# a.md\n```js\nx\n```\n']]));
  expect(() => readmeRecipes(`${sample}${sample}`)).toThrow('two recipes for x/a.md');
});
