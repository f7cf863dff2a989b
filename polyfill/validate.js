// Argument checks driven by the API table (behaviour.md §1.5). Nothing here throws: a bad argument
// becomes the reason text "parameter error: parameter.<name> should be <Type> instead of <Type>".

/**
 * The WeChat name of a value's type, as used in parameter error texts.
 * @param {unknown} value
 * @returns {string} 'String' | 'Number' | 'Boolean' | 'Object' | 'Array' | 'Function' | 'Undefined' | 'Null' | 'ArrayBuffer' | 'Symbol' | 'BigInt'
 */
export function typeName(value) {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  if (isBinary(value)) return 'ArrayBuffer';
  switch (typeof value) {
    case 'string': return 'String';
    case 'number': return 'Number';
    case 'boolean': return 'Boolean';
    case 'function': return 'Function';
    case 'undefined': return 'Undefined';
    case 'symbol': return 'Symbol';
    case 'bigint': return 'BigInt';
    default: return 'Object';
  }
}

/** @param {unknown} value @returns {value is ArrayBuffer | ArrayBufferView} */
export function isBinary(value) {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/** @type {Record<string, string>} */
const TYPE_TITLE = {
  string: 'String', number: 'Number', boolean: 'Boolean', object: 'Object', array: 'Array',
  function: 'Function', arraybuffer: 'ArrayBuffer',
};

/**
 * @param {unknown} value
 * @param {import('./api-table.js').ParamType} type
 */
function matches(value, type) {
  if (type === 'any') return true;
  return typeName(value) === TYPE_TITLE[type];
}

/**
 * Checks one value against a parameter definition.
 * @param {string} name  parameter name for the message
 * @param {unknown} value
 * @param {import('./api-table.js').ParamDef} def
 * @returns {string|null} the failure reason, or null when the value is acceptable
 */
export function checkParam(name, value, def) {
  if (value === undefined) {
    return def.required ? mismatch(name, def, value) : null;
  }
  const types = Array.isArray(def.type) ? def.type : [def.type];
  if (!types.some((t) => matches(value, t))) return mismatch(name, def, value);
  if (def.oneOf && !def.oneOf.includes(/** @type {string} */ (value))) {
    return `parameter error: parameter.${name} should be one of ${def.oneOf.join(', ')} instead of ${JSON.stringify(value)}`;
  }
  return null;
}

/**
 * @param {string} name @param {import('./api-table.js').ParamDef} def @param {unknown} value
 */
function mismatch(name, def, value) {
  const types = Array.isArray(def.type) ? def.type : [def.type];
  const expected = types.map((t) => TYPE_TITLE[t] || 'Any').join(' or ');
  return `parameter error: parameter.${name} should be ${expected} instead of ${typeName(value)}`;
}

/**
 * Checks an options object against the table and returns a copy with defaults applied.
 * @param {Record<string, import('./api-table.js').ParamDef>} params
 * @param {Record<string, unknown>} options
 * @returns {{ reason: string } | { args: Record<string, unknown> }}
 */
export function checkOptions(params, options) {
  /** @type {Record<string, unknown>} */
  const args = {};
  for (const key of Object.keys(options)) {
    if (key !== 'success' && key !== 'fail' && key !== 'complete') args[key] = options[key];
  }
  for (const name of Object.keys(params)) {
    const def = params[name];
    const reason = checkParam(name, args[name], def);
    if (reason) return { reason };
    if (args[name] === undefined && def.default !== undefined) {
      args[name] = Array.isArray(def.default) ? def.default.slice() : def.default;
    }
  }
  return { args };
}
