// The Emscripten glue (build/wasm/ft-core-web.cjs) carries the whole FS object of Emscripten
// 3.1.6's library_fs.js and the SYSCALLS helpers, including what this project never calls: lazy
// XHR-backed files, preloaded files, FS's own IndexedDB import/export (IDBFS is a separate object
// and stays), calls the core does not make. Their text costs ~2.5 KB of the gzipped script. This
// removes them from the browser bundles, and only when nothing else in the glue mentions them
// (else it keeps them and says so). trimWebGlue also stubs the Embind paths the bindings never
// take (std::wstring, smart pointers and derived classes) and the .wasm fetch the browser builds
// never make (polyfill/core-web.js hands the module over), and drops what only they used (a
// further ~1.0 KB of the gzipped script), and the stream operations no syscall of the core
// reaches (mmap, msync, allocate: ~0.3 KB).
import * as acorn from 'acorn';

/**
 * Members removed when nothing else in the glue names them, per object of the glue (object →
 * member → why it is unused here). The polyfill itself uses FS.mkdirTree, mount, unmount,
 * analyzePath, writeFile, utime, syncfs and IDBFS's entry functions (wasm-glue/persistence.js,
 * wasm-glue/idbfs-adapter.js).
 */
export const UNUSED = {
  FS: {
    createLazyFile: 'XHR-backed lazy files',
    forceLoadFile: 'only used by lazy files',
    createPreloadedFile: 'preloading assets at start-up',
    createDataFile: 'only used by preloading',
    createPath: 'only used by preloading',
    loadFilesFromDB: "FS's own IndexedDB import (IDBFS does the persistence)",
    saveFilesToDB: "FS's own IndexedDB export",
    DB_NAME: 'only used by loadFilesFromDB/saveFilesToDB',
    readFile: 'the core reads its files itself',
    chdir: 'no working directory changes',
    ftruncate: 'no syscall uses it in this build',
    fchmod: 'same', fchown: 'same', lchmod: 'same', lchown: 'same',
    createLink: 'not used', joinPath: 'not used', absolutePath: 'not used', findObject: 'not used', quit: 'not used',
    chown: 'no chown() in the core', createFile: 'not used', isSocket: 'no sockets',
  },
  SYSCALLS: {
    doReadlink: 'no readlink in the core', doAccess: 'no access()', doDup: 'no dup()', doMknod: 'no mknod()', doMsync: 'no mmap',
    get64: 'no 64-bit syscall argument in this build', DEFAULT_POLLMASK: 'no poll()',
  },
};

/**
 * The browser glue (build/wasm/ft-core-web.cjs) trimmed for the bundles: trimGlue, then the
 * STUBBED functions replaced and the UNUSED_DECLARATIONS no one names removed. Only for the
 * browser glue: the Node glue (-sSINGLE_FILE) reads its embedded .wasm through getBinaryPromise.
 * @param {string} source  the browser glue's text
 * @param {(message: string) => void} [warn]
 * @returns {string}
 * @throws {Error} when a STUBBED function is not in the glue (the list is stale: a build error)
 */
export function trimWebGlue(source, warn = () => {}) {
  return trimStreamOperations(trimDeclarations(trimGlue(source, warn), warn), warn);
}

/**
 * Stream operations no call of the core reaches (operation → why): the wasm imports no syscall
 * that would call them, so FS's entry point, MEMFS's implementation and MEMFS's table entries for
 * them all go, together, and only when nothing else in the glue names the operation.
 */
export const UNUSED_STREAM_OPERATIONS = {
  mmap: 'no mmap() in the core (no __syscall_mmap2 import)',
  msync: 'no msync(), which only works on mmap-ed memory',
  allocate: 'no posix_fallocate() (no __syscall_fallocate import)',
};

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
 * Functions of the glue (top-level in its module factory) whose body is replaced, with why. The
 * core's start-up still calls them (Embind registers its built-in types), so they stay, shorter.
 */
