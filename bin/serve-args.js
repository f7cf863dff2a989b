// The arguments of `ft-polyfill serve` (bin/ft-polyfill.js): the option table, the usage made from
// it, and the parser that turns argv into ServeArgs or a one-line UsageError.
import { parseArgs } from 'node:util';

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
export const OPTIONS = {
  'app-id': { type: 'string', value: 'ID', needs: 'an appId', example: 'my-app', help: "the mini-program's appId (ftHostConfig.appId; storage belongs to it)" },
  stack: { type: 'string', value: 'a,b,c', needs: 'page paths', example: 'pages/index/index,pages/web/index', help: 'initial page stack, comma-separated, bottom first; the last page holds the web-view' },
  config: { type: 'string', value: 'FILE', needs: 'a file', example: 'ft-host.json', help: 'ftHostConfig as a .json file or a .js/.mjs module\'s default export; options override it' },
  app: { type: 'string', value: 'FILE', needs: 'a file', example: 'app.json', help: "the mini-program's app.json (pages, tabBar); replaces the config's app and appJson" },
  mocks: { type: 'string', value: 'FILE', needs: 'a file', example: 'mocks.json', help: "ftHostConfig.mocks as a .json file or a .js/.mjs module's default export (request rules, native answers; docs/guides/mocks.md); replaces the config's mocks" },
  port: { type: 'string', value: 'N', needs: 'a number from 0 to 65535', help: 'port on 127.0.0.1 (default $PORT or 8080; 0 = any free port)' },
  'open-panel': { type: 'boolean', help: 'open the host panel when a page loads' },
  simulator: { type: 'boolean', help: 'also serve the simulator: the page in a phone, the host around it (docs/guides/simulator.md)' },
  device: { type: 'string', value: 'NAME', needs: 'a device', example: 'iphone-se', help: 'the simulator\'s phone, an id or Playwright\'s name: iphone-se, iphone-14, iphone-15-pro, pixel-5, pixel-7; implies --simulator' },
  scenario: { type: 'string', value: 'FILE', needs: 'a file', example: 'bug-123.json', help: 'the simulator\'s state as a JSON file (page, device, appId, stack, appJson, backMode, network, location); implies --simulator' },
  proxy: { type: 'string', value: 'URL', needs: 'a dev server\'s url', example: 'http://localhost:3000', help: 'serve another dev server\'s pages instead of a folder (websockets and live reload pass through)' },
  'no-spa': { type: 'boolean', help: 'answer 404 for a path with no file (default for a folder with an index.html: its index.html, as a history-mode app\'s server does)' },
  help: { type: 'boolean', short: 'h', help: 'print this help' },
};

/** Options that configure the injected ftHostConfig (the demo's pages set their own). */
export const HOST_OPTIONS = ['app-id', 'stack', 'config', 'app', 'mocks', 'open-panel'];

export const USAGE = [
  'usage: ft-polyfill serve [dir] [options]',
  '       ft-polyfill serve --proxy URL [options]',
  '       ft-polyfill --version',
  '',
  '  dir              an H5 folder to serve with the polyfill injected into every page (default: the demo)',
  ...Object.entries(OPTIONS).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return `  ${flag.padEnd(16)} ${spec.help}`;
  }),
  '',
  'Config fields: appId, appInfo, app, appJson, stack, webviewTimeout, locationTimeout, callers, mocks, panel, force (docs/reference/fthost.md).',
].join('\n');

/** A user's mistake: the message is the one line printed; `usage` adds the usage after it. */
export class UsageError extends Error {
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
 * @property {string} [mocks]  a file of ftHostConfig.mocks
 * @property {number} port
 * @property {boolean} panel
 * @property {boolean} simulator  serve the simulator too (--simulator, --device)
 * @property {string} [device]     the simulator's device preset, as typed
 * @property {string} [scenario]   the scenario file, as typed (--scenario)
 * @property {string} [proxy]      the dev server's url, as typed (--proxy)
 * @property {boolean} spa        history-API fallback to the folder's index.html (off with --no-spa)
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
export function parseServeArgs(args) {
  // strict: false hands every token over, so each mistake gets its own message here.
  const { tokens } = parseArgs({
    args,
    options: /** @type {import('node:util').ParseArgsConfig['options']} */ (OPTIONS),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  /** @type {ServeArgs} */
  const out = { help: false, port: 8080, panel: false, simulator: false, spa: true, hostOptions: [] };
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
      if (token.name === 'no-spa') out.spa = false;
      continue;
    }
    // A value that looks like an option (`--app-id --port 0`) means the value was forgotten.
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'))) throw needs(token.name);
    if (token.name === 'port') port = value;
    else if (token.name === 'app-id') out.appId = value;
    else if (token.name === 'config') out.config = value;
    else if (token.name === 'app') out.app = value;
    else if (token.name === 'proxy') out.proxy = value;
    else if (token.name === 'mocks') out.mocks = value;
    else if (token.name === 'scenario') {
      out.scenario = value;
      out.simulator = true;
    } else if (token.name === 'device') {
      out.device = value;
      out.simulator = true;
    } else if (token.name === 'stack') {
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
export const toPort = (text) => (/^\d{1,5}$/.test(text) && Number(text) <= 65535 ? Number(text) : NaN);

/** @param {unknown} error @returns {string} the error's message on one line */
export const oneLine = (error) => String(error && typeof error === 'object' && 'message' in error ? error.message : error).replace(/\s+/g, ' ').trim();
