// The device side of the wire (polyfill/core-wire.js has its rules): the core's request, media,
// location and file functions (wasm-glue/bind_network.cpp, bind_files.cpp, bind_location.cpp) and
// the FileRegistry of a storage mount, as named functions of a runtime's core handles. Strings the
// page gave cross marked; every answer is read once (`read`).

import { callWithOptions, read, toCoreString } from '../core-wire.js';

/** @typedef {import('../core-wire.js').Answer<any>} AnyAnswer */
/**
 * @template T
 * @typedef {import('../core-wire.js').Answer<T>} Answer
 */
/** @typedef {{ Module: any }} CoreHandles  what runtime.core() returns (runtime.js) */

/**
 * @typedef {object} RequestPlan  src/request.h RequestPlan (wasm-glue/bind_network.cpp)
 * @property {string} url
 * @property {string} method
 * @property {Record<string, string>} header
 * @property {{ kind: 'none' | 'text' | 'binary', text?: string }} body
 * @property {number} timeout   ms
 * @property {'json' | 'text' | 'arraybuffer'} decode
 * @property {string} [filePath]  downloadPlan only
 * @property {string} [check]  a failure's "request-url" device check message (§1.15, §5.3)
 */

/**
 * @typedef {object} FileInfo  src/files.h FileInfo (wasm-glue/bind_files.cpp)
 * @property {string} path       what the page sees
 * @property {string} url        blob: URL ('' for a saved file with none attached yet)
 * @property {string} mime       the real type
 * @property {string} name       original name
 * @property {number} size       bytes
 * @property {boolean} persisted saved under a filePath
 * @property {string} [diskPath] saved files: where the bytes are in the storage mount
 */

/**
 * @typedef {object} LocationFields  getLocation's success fields (src/geo.h LocationResult)
 * @property {number} latitude
 * @property {number} longitude
 * @property {number} speed
 * @property {number} accuracy
 * @property {number} horizontalAccuracy
 * @property {number} verticalAccuracy
 * @property {number} [altitude]
 */

/**
 * The core's plan of ft.request's checked options (§5.1-5.3).
 * @param {CoreHandles} core @param {unknown} options @returns {Answer<RequestPlan>}
 */
export const requestPlan = (core, options) => callWithOptions(core.Module.requestPlan, options);
/** ft.downloadFile's plan (§5.4). @param {CoreHandles} core @param {unknown} options @returns {Answer<RequestPlan>} */
export const downloadPlan = (core, options) => callWithOptions(core.Module.downloadPlan, options);

/**
 * What the response is for the page: statusCode, the header object, and which form `data` takes.
 * (Header names and values are ByteStrings: no lone surrogates to mark.)
 * @param {CoreHandles} core @param {number} status @param {string} headerLines  "name: value\r\n"...
 * @param {string} decode  the plan's @param {boolean} bodyIsJson  the body parsed as JSON
 * @returns {{ statusCode: number, header: Record<string, string>, data: 'json' | 'text' | 'arraybuffer' }}
 */
export const requestDecode = (core, status, headerLines, decode, bodyIsJson) => core.Module.requestDecode(status, headerLines, decode, bodyIsJson);

/** A transport failure's reason (src/reasons.h). @param {CoreHandles} core @param {string} kind  'timeout' | 'abort' | 'error' */
export const requestFailReason = (core, kind) => /** @type {string} */ (core.Module.requestFailReason(kind));

/** The file name a downloaded url gives ('' for none). @param {CoreHandles} core @param {string} url @returns {string} */
export const fileNameFromUrl = (core, url) => read(core.Module.fileNameFromUrl(toCoreString(url)));

/**
 * ft.chooseImage's picker plan (§5.5).
 * @param {CoreHandles} core @param {unknown} options
 * @returns {Answer<{ count: number, compressed: boolean, accept: string, multiple: boolean, capture: boolean, check?: string }>}
 */
export const chooseImagePlan = (core, options) => callWithOptions(core.Module.chooseImagePlan, options);

/** The real type of a file from its first bytes. @param {CoreHandles} core @param {Uint8Array} head @param {string} name @param {string} declared @returns {string} */
export const sniffMime = (core, head, name, declared) => core.Module.sniffMime(head, toCoreString(name), declared);

/** ft.getLocation's checked options (§5.7). @param {CoreHandles} core @param {unknown} options @returns {Answer<{ type: 'wgs84' | 'gcj02', timeout: number }>} */
export const getLocationPlan = (core, options) => callWithOptions(core.Module.getLocationPlan, options);
/** getLocation's result of a WGS-84 fix. @param {CoreHandles} core @param {unknown} fix @returns {Answer<LocationFields>} */
export const locationResult = (core, fix) => callWithOptions(core.Module.locationResult, fix, 'the location fix');
/** ft.chooseLocation's checked coordinates (§5.8). @param {CoreHandles} core @param {unknown} options @returns {Answer<{ latitude?: number, longitude?: number }>} */
export const chooseLocationCheck = (core, options) => callWithOptions(core.Module.chooseLocationCheck, options);

/** The core's file registry of one storage mount (src/files.h, bind_files.cpp); delete() it when done. */
export class FileRegistry {
  /** @param {CoreHandles} core @param {string} mount */
  constructor(core, mount) {
    /** @type {any} */
    this.handle = new core.Module.FileRegistry(mount);
  }

  /**
   * Calls a registry method by name, its string arguments marked, and reads its answer:
   *   load() → string[] (a warning per saved file skipped);
   *   addTemp(url, size, name, mime, head), save(filePath, name, mime, bytes), stat(path) → Answer<FileInfo>;
   *   setUrl(path, url) → Answer<{}>; read(path) → Answer<{ bytes: Uint8Array }>;
   *   localImgType(path, head) → Answer<{ mime }>; openDocument(filePath, fileType) →
   *   Answer<{ filePath, fileType, mime, url }>.
   * @param {'load' | 'addTemp' | 'save' | 'setUrl' | 'stat' | 'read' | 'localImgType' | 'openDocument'} method
   * @param {...(string | number | Uint8Array)} args @returns {any}
   */
  call(method, ...args) {
    return read(this.handle[method](...args.map((a) => (typeof a === 'string' ? toCoreString(a) : a))));
  }

  delete() { this.handle.delete(); }
}
