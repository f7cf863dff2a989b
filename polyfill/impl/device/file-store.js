// The page's files (behaviour.md §5.4-5.6) on top of the core's FileRegistry (src/files.h): temp
// files are Blobs whose blob: URL is the tempFilePath; saved files (downloadFile's filePath) are
// written by the core into the app's storage mount and pushed to IndexedDB under the storage's
// Web Lock, so they survive reloads. The core decides types, paths and limits; this file moves bytes.
// The store keeps its own Blobs and reads them itself, never through the page's fetch (MSW, a
// fetch wrapper or page.route never see a file read), and reads jsdom's Blobs too (blob-io.js).

import { FileRegistry, sniffMime } from '../../core-wire/device.js';
import { blobBytes, objectUrl, revokeUrl } from './blob-io.js';

/** @typedef {import('../../core-wire/device.js').FileInfo} FileInfo */
/** @typedef {{ ok: true } & FileInfo | { ok: false, reason: string }} InfoResult */

/** Bytes the core needs to sniff a type (SVG needs the most; src/file_types.h kSniffBytes). */
export const HEAD_BYTES = 1024;

/**
 * The file store of a runtime (built once by services.js; network.js, files.js and media.js share
 * it): one registry per storage mount (per appId), reloaded when ftHost.configure switches the
 * appId, released by ftHost.dispose.
 * @param {import('../../runtime.js').Runtime} runtime
 */
export function fileStore(runtime) {
  /** @type {{ mount: string, registry: FileRegistry } | null} */
  let current = null;
  runtime.onDispose(() => {
    if (current) current.registry.delete();
    current = null;
  });
  /** The Blob behind each blob: URL this store made. @type {Map<string, Blob>} */
  const blobs = new Map();

  /** A blob: URL for blob, remembered. @param {Blob} blob */
  function urlOf(blob) {
    const url = objectUrl(blob);
    blobs.set(url, blob);
    return url;
  }

  /** @param {string} url */
  function forget(url) {
    blobs.delete(url);
    revokeUrl(url);
  }

  /** The core's FileRegistry of the current appId (loads saved files the first time). */
  function registry() {
    const { persistence } = runtime.core();
    if (!current || current.mount !== persistence.mount) {
      if (current) current.registry.delete();
      const reg = new FileRegistry(runtime.core(), persistence.mount);
      for (const w of reg.call('load')) console.warn(`ft-polyfill: skipped a saved file (${w})`);
      current = { mount: persistence.mount, registry: reg };
    }
    return current.registry;
  }

  /**
   * Registers bytes as a temp file: a Blob of the real type whose blob: URL is the path.
   * @param {Uint8Array} bytes @param {string} name @param {string} declared  Content-Type / File.type
   * @returns {InfoResult}
   */
  function addTemp(bytes, name, declared) {
    const head = bytes.subarray(0, HEAD_BYTES);
    const mime = sniffMime(runtime.core(), head, name, declared);
    const url = urlOf(new Blob([/** @type {BlobPart} */ (bytes)], { type: mime }));
    const info = registry().call('addTemp', url, bytes.byteLength, name, mime, head);
    if (!info.ok) forget(url);
    return info;
  }

  /**
   * Registers a Blob (a picked File) as a temp file without copying it.
   * @param {Blob} blob @param {string} name
   * @returns {Promise<InfoResult>}
   */
  async function addTempBlob(blob, name) {
    const head = await blobBytes(runtime.global, blob.slice(0, HEAD_BYTES));
    const mime = sniffMime(runtime.core(), head, name, blob.type || '');
    const typed = blob.type === mime ? blob : blob.slice(0, blob.size, mime);
    const url = urlOf(typed);
    const info = registry().call('addTemp', url, blob.size, name, mime, head);
    if (!info.ok) forget(url);
    return info;
  }

  /**
   * Saves bytes under the page's filePath, durable in IndexedDB before it resolves.
   * @param {string} filePath @param {Uint8Array} bytes @param {string} name @param {string} declared
   * @returns {Promise<InfoResult>}
   */
  async function save(filePath, bytes, name, declared) {
    const { persistence } = runtime.core();
    // Under the storage's tab lock, pushed to IndexedDB before it resolves (persistence.js).
    const info = await persistence.runExclusive(() =>
      registry().call('save', filePath, name, declared, bytes));
    if (info.ok) {
      const url = urlOf(new Blob([/** @type {BlobPart} */ (bytes)], { type: info.mime }));
      registry().call('setUrl', filePath, url);
      info.url = url;
    }
    return info;
  }

  /**
   * The file's info with a usable blob: URL (made from the saved bytes after a reload).
   * @param {string} path @returns {InfoResult}
   */
  function stat(path) {
    const reg = registry();
    const info = reg.call('stat', path);
    if (info.ok && !info.url && info.persisted) {
      const read = reg.call('read', path);
      if (!read.ok) return read;
      info.url = urlOf(new Blob([/** @type {BlobPart} */ (read.bytes)], { type: info.mime }));
      reg.call('setUrl', path, info.url);
    }
    return info;
  }

  /**
   * All the bytes of a file's blob: URL (from stat), read from the store's own Blob.
   * @param {string} url @returns {Promise<Uint8Array>}  rejects for a URL the store did not make
   */
  const bytes = (url) => blobBytes(runtime.global, /** @type {Blob} */ (blobs.get(url)));

  return { registry, addTemp, addTempBlob, save, stat, bytes };
}
