// Argument checks driven by the API table (behaviour.md §1.5). Nothing here throws: a bad argument
// becomes a Problem, and the core writes the reason text of all of a call's problems
// ("parameter error: parameter.<name> should be <Type> instead of <Type>;" each, in the
// interface's parameter order: src/js_value.h param_errors_text, through core-wire.js).

import { isBinary } from './binary.js';
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

/**
 * What one bad argument is, as a line for the core's text (src/js_value.h param_errors_text):
 * "<name>\t<the accepted types' names, comma-separated>\t<the value's typeName>" for a type
 * mismatch (name '' for the options themselves), "<name>\t=<the oneOf list>\t<the value's JSON>"
 * for a value outside the table's oneOf.
 * @typedef {string} Problem
 */

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
 * @returns {Problem | null} null when the value is acceptable
 */
export function checkParam(name, value, def, test = typeTest(def)) {
  if (value === undefined ? def.required : !test(value)) {
    return `${name}\t${(Array.isArray(def.type) ? def.type : [def.type]).map((t) => TYPE_TITLE[t] || 'Any')}\t${typeName(value)}`;
  }
  return value !== undefined && def.oneOf && !def.oneOf.includes(/** @type {string} */ (value)) ? `${name}\t=${def.oneOf}\t${JSON.stringify(value)}` : null;
}

/**
 * Compiles the checks of an options-style interface once (createApi does, per interface): the
 * returned function gives the copy of `options` with defaults applied (without the callbacks),
 * or every problem, in the interface's parameter order (§1.5). A `json` parameter is replaced by
 * its JSON copy (§1.14; `report` gets the device check of a change), which throws where
 * JSON.stringify does.
 * @param {Record<string, import('./api-table.js').ParamDef>} params
 * @param {(message: string) => void} report
 * @returns {(options: Record<string, unknown>) => Record<string, unknown> | Problem[]}
 */
export function optionsChecker(params, report) {
  const checks = Object.keys(params).map((name) => ({ name, def: params[name], test: typeTest(params[name]) }));
  return (options) => {
    /** @type {Record<string, unknown>} */
    const args = {};
    /** @type {Problem[]} */
    const problems = [];
    for (const key of Object.keys(options)) {
      if (key !== 'success' && key !== 'fail' && key !== 'complete') args[key] = options[key];
    }
    for (let i = 0; i < checks.length; i++) {
      const { name, def, test } = checks[i];
      const value = args[name];
      if (value === undefined && !def.required) {
        if (def.default !== undefined) args[name] = Array.isArray(def.default) ? def.default.slice() : def.default;
      } else {
        const problem = value === undefined || !test(value) || def.oneOf ? checkParam(name, value, def, test) : null;
        if (problem) problems.push(problem);
        else if (def.json) args[name] = hostCopy(value, `parameter.${name}`, report);
      }
    }
    return problems.length ? problems : args;
  };
}
