// Argument checks driven by the API table (behaviour.md §1.5). Nothing here throws: a bad argument
// becomes the reason text "parameter error: parameter.<name> should be <Type> instead of <Type>".

import { hostCopy } from './host-copy.js';

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
 * One test per table type (ParamType: tests/js/api-table.test.js allows no other), for the hot path.
 * @type {Record<string, (value: unknown) => boolean>}
 */
const TYPE_TEST = {
  any: () => true,
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  function: (v) => typeof v === 'function',
  array: (v) => Array.isArray(v),
  arraybuffer: (v) => isBinary(v),
  object: (v) => typeName(v) === 'Object',
};

/**
 * The test a value must pass for a parameter definition (built once per parameter).
 * @param {import('./api-table.js').ParamDef} def
 * @returns {(value: unknown) => boolean}
 */
function typeTest(def) {
  const tests = (Array.isArray(def.type) ? def.type : [def.type]).map((t) => TYPE_TEST[t]);
  return tests.length === 1 ? tests[0] : (v) => tests.some((test) => test(v));
}

/**
 * Checks one value against a parameter definition.
 * @param {string} name  parameter name for the message
 * @param {unknown} value
 * @param {import('./api-table.js').ParamDef} def
 * @param {(value: unknown) => boolean} [test]  typeTest(def), when the caller has it at hand
 * @returns {string|null} the failure reason, or null when the value is acceptable
 */
export function checkParam(name, value, def, test = typeTest(def)) {
  if (value === undefined) {
    return def.required ? mismatch(name, def, value) : null;
  }
  if (!test(value)) return mismatch(name, def, value);
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
 * Compiles the checks of an options-style interface once (createApi does, per interface): the
 * returned function gives the copy of `options` with defaults applied (without the callbacks),
 * or the failure reason as a string. A `json` parameter is replaced by its JSON copy (§1.14;
 * `report` gets the device check of a change), which throws where JSON.stringify does.
 * @param {Record<string, import('./api-table.js').ParamDef>} params
 * @param {(message: string) => void} report
 * @returns {(options: Record<string, unknown>) => Record<string, unknown> | string}
 */
export function optionsChecker(params, report) {
  const checks = Object.keys(params).map((name) => ({ name, def: params[name], test: typeTest(params[name]) }));
  return (options) => {
    /** @type {Record<string, unknown>} */
    const args = {};
    for (const key of Object.keys(options)) {
      if (key !== 'success' && key !== 'fail' && key !== 'complete') args[key] = options[key];
    }
    for (let i = 0; i < checks.length; i++) {
      const { name, def, test } = checks[i];
      const value = args[name];
      if (value === undefined) {
        if (def.required) return mismatch(name, def, value);
        if (def.default !== undefined) args[name] = Array.isArray(def.default) ? def.default.slice() : def.default;
      } else {
        const reason = test(value) && !def.oneOf ? null : checkParam(name, value, def, test);
        if (reason) return reason;
        if (def.json) args[name] = hostCopy(value, `parameter.${name}`, report);
      }
    }
    return args;
  };
}
