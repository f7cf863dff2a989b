// The API table's schema (polyfill/api-table.js, polyfill/api/<concern>.js): every field of every
// entry has its type and allowed values; the names and minimum versions are jssdk-interface.md's;
// defaults satisfy their own type and oneOf; every concern is a real implementation module and
// serves exactly its interfaces (polyfill/impl/concerns.js).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_TABLE, API_BY_NAME, JSSDK_VERSION } from '../../polyfill/api-table.js';
import { checkParam } from '../../polyfill/validate.js';
import { checked, concernProblems, servedBy } from '../../polyfill/impl/concerns.js';
import { ROOT } from '../helpers/browser.js';
import { freshFt } from '../helpers/node.js';

const API_FIELDS = {
  name: 'string', ns: 'string', alsoIn: 'string', since: 'string', style: 'string', params: 'object', errApi: 'string',
  promise: 'boolean', task: 'boolean', core: 'boolean', result: 'object', doc: 'string', concern: 'string',
  mockable: 'boolean', waitsForPerson: 'boolean', note: 'string',
};
const REQUIRED = ['name', 'ns', 'since', 'style', 'params', 'doc', 'concern'];
const PARAM_FIELDS = { name: 'string', type: 'any', required: 'boolean', default: 'any', oneOf: 'object', doc: 'string', ts: 'string', callback: 'boolean', json: 'boolean' };
const TYPES = ['string', 'number', 'boolean', 'object', 'array', 'function', 'arraybuffer', 'any'];
const CONCERNS = readdirSync(join(ROOT, 'polyfill/impl')).filter((f) => f.endsWith('.js') && !/^(index|concerns)/.test(f)).map((f) => f.replace(/\.js$/, ''));
const kind = (/** @type {unknown} */ v) => (Array.isArray(v) ? 'array' : typeof v);

/** Every problem of one entry, as text (so a failure names the interface and the field). */
function entryProblems(/** @type {any} */ def) {
  const problems = [];
  for (const [key, value] of Object.entries(def)) {
    const want = API_FIELDS[/** @type {keyof typeof API_FIELDS} */ (key)];
    if (!want) problems.push(`unknown field ${key}`);
    else if (typeof value !== want && !(key === 'params' && Array.isArray(value))) problems.push(`${key} should be a ${want}`);
  }
  for (const key of REQUIRED) if (def[key] === undefined) problems.push(`${key} missing`);
  if (!['ft', 'miniProgram'].includes(def.ns)) problems.push(`ns ${def.ns}`);
  if (def.alsoIn !== undefined && (def.alsoIn !== 'miniProgram' || def.ns !== 'ft')) problems.push(`alsoIn ${def.alsoIn} on ns ${def.ns}`);
  if (!/^\d+\.\d+\.\d+$/.test(def.since)) problems.push(`since ${def.since}`);
  if (!['options', 'positional'].includes(def.style)) problems.push(`style ${def.style}`);
  if (def.style === 'options' && (Array.isArray(def.params) || def.promise !== undefined)) problems.push('options style takes a params object and always has a Promise form');
  if (def.style === 'positional' && (!Array.isArray(def.params) || def.task)) problems.push('positional style takes a params list and no task');
  if (!CONCERNS.includes(def.concern)) problems.push(`concern ${def.concern} is not a module of polyfill/impl/`);
  if (def.waitsForPerson && !def.mockable) problems.push('waitsForPerson without mockable: the bad-input matrix could not settle it');
  for (const text of [def.doc, def.note]) if (text !== undefined && (text === '' || /\n|\|/.test(text))) problems.push(`one line without "|": ${JSON.stringify(text)}`);
  const params = Array.isArray(def.params) ? def.params : Object.entries(def.params || {}).map(([name, p]) => ({ ...p, name }));
  if (Array.isArray(def.params) && params.filter((p) => p.callback).length > 1) problems.push('more than one result callback');
  for (const p of params) {
    for (const [key, value] of Object.entries(p)) {
      const want = PARAM_FIELDS[/** @type {keyof typeof PARAM_FIELDS} */ (key)];
      if (!want) problems.push(`${p.name}: unknown field ${key}`);
      else if (want !== 'any' && kind(value) !== want && !(key === 'oneOf' && Array.isArray(value))) problems.push(`${p.name}.${key} should be a ${want}`);
    }
    const types = Array.isArray(p.type) ? p.type : [p.type];
    if (!types.length || types.some((t) => !TYPES.includes(t))) problems.push(`${p.name}: type ${JSON.stringify(p.type)}`);
    if (p.oneOf && (!p.oneOf.length || p.oneOf.some((v) => typeof v !== 'string') || !types.includes('string'))) problems.push(`${p.name}: oneOf should be strings of a string parameter`);
    if (p.callback && (p.type !== 'function' || p.required)) problems.push(`${p.name}: a result callback is an optional function`);
    if (p.required && p.default !== undefined) problems.push(`${p.name}: required with a default`);
    // A default is applied before the implementation runs: it must pass the checks itself.
    if (p.default !== undefined && checkParam(p.name, p.default, p) !== null) problems.push(`${p.name}: default ${JSON.stringify(p.default)} fails its own checks`);
  }
  for (const [field, ts] of Object.entries(def.result || {})) {
    if (!/^[a-zA-Z]\w*\??$/.test(field) || field.startsWith('errMsg')) problems.push(`result field ${field}`);
    if (typeof ts !== 'string' || ts === '') problems.push(`result ${field}: a TypeScript type`);
  }
  return problems;
}

