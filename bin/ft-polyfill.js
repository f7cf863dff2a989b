#!/usr/bin/env node
// ft-polyfill command line: `ft-polyfill serve [dir] [options]` (see USAGE).
//   dir: an existing H5 folder, served on 127.0.0.1 with window.ftHostConfig and the polyfill
//   injected into every HTML page (files on disk unchanged) and FinClip's JSSDK script requests
//   answered by a stub. Without dir: the demo (what `npm start` runs).
// A user's mistake is reported in one line on stderr with exit code 1 (UsageError), never a trace.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serve, jsonRoutes } from './server.js';
import { injectPolyfill, JSSDK_PATH, JSSDK_CLASSIC, JSSDK_ESM } from './inject.js';
import { SIMULATOR_PATH, simulatorRoutes, withFrameScript } from './simulator.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The polyfill's appId when ftHostConfig has none: DEFAULT_APP_ID of polyfill/config.js, which
 * the package does not ship (tests/js/cli.test.js keeps the two equal).
 */
const DEFAULT_APP_ID = 'ft-polyfill-app';

/**
 * @typedef {object} OptionSpec
 * @property {'string' | 'boolean'} type
 * @property {string} help       one line of the usage
 * @property {string} [short]    one-letter alias
 * @property {string} [value]    the value's name in the usage
 * @property {string} [needs]    what a missing or empty value should have been
 * @property {string} [example]  an example value for the error message
 */

/** The options of `serve`, in the order of the usage. @type {Record<string, OptionSpec>} */
const OPTIONS = {
  'app-id': { type: 'string', value: 'ID', needs: 'an appId', example: 'my-app', help: "the mini-program's appId (ftHostConfig.appId; storage belongs to it)" },
  stack: { type: 'string', value: 'a,b,c', needs: 'page paths', example: 'pages/index/index,pages/web/index', help: 'initial page stack, comma-separated, bottom first; the last page holds the web-view' },
  config: { type: 'string', value: 'FILE', needs: 'a file', example: 'ft-host.json', help: 'ftHostConfig as a .json file or a .js/.mjs module\'s default export; options override it' },
  app: { type: 'string', value: 'FILE', needs: 'a file', example: 'app.json', help: "the mini-program's app.json (pages, tabBar); replaces the config's app and appJson" },
  port: { type: 'string', value: 'N', needs: 'a number from 0 to 65535', help: 'port on 127.0.0.1 (default $PORT or 8080; 0 = any free port)' },
  'open-panel': { type: 'boolean', help: 'open the host panel when a page loads' },
  simulator: { type: 'boolean', help: 'also serve the simulator: the page in a phone, the host around it (README: The simulator)' },
  device: { type: 'string', value: 'NAME', needs: 'a device', example: 'iphone-se', help: 'the simulator\'s phone: iphone-se (375x667), iphone-14 (390x844), pixel-7 (412x915); implies --simulator' },
  help: { type: 'boolean', short: 'h', help: 'print this help' },
};

/** Options that configure the injected ftHostConfig (the demo's pages set their own). */
const HOST_OPTIONS = ['app-id', 'stack', 'config', 'app', 'open-panel'];

const USAGE = [
  'usage: ft-polyfill serve [dir] [options]',
  '',
  '  dir              an H5 folder to serve with the polyfill injected into every page (default: the demo)',
  ...Object.entries(OPTIONS).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return `  ${flag.padEnd(16)} ${spec.help}`;
  }),
  '',
  'Config fields: appId, appInfo, app, appJson, stack, webviewTimeout, locationTimeout, callers, panel, force (README: The simulated host).',
].join('\n');

/** A user's mistake: the message is the one line printed; `usage` adds the usage after it. */
class UsageError extends Error {
  /** @param {string} message @param {{ usage?: boolean }} [options] */
  constructor(message, { usage = false } = {}) {
    super(message);
    this.usage = usage;
  }
}

/**
 * @typedef {object} ServeArgs
 * @property {boolean} help
 * @property {string} [dir]
 * @property {string} [appId]
 * @property {string[]} [stack]
 * @property {string} [config]
 * @property {string} [app]
 * @property {number} port
 * @property {boolean} panel
 * @property {boolean} simulator  serve the simulator too (--simulator, --device)
 * @property {string} [device]     the simulator's device preset, as typed
 * @property {string[]} hostOptions  the ftHostConfig options given, as typed (for the demo's error)
 */

/** @param {string} name */
const needs = (name) => {
  const spec = OPTIONS[name];
  return new UsageError(`--${name} needs ${spec.needs}${spec.example ? `, e.g. --${name} ${spec.example}` : ''}`);
};

