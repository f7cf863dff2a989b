// Parameters several interfaces share (polyfill/api/*.js).

/** The errMsg prefix of the routed navigation interfaces (behaviour.md §1.3). */
export const ROUTED = 'invokeMiniProgramAPI';
/** @type {import('../api-table.js').ParamDef} */
export const url = { type: 'string', required: true, doc: 'in-app page path, absolute or relative, with an optional query' };
/** @type {import('../api-table.js').ParamDef & { name: string }} */
export const cb = { name: 'callback', type: 'function', required: true };
/** @type {import('../api-table.js').ParamDef} */
export const extraData = { type: 'object', json: true, ts: 'Record<string, unknown>' };
