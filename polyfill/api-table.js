// The one definition of every `ft` interface (jssdk-interface.md, JSSDK 1.4.20): its name, where it
// lives, how it is called, its parameters with types and defaults, its minimum version, the fields
// of its success result, and every other fact about it (mockable, waits for a person, coverage
// note). One object per interface, in one file per concern (polyfill/api/<concern>.js, served by
// polyfill/impl/<concern>.js). The argument checks (validate.js), the call pipeline
// (pipeline.js), the mocks (impl/device/mocks.js), the typings (scripts/gen-types.mjs), the
// bad-input matrix and the coverage table (docs/reference/ft.md) all read it; tests/js/api-table.test.js checks
// it. The browser bundles carry it without the fields only tools read (scripts/build.mjs).

import navigation from './api/navigation.js';
import messaging from './api/messaging.js';
import env from './api/env.js';
import network from './api/network.js';
import files from './api/files.js';
import media from './api/media.js';
import location from './api/location.js';
import storage from './api/storage.js';

/**
 * A parameter type, named as WeChat names them in "parameter error" texts (behaviour.md §1.5).
 * 'any' accepts every value; 'arraybuffer' is an ArrayBuffer or a typed array view.
 * @typedef {'string'|'number'|'boolean'|'object'|'array'|'function'|'arraybuffer'|'any'} ParamType
 */

/**
 * @typedef {object} ParamDef
 * @property {ParamType|ParamType[]} type  accepted type(s)
 * @property {boolean} [required]           missing → "parameter error"
 * @property {unknown} [default]            applied before the implementation runs
 * @property {string[]} [oneOf]             accepted values (strings), checked after the type
 * @property {string} [doc]                 one line for the typings
 * @property {string} [ts]                  TypeScript type for the typings when `type` is too loose
 * @property {boolean} [json]               crosses to the host: the implementation gets its JSON copy, taken at call time (behaviour.md §1.14)
 */

/**
 * How an interface takes its arguments:
 * - 'options':    fn({...params, success, fail, complete}) → Promise when no callback is given.
 * - 'positional': fn(a, b, ...) with `params` in order; a parameter with `callback: true` receives
 *                 the result (and a Promise is returned when it is missing and `promise` is set).
 * @typedef {object} ApiDef
 * @property {string} name             the JSSDK name, e.g. 'navigateTo'
 * @property {'ft'|'miniProgram'} ns   `ft.name` or `ft.miniProgram.name`
 * @property {'miniProgram'} [alsoIn]  also installed there, as the same function: the npm package
 *                                     `finclip-js-sdk` lists it under `ft.miniProgram` (behaviour.md §1.12)
 * @property {string} since            minimum JSSDK version (jssdk-interface.md)
 * @property {'options'|'positional'} style
 * @property {Record<string, ParamDef>|Array<ParamDef & {name: string, callback?: boolean}>} params
 * @property {string} [errApi]         errMsg prefix when it is not `name` (behaviour.md §1.3)
 * @property {boolean} [promise]       positional style: return a Promise when the callback is missing
 * @property {boolean} [task]          returns a task with abort() (WeChat's RequestTask / DownloadTask)
 * @property {boolean} [core]          false: needs nothing from the WebAssembly core, so it runs before the core is up when no earlier call waits
 * @property {Record<string, string>} [result]  success fields → TypeScript type (errMsg implied; `name?` an optional field)
 * @property {string} doc              one line (jssdk-interface.md)
 * @property {string} concern          which implementation module serves it (polyfill/impl/<concern>.js), and alone
 * @property {boolean} [mockable]      ftHost.mock can answer it (impl/device/mocks.js)
 * @property {boolean} [waitsForPerson]  without a mock, a call may stay pending until a person acts (a picker, a sheet)
 * @property {string} [note]           coverage table (docs/reference/ft.md): what a page sees that a real host does differently (short)
 */

/** @type {ApiDef[]} */
export const API_TABLE = [...navigation, ...messaging, ...env, ...network, ...files, ...media, ...location, ...storage];

/** The JSSDK version this polyfill implements. */
export const JSSDK_VERSION = '1.4.20';

/** @type {Map<string, ApiDef>} by name */
export const API_BY_NAME = new Map(API_TABLE.map((def) => [def.name, def]));