/**
 * `serve`'s arguments (`--option value` and `--option=value`; a later option wins).
 * @param {string[]} args
 * @returns {ServeArgs}
 * @throws {UsageError}
 */
function parseServeArgs(args) {
  // strict: false hands every token over, so each mistake gets its own message here.
  const { tokens } = parseArgs({
    args,
    options: /** @type {import('node:util').ParseArgsConfig['options']} */ (OPTIONS),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  /** @type {ServeArgs} */
  const out = { help: false, port: 8080, panel: false, simulator: false, hostOptions: [] };
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { ...out, help: true };
  /** @type {string | undefined} */
  let port;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (out.dir !== undefined) throw new UsageError(`unexpected argument ${token.value}: serve takes one folder`, { usage: true });
      out.dir = token.value;
      continue;
    }
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name] : undefined;
    // `-app` is read as the short options -a -p -p: name what was typed.
    if (!spec) throw new UsageError(`unknown option ${args[token.index]}`, { usage: true });
    if (HOST_OPTIONS.includes(token.name)) out.hostOptions.push(token.rawName);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      if (token.name === 'open-panel') out.panel = true;
      if (token.name === 'simulator') out.simulator = true;
      continue;
    }
    // A value that looks like an option (`--app-id --port 0`) means the value was forgotten.
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'))) throw needs(token.name);
    if (token.name === 'port') port = value;
    else if (token.name === 'app-id') out.appId = value;
    else if (token.name === 'config') out.config = value;
    else if (token.name === 'app') out.app = value;
    else if (token.name === 'device') {
      out.device = value;
      out.simulator = true;
    }
    else if (token.name === 'stack') {
      const pages = value.split(',').map((page) => page.trim());
      if (pages.some((page) => page === '')) throw needs('stack');
      out.stack = pages;
    }
  }
  if (port !== undefined) {
    out.port = toPort(port);
    if (Number.isNaN(out.port)) throw needs('port');
  } else if (process.env.PORT) {
    out.port = toPort(process.env.PORT);
    if (Number.isNaN(out.port)) throw new UsageError(`PORT=${process.env.PORT} is not a port: set a number from 0 to 65535, or use --port N`);
  }
  return out;
}

/** @param {string} text @returns {number} the port, or NaN */
const toPort = (text) => (/^\d{1,5}$/.test(text) && Number(text) <= 65535 ? Number(text) : NaN);

/** @param {unknown} error @returns {string} the error's message on one line */
const oneLine = (error) => String(error && typeof error === 'object' && 'message' in error ? error.message : error).replace(/\s+/g, ' ').trim();

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
function readJson(file) {
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
 * A config module's default export (.js, .mjs, .cjs; a CommonJS module's module.exports).
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
 * The fields of ftHostConfig (polyfill/config.js, README "ftHost") and the JSON shape each must
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
 * @param {ServeArgs} opts
 * @returns {Promise<Record<string, unknown>>}
 * @throws {UsageError}
 */
async function hostConfig(opts) {
  /** @type {Record<string, unknown>} */
  let config = {};
  if (opts.config) {
    const value = /\.[cm]?js$/i.test(opts.config) ? await importConfig(opts.config) : readJson(opts.config);
    config = { ...checkConfig(value, opts.config) };
  }
  if (opts.app) {
    const app = readJson(opts.app);
    if (!isObject(app)) throw new UsageError(`${opts.app} should hold the mini-program's app.json object, e.g. { "pages": ["pages/index/index"] }`);
    config.app = app;
    delete config.appJson; // appJson would be loaded instead of app (polyfill/host/bridge.js)
  }
  if (opts.appId !== undefined) config.appId = opts.appId;
  if (opts.stack) config.stack = opts.stack;
  if (opts.panel) config.panel = true;
  return config;
}

/** @param {import('node:http').ServerResponse} res @param {string} body */
const sendJs = (res, body) => {
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache', 'access-control-allow-origin': '*' });
  res.end(body);
};

/**
 * The device preset's id for --device (the presets are the simulator's: dist/ft-polyfill-simulator.mjs).
 * @param {string | undefined} name
 * @returns {Promise<string>} '' for the default
 * @throws {UsageError}
 */
