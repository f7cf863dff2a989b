// The network interfaces (polyfill/impl/network.js): fetch from the page, planned by the core.

/** @type {import('../api-table.js').ApiDef[]} */
export default [
  {
    name: 'request', ns: 'ft', alsoIn: 'miniProgram', since: '1.3.9', style: 'options', task: true, mockable: true, concern: 'network',
    params: {
      url: { type: 'string', required: true },
      data: { type: ['object', 'array', 'string', 'arraybuffer', 'number', 'boolean'], ts: 'string | object | ArrayBuffer' },
      header: { type: 'object', ts: 'Record<string, string>' },
      method: { type: 'string', default: 'GET', ts: "'OPTIONS' | 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'TRACE' | 'CONNECT'" },
      dataType: { type: 'string', default: 'json' },
      responseType: { type: 'string', default: 'text', oneOf: ['text', 'arraybuffer'] },
      timeout: { type: 'number', default: 60000, doc: 'ms' },
    },
    result: { data: 'any', statusCode: 'number', header: 'Record<string, string>' },
    doc: 'Make an HTTP request.',
    note: 'fetch from the page: CORS applies, cookies follow the browser; only absolute http(s) urls (§5.3); transport failures are `network error`',
  },
  {
    name: 'downloadFile', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.0', style: 'options', task: true, mockable: true, concern: 'network',
    params: {
      url: { type: 'string', required: true },
      header: { type: 'object', ts: 'Record<string, string>' },
      timeout: { type: 'number', doc: 'ms' },
      filePath: { type: 'string', doc: 'keep the file under this path (persists across reloads)' },
    },
    result: { 'tempFilePath?': 'string', 'filePath?': 'string', statusCode: 'number' },
    doc: 'Download a file: `tempFilePath` without `filePath`, `filePath` (and no tempFilePath) with it.',
    note: 'fetch from the page (CORS applies; only absolute http(s) urls, §5.3); temp paths are blob: URLs',
  },
];
