// The Emscripten glue (build/wasm/ft-core-web.cjs) carries the whole FS object of Emscripten
// 3.1.6's library_fs.js and the SYSCALLS helpers, including what this project never calls: lazy
// XHR-backed files, preloaded files, FS's own IndexedDB import/export (IDBFS is a separate object
// and stays), calls the core does not make. Their text costs ~2.5 KB of the gzipped script. This
// removes them from the browser bundles, and only when nothing else in the glue mentions them
// (else it keeps them and says so).
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
  },
  SYSCALLS: {
    doReadlink: 'no readlink in the core', doAccess: 'no access()', doDup: 'no dup()', doMknod: 'no mknod()', doMsync: 'no mmap',
  },
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
  // Remove each member with its separating comma.
  let out = '';
  at = 0;
  for (const p of removable) {
    let end = p.end;
    while (end < source.length && /\s/.test(source[end])) end++;
    if (source[end] === ',') end++;
    out += source.slice(at, p.start);
    at = end;
  }
  return out + source.slice(at);
}
