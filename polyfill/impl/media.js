// ft.chooseImage and ft.getLocalImgData (behaviour.md §5.5, §5.6). The core plans the picker
// (count 1..9, accept, multiple, capture, whether to compress), detects each file's real type and
// builds the data URL; the browser shows the picker (or the host's sheet first when the call has
// no user gesture), re-encodes for sizeType ['compressed'] and keeps the bytes as Blobs.

import { whyNobodyAnswers } from './device/person.js';
import { ok, fail } from '../pipeline.js';
import { isBinary, bytesOf } from '../binary.js';
import { mockAnswer } from './device/mocks.js';
import { HEAD_BYTES } from './device/file-store.js';
import { REASON } from '../core-wire.js';
import { chooseImagePlan } from '../core-wire/device.js';
import { openPicker } from '../file-picker.js';
import { loadUi } from '../load-ui.js';
import { userGestures } from '../user-gesture.js';

/** Longest side of a compressed image, px, and its JPEG quality. [ours] */
export const COMPRESS_MAX_SIDE = 1920;
export const COMPRESS_QUALITY = 0.6;

/**
 * Re-encodes an image as a smaller JPEG; keeps the original when that is not smaller or the
 * browser cannot decode it.
 * @param {Document} doc @param {Blob} blob
 * @returns {Promise<Blob>}
 */
export async function compressImage(doc, blob) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    return blob;
  }
  const scale = Math.min(1, COMPRESS_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const g = canvas.getContext('2d');
  if (!g) return blob;
  g.fillStyle = '#fff'; // JPEG has no alpha
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const out = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', COMPRESS_QUALITY));
  return out && /** @type {Blob} */ (out).size < blob.size ? /** @type {Blob} */ (out) : blob;
}

/**
 * A mocked picked file: data is base64 text, an ArrayBuffer or a typed array.
 * @param {unknown} f @returns {File | null}
 */
function mockFile(f) {
  if (!f || typeof f !== 'object') return null;
  const { name = 'image', type = '', data } = /** @type {Record<string, any>} */ (f);
  let bytes;
  if (typeof data === 'string') {
    try {
      bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    } catch {
      return null;
    }
  } else if (isBinary(data)) bytes = bytesOf(data);
  else return null;
  return new File([/** @type {BlobPart} */ (bytes)], String(name), { type: String(type) });
}

/**
 * Standard base64 of bytes (RFC 4648 §4), in chunks that String.fromCharCode's argument list holds.
 * @param {Uint8Array} bytes @returns {string}
 */
export function base64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, /** @type {any} */ (bytes.subarray(i, i + 0x8000)));
  return btoa(binary);
}

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @param {import('../services.js').Services} services
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function mediaImpl(runtime, services) {
  const { mocks, files: store } = services;
  const gestures = userGestures(runtime.global);
  runtime.onDispose(() => gestures.stop());

  /**
   * Registers the picked files (at most `count`), compressed when planned.
   * @param {File[]} files @param {{ count: number, compressed: boolean }} plan
   */
  async function register(files, plan) {
    const doc = runtime.global.document;
    /** @type {string[]} */ const tempFilePaths = [];
    /** @type {Array<{path: string, size: number}>} */ const tempFiles = [];
    for (const file of files.slice(0, plan.count)) {
      let blob = /** @type {Blob} */ (file);
      let name = file.name;
      if (plan.compressed && doc) {
        blob = await compressImage(doc, file);
        if (blob !== file) name = name.replace(/\.[^./]*$/, '') + '.jpg';
      }
      const info = await store.addTempBlob(blob, name);
      if (!info.ok) return fail(info.reason);
      tempFilePaths.push(info.path);
      tempFiles.push({ path: info.path, size: info.size });
    }
    return ok({ tempFilePaths, tempFiles });
  }

  return {
    /**
     * ft.chooseImage → {tempFilePaths, tempFiles:[{path, size}]}. Mock answer:
     * `{files: [{name, type, data}]}` (data: base64 text | ArrayBuffer | Uint8Array) goes through
     * the same path as picked files (count, compression, real type); any other object is the
     * success object as it is.
     */
    chooseImage({ count, sizeType, sourceType }, ctx) {
      const plan = chooseImagePlan(runtime.core(), { count, sizeType, sourceType });
      if (!plan.ok) return fail(plan.reason);
      // A count above 9 is 9 on a device (§5.5): the core says so.
      if (plan.check) runtime.deviceCheck('choose-image-count', ctx.api, plan.check);

      const mocked = mockAnswer(mocks, 'chooseImage', { count, sizeType, sourceType });
      if (mocked) {
        return mocked.then((r) => {
          if ('fail' in r) return fail(r.fail);
          if (!Array.isArray(r.data.files)) return ok(r.data);
          const files = r.data.files.map(mockFile);
          if (files.some((f) => !f)) return fail('mock answer files should be [{name, type, data}]');
          return register(/** @type {File[]} */ (files), plan);
        });
      }

      const doc = runtime.global.document;
      const nobody = whyNobodyAnswers(runtime.global);
      if (nobody) return fail(`no file picker ${nobody}: use ftHost.mock`);
      // Inside a gesture the picker opens at once (nothing awaited before it); otherwise the
      // host's sheet asks first and its button is the gesture (user-gesture.js).
      const picked = gestures.active() ? openPicker(doc, plan) : loadUi().then((ui) => ui.askForImages(doc, plan));
      return picked.then((files) => (files ? register(files, plan) : fail(REASON.cancel)));
    },

    /**
     * ft.getLocalImgData({path}) → {localData: 'data:image/<real type>;base64,...'}. Only the
     * file's head crosses into the core (for the type); the bytes stay in JS.
     */
    async getLocalImgData({ path }) {
      const info = store.stat(path); // a saved file gets a blob: URL of its bytes here
      if (!info.ok) return fail(info.reason);
      let bytes;
      try {
        bytes = await store.bytes(info.url);
      } catch {
        return fail(REASON.fileNotFound);
      }
      const type = store.registry().call('localImgType', path, bytes.subarray(0, HEAD_BYTES));
      return type.ok ? ok({ localData: `data:${type.mime};base64,${base64(bytes)}` }) : fail(type.reason);
    },
  };
}
