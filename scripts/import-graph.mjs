// The import graph of the shipped JavaScript (polyfill/, wasm-glue/), checked by `npm run lint`:
// no import cycle, and the layers of docs/architecture.md import downward only:
//   polyfill/api/ (the table)  <-  polyfill/ (pipeline, runtime)  ->  polyfill/impl/, polyfill/host/
//   everything in polyfill/ may import wasm-glue/; wasm-glue/ imports nothing from polyfill/;
//   polyfill/impl/ never imports polyfill/host/ (the host bridge reaches an implementation as a
//   service, built in polyfill/services.js), and polyfill/host/ never imports polyfill/impl/ except
//   the mocks' controls (impl/device/mocks.js), which ftHost exposes.
// And the one wire: only polyfill/core-wire.js and polyfill/core-wire/ reach into the Emscripten
// module (`Module.x`, `handles.Module.x`); everything else calls their named functions.
// Usage: node scripts/import-graph.mjs   (exit 1 with one line per problem)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIRS = ['polyfill', 'wasm-glue'];

/** @param {string} dir @returns {string[]} */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(m?js)$/.test(name) ? [path] : [];
  });
}

/**
 * The relative imports of a module (static import/export from, and import() with a literal).
 * @param {string} path @returns {string[]} repository-relative paths
 */
export function importsOf(path) {
  const text = readFileSync(path, 'utf8');
  const ast = acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
  /** @type {string[]} */
  const out = [];
  /** @param {any} node */
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source) out.push(node.source.value);
    if (node.type === 'ImportExpression' && node.source.type === 'Literal') out.push(node.source.value);
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === 'object' && key !== 'parent') visit(child);
    }
  };
  visit(ast);
  return out.filter((s) => s.startsWith('.')).map((s) => relative(root, resolve(dirname(path), s)));
}

/**
 * Why an import breaks the layering, or null.
 * @param {string} from @param {string} to  repository-relative paths
 */
export function layerProblem(from, to) {
  if (from.startsWith('wasm-glue/') && to.startsWith('polyfill/')) return 'wasm-glue/ imports nothing from polyfill/';
  if (from.startsWith('polyfill/impl/') && to.startsWith('polyfill/host/')) return 'an implementation gets the host as a service (polyfill/services.js), it does not import polyfill/host/';
  if (from.startsWith('polyfill/host/') && to.startsWith('polyfill/impl/') && to !== 'polyfill/impl/device/mocks.js') return 'polyfill/host/ imports from polyfill/impl/ only the mocks\' controls';
  if (from.startsWith('polyfill/api/') && !to.startsWith('polyfill/api/')) return 'the API table (polyfill/api/) imports only itself';
  return null;
}

/** The wire to the core (docs/architecture.md): the only JS that touches the Emscripten module. @param {string} path */
export const isWire = (path) => path === 'polyfill/core-wire.js' || path.startsWith('polyfill/core-wire/');

/**
 * Where a module reaches into the Emscripten module: a member of `Module` or of `<x>.Module`, or
 * one destructured from them.
 * @param {string} text  the module's source @returns {number[]} the lines
 */
export function moduleAccesses(text) {
  const ast = acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true, locations: true });
  /** @type {number[]} */
  const lines = [];
  /** @param {any} o */
  const isModule = (o) => o && ((o.type === 'Identifier' && o.name === 'Module') || (o.type === 'MemberExpression' && !o.computed && o.property.name === 'Module'));
  /** @param {any} node */
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if ((node.type === 'MemberExpression' && isModule(node.object)) || (node.type === 'VariableDeclarator' && node.id.type === 'ObjectPattern' && isModule(node.init))) lines.push(node.loc.start.line);
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child === 'object' && key !== 'loc') visit(child);
    }
  };
  visit(ast);
  return lines;
}

/** @returns {string[]} one line per problem */
export function check() {
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  for (const dir of DIRS) for (const path of files(join(root, dir))) graph.set(relative(root, path), importsOf(path));
  /** @type {string[]} */
  const problems = [];
  for (const from of graph.keys()) {
    // wasm-glue/post.js is part of the Emscripten module itself (its --post-js).
    if (isWire(from) || from === 'wasm-glue/post.js') continue;
    for (const line of moduleAccesses(readFileSync(join(root, from), 'utf8'))) problems.push(`${from}:${line} reaches into the Emscripten module: call the wire (polyfill/core-wire.js, polyfill/core-wire/)`);
  }
  for (const [from, tos] of graph) {
    for (const to of tos) {
      const why = layerProblem(from, to);
      if (why) problems.push(`${from} imports ${to}: ${why}`);
    }
  }
  // Cycles: a depth-first search; each cycle is reported once, from its smallest member.
  /** @type {Map<string, number>} */
  const state = new Map();
  /** @type {string[]} */
  const path = [];
  const seen = new Set();
  /** @param {string} node */
  const dfs = (node) => {
    state.set(node, 1);
    path.push(node);
    for (const next of graph.get(node) || []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 1) {
        const cycle = path.slice(path.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]);
        const key = [...cycle.slice(start), ...cycle.slice(0, start)].join(' -> ');
        if (!seen.has(key)) {
          seen.add(key);
          problems.push(`import cycle: ${key} -> ${cycle[start]}`);
        }
      } else if (!state.has(next)) dfs(next);
    }
    path.pop();
    state.set(node, 2);
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) dfs(node);
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = check();
  for (const p of problems) console.error(`import-graph: ${p}`);
  if (problems.length) process.exit(1);
}
