// Bytes a page hands over, from any realm: an ArrayBuffer made by another global (Node's fetch in
// jsdom, a Vitest config's mock rule, an iframe) fails `instanceof ArrayBuffer` here.

/** @param {unknown} value @returns {value is ArrayBuffer | ArrayBufferView} */
export function isBinary(value) {
  return ArrayBuffer.isView(value) || Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

/** A view of the bytes, not a copy. @param {ArrayBuffer | ArrayBufferView} data @returns {Uint8Array} */
export function bytesOf(data) {
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}
