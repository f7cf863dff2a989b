// How the file store names a Blob (its blob: URL, the tempFilePath) and reads its bytes: this is
// the Node build's (Jest and Vitest, jsdom included: jsdom's Blob has no arrayBuffer() and its URL
// no createObjectURL). The browser builds use blob-io-web.js instead (scripts/build.mjs), where
// both always exist.

let unnamed = 0;

/** A blob: URL for blob; where URL.createObjectURL is missing (jsdom), a path of our own. @param {Blob} blob @returns {string} */
export const objectUrl = (blob) => URL.createObjectURL?.(blob) || `blob:ft-polyfill/${++unnamed}`;

/** @param {string} url */
export const revokeUrl = (url) => URL.revokeObjectURL?.(url);

/**
 * All of a Blob's bytes: Blob#arrayBuffer, or the global's FileReader where the Blob has none (jsdom).
 * @param {any} global  the page's global (its FileReader reads its own Blobs)
 * @param {Blob} blob
 * @returns {Promise<Uint8Array>}
 */
export function blobBytes(global, blob) {
  return blob.arrayBuffer ? blob.arrayBuffer().then((b) => new Uint8Array(b)) : new Promise((resolve, reject) => {
    const reader = new global.FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result));
    reader.onerror = reject;
    reader.readAsArrayBuffer(blob);
  });
}
