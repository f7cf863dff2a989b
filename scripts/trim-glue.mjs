// The Emscripten glue (build/wasm/ft-core-web.cjs) carries the whole FS object of Emscripten
// 3.1.6's library_fs.js and the SYSCALLS helpers, including what this project never calls: lazy
// XHR-backed files, preloaded files, FS's own IndexedDB import/export (IDBFS is a separate object
// and stays), calls the core does not make. Their text costs ~2.5 KB of the gzipped script. This
// removes them from the browser bundles, and only when nothing else in the glue mentions them
// (else it keeps them and says so). trimWebGlue also stubs the Embind paths the bindings never
// take (std::wstring, smart pointers and derived classes) and the .wasm fetch the browser builds
// never make (polyfill/core-web.js hands the module over), and drops what only they used (a
// further ~1.0 KB of the gzipped script), the stream operations no syscall of the core
// reaches (mmap, msync, allocate, symlink: ~0.3 KB), the devices, standard streams and terminals
// (/dev, /proc/self/fd, stdin/stdout/stderr, TTY: ~1.3 KB), and the .wasm fetch path, Embind's
// pointer lookups and overload tables (~0.7 KB). The lists, each entry with its reason, are in
// scripts/trim-glue-lists.mjs.
import * as acorn from 'acorn';
import { EMSCRIPTEN_VERSION } from './toolchain.mjs';
import { REPLACED_TEXT, STUBBED, UNUSED, UNUSED_CALLS, UNUSED_DECLARATIONS, UNUSED_STATEMENTS, UNUSED_STREAM_OPERATIONS, WITHOUT_DEVICES } from './trim-glue-lists.mjs';

export { REPLACED_TEXT, STUBBED, UNUSED, UNUSED_CALLS, UNUSED_DECLARATIONS, UNUSED_STATEMENTS, UNUSED_STREAM_OPERATIONS, WITHOUT_DEVICES };

/**
 * Calls `visit` on every node of an acorn tree, parents first.
 * @param {any} node @param {(node: any) => void} visit
 */
function walk(node, visit) {
  if (!node || typeof node !== 'object') return;
  visit(node);
  for (const child of Object.values(node)) {
    if (Array.isArray(child)) child.forEach((c) => walk(c, visit));
    else if (child && typeof child.type === 'string') walk(child, visit);
  }
}

/**
 * The browser glue (build/wasm/ft-core-web.cjs) trimmed for the bundles: the STUBBED functions
 * and REPLACED_TEXT replaced, the UNUSED_STATEMENTS and UNUSED_CALLS removed, then trimGlue (with
 * WITHOUT_DEVICES), the UNUSED_DECLARATIONS and UNUSED_STREAM_OPERATIONS no one names removed.
 * Only for the browser glue: the Node glue (-sSINGLE_FILE) reads its embedded .wasm through
 * getBinaryPromise; it loses only the UNUSED_CALLS (trimNodeGlue).
 * @param {string} source  the browser glue's text
 * @param {(message: string) => void} [warn]  a message with "nothing removed" means a stale list
 * @returns {string}
 * @throws {Error} when a STUBBED function is not in the glue (the list is stale: a build error)
 */
export function trimWebGlue(source, warn = () => {}) {
  const unused = { ...UNUSED, FS: { ...UNUSED.FS, ...WITHOUT_DEVICES } };
  const members = trimGlue(trimCalls(trimStatements(replaceTexts(stubFunctions(source), warn), warn), warn), warn, unused);
  return trimStreamOperations(trimDeclarations(members, warn), warn);
}

/**
 * The Node glue (build/wasm/ft-core-node.cjs) without the UNUSED_CALLS: the devices, /proc and the
 * standard streams every instance would make as it starts, interpreted in a fresh realm each time
 * (a Jest worker starts one instance per test file: docs/benchmarks.md). The rest is kept.
 * @param {string} source  the Node glue's text
 * @returns {string}
 * @throws {Error} when a listed call is not in the glue (the list is stale: a build error)
 */
