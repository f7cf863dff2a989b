// The storage panel's reads and edits of this app's storage (behaviour.md §2). Reads come from the
// core's store as getStorage reads it (no ft call, so the call log stays the page's); edits run
// the very implementations of setStorage, removeStorage and clearStorage (impl/storage.js), so the
// core's rules apply as to the page: the limits (§2.3), the type tags (§2.1), the device check,
// durability (§2.6). Export and import: a JSON file of every key with its type. Values the page
// gets are made with its window's Date and JSON (the simulator's shell runs this code too).

import { decodeStored, keyFromCore } from '../../storage/value-codec.js';

/**
 * A stored key as the panel lists it.
 * @typedef {object} StorageRow
 * @property {string} key
 * @property {string} type     the stored `_type`: string, number, boolean, object, date, undefined (§2.1)
 * @property {number} size     bytes the core counts for it: key and stored JSON, UTF-8 (src/storage.h, §2.3)
 * @property {unknown} value   what getStorage reads back (a Date for `date`)
 * @property {string} json     the stored JSON text ('' for undefined)
 */

/** The export file's format name. */
export const STORAGE_FILE_FORMAT = 'ft-polyfill storage';

const utf8 = (/** @type {string} */ s) => new TextEncoder().encode(s).length;

/** @param {any} outcome @returns {Promise<{ ok: boolean, reason?: string }>} */
const settle = (outcome) => Promise.resolve(outcome).then((o) => (o && o.ok === false ? { ok: false, reason: String(o.reason) } : { ok: true }));

/** @param {import('../../runtime.js').Runtime} runtime */
export function storageTools(runtime) {
  /** Runs a storage implementation in call order with the page's calls (§1.10). @param {string} api @param {Record<string, unknown>} args */
  const run = (api, args) => runtime.whenReady(() => settle(/** @type {Function} */ (runtime.impl(api))(args, { api, def: { name: api } })))
    .catch((/** @type {any} */ error) => ({ ok: false, reason: String(error && error.message) }))
    .finally(() => runtime.emit('host', { reason: 'storage' }));

  return {
    /**
     * This app's keys, sorted, and the sizes getStorageInfo reports (KB); null before the core is up.
     * @returns {{ rows: StorageRow[], currentSize: number, limitSize: number } | null}
     */
    list() {
      if (runtime.state !== 'ready' && runtime.state !== 'applying') return null;
      const { storage } = runtime.core();
      const info = storage.info();
      /** @type {StorageRow[]} */
      const rows = [];
      for (const coreKey of info.keys) {
        const stored = storage.get(coreKey);
        if (!stored.ok) continue;
        const decoded = decodeStored(stored.type, stored.payload);
        rows.push({ key: keyFromCore(coreKey), type: stored.type || 'undefined', size: utf8(coreKey) + utf8(stored.payload), value: 'value' in decoded ? decoded.value : undefined, json: stored.payload });
      }
      rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return { rows, currentSize: info.currentSize, limitSize: info.limitSize };
    },
    /** setStorage's implementation. @param {string} key @param {unknown} data */
    set: (key, data) => run('setStorage', { key, data }),
    /**
     * Stores the panel editor's text as `type`: 'json' (empty: undefined), 'string' or 'date' (empty:
     * now). The value is made with the page's own Date and JSON, so that a Date is the page's Date
     * when the simulator's shell (another window) runs this.
     * @param {string} key @param {'json' | 'string' | 'date'} type @param {string} text
     * @returns {Promise<{ ok: boolean, reason?: string }>}
     */
    write(key, type, text) {
      const { Date: PageDate, JSON: PageJSON } = runtime.global;
      let data;
      if (type === 'string') data = text;
      else if (type === 'date') {
        data = new PageDate(text.trim() === '' ? Date.now() : text.trim());
        if (Number.isNaN(data.getTime())) return Promise.resolve({ ok: false, reason: `not a date: ${text}` });
      } else if (text.trim() !== '') {
        try {
          data = PageJSON.parse(text);
        } catch (error) {
          return Promise.resolve({ ok: false, reason: `invalid JSON: ${/** @type {Error} */ (error).message}` });
        }
      }
      return this.set(key, data);
    },
    /** @param {string} key */
    remove: (key) => run('removeStorage', { key }),
    clear: () => run('clearStorage', {}),
    /** Every key with its type and stored JSON, as the export file's text. */
    exportText() {
      const listed = this.list();
      const items = (listed ? listed.rows : []).map((r) => ({ key: r.key, type: r.type, data: r.json === '' ? null : JSON.parse(r.json) }));
      return JSON.stringify({ format: STORAGE_FILE_FORMAT, appId: runtime.currentConfig().appId, items }, null, 2);
    },
    /**
     * Writes every item of an export file through setStorage, in order; a Date item is stored as
     * a Date. Resolves with the keys written and the failures (`<key>: <reason>`).
     * @param {string} text @returns {Promise<{ written: number, failed: string[] }>}
     */
    async importText(text) {
      const { Date: PageDate, JSON: PageJSON } = runtime.global;
      /** @type {any} */ let file;
      try {
        file = PageJSON.parse(text);
      } catch (error) {
        return { written: 0, failed: [`not JSON: ${/** @type {Error} */ (error).message}`] };
      }
      if (!file || file.format !== STORAGE_FILE_FORMAT || !Array.isArray(file.items)) return { written: 0, failed: [`not an export of this panel (format "${STORAGE_FILE_FORMAT}")`] };
      let written = 0;
      /** @type {string[]} */ const failed = [];
      for (const item of file.items) {
        if (!item || typeof item.key !== 'string') {
          failed.push(`${JSON.stringify(item)}: no key`);
          continue;
        }
        const data = item.type === 'date' ? new PageDate(item.data) : item.type === 'undefined' ? undefined : item.data;
        const r = await this.set(item.key, data);
        if (r.ok) written++;
        else failed.push(`${item.key}: ${r.reason}`);
      }
      return { written, failed };
    },
  };
}
