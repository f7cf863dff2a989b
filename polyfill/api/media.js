// The media interfaces (polyfill/impl/media.js): images picked or taken, and read back.

/** @type {import('../api-table.js').ApiDef[]} */
export default [
  {
    name: 'chooseImage', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.1', style: 'options', mockable: true, waitsForPerson: true, concern: 'media',
    params: {
      count: { type: 'number', default: 9 },
      sizeType: { type: 'array', default: ['original', 'compressed'], ts: "Array<'original' | 'compressed'>" },
      sourceType: { type: 'array', default: ['album', 'camera'], ts: "Array<'album' | 'camera'>" },
    },
    result: { tempFilePaths: 'string[]', tempFiles: 'Array<{ path: string; size: number }>' },
    doc: 'Take a photo or pick images.',
    note: 'a real file picker; without a user gesture the host sheet asks first',
  },
  {
    name: 'getLocalImgData', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'media',
    params: { path: { type: 'string', required: true } },
    result: { localData: 'string' },
    doc: 'The image at a local path as a base64 data URL.',
    note: 'the real type from the bytes',
  },
];
