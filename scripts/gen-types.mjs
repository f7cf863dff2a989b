// Generates dist/ft-polyfill.d.ts from the one API definition table (polyfill/api-table.js):
// every `ft` / `ft.miniProgram` interface with its options, success result, callbacks and Promise
// form, plus ftHost and ftHostConfig (scripts/gen-host-types.mjs, from polyfill/host/surface.js).
// Run by scripts/build.mjs after esbuild; also runnable alone:
//   node scripts/gen-types.mjs [outfile]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_TABLE, JSSDK_VERSION } from '../polyfill/api-table.js';
import { hostDeclarations } from './gen-host-types.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @type {Record<string, string>} ParamType → TypeScript */
const TS_OF = {
  string: 'string', number: 'number', boolean: 'boolean', object: 'Record<string, unknown>',
  array: 'unknown[]', function: '(...args: any[]) => unknown', arraybuffer: 'ArrayBuffer | ArrayBufferView', any: 'unknown',
};

/** @param {string} s */
const pascal = (s) => s[0].toUpperCase() + s.slice(1);

/** @param {import('../polyfill/api-table.js').ParamDef} p */
function tsType(p) {
  if (p.ts) return p.ts;
  if (p.oneOf) return p.oneOf.map((v) => JSON.stringify(v)).join(' | ');
  const types = Array.isArray(p.type) ? p.type : [p.type];
  return types.map((t) => TS_OF[t]).join(' | ');
}

/** @param {import('../polyfill/api-table.js').ParamDef} p */
function paramDoc(p) {
  const parts = [];
  if (p.doc) parts.push(p.doc);
  if (p.default !== undefined) parts.push(`default ${JSON.stringify(p.default)}`);
  return parts.length ? `  /** ${parts.join('; ')} */\n` : '';
}

/** @param {import('../polyfill/api-table.js').ApiDef} def */
function docOf(def) {
  return `/** ${def.doc} Since JSSDK ${def.since}. */`;
}

/**
 * Declarations for one interface: its Params, Success and (options style) Options types, and
 * the method signatures to place in `Ft` / `FtMiniProgram`.
 * @param {import('../polyfill/api-table.js').ApiDef} def
 */
function renderApi(def) {
  const N = pascal(def.name);
  const decls = [];
  const success = `${N}Success`;
  // A field named `name?` in the table is optional in the result.
  const resultFields = Object.entries(def.result || {}).map(([k, t]) => `  ${k}: ${t};\n`).join('');
  if (def.style === 'options' || def.result) {
    decls.push(`/** What ${def.ns === 'ft' ? 'ft' : 'ft.miniProgram'}.${def.name} succeeds with. */\nexport interface ${success} extends FtResult {\n${resultFields}}`);
  }
  const methods = [];
  const doc = docOf(def);
  if (def.style === 'options') {
    const params = /** @type {Record<string, import('../polyfill/api-table.js').ParamDef>} */ (def.params);
    const fields = Object.entries(params).map(([k, p]) => `${paramDoc(p)}  ${k}${p.required ? '' : '?'}: ${tsType(p)};\n`).join('');
    decls.push(`export interface ${N}Params {\n${fields}}`);
    decls.push(`export type ${N}Options = ${N}Params & FtCallbacks<${success}>;`);
    const anyRequired = Object.values(params).some((p) => p.required);
    const opt = anyRequired ? '' : '?';
    const ret = def.task ? 'FtTask' : 'void';
    const pret = def.task ? `FtTaskPromise<${success}>` : `Promise<${success}>`;
    methods.push(`  ${doc}\n  ${def.name}(options: ${N}Params & WithCallback<${success}>): ${ret};`);
    methods.push(`  ${def.name}(options${opt}: ${N}Params): ${pret};`);
  } else {
    const params = /** @type {Array<import('../polyfill/api-table.js').ParamDef & {name: string, callback?: boolean}>} */ (def.params);
    const resultCb = `(res: ${success}) => void`;
    // A parameter is optional when it and every one after it may be left out.
    const sig = (/** @type {boolean} */ withCb) => {
      let optionalFromHere = true;
      const out = [];
      for (let i = params.length - 1; i >= 0; i--) {
        const p = params[i];
        const isCb = p.callback || (def.promise && p.name === 'callback');
        let type = isCb && !p.ts ? resultCb : tsType(p);
        if (isCb && def.promise) {
          if (!withCb) continue;
          type = p.ts || resultCb;
        }
        const required = isCb && def.promise ? withCb : p.required;
        if (required) optionalFromHere = false;
        out.unshift(`${p.name}${optionalFromHere && !required ? '?' : ''}: ${type}`);
      }
      return out.join(', ');
    };
    if (def.promise) {
      const res = def.result ? success : 'any';
      methods.push(`  ${doc}\n  ${def.name}(${sig(true)}): void;`);
      methods.push(`  ${def.name}(${sig(false)}): Promise<${res}>;`);
    } else {
      methods.push(`  ${doc}\n  ${def.name}(${sig(false)}): void;`);
    }
  }
  return { decls, methods };
}

