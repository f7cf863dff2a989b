// The location interfaces (polyfill/impl/location.js).

/** @type {import('../api-table.js').ApiDef[]} */
export default [
  {
    name: 'chooseLocation', ns: 'ft', since: '1.0.9', style: 'options', mockable: true, waitsForPerson: true, concern: 'location',
    params: { latitude: { type: 'number' }, longitude: { type: 'number' } },
    result: { name: 'string', address: 'string', latitude: 'number', longitude: 'number' },
    doc: 'Let the person pick a place.',
    note: 'a form in the host sheet (no map)',
  },
  {
    name: 'getLocation', ns: 'ft', since: '1.0.9', style: 'options', mockable: true, concern: 'location',
    params: { type: { type: 'string', default: 'wgs84', oneOf: ['wgs84', 'gcj02'] }, altitude: { type: 'boolean' } },
    result: { latitude: 'number', longitude: 'number', speed: 'number', accuracy: 'number', altitude: 'number' },
    doc: 'The current position.',
    note: 'navigator.geolocation; gcj02 converted offline in the core',
  },
];
