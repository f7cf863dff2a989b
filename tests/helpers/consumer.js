// Consumer tests: the packed package installed OFFLINE into scratch projects (it has no
// dependencies, so the install needs no registry), with the recipes of the README and the guides
// (docs/) written into them.
// The tools a project would install itself (vite, vitest, @playwright/test, ...) are this
// repository's devDependencies, symlinked into the scratch project's node_modules after the install:
// Node resolves a symlinked package to its real path, so a tool's own dependencies resolve too.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './browser.js';
import { pack } from '../../scripts/pack.mjs';

export const FIXTURES = join(ROOT, 'tests/consumers/fixtures');
export const README = join(ROOT, 'README.md');

/** The pages recipes live in: README.md and every Markdown file under docs/, as paths from the root. */
export function recipePages() {
  const pages = ['README.md'];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) pages.push(path);
    }
  };
  walk('docs');
  return pages;
}

/** The text of every recipe page, one after the other. */
export function recipeText() {
  return recipePages().map((page) => readFileSync(join(ROOT, page), 'utf8')).join('\n');
}

/**
 * The recipes: each fenced code block right after a `<!-- recipe: <path> -->` marker,
 * by path (the file it becomes in a scratch project).
 * @param {string} [text]  the pages' text (default: README.md and every .md file under docs/)
 * @returns {Map<string, string>}
 */
export function readmeRecipes(text = recipeText()) {
  /** @type {Map<string, string>} */
  const recipes = new Map();
  const marker = /<!-- recipe: (\S+) -->\s*\n(`{3,})[^\n]*\n([\s\S]*?)\n\2[ \t]*(?:\n|$)/g;
  for (const [, path, , body] of text.matchAll(marker)) {
    if (recipes.has(path)) throw new Error(`docs: two recipes for ${path}`);
    recipes.set(path, `${body}\n`);
  }
  return recipes;
}

/**
 * One recipe's text, exactly as its page has it.
 * @param {string} path
 */
export function recipe(path) {
  const text = readmeRecipes().get(path);
  if (text === undefined) throw new Error(`no <!-- recipe: ${path} --> block in README.md or docs/`);
  return text;
}

/**
 * Writes files (path relative to dir → text), making folders as needed.
 * @param {string} dir
 * @param {Record<string, string>} files
 */
export function writeFiles(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * @typedef {object} ScratchApp
 * @property {string} dir  the project's folder (its package.json, node_modules/ft-polyfill)
 * @property {string} pkg  the installed package: dir/node_modules/ft-polyfill
 * @property {(names: string[]) => void} link  symlinks this repository's node_modules/<name> into dir/node_modules
 */

/**
 * Packs the repository once (scripts/pack.mjs: the published package.json); `app(name)` makes a project folder with the tarball installed offline.
 * @returns {{ work: string, tarball: string, files: string[], app: (name: string, options?: { tools?: string[], packageJson?: object }) => ScratchApp, remove: () => void }}
 */
export function scratchProject() {
  const work = mkdtempSync(join(tmpdir(), 'ft-consumer-'));
  const out = pack(work);
  const tarball = join(work, out[0].filename);
  /**
   * @param {string} name  folder under work
   * @param {{ tools?: string[], packageJson?: object }} [options]  tools: devDependencies of this
   *   repository to link into its node_modules; packageJson: fields of its package.json
   * @returns {ScratchApp}
   */
  const app = (name, { tools = [], packageJson = {} } = {}) => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, version: '1.0.0', ...packageJson }, null, 2));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: dir, stdio: 'pipe' });
    const link = (/** @type {string[]} */ names) => {
      for (const tool of names) {
        const target = join(dir, 'node_modules', tool);
        mkdirSync(dirname(target), { recursive: true });
        symlinkSync(join(ROOT, 'node_modules', tool), target, 'dir');
      }
    };
    link(tools);
    return { dir, pkg: join(dir, 'node_modules', 'ft-polyfill'), link };
  };
  return {
    work, tarball, app,
    files: out[0].files.map((/** @type {{ path: string }} */ f) => f.path),
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

/**
 * Copies tests/consumers/fixtures/<name> to dir.
 * @param {string} name
 * @param {string} dir
 */
export function copyFixture(name, dir) {
  cpSync(join(FIXTURES, name), dir, { recursive: true });
}

/**
 * Copies the cart module the jest-app, vitest-app and vitest-plain projects share
 * (tests/consumers/fixtures/shared/cart.js: it imports finclip-js-sdk) to `file`.
 * @param {string} file
 */
export function copyCart(file) {
  cpSync(join(FIXTURES, 'shared/cart.js'), file);
}

/**
 * The environment of a tool's process: this one's, without what marks a Jest worker (Playwright
 * Test refuses to run inside Jest; Jest itself would think it is a worker) or Jest's NODE_OPTIONS.
 * @param {NodeJS.ProcessEnv} extra
 * @returns {NodeJS.ProcessEnv}
 */
function toolEnv(extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('JEST_')));
  return { ...env, NODE_OPTIONS: '', CI: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/**
 * Runs a Node script of a tool (e.g. node_modules/vitest/vitest.mjs) in its own process, without
 * Jest's NODE_OPTIONS; never throws.
 * @param {string} script
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, timeout?: number }} options
 * @returns {Promise<{ code: number | null, output: string }>}  output: stdout and stderr as they came
 */
export function runTool(script, args, { cwd, env = {}, timeout = 120000 }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: toolEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

/**
 * Starts a long-running tool (a dev server) and resolves with the first http url it prints.
 * @param {string} script
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ url: string, output: () => string, stop: () => Promise<void> }>}
 */
export function startTool(script, args, { cwd, env = {} }) {
  const child = spawn(process.execPath, [script, ...args], { cwd, env: toolEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const closed = new Promise((resolve) => child.on('close', resolve));
  const stop = async () => { if (child.exitCode === null && child.signalCode === null) child.kill(); await closed; };
  return new Promise((resolve, reject) => {
    const onData = (/** @type {Buffer} */ d) => {
      output += d;
      const m = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+)/.exec(output);
      if (m) resolve({ url: m[1], output: () => output, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    closed.then((code) => reject(new Error(`${script} exited ${code} before printing its url:\n${output}`)));
  });
}