export const STUBBED = {
  // No binding in wasm-glue/bind_*.cpp takes or returns std::wstring/u16string/u32string; a binding
  // that did would fail to register with Embind's "unbound types" error, not misbehave.
  __embind_register_std_wstring: 'function __embind_register_std_wstring(rawType, charSize, name) {}',
  // Only smart pointers and classes with a base class convert through it; the bindings register
  // neither (every class_ in wasm-glue/bind_*.cpp is a plain class without base<>).
  // polyfill/core-web.js compiles the embedded module and always hands it over through
  // `instantiateWasm`: the glue never fetches or reads a .wasm itself.
  getBinaryPromise: 'function getBinaryPromise() { return Promise.reject(new Error("ft-polyfill: the core comes through instantiateWasm")); }',
  // Embind's leak-check helpers on Module (getInheritedInstanceCount, getLiveInheritedInstances,
  // flushPendingDeletes, setDelayFunction): the browser builds never call them (the Node glue,
  // which the testing kit uses, keeps them).
  init_embind: 'function init_embind() {}',
  genericPointerToWireType: 'function genericPointerToWireType() { throwBindingError("ft-polyfill: no smart pointers or derived classes in this build"); }',
  // Without a base class (above), these walk no class chain: what remains is exactly their
  // answer for a class that is its own basest, upcast and downcast class.
  upcastPointer: 'function upcastPointer(ptr, ptrClass, desiredClass) { if (ptrClass !== desiredClass) throwBindingError("ft-polyfill: no derived classes in this build"); return ptr; }',
  downcastPointer: 'function downcastPointer(ptr, ptrClass, desiredClass) { return ptrClass === desiredClass ? ptr : null; }',
  getBasestPointer: 'function getBasestPointer(class_, ptr) { return ptr; }',
  // Every binding registers each name once (one function per name, one constructor per arity),
  // so Embind never builds an overload table.
  ensureOverloadTable: 'function ensureOverloadTable() { throwBindingError("ft-polyfill: no overloads in this build"); }',
  // The polyfill calls only delete() on a handle (never clone, isAliasOf, isDeleted, deleteLater).
  init_ClassHandle: 'function init_ClassHandle() { ClassHandle.prototype["delete"] = ClassHandle_delete; }',
};

/**
 * Functions and variables of the glue (top-level in its module factory) removed when nothing else
 * in the glue names them (declaration → why it is unused here).
 */
export const UNUSED_DECLARATIONS = {
  UTF16ToString: 'only std::wstring/u16string used it', stringToUTF16: 'same', lengthBytesUTF16: 'same', UTF16Decoder: 'same',
  UTF32ToString: 'only std::u32string used it', stringToUTF32: 'same', lengthBytesUTF32: 'same',
  getInheritedInstanceCount: 'only init_embind exposed it', getLiveInheritedInstances: 'same', setDelayFunction: 'same',
  getBinary: 'only getBinaryPromise used it', asyncLoad: 'preloaded files only', getUniqueRunDependency: 'preloaded files only',
  ClassHandle_clone: 'only init_ClassHandle exposed it', ClassHandle_isAliasOf: 'same', ClassHandle_isDeleted: 'same', ClassHandle_deleteLater: 'same',
  shallowCopyInternalPointer: 'only clone used it',
};

/**
 * @param {string} source  the glue's text
 * @param {(message: string) => void} [warn]
 * @returns {string} the glue without the unreferenced members
 */