export function trimNodeGlue(source) {
  /** @type {string[]} */
  const stale = [];
  const trimmed = trimCalls(source, (message) => stale.push(message));
  if (stale.length) throw new Error(`build: scripts/trim-glue-lists.mjs UNUSED_CALLS is stale for the Node glue (Emscripten ${EMSCRIPTEN_VERSION}):\n${stale.join('\n')}`);
  return trimmed;
}

/** How the Node glue (-sSINGLE_FILE) holds its wasm: a data: url in its module factory. */
const NODE_WASM = /wasmBinaryFile="(data:application\/octet-stream;base64,[A-Za-z0-9+/=]+)";/g;

/**
 * The Node glue with its embedded wasm readable from outside the module factory, as the factory's
 * `wasmDataUri` property, so that polyfill/core-node.js compiles it once and instantiates every
 * core from that WebAssembly.Module (the factory itself is unchanged: it reads the same url).
 * @param {string} source  the Node glue's text
 * @returns {string}
 * @throws {Error} when the glue does not hold exactly one such url
 */
export function nodeGlueWithWasmOutside(source) {
  const found = [...source.matchAll(NODE_WASM)];
  if (found.length !== 1) throw new Error(`build: the Node glue holds ${found.length} embedded wasm urls (expected 1, Emscripten ${EMSCRIPTEN_VERSION})`);
  const [statement, url] = found[0];
  return `var ftCoreWasmDataUri = "${url}";\n${source.replace(statement, 'wasmBinaryFile=ftCoreWasmDataUri;')}\nif (typeof module === 'object') module.exports.wasmDataUri = ftCoreWasmDataUri;\n`;
}

/**
 * trimWebGlue for the build: a stale list (a listed name or text the glue lacks, "nothing
 * removed") stops it with every such name, rather than ship an untrimmed glue; the other messages
 * (a listed member the glue still uses, kept) go to `log`.
 * @param {string} source  the browser glue's text
 * @param {(message: string) => void} [log]
 * @returns {string}
 * @throws {Error} naming scripts/trim-glue-lists.mjs, the stale entries and the pinned Emscripten
 */
export function trimWebGlueForBuild(source, log = () => {}) {
  /** @type {string[]} */
  const stale = [];
  const out = trimWebGlue(source, (m) => (/nothing removed/.test(m) ? stale.push(m) : log(m)));
  if (stale.length) throw new Error(`build: the glue is not what scripts/trim-glue-lists.mjs was written for (Emscripten ${EMSCRIPTEN_VERSION}, scripts/toolchain.mjs):\n  ${stale.join('\n  ')}`);
  return out;
}

/**
 * Replaces each REPLACED_TEXT that occurs exactly once (else says so, and leaves the glue as it is).
 * @param {string} source @param {(message: string) => void} warn
 * @returns {string}
 */
function replaceTexts(source, warn) {
  let out = source;
  for (const [text, by] of Object.entries(REPLACED_TEXT)) {
    const count = source.split(text).length - 1;
    if (count === 1) out = out.replace(text, () => by);
    else warn(`trim-glue: \`${text.slice(0, 40)}...\` occurs ${count} times in the glue, not once; nothing removed`);
  }
  return out;
}

/**
 * Removes the UNUSED_STATEMENTS (top-level in the module factory, known by how they start).
 * @param {string} source @param {(message: string) => void} warn
 * @returns {string}
 */
function trimStatements(source, warn) {
  const body = factoryBody(source);
  /** @type {any[]} */
  const statements = [];
  for (const start of Object.keys(UNUSED_STATEMENTS)) {
    const found = body.filter((n) => source.startsWith(start, n.start));
    if (found.length === 1) statements.push(found[0]);
    else warn(`trim-glue: ${found.length} statements start with \`${start}\`, not one; nothing removed`);
  }
  return applyEdits(source, statements.map((n) => ({ start: n.start, end: n.end, text: '' })));
}

/**
 * Removes the UNUSED_CALLS statements (`FS.createDefaultDevices();`) wherever they stand.
 * @param {string} source @param {(message: string) => void} warn
 * @returns {string}
 */