export function generateTypes() {
  const ftMethods = [];
  const mpMethods = [];
  const decls = [];
  for (const def of API_TABLE) {
    const { decls: d, methods } = renderApi(def);
    decls.push(...d);
    (def.ns === 'ft' ? ftMethods : mpMethods).push(...methods);
  }
  // finclip-js-sdk's places (ApiDef.alsoIn): the same function as ft.<name>.
  const mpAliases = API_TABLE.filter((def) => def.alsoIn === 'miniProgram')
    .map((def) => `  /** The same function as ft.${def.name} (the npm package finclip-js-sdk lists it here). */\n  ${def.name}: Ft['${def.name}'];`);
  const apiNames = API_TABLE.map((d) => JSON.stringify(d.ns === 'ft' ? d.name : `miniProgram.${d.name}`));
  return `// Generated by scripts/gen-types.mjs from polyfill/api-table.js: do not edit.
// ft-polyfill: the FinClip web-view JSSDK ${JSSDK_VERSION} (window.ft) and its simulated host (window.ftHost).

/** Every result has errMsg: "<api>:ok" or "<api>:fail <reason>". */
export interface FtResult {
  errMsg: string;
}

/** What fail (and complete after a failure) receives, and what a Promise rejects with. */
export interface FtFailResult extends FtResult {
  [field: string]: unknown;
}

/** The callbacks of an options-style interface: exactly one of success/fail, then complete. */
export interface FtCallbacks<S> {
  success?: (res: S) => void;
  fail?: (res: FtFailResult) => void;
  complete?: (res: S | FtFailResult) => void;
}

/** Options with at least one callback: the call returns undefined (or a task) instead of a Promise. */
export type WithCallback<S> =
  | (FtCallbacks<S> & { success: (res: S) => void })
  | (FtCallbacks<S> & { fail: (res: FtFailResult) => void })
  | (FtCallbacks<S> & { complete: (res: S | FtFailResult) => void });

/** request / downloadFile with callbacks return a task; abort() fails the call with "<api>:fail abort". */
export interface FtTask {
  abort(): void;
}

/** request / downloadFile without callbacks return a Promise that is also a task. */
export type FtTaskPromise<S> = Promise<S> & FtTask;

${decls.join('\n\n')}

/** ft.miniProgram: the host mini-program (page stack, messages, web-view events). */
export interface FtMiniProgram {
${mpMethods.join('\n')}
${mpAliases.join('\n')}
}

/** window.ft: the FinClip web-view JSSDK ${JSSDK_VERSION}. */
export interface Ft {
${ftMethods.join('\n')}
  miniProgram: FtMiniProgram;
}

/** The qualified name of an interface as the call log writes it. */
export type FtApiName = ${apiNames.join(' | ')};

${hostDeclarations()}

declare const ft: Ft;
export default ft;
/** The simulated host's controls (window.ftHost). */
export declare const host: FtHost;

declare global {
  interface Window {
    ft: Ft;
    ftHost: FtHost;
    ftHostConfig?: FtHostConfig;
    __fcjs_environment?: string;
  }
}
`;
}

/** Types of the CommonJS build (require('ft-polyfill')): the global instance, installed when first read, and instances on demand. */
export const CJS_TYPES = `// Generated by scripts/gen-types.mjs: do not edit.
import type { Ft, FtHost, FtHostConfig } from './ft-polyfill.js';
export type * from './ft-polyfill.js';
/** The instance on globalThis (shared with ft-polyfill/testing), installed the first time it is read. */
declare const ft: Ft;
export default ft;
export { ft };
/** The simulated host's controls (globalThis.ftHost). */
export declare const host: FtHost;
/** A new, independent instance: its own core and storage, installed nowhere. */
export declare function createFt(options?: { config?: FtHostConfig; global?: object }): { ft: Ft; host: FtHost };
/** Installs ft / ftHost on a global object (globalThis by default), or returns the instance already there. */
export declare function installFt(global?: object): { ft: Ft; host: FtHost };
/** Fills in what a Node test environment lacks (structuredClone, fetch, an in-memory IndexedDB, ...); returns the names added. */
export declare function polyfillGlobals(global?: object): string[];
/** The instance already installed on a global object (or on globalThis beside it), else null. */
export declare function installedOn(global: object): { ft: Ft; host: FtHost } | null;
`;

/** Writes dist/ft-polyfill.d.ts (ES module) and dist/ft-polyfill.d.cts (CommonJS). */
export function writeTypes(outfile = join(root, 'dist', 'ft-polyfill.d.ts')) {
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, generateTypes());
  writeFileSync(outfile.replace(/\.d\.ts$/, '.d.cts'), CJS_TYPES);
  writeFileSync(join(dirname(outfile), 'fake-indexeddb.d.cts'), '// The in-memory IndexedDB bundled for ft-polyfill/testing: indexedDB, IDBKeyRange, ...\ndeclare const idb: Record<string, unknown>;\nexport = idb;\n');
  // The Emscripten glue is not type-checkable: `npm run typecheck` sees these declarations instead.
  const wasm = join(root, 'build', 'wasm');
  mkdirSync(wasm, { recursive: true });
  const factory = '/** The Emscripten module factory (Embind; see wasm-glue/). */\ndeclare function createFtCore(options?: Record<string, unknown>): Promise<any>;\n';
  writeFileSync(join(wasm, 'ft-core-node.d.cts'), `${factory}export = createFtCore;\n`);
  writeFileSync(join(wasm, 'ft-core-web.d.cts'), `${factory}export = createFtCore;\n`);
  writeFileSync(join(wasm, 'ft-core-wasm.d.ts'), '/** The browser core\'s .wasm, deflate-compressed, base64 (scripts/build.mjs). */\nexport declare const WASM_DEFLATE_BASE64: string;\n');
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`wrote ${writeTypes(process.argv[2])}`);
}