export function trimGlue(source, warn = () => {}) {
  const ast = /** @type {any} */ (acorn.parse(source, { ecmaVersion: 2020 }));
  /** @type {Record<string, any>} `var NAME = {...}` object literals of the glue, by name */
  const objects = {};
  (function find(node) {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'VariableDeclarator' && node.id && Object.hasOwn(UNUSED, node.id.name) && node.init && node.init.type === 'ObjectExpression') {
      objects[node.id.name] = node.init;
    }
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach(find);
      else if (child && typeof child.type === 'string') find(child);
    }
  })(ast);
  /** @type {any[]} */
  const members = [];
  for (const [name, unused] of Object.entries(UNUSED)) {
    if (!objects[name]) {
      warn(`trim-glue: no \`var ${name} = {...}\` in the glue; nothing removed from it`);
      continue;
    }
    for (const p of objects[name].properties) {
      if (p.key && Object.hasOwn(unused, p.key.name || p.key.value)) members.push(Object.assign(p, { owner: name }));
    }
  }
  members.sort((a, b) => a.start - b.start);
  // Text of the glue outside the members being removed: a member is removed only when no one
  // else names it.
  let outside = '';
  let at = 0;
  for (const p of members) {
    outside += source.slice(at, p.start);
    at = p.end;
  }
  outside += source.slice(at);
  const removable = members.filter((/** @type {any} */ p) => {
    const name = p.key.name || p.key.value;
    const used = new RegExp(`\\b${name}\\b`).test(outside);
    if (used) warn(`trim-glue: ${p.owner}.${name} is used by the glue; kept`);
    return !used;
  });
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
  const ast = /** @type {any} */ (acorn.parse(source, { ecmaVersion: 2020 }));
  /** @type {any[]} */
  let body = [];
  (function find(node) {
    if (!node || typeof node !== 'object') return;
    if ((node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') && node.body.type === 'BlockStatement' && node.body.body.length > body.length) body = node.body.body;
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach(find);
      else if (child && typeof child.type === 'string') find(child);
    }
  })(ast);
  return body;
}

/**
 * Replaces the STUBBED functions (a build error when one is missing: the stub would be stale),
 * then removes the UNUSED_DECLARATIONS no one else names (else keeps them and says so).
 * @param {string} source
 * @param {(message: string) => void} warn
 * @returns {string}
 */
function trimDeclarations(source, warn) {
  /** @type {{ start: number, end: number, text: string }[]} */
  const edits = [];
  const body = factoryBody(source);
  for (const [name, stub] of Object.entries(STUBBED)) {
    const fn = body.find((n) => n.type === 'FunctionDeclaration' && n.id.name === name);
    if (!fn) throw new Error(`trim-glue: no \`function ${name}\` in the glue; update STUBBED in scripts/trim-glue.mjs`);
    edits.push({ start: fn.start, end: fn.end, text: stub });
  }
  /** @param {any} n @returns {string | undefined} */
  const declared = (n) => (n.type === 'FunctionDeclaration' ? n.id.name : n.type === 'VariableDeclaration' && n.declarations.length === 1 ? n.declarations[0].id.name : undefined);
  const candidates = body.filter((n) => Object.hasOwn(UNUSED_DECLARATIONS, declared(n) ?? ''));
  for (const name of Object.keys(UNUSED_DECLARATIONS)) {
    if (!candidates.some((n) => declared(n) === name)) warn(`trim-glue: no top-level \`${name}\` in the glue; nothing removed`);
  }
  /** @param {{ start: number, end: number, text: string }[]} list */
  const apply = (list) => {
    let out = '';
    let at = 0;
    for (const e of [...list].sort((a, b) => a.start - b.start)) {
      out += source.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + source.slice(at);
  };
  // A candidate goes only when no one names it in the glue without the candidates that go
  // (repeated until it settles: a kept candidate keeps what it names).
  let removable = candidates;
  for (;;) {
    const outside = apply([...edits, ...removable.map((n) => ({ start: n.start, end: n.end, text: '' }))]);
    const next = removable.filter((n) => !new RegExp(`\\b${declared(n)}\\b`).test(outside));
    if (next.length === removable.length) break;
    removable = next;
  }
  for (const n of candidates) {
    if (removable.includes(n)) edits.push({ start: n.start, end: n.end, text: '' });
    else warn(`trim-glue: ${declared(n)} is used by the glue; kept`);
  }
  return apply(edits);
}
