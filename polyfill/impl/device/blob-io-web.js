// blob-io.js in the browser builds (scripts/build.mjs): a browser's Blob and URL have what the
// file store needs.

/** @param {Blob} blob @returns {string} */
export const objectUrl = (blob) => URL.createObjectURL(blob);

/** @param {string} url */
export const revokeUrl = (url) => URL.revokeObjectURL(url);

/** @param {any} _global @param {Blob} blob @returns {Promise<Uint8Array>} */
export const blobBytes = (_global, blob) => blob.arrayBuffer().then((b) => new Uint8Array(b));