/** The interfaces jssdk-interface.md lists: qualified name → minimum version. */
function specList() {
  const spec = readFileSync(join(ROOT, '../shared/spec/jssdk-interface.md'), 'utf8');
  return new Map([...spec.matchAll(/^\| (ft\.[\w.]+) \| [^|]* \| ([^|]*) \|$/gm)].map((m) => [m[1], /(\d+\.\d+\.\d+)/.exec(m[2])?.[1]]));
}

describe('the API table', () => {
  test('every entry is well formed', () => {
    const problems = API_TABLE.flatMap((def) => entryProblems(def).map((p) => `${def.name}: ${p}`));
    expect(problems).toEqual([]);
    expect(API_BY_NAME.size).toBe(API_TABLE.length);
    expect(JSSDK_VERSION).toBe('1.4.20');
  });

  (existsSync(join(ROOT, '../shared/spec/jssdk-interface.md')) ? test : test.skip)('the names, places and minimum versions are those of jssdk-interface.md', () => {
    const spec = specList();
    expect(spec.size).toBe(37);
    const table = new Map(API_TABLE.map((def) => [`${def.ns === 'ft' ? 'ft' : 'ft.miniProgram'}.${def.name}`, def.since]));
    expect([...table].sort()).toEqual([...spec].sort());
  });

  test('every concern is a module of polyfill/impl/ and every module has interfaces', () => {
    expect(new Set(API_TABLE.map((def) => def.concern))).toEqual(new Set(CONCERNS));
  });

  test('each interface is served by exactly the module of its concern (polyfill/impl/<concern>.js)', async () => {
    // A construction checks that each module serves one concern, and all of it (impl/concerns.js);
    // that the module of a concern is polyfill/impl/<concern>.js is seen in its source: it defines
    // each interface of its concern (`name(`, `async name(` or `name:`).
    const { runtime } = await freshFt();
    for (const def of API_TABLE) expect([def.name, typeof runtime.impl(def.name)]).toEqual([def.name, 'function']);
    for (const def of API_TABLE) {
      const source = readFileSync(join(ROOT, `polyfill/impl/${def.concern}.js`), 'utf8');
      expect([def.name, new RegExp(`^\\s+(async\\s+)?${def.name}(\\s*:|\\()`, 'm').test(source)]).toEqual([def.name, true]);
    }
  });

  test('a module serving another concern, or missing one of its own, fails at construction', () => {
    const storage = Object.fromEntries(API_TABLE.filter((def) => def.concern === 'storage').map((def) => [def.name, () => undefined]));
    const build = (/** @type {Record<string, unknown>} */ impls) => checked([() => /** @type {any} */ (impls)])[0](/** @type {any} */ ({}), /** @type {any} */ ({}));
    expect(build(storage)).toBe(storage);
    expect(() => build({ ...storage, request: () => undefined })).toThrow('impl/storage.js serves request, an interface of impl/network.js');
    const { getStorage, ...missing } = storage;
    expect(() => build(missing)).toThrow('impl/storage.js does not serve getStorage');
    expect(() => build({})).toThrow('serves no interface');
    expect(() => servedBy('network', storage)).toThrow('impl/network.js serves getStorage, an interface of impl/storage.js');
    expect(concernProblems('storage', [...Object.keys(storage), 'nope'])).toEqual(['impl/storage.js serves nope, which is not in the API table']);
  });

  test('the facts once held elsewhere come from the table', () => {
    const names = (/** @type {(def: any) => unknown} */ pick) => API_TABLE.filter(pick).map((def) => def.name).sort();
    expect(names((def) => def.mockable)).toEqual(['chooseImage', 'chooseLocation', 'downloadFile', 'getLocation', 'openDocument', 'request']);
    expect(names((def) => def.waitsForPerson)).toEqual(['chooseImage', 'chooseLocation', 'openDocument']);
    for (const file of ['polyfill/impl/device/mocks.js', 'tests/helpers/bad-input-matrix.js', 'scripts/coverage.mjs', 'polyfill/create.js']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect([file, /\[\s*'(getLocation|chooseImage|openDocument|navigateTo)'/.test(text)]).toEqual([file, false]);
    }
  });
});
