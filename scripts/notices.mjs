// dist/THIRD-PARTY-NOTICES.md: the licences of the code the package bundles (shipped with it).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundled packages and the file each goes into. */
export const BUNDLED = [
  { name: 'fake-indexeddb', into: 'dist/fake-indexeddb.cjs (the testing kit\'s IndexedDB for Node)' },
  { name: 'fflate', into: 'dist/ft-polyfill-inflate.js, .mjs (the inflate fallback)' },
  { name: 'sirv', into: 'dist/sirv.mjs (ft-polyfill serve)' },
  { name: '@polka/url', into: 'dist/sirv.mjs' },
  { name: 'mrmime', into: 'dist/sirv.mjs' },
  { name: 'totalist', into: 'dist/sirv.mjs' },
];

/** The MIT licence text, for packages that name MIT in package.json but ship no licence file. */
const MIT = (holder) => `The MIT License (MIT)

Copyright (c) ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/** @param {string} name @returns {string} the package's licence text (and NOTICE, when it has one) */
function licenceOf(name) {
  const dir = join(root, 'node_modules', name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const files = readdirSync(dir).filter((f) => /^(licen[cs]e|notice)(\.(md|txt))?$/i.test(f)).sort();
  if (files.length) return files.map((f) => readFileSync(join(dir, f), 'utf8').trim()).join('\n\n');
  if (manifest.license !== 'MIT') throw new Error(`notices: ${name} ships no licence file and is ${manifest.license}, not MIT: add its text by hand`);
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author && manifest.author.name;
  return MIT(author || name);
}

/** @param {string} out the file to write */
export function writeNotices(out) {
  const sections = BUNDLED.map(({ name, into }) => {
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
    return `## ${name} ${manifest.version} (${manifest.license})\n\nBundled into ${into}.\n\n\`\`\`\n${licenceOf(name)}\n\`\`\``;
  });
  writeFileSync(out, `# Third-party notices\n\nft-polyfill bundles the following packages (the package itself has no dependencies).\n\n${sections.join('\n\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}` && existsSync(join(root, 'dist'))) writeNotices(join(root, 'dist/THIRD-PARTY-NOTICES.md'));
