// The file interfaces (polyfill/impl/files.js).

/** @type {import('../api-table.js').ApiDef[]} */
export default [
  {
    name: 'openDocument', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.0', style: 'options', mockable: true, waitsForPerson: true, concern: 'files',
    params: { filePath: { type: 'string', required: true }, fileType: { type: 'string', ts: "'doc' | 'xls' | 'ppt' | 'pdf' | 'docx' | 'xlsx' | 'pptx'" } },
    doc: 'Open a document.',
    note: 'a new tab or the host viewer (PDF renders in the browser)',
  },
];
