// node scripts/pack.mjs [destination]: the npm tarball as users get it. The repository's
// package.json has scripts for development (build, test, bench, ...) whose files the package does
// not ship; the published package.json has none. So the package's files (as `npm pack` lists
// them) are staged with a package.json without `scripts` and packed there. Prints npm pack's JSON.
// Publish with `npm publish <the tarball>`; `npm publish` in the repository refuses (prepublishOnly).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packs the package into `destination`.
 * @param {string} destination  a folder
 * @returns {Array<{ filename: string, size: number, unpackedSize: number, files: Array<{ path: string }> }>}  npm pack's JSON
 */
export function pack(destination) {
  const npm = (/** @type {string} */ cwd, /** @type {string[]} */ args) => JSON.parse(execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  const listed = npm(ROOT, ['pack', '--dry-run', '--json', '--ignore-scripts'])[0].files.map((/** @type {{ path: string }} */ f) => f.path);
  const stage = mkdtempSync(join(tmpdir(), 'ft-polyfill-pack-'));
  try {
    for (const path of listed) {
      mkdirSync(dirname(join(stage, path)), { recursive: true });
      cpSync(join(ROOT, path), join(stage, path));
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    delete manifest.scripts;
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return npm(stage, ['pack', '--json', '--ignore-scripts', '--pack-destination', resolve(destination)]);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(pack(process.argv[2] || ROOT), null, 2));
}
