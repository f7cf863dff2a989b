// Generates dist/ft-polyfill.d.ts from the one API definition table (polyfill/api-table.js):
// every `ft` / `ft.miniProgram` interface with its options, success result, callbacks and Promise
// form, plus ftHost and ftHostConfig. Run by scripts/build.mjs after esbuild; also runnable alone:
//   node scripts/gen-types.mjs [outfile]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_TABLE, JSSDK_VERSION } from '../polyfill/api-table.js';

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

/** What ft.getAppletInfo answers (ftHostConfig.appInfo; appId comes from ftHostConfig.appId). */
export interface FtAppInfo {
  appId?: string;
  appTitle?: string;
  appAvatar?: string;
  appDescription?: string;
  appThumbnail?: string;
  path?: string;
  userId?: string;
}

/** A mini-program's app.json, as far as the host reads it. */
export interface FtAppJson {
  pages?: string[];
  tabBar?: { list?: Array<{ pagePath: string; text?: string; [field: string]: unknown }>; [field: string]: unknown };
  window?: Record<string, unknown>;
  [field: string]: unknown;
}

/** window.ftHostConfig (set before the script), ftHost.configure's and the testing kit's argument. Every field is optional. */
export interface FtHostConfig {
  /** The mini-program's appId: storage belongs to it. Default 'ft-polyfill-app'. */
  appId?: string;
  /** ft.getAppletInfo's answer. */
  appInfo?: FtAppInfo;
  /** The mini-program's app.json (pages, tabBar.list[].pagePath). */
  app?: FtAppJson;
  /** Url of an app.json to load instead of \`app\`. */
  appJson?: string;
  /** Initial page stack, bottom first; the last page holds the web-view. */
  stack?: string[];
  /** ms: the host fires 'timeout' unless ft.complete() is called in time. */
  webviewTimeout?: number;
  /** ms a getLocation may take, the permission prompt included (default 30000): then getLocation:fail timeout. */
  locationTimeout?: number;
  /** Open the host panel at start. */
  panel?: boolean;
  /** Install even inside a real FinClip host. */
  force?: boolean;
  [field: string]: unknown;
}

/** One settled ft call, as ftHost.calls() lists it (oldest first). */
export interface FtCallRecord {
  /** Qualified name, e.g. 'miniProgram.navigateTo'. */
  api: FtApiName | string;
  /** The arguments as given. */
  args: unknown[];
  /** The object given to the callbacks (undefined for calls without one). */
  result: (FtResult & Record<string, unknown>) | undefined;
  /** Date.now() when the call was made (ms). */
  time: number;
  /** ms until it settled. */
  duration: number;
}

/** A page of the simulated page stack, as ftHost.stack() lists it. */
export interface FtStackPage {
  /** Path without the leading slash, e.g. 'pages/detail/index'. */
  route: string;
  /** The query's raw values as given. */
  query: Record<string, string>;
  /** route + '?' + query exactly as given. */
  url: string;
}

/** What a host action resolves to (it never rejects): reason is the host's text when ok is false. */
export interface FtHostResult {
  ok: boolean;
  reason?: string;
  [field: string]: unknown;
}

/** The interfaces ftHost.mock can answer. */
export type FtMockableApi = 'getLocation' | 'chooseLocation' | 'chooseImage' | 'request' | 'downloadFile' | 'openDocument';

/** A mock's answer: the success fields, { fail: 'reason' }, or a function of the checked options returning either (or a Promise of either). */
export type FtMockAnswer = Record<string, unknown> | ((options: Record<string, any>) => unknown);

