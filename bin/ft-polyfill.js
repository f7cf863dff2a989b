#!/usr/bin/env node
// ft-polyfill command line: `ft-polyfill serve [dir] [options]` (see USAGE).
//   dir: an existing H5 folder, served on 127.0.0.1 with window.ftHostConfig and the polyfill
//   injected into every HTML page (files on disk unchanged) and FinClip's JSSDK script requests
//   answered by a stub. Without dir: the demo (what `npm start` runs).
// A user's mistake is reported in one line on stderr with exit code 1 (UsageError), never a trace.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, jsonRoutes } from './server.js';
import { bundlesPolyfill, injectPolyfill, JSSDK_PATH, JSSDK_CLASSIC, JSSDK_ESM } from './inject.js';
import { SIMULATOR_PATH, simulatorRoutes, withFrameScript } from './simulator.js';
import { USAGE, UsageError, parseServeArgs, oneLine } from './serve-args.js';
import { hostConfig } from './host-config.js';
import { proxyTarget } from './proxy.js';
import { readScenario } from './scenario.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The polyfill's appId when ftHostConfig has none: DEFAULT_APP_ID of polyfill/config.js, which
 * the package does not ship (tests/js/cli.test.js keeps the two equal).
 */
const DEFAULT_APP_ID = 'ft-polyfill-app';

/** @param {import('node:http').ServerResponse} res @param {string} body */
const sendJs = (res, body) => {
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache', 'access-control-allow-origin': '*' });
  res.end(body);
};

/**
 * The simulator's presets (devices, networks, places: dist/ft-polyfill-simulator.mjs).
 * @returns {Promise<import('./scenario.js').SimulatorPresets>}
 * @throws {UsageError}
 */
async function simulatorPresets() {
  try {
    return await import(pathToFileURL(join(packageRoot, 'dist', 'ft-polyfill-simulator.mjs')).href);
  } catch (error) {
    throw new UsageError(`the simulator is not built (dist/ft-polyfill-simulator.mjs: ${oneLine(error)}); run npm run build`);
  }
}

/**
 * The device preset's id for --device.
 * @param {string | undefined} name
 * @returns {Promise<string>} '' for the default
 * @throws {UsageError}
 */
async function deviceId(name) {
  if (name === undefined) return '';
  const ui = await simulatorPresets();
  const device = ui.findDevice(name);
  if (!device) throw new UsageError(`unknown device ${name}: one of ${ui.DEVICES.map((d) => d.id).join(', ')}`);
  return device.id;
}

/**
 * The simulator's url for a page (and a scenario's parameters, which name their own page and device).
 * @param {string} url the server's base url @param {string} page @param {string} device @param {string} [scenario]
 */
const simulatorUrl = (url, page, device, scenario = '') => {
  const params = new URLSearchParams(scenario);
  if (!params.has('page') && (page !== '/' || device || scenario)) params.set('page', page);
  if (!params.has('device') && device) params.set('device', device);
  const query = params.toString();
  return `${url}${SIMULATOR_PATH}${query ? `?${query}` : ''}`;
};

/** @param {string[]} argv @throws {UsageError} */
async function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || (command === 'help' && (rest.length === 0 || (rest.length === 1 && rest[0] === 'serve')))) {
    console.log(USAGE);
    return;
  }
  if (command === '--version' || command === '-v') {
    console.log(JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version);
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
  const scenario = opts.scenario ? readScenario(opts.scenario, await simulatorPresets()) : '';
  if (!opts.dir && opts.proxy === undefined) {
    if (opts.hostOptions.length) throw new UsageError(`${opts.hostOptions[0]} configures the pages of a folder you serve (the demo sets its own ftHostConfig), e.g. ft-polyfill serve ./site ${opts.hostOptions[0]} ...`);
    const device = await deviceId(opts.device);
    // The demo is served with the simulator too (npm start prints both urls); its pages get the
    // simulator's hand-off script only when they load in the simulator's frame.
    const { url } = await serve({
      root: packageRoot,
      port: opts.port,
      routes: { ...jsonRoutes(JSON.parse(readFileSync(join(packageRoot, 'demo', 'api.json'), 'utf8'))), ...simulatorRoutes({ page: '/demo/', device, scenario }) },
      mounts: { '/__ft/': join(packageRoot, 'dist') },
      transformHtml: (_path, html, req) => (req && req.headers['sec-fetch-dest'] === 'iframe' ? withFrameScript(html) : html),
    });
    console.log(`ft-polyfill demo: ${url}/demo/`);
    console.log(`ft-polyfill simulator: ${simulatorUrl(url, '/demo/', device, scenario)}`);
    return;
  }
  if (opts.proxy !== undefined) {
    if (opts.dir !== undefined) throw new UsageError(`serve takes a folder or --proxy, not both: ft-polyfill serve --proxy ${opts.proxy}`);
    const target = proxyTarget(opts.proxy);
    if (!target) throw new UsageError(`--proxy needs the dev server's http url, e.g. --proxy http://localhost:3000 (got ${opts.proxy})`);
    const config = await hostConfig(opts);
    const device = await deviceId(opts.device);
    const { url } = await serve({
      root: '',
      proxy: target,
      port: opts.port,
      routes: opts.simulator ? simulatorRoutes({ page: '/', device, scenario }) : {},
      mounts: { '/__ft/': join(packageRoot, 'dist') },
      // A page that loads FinClip's JSSDK gets the polyfill; a bundle with ft-polyfill (the alias
      // of docs/guides/app-builds.md) keeps its own, with serve's options over its config.
      transformHtml: (_path, html) => {
        const page = injectPolyfill(html, config, { bundled: !/finclip-jssdk/i.test(html) });
        return opts.simulator ? withFrameScript(page) : page;
      },
      match: (pathname) => (JSSDK_PATH.test(pathname) ? (_req, res) => sendJs(res, pathname.endsWith('.esm.js') ? JSSDK_ESM : JSSDK_CLASSIC) : undefined),
    });
    console.log(`ft-polyfill: serving ${target.origin} at ${url}/`);
    if (opts.simulator) console.log(`ft-polyfill simulator: ${simulatorUrl(url, '/', device, scenario)}`);
    return;
  }
  const root = resolve(/** @type {string} */ (opts.dir));
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
    routes: opts.simulator ? simulatorRoutes({ page: '/', device, scenario }) : {},
    mounts: { '/__ft/': join(packageRoot, 'dist') },
    spa: opts.spa,
    transformHtml: (_path, html, req) => {
      const page = injectPolyfill(html, config, { bundled: bundlesPolyfill(html, root, new URL(req?.url || '/', 'http://page').pathname) });
      return opts.simulator ? withFrameScript(page) : page;
    },
    match: (pathname) => (JSSDK_PATH.test(pathname) ? (_req, res) => sendJs(res, pathname.endsWith('.esm.js') ? JSSDK_ESM : JSSDK_CLASSIC) : undefined),
  });
  const appId = typeof config.appId === 'string' ? config.appId : `${DEFAULT_APP_ID}, the default; set one with --app-id`;
  console.log(`ft-polyfill: serving ${root} at ${url}/ (appId ${appId})`);
  if (opts.simulator) console.log(`ft-polyfill simulator: ${simulatorUrl(url, '/', device, scenario)}`);
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