function trimCalls(source, warn) {
  /** @type {any[]} */
  const calls = [];
  walk(acorn.parse(source, { ecmaVersion: 2020 }), (node) => {
    const callee = node.type === 'ExpressionStatement' && node.expression.type === 'CallExpression' ? node.expression.callee : null;
    if (callee && callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && Object.hasOwn(UNUSED_CALLS, `${callee.object.name}.${callee.property.name}`)) calls.push(Object.assign(node, { callee: `${callee.object.name}.${callee.property.name}` }));
  });
  for (const name of Object.keys(UNUSED_CALLS)) if (!calls.some((c) => c.callee === name)) warn(`trim-glue: no call \`${name}()\` in the glue; nothing removed`);
  return withoutMembers(source, calls.sort((a, b) => a.start - b.start));
}

/**
 * Removes every property named by UNUSED_STREAM_OPERATIONS from the object literals inside
 * `var FS = {...}` and `var MEMFS = {...}`, per operation only when the glue without them no
 * longer names it (else keeps that operation and says so).
 * @param {string} source
 * @param {(message: string) => void} warn
 * @returns {string}
 */
function trimStreamOperations(source, warn) {
  const ast = /** @type {any} */ (acorn.parse(source, { ecmaVersion: 2020 }));
  /** @type {Record<string, any[]>} */
  const found = Object.fromEntries(Object.keys(UNUSED_STREAM_OPERATIONS).map((name) => [name, []]));
  (function find(/** @type {any} */ node, /** @type {boolean} */ inside) {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'VariableDeclarator' && node.id && (node.id.name === 'FS' || node.id.name === 'MEMFS')) inside = true;
    if (inside && node.type === 'ObjectExpression') {
      for (const p of node.properties) {
        const name = p.key && (p.key.name || p.key.value);
        if (Object.hasOwn(found, name)) found[name].push(p);
      }
    }
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach((c) => find(c, inside));
      else if (child && typeof child.type === 'string') find(child, inside);
    }
  })(ast, false);
  /** @param {any[]} properties */
  const without = (properties) => withoutMembers(source, [...properties].sort((a, b) => a.start - b.start));
  // Repeated until it settles: an operation kept keeps the text that names the others.
  let names = Object.keys(found).filter((name) => {
    if (found[name].length === 0) warn(`trim-glue: no stream operation \`${name}\` in FS/MEMFS; nothing removed`);
    return found[name].length > 0;
  });
  for (;;) {
    const rest = without(names.flatMap((name) => found[name]));
    const next = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(rest));
    if (next.length === names.length) break;
    for (const name of names) if (!next.includes(name)) warn(`trim-glue: the stream operation ${name} is used by the glue; kept`);
    names = next;
  }
  const removable = names.flatMap((name) => found[name]);
  return without(removable);
}

/**
 * @param {string} source  the glue's text
 * @param {(message: string) => void} [warn]
 * @param {Record<string, Record<string, string>>} [unused]  object → member → why (UNUSED by default)
 * @returns {string} the glue without the unreferenced members
 */
export function trimGlue(source, warn = () => {}, unused = UNUSED) {
  /** @type {Record<string, any>} `var NAME = {...}` object literals of the glue, by name */
  const objects = {};
  walk(acorn.parse(source, { ecmaVersion: 2020 }), (node) => {
    if (node.type === 'VariableDeclarator' && Object.hasOwn(unused, node.id.name) && node.init && node.init.type === 'ObjectExpression') objects[node.id.name] = node.init;
  });
  /** @type {any[]} */
  const members = [];
  for (const [name, listed] of Object.entries(unused)) {
    if (!objects[name]) {
      warn(`trim-glue: no \`var ${name} = {...}\` in the glue; nothing removed from it`);
      continue;
    }
    const found = objects[name].properties.filter((/** @type {any} */ p) => p.key && Object.hasOwn(listed, p.key.name || p.key.value));
    for (const member of Object.keys(listed)) {
      if (!found.some((/** @type {any} */ p) => (p.key.name || p.key.value) === member)) warn(`trim-glue: no ${name}.${member} in the glue; nothing removed`);
    }
    members.push(...found.map((/** @type {any} */ p) => Object.assign(p, { owner: name })));
  }
  members.sort((a, b) => a.start - b.start);
  // A member goes only when no one names it in the glue without the members that go (repeated
  // until it settles: a kept member keeps what it names).
  let removable = members;
  for (;;) {
    const outside = withoutMembers(source, removable);
    const next = removable.filter((p) => !new RegExp(`\\b${p.key.name || p.key.value}\\b`).test(outside));
    if (next.length === removable.length) break;
    removable = next;
  }
  for (const p of members) if (!removable.includes(p)) warn(`trim-glue: ${p.owner}.${p.key.name || p.key.value} is used by the glue; kept`);
  return withoutMembers(source, removable);
}

