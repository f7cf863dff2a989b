// Every relative link of the docs points at a file that exists, and at a heading of it when it has
// a #anchor (GitHub's slugs): README.md, CONTRIBUTING.md, CHANGELOG.md and every .md under docs/.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The pages checked: the three root pages and every .md under docs/, as paths from root.
 * @param {string} root
 */
function pages(root) {
  const found = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md'].filter((f) => existsSync(join(root, f)));
  /** @param {string} dir */
  const walk = (dir) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  if (existsSync(join(root, 'docs'))) walk('docs');
  return found;
}

/**
 * A page's text without fenced code blocks and inline code (links there are code, not links).
 * @param {string} text
 */
function prose(text) {
  return text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '').replace(/(`+)[^`\n]*?\1/g, '');
}

/**
 * GitHub's anchor of a heading: its text lowercased, punctuation dropped (letters, digits,
 * `_`, `-` and spaces kept), spaces made `-`; a repeated anchor gets `-1`, `-2`...
 * @param {string} text  a page's Markdown
 * @returns {Set<string>}
 */
function anchors(text) {
  const seen = new Map();
  const found = new Set();
  const withoutFences = text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  for (const [, heading] of withoutFences.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const plain = heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '').replace(/[`*]/g, '');
    const slug = plain.toLowerCase().replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '').replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    found.add(n ? `${slug}-${n}` : slug);
  }
  return found;
}

/**
 * The broken relative links of the pages under root: `page: target (why)`.
 * @param {string} root
 */
function brokenLinks(root) {
  const broken = [];
  for (const page of pages(root)) {
    const text = readFileSync(join(root, page), 'utf8');
    for (const [, target] of prose(text).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: ...
      const [path, anchor] = target.split('#');
      const file = path ? join(root, dirname(page), decodeURIComponent(path)) : join(root, page);
      if (relative(root, file).startsWith('..') || !existsSync(file)) {
        broken.push(`${page}: ${target} (no such file)`);
      } else if (anchor !== undefined && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(decodeURIComponent(anchor))) {
        broken.push(`${page}: ${target} (no such heading)`);
      }
    }
  }
  return broken;
}

test('every relative link of README.md, CONTRIBUTING.md, CHANGELOG.md and docs/ points at a file and heading that exist', () => {
  expect(pages(ROOT)).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'docs/behaviour.md']));
  expect(brokenLinks(ROOT)).toEqual([]);
});

test('a missing file, a missing heading and a link out of the repository are reported; code is not a link', () => {
  const root = mkdtempSync(join(tmpdir(), 'ft-docs-links-'));
  try {
    writeFileSync(join(root, 'README.md'), [
      '# ft-polyfill', '', '## The simulated host (`window.ftHost`)', '', '## Setup', '## Setup', '',
      '[ok](README.md#the-simulated-host-windowfthost) [ok](#setup-1) [ok](https://example.com/x.md)',
      '[gone](docs/gone.md) [bad anchor](README.md#nope) [out](../elsewhere.md)',
      '`[code](not-a-link.md)`', '```md', '[code](also-not.md)', '```', '',
    ].join('\n'));
    expect(brokenLinks(root)).toEqual([
      'README.md: docs/gone.md (no such file)',
      'README.md: README.md#nope (no such heading)',
      'README.md: ../elsewhere.md (no such file)',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
