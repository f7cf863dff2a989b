// The ftHostConfig that `ft-polyfill serve` injects: read from --config (JSON or a module's default
// export) and --app, checked field by field (one-line UsageError naming the file and the field),
// then the options over it.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError, oneLine } from './serve-args.js';

/** @param {unknown} error @returns {string} why a file could not be read */
function fileProblem(error) {
  const code = error && /** @type {NodeJS.ErrnoException} */ (error).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES') return 'permission denied';
  return oneLine(error);
}

/**
 * A JSON file's value; errors name the file as typed and the line and column of a syntax error.
 * @param {string} file
 * @returns {unknown}
 * @throws {UsageError}
 */
export function readJson(file) {
  let text;
  try {
    text = readFileSync(resolve(file), 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${fileProblem(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = /at position (\d+)/.exec(oneLine(error));
    let where = '';
    if (at) {
      const before = text.slice(0, Number(at[1])).split('\n');
      where = ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
    }
    throw new UsageError(`cannot read ${file}: ${oneLine(error)}${where}`);
  }
}

/**
 * A config module's default export (.js, .mjs, .cjs; a CommonJS module's module.exports; .ts,
 * .mts, .cts where Node runs TypeScript).
 * @param {string} file
 * @returns {Promise<unknown>}
 * @throws {UsageError}
 */
async function importConfig(file) {
  const path = resolve(file);
  try {
    if (!statSync(path).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${fileProblem(error)}`);
  }
  let module;
  try {
    module = await import(pathToFileURL(path).href);
  } catch (error) {
    // Node loads TypeScript only from 22.6 with --experimental-strip-types (23.6 by default).
    if (/\.[cm]?ts$/i.test(file) && error && /** @type {any} */ (error).code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      throw new UsageError(`cannot load ${file}: this Node (${process.version}) does not run TypeScript; write the config as ${file.replace(/\.([cm]?)ts$/i, '.$1js').replace(/\.js$/, '.mjs')} (export default { appId: 'my-app' }) or JSON, or run Node 23.6 or later`);
    }
    throw new UsageError(`cannot load ${file}: ${oneLine(error)}`);
  }
  if (!('default' in module)) throw new UsageError(`${file} has no default export: end it with export default { appId: 'my-app' }`);
  return module.default;
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** @param {unknown} v */
const isName = (v) => typeof v === 'string' && v !== '';

/** The fields of ft.getAppletInfo's answer (polyfill/config.js AppInfo). */
const APP_INFO_FIELDS = ['appId', 'appTitle', 'appAvatar', 'appDescription', 'appThumbnail', 'path', 'userId'];

/**
 * The fields of ftHostConfig (polyfill/config.js, docs/reference/fthost.md) and the JSON shape each must
 * have; what the values mean (pages of app.json, stack paths) the core checks in the page.
 * @type {Record<string, { ok: (v: unknown) => boolean, shape: string }>}
 */
const CONFIG_FIELDS = {
  appId: { ok: isName, shape: 'a non-empty string, e.g. "my-app"' },
  appInfo: { ok: isObject, shape: `an object of strings (${APP_INFO_FIELDS.join(', ')})` },
  app: { ok: isObject, shape: `the mini-program's app.json object, e.g. { "pages": ["pages/index/index"] }` },
  appJson: { ok: isName, shape: 'the url of an app.json (a non-empty string)' },
  stack: { ok: (v) => Array.isArray(v) && v.every(isName), shape: 'an array of page paths, bottom first, e.g. ["pages/index/index", "pages/web/index"]' },
  webviewTimeout: { ok: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, shape: 'a number of ms, 0 or more' },
  locationTimeout: { ok: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0, shape: 'a number of ms above 0' },
  callers: { ok: (v) => Array.isArray(v) && v.every(isName), shape: 'an array of appIds, e.g. ["caller-app"]' },
  mocks: { ok: isObject, shape: 'an object of mocks, e.g. { "request": [{ "url": "https://api.example.com/goods*", "response": { "data": [] } }] } (docs/guides/mocks.md)' },
  panel: { ok: (v) => typeof v === 'boolean', shape: 'true or false' },
  force: { ok: (v) => typeof v === 'boolean', shape: 'true or false' },
};

/**
 * @param {string} name a field name not in `known`
 * @param {string[]} known
 * @returns {string} " (did you mean X?)" for a difference of case, dashes or underscores
 */
function suggestion(name, known) {
  const key = (/** @type {string} */ s) => s.toLowerCase().replace(/[-_]/g, '');
  const match = known.find((k) => key(k) === key(name));
  return match ? ` (did you mean ${match}?)` : '';
}

/**
 * Checks a config file's value: an object of known ftHostConfig fields, each of its JSON shape.
 * @param {unknown} value
 * @param {string} file as typed, for the messages
 * @returns {Record<string, unknown>}
 * @throws {UsageError}
 */
function checkConfig(value, file) {
  if (!isObject(value)) throw new UsageError(`${file} should hold an object of ftHostConfig fields, e.g. { "appId": "my-app" }`);
  const fields = Object.keys(CONFIG_FIELDS);
  for (const [name, field] of Object.entries(value)) {
    const rule = Object.hasOwn(CONFIG_FIELDS, name) ? CONFIG_FIELDS[name] : undefined;
    if (!rule) throw new UsageError(`${file}: unknown field "${name}"${suggestion(name, fields)}; the fields are ${fields.join(', ')}`);
    if (!rule.ok(field)) throw new UsageError(`${file}: ${name} should be ${rule.shape}`);
  }
  if (isObject(value.appInfo)) {
    for (const [name, field] of Object.entries(value.appInfo)) {
      if (!APP_INFO_FIELDS.includes(name)) throw new UsageError(`${file}: unknown field "appInfo.${name}"${suggestion(name, APP_INFO_FIELDS)}; the fields are ${APP_INFO_FIELDS.join(', ')}`);
      if (typeof field !== 'string') throw new UsageError(`${file}: appInfo.${name} should be a string`);
    }
  }
  // A module's config is injected as JSON: a cycle or BigInt would fail every page instead.
  try {
    JSON.stringify(value);
  } catch (error) {
    throw new UsageError(`${file} cannot be written as JSON: ${oneLine(error)}`);
  }
  return value;
}

/**
 * The ftHostConfig injected into the pages: the config file's fields, then the options over them.
 * @param {import('./serve-args.js').ServeArgs} opts
 * @returns {Promise<Record<string, unknown>>}
 * @throws {UsageError}
 */
export async function hostConfig(opts) {
  /** @type {Record<string, unknown>} */
  let config = {};
  if (opts.config) {
    const value = /\.[cm]?[jt]s$/i.test(opts.config) ? await importConfig(opts.config) : readJson(opts.config);
    config = { ...checkConfig(value, opts.config) };
  }
  if (opts.app) {
    const app = readJson(opts.app);
    if (!isObject(app)) throw new UsageError(`${opts.app} should hold the mini-program's app.json object, e.g. { "pages": ["pages/index/index"] }`);
    config.app = app;
    delete config.appJson; // appJson would be loaded instead of app (polyfill/host/bridge.js)
  }
  if (opts.mocks) {
    const mocks = /\.[cm]?[jt]s$/i.test(opts.mocks) ? await importConfig(opts.mocks) : readJson(opts.mocks);
    config.mocks = checkConfig({ mocks }, opts.mocks).mocks;
  }
  if (opts.appId !== undefined) config.appId = opts.appId;
  if (opts.stack) config.stack = opts.stack;
  if (opts.panel) config.panel = true;
  return config;
}