async function deviceId(name) {
  if (name === undefined) return '';
  /** @type {{ DEVICES: Array<{ id: string }>, findDevice: (name: string) => { id: string } | undefined }} */
  let ui;
  try {
    ui = await import(pathToFileURL(join(packageRoot, 'dist', 'ft-polyfill-simulator.mjs')).href);
  } catch (error) {
    throw new UsageError(`the simulator is not built (dist/ft-polyfill-simulator.mjs: ${oneLine(error)}); run npm run build`);
  }
  const device = ui.findDevice(name);
  if (!device) throw new UsageError(`unknown device ${name}: one of ${ui.DEVICES.map((d) => d.id).join(', ')}`);
  return device.id;
}

/**
 * The simulator's url for a page.
 * @param {string} url the server's base url @param {string} page @param {string} device
 */
const simulatorUrl = (url, page, device) => `${url}${SIMULATOR_PATH}${page === '/' && !device ? '' : `?page=${encodeURIComponent(page)}${device ? `&device=${device}` : ''}`}`;

/** @param {string[]} argv @throws {UsageError} */
async function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || (command === 'help' && (rest.length === 0 || (rest.length === 1 && rest[0] === 'serve')))) {
    console.log(USAGE);
    return;
  }
  if (command === undefined) throw new UsageError('no command given: run ft-polyfill serve [dir]', { usage: true });
  if (command === 'help') throw new UsageError(`no help for ${rest.join(' ')}: the command is serve`, { usage: true });
  if (command.startsWith('-')) throw new UsageError(`unknown option ${command}: options follow the command, ft-polyfill serve [dir] [options]`, { usage: true });
  if (command !== 'serve') throw new UsageError(`unknown command ${command}: the command is serve`, { usage: true });
  const opts = parseServeArgs(rest);
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  if (!opts.dir) {
    if (opts.hostOptions.length) throw new UsageError(`${opts.hostOptions[0]} configures the pages of a folder you serve (the demo sets its own ftHostConfig), e.g. ft-polyfill serve ./site ${opts.hostOptions[0]} ...`);
    const device = await deviceId(opts.device);
    // The demo is served with the simulator too (npm start prints both urls); its pages get the
    // simulator's hand-off script only when they load in the simulator's frame.
    const { url } = await serve({
      root: packageRoot,
      port: opts.port,
      routes: { ...jsonRoutes(JSON.parse(readFileSync(join(packageRoot, 'demo', 'api.json'), 'utf8'))), ...simulatorRoutes({ page: '/demo/', device }) },
      mounts: { '/__ft/': join(packageRoot, 'dist') },
      transformHtml: (_path, html, req) => (req && req.headers['sec-fetch-dest'] === 'iframe' ? withFrameScript(html) : html),
    });
    console.log(`ft-polyfill demo: ${url}/demo/`);
    console.log(`ft-polyfill simulator: ${simulatorUrl(url, '/demo/', device)}`);
    return;
  }
  const root = resolve(opts.dir);
  let isFolder = false;
  try {
    isFolder = statSync(root).isDirectory();
  } catch {
    // missing: reported below as not a folder
  }
  if (!isFolder) throw new UsageError(`${opts.dir} is not a folder`);
  const config = await hostConfig(opts);
  const device = await deviceId(opts.device);
  const { url } = await serve({
    root,
    port: opts.port,
    routes: opts.simulator ? simulatorRoutes({ page: '/', device }) : {},
    mounts: { '/__ft/': join(packageRoot, 'dist') },
    transformHtml: opts.simulator ? (_path, html) => withFrameScript(injectPolyfill(html, config)) : (_path, html) => injectPolyfill(html, config),
    match: (pathname) => (JSSDK_PATH.test(pathname) ? (_req, res) => sendJs(res, pathname.endsWith('.esm.js') ? JSSDK_ESM : JSSDK_CLASSIC) : undefined),
  });
  const appId = typeof config.appId === 'string' ? config.appId : `${DEFAULT_APP_ID}, the default; set one with --app-id`;
  console.log(`ft-polyfill: serving ${root} at ${url}/ (appId ${appId})`);
  if (opts.simulator) console.log(`ft-polyfill simulator: ${simulatorUrl(url, '/', device)}`);
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof UsageError) {
    console.error(`ft-polyfill: ${error.message}${error.usage ? `\n\n${USAGE}` : ''}`);
  } else if (error && error.code === 'EADDRINUSE') {
    console.error(`ft-polyfill: port ${error.port} is already in use; choose another with --port N (or PORT=N npm start)`);
  } else if (error && error.code === 'EACCES' && error.syscall === 'listen') {
    console.error(`ft-polyfill: port ${error.port} needs more rights than this user has; choose one above 1023 with --port N`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