/**
 * The source without the given object members (acorn nodes, in source order), each with its
 * separating comma.
 * @param {string} source @param {any[]} members
 */
function withoutMembers(source, members) {
  let out = '';
  let at = 0;
  for (const p of members) {
    let end = p.end;
    while (end < source.length && /\s/.test(source[end])) end++;
    if (source[end] === ',') end++;
    out += source.slice(at, p.start);
    at = end;
  }
  return out + source.slice(at);
}

/**
 * The top-level statements of the glue's module factory (the function with the most statements).
 * @param {string} source
 * @returns {any[]}
 */
function factoryBody(source) {
  /** @type {any[]} */
  let body = [];
  walk(acorn.parse(source, { ecmaVersion: 2020 }), (node) => {
    if ((node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') && node.body.type === 'BlockStatement' && node.body.body.length > body.length) body = node.body.body;
  });
  return body;
}

/**
 * Replaces the STUBBED functions (top-level in the glue's module factory).
 * @param {string} source
 * @returns {string}
 * @throws {Error} when one is missing (the stub would be stale: a build error)
 */
function stubFunctions(source) {
  const body = factoryBody(source);
  const edits = Object.entries(STUBBED).map(([name, stub]) => {
    const fn = body.find((n) => n.type === 'FunctionDeclaration' && n.id.name === name);
    if (!fn) throw new Error(`trim-glue: no \`function ${name}\` in the glue; update STUBBED in scripts/trim-glue-lists.mjs`);
    return { start: fn.start, end: fn.end, text: stub };
  });
  return applyEdits(source, edits);
}

/**
 * @param {string} source @param {{ start: number, end: number, text: string }[]} edits  not overlapping
 * @returns {string} the source with each edit's range replaced by its text
 */
function applyEdits(source, edits) {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

/**
 * Removes the UNUSED_DECLARATIONS no one else names (else keeps them and says so).
 * Candidates nested in one another are not listed (createWasm's functions are siblings).
 * @param {string} source
 * @param {(message: string) => void} warn
 * @returns {string}
 */
function trimDeclarations(source, warn) {
  const body = factoryBody(source);
  /** @param {any} n @returns {string | undefined} */
  const declared = (n) => (n.type === 'FunctionDeclaration' ? n.id.name : n.type === 'VariableDeclaration' && n.declarations.length === 1 ? n.declarations[0].id.name : undefined);
  // Top-level declarations, and functions declared inside a top-level function (createWasm's).
  /** @type {any[]} */
  const candidates = [];
  for (const statement of body) {
    walk(statement, (n) => {
      if ((n === statement || n.type === 'FunctionDeclaration') && Object.hasOwn(UNUSED_DECLARATIONS, declared(n) ?? '')) candidates.push(n);
    });
  }
  for (const name of Object.keys(UNUSED_DECLARATIONS)) {
    if (!candidates.some((n) => declared(n) === name)) warn(`trim-glue: no top-level \`${name}\` in the glue; nothing removed`);
  }
  /** @param {any[]} nodes */
  const without = (nodes) => applyEdits(source, nodes.map((n) => ({ start: n.start, end: n.end, text: '' })));
  // A candidate goes only when no one names it in the glue without the candidates that go
  // (repeated until it settles: a kept candidate keeps what it names).
  let removable = candidates;
  for (;;) {
    const outside = without(removable);
    const next = removable.filter((n) => !new RegExp(`\\b${declared(n)}\\b`).test(outside));
    if (next.length === removable.length) break;
    removable = next;
  }
  for (const n of candidates) if (!removable.includes(n)) warn(`trim-glue: ${declared(n)} is used by the glue; kept`);
  return without(removable);
}
