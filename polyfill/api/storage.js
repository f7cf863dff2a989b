// The storage interfaces (polyfill/impl/storage.js): the mini-program's key-value storage, in
// IndexedDB per appId (behaviour.md §2).

/** @type {import('../api-table.js').ParamDef} */
const key = { type: 'string', required: true };

/** @type {import('../api-table.js').ApiDef[]} */
export default [
  {
    name: 'getStorage', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'storage',
    params: { key },
    result: { data: 'any' },
    doc: "Read a key of the mini-program's storage.",
    note: "IndexedDB per appId, not the page's localStorage",
  },
  {
    name: 'setStorage', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'storage',
    params: { key, data: { type: 'any', ts: 'unknown' } },
    doc: "Write a key of the mini-program's storage (1 MB a key, 10 MB in all).",
    note: '1 MB a key, 10 MB in all, success once durable',
  },
  {
    name: 'removeStorage', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'storage',
    params: { key },
    doc: 'Remove a key (a missing key succeeds).',
  },
  {
    name: 'clearStorage', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'storage',
    params: {},
    doc: "Remove every key of this mini-program (not the page's localStorage).",
  },
  {
    name: 'getStorageInfo', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'storage',
    params: {},
    result: { keys: 'string[]', currentSize: 'number', limitSize: 'number' },
    doc: 'Keys and sizes in KB.',
  },
];
