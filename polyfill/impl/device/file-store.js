// The page's files (behaviour.md §5.4-5.6) on top of the core's FileRegistry (src/files.h): temp
// files are Blobs whose blob: URL is the tempFilePath; saved files (downloadFile's filePath) are
// written by the core into the app's storage mount and pushed to IndexedDB under the storage's
// Web Lock, so they survive reloads. The core decides types, paths and limits; this file moves bytes.

/**
 * @typedef {object} FileInfo  the core's file info (bind_device.cpp)
 * @property {string} path       what the page sees
 * @property {string} url        blob: URL ('' for a saved file with none attached yet)
 * @property {string} mime       the real type
 * @property {string} name       original name
 * @property {number} size       bytes
 * @property {boolean} persisted saved under a filePath
 */

/** @typedef {{ ok: true } & FileInfo | { ok: false, reason: string }} InfoResult */

/** Bytes the core needs to sniff a type (SVG needs the most). */
export const HEAD_BYTES = 1024;

/** @param {string} text @returns {any} */
export const parse = (text) => JSON.parse(text);

/** @param {ArrayBuffer | ArrayBufferView} data @returns {Uint8Array} */
export function bytesOf(data) {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The file store of a runtime (built once by services.js; network.js, files.js and media.js share
 * it): one registry per storage mount (per appId), reloaded when ftHost.configure switches the
 * appId, released by ftHost.dispose.
 * @param {import('../../runtime.js').Runtime} runtime
 */
export function fileStore(runtime) {
  /** @type {{ mount: string, registry: any } | null} */
  let current = null;
  runtime.onDispose(() => {
    if (current) current.registry.delete();
    current = null;
  });

  /** The core's FileRegistry of the current appId (loads saved files the first time). */
  function registry() {
    const { Module, persistence } = runtime.core();
    if (!current || current.mount !== persistence.mount) {
      if (current) current.registry.delete();
      const reg = new Module.FileRegistry(persistence.mount);
      const loaded = parse(reg.load());
      for (const w of loaded.warnings || []) console.warn(`ft-polyfill: skipped a saved file (${w})`);
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
    const { Module } = runtime.core();
    const head = bytes.subarray(0, HEAD_BYTES);
    const mime = Module.sniffMime(head, name, declared);
    const url = URL.createObjectURL(new Blob([/** @type {BlobPart} */ (bytes)], { type: mime }));
    const info = parse(registry().addTemp(JSON.stringify({ url, size: bytes.byteLength, name, mime }), head));
    if (!info.ok) URL.revokeObjectURL(url);
    return info;
  }

  /**
   * Registers a Blob (a picked File) as a temp file without copying it.
   * @param {Blob} blob @param {string} name
   * @returns {Promise<InfoResult>}
   */
  async function addTempBlob(blob, name) {
    const { Module } = runtime.core();
    const head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
    const mime = Module.sniffMime(head, name, blob.type || '');
    const typed = blob.type === mime ? blob : blob.slice(0, blob.size, mime);
    const url = URL.createObjectURL(typed);
    const info = parse(registry().addTemp(JSON.stringify({ url, size: blob.size, name, mime }), head));
    if (!info.ok) URL.revokeObjectURL(url);
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
      parse(registry().save(JSON.stringify({ filePath, name, mime: declared }), bytes)));
    if (info.ok) {
      const url = URL.createObjectURL(new Blob([/** @type {BlobPart} */ (bytes)], { type: info.mime }));
      registry().setUrl(filePath, url);
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
    const info = parse(reg.stat(path));
    if (info.ok && !info.url && info.persisted) {
      const bytes = reg.read(path);
      if (!bytes) return { ok: false, reason: reg.lastReason() };
      info.url = URL.createObjectURL(new Blob([/** @type {BlobPart} */ (bytes)], { type: info.mime }));
      reg.setUrl(path, info.url);
    }
    return info;
  }

  return { registry, addTemp, addTempBlob, save, stat };
}