/** The host events ftHost.on listens to, and what each listener receives. */
export interface FtHostEventMap {
  /** Buffered postMessage data delivered at back, destroy and share: e.detail.data is the array. */
  message: { detail: { data: unknown[] } };
  /** ft.miniProgram.sendWebviewEvent: the web-view's bindevent, e.detail.data is the object. */
  event: { detail: { data: Record<string, unknown> } };
  /** The web-view did not call ft.complete() within webviewTimeout (ms). */
  timeout: { detail: { timeout: number } };
  /** The page stack changed. */
  route: { action: string; stack: FtStackPage[] };
  /** The navigation bar title changed. */
  title: string;
  /** The page called ft.complete(). */
  complete: unknown;
  navigateToMiniProgram: Record<string, unknown>;
  navigateBackMiniProgram: Record<string, unknown>;
  close: Record<string, unknown>;
  /** Any host state change (the panel re-renders on it). */
  host: Record<string, unknown>;
  /** An ft call settled. */
  call: FtCallRecord;
  /** A mock was added or removed. */
  mock: { api: string; mocked: boolean };
  /** ft.openDocument showed a document. */
  document: Record<string, unknown>;
}

/** window.ftHost: the simulated host's controls (what the person or the host app does). Actions resolve, never reject. */
export interface FtHost {
  /** Resolves when the WebAssembly core is up and storage is loaded. */
  ready: Promise<void>;
  /** Resets the host with a new configuration; storage is kept (switched when appId changes). */
  configure(config?: FtHostConfig): Promise<void>;
  /** Between tests: clears storage, the stack, listeners, mocks and the call log, then applies config (default: the current one). */
  reset(config?: FtHostConfig): Promise<void>;
  on<K extends keyof FtHostEventMap>(name: K, listener: (payload: FtHostEventMap[K]) => void): void;
  /** Removes one listener, or every listener of the event. */
  off<K extends keyof FtHostEventMap>(name: K, listener?: (payload: FtHostEventMap[K]) => void): void;
  /** The page stack, bottom first ([] before ready); the last page holds the web-view. */
  stack(): FtStackPage[];
  /** The simulated navigation bar title. */
  title(): string;
  /** The core's full host state (null before ready). */
  state(): unknown;
  /** The host's back button (clamps; fails on the first page); leaving the web-view page delivers buffered messages. */
  back(delta?: number): Promise<FtHostResult>;
  /** The person shares the page: delivers buffered postMessage data. */
  share(): Promise<FtHostResult>;
  /** The app goes to the background (onHide listeners run). */
  hide(): Promise<FtHostResult>;
  /** The app comes back (onShow listeners run). */
  show(): Promise<FtHostResult>;
  /** The web-view component is destroyed (message + onUnload). */
  destroy(): Promise<FtHostResult>;
  /** The person taps a tabBar item. */
  switchTab(url: string): Promise<FtHostResult>;
  /** The top mini-program goes back to the one below. */
  backMiniProgram(extraData?: Record<string, unknown>): Promise<FtHostResult>;
  /** Every onWebviewEvent listener gets data. */
  sendWebviewEvent(data: Record<string, unknown>): Promise<FtHostResult>;
  /** ft.callNativeAPI(name, data) calls handler(data); its value (or Promise's) is the answer. */
  registerNativeAPI(name: string, handler: (data: any) => unknown): Promise<FtHostResult>;
  unregisterNativeAPI(name: string): Promise<{ ok: true; removed: boolean }>;
  /** The H5 page's onNativeAPIHandler / registNativeAPIHandler answer; rejects when the page has no handler. */
  callJS(name: string, params?: unknown): Promise<unknown>;
  /** The log of settled ft calls, oldest first. */
  calls(): FtCallRecord[];
  /** The host panel (stack, messages, calls, back button). */
  panel: { open(): Promise<void>; close(): Promise<void>; isOpen(): boolean };
  /** Answers a device interface without the browser until unmock; false (and a warning) when it cannot. */
  mock(api: FtMockableApi, answer: FtMockAnswer): boolean;
  /** Removes the mock of api (every mock without an argument). */
  unmock(api?: FtMockableApi): void;
  /** The names of the mocked interfaces. */
  mocked(): string[];
  /** Resolves when every storage write made so far is in IndexedDB. */
  flushed(): Promise<void>;
  /** What could not be applied of the configuration in use ('' when nothing), e.g. an appJson that could not be loaded. */
  configError(): string;
  /**
   * The end of the instance: calls made before it still run, then every handle, observer, timer, channel and listener is
   * released. Afterwards every call fails with "<api>:fail ft-polyfill instance disposed (ftHost.dispose() was called)".
   */
  dispose(): Promise<void>;
}

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
