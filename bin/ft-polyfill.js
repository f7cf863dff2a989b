#!/usr/bin/env node
// ft-polyfill command line.
//   ft-polyfill serve [dir] [--app app.json] [--port N] [--open-panel]
//     dir: an existing H5 folder, served on 127.0.0.1 with the polyfill injected into every HTML
//     page (files on disk unchanged) and FinClip's JSSDK script requests answered by a stub.
//     Without dir: the demo (what `npm start` runs).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.js';
import { injectPolyfill, JSSDK_PATH, JSSDK_CLASSIC, JSSDK_ESM } from './inject.js';
import { demoRoutes } from '../demo/api.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `usage: ft-polyfill serve [dir] [--app app.json] [--port N] [--open-panel]

  dir           an H5 folder to serve with the polyfill injected into every page (default: the demo)
  --app FILE    the mini-program's app.json (pages, tabBar) for the simulated host
  --port N      port on 127.0.0.1 (default $PORT or 8080; 0 = any free port)
  --open-panel  open the host panel when a page loads`;

/**
 * @param {string[]} args
 * @returns {{ dir?: string, app?: string, port: number, panel: boolean } | { error: string }}
 */
function parseServeArgs(args) {
  /** @type {{ dir?: string, app?: string, port: number, panel: boolean }} */
  const out = { port: Number(process.env.PORT || 8080), panel: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--port') out.port = Number(args[++i]);
    else if (a.startsWith('--port=')) out.port = Number(a.slice(7));
    else if (a === '--app') out.app = args[++i];
    else if (a.startsWith('--app=')) out.app = a.slice(6);
    else if (a === '--open-panel') out.panel = true;
    else if (a.startsWith('-')) return { error: `unknown option ${a}` };
    else if (out.dir === undefined) out.dir = a;
    else return { error: `unexpected argument ${a}` };
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) return { error: '--port needs a number from 0 to 65535' };
  if (args.includes('--app') && !out.app) return { error: '--app needs a file' };
  return out;
}

/** @param {import('node:http').ServerResponse} res @param {string} body */
const sendJs = (res, body) => {
  res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache', 'access-control-allow-origin': '*' });
  res.end(body);
};

/** @param {string[]} argv */
async function main(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return console.log(USAGE);
  if (command !== 'serve') {
    console.error(USAGE);
    process.exitCode = 1;
    return;
  }
  const opts = parseServeArgs(rest);
  if ('error' in opts) {
    console.error(`ft-polyfill: ${opts.error}\n\n${USAGE}`);
    process.exitCode = 1;
    return;
  }
  if (!opts.dir) {
    const { url } = await serve({ root: packageRoot, port: opts.port, routes: demoRoutes() });
    console.log(`ft-polyfill demo: ${url}/demo/`);
    return;
  }
  const root = resolve(opts.dir);
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a folder');
  } catch {
    console.error(`ft-polyfill: ${opts.dir} is not a folder`);
    process.exitCode = 1;
    return;
  }
  /** @type {Record<string, unknown>} */
  const config = {};
  if (opts.app) {
    try {
      config.app = JSON.parse(readFileSync(resolve(opts.app), 'utf8'));
    } catch (error) {
      console.error(`ft-polyfill: cannot read ${opts.app} as JSON (${/** @type {Error} */ (error).message})`);
      process.exitCode = 1;
      return;
    }
  }
  if (opts.panel) config.panel = true;
  const { url } = await serve({
    root,
    port: opts.port,
    mounts: { '/__ft/': join(packageRoot, 'dist') },
    transformHtml: (_path, html) => injectPolyfill(html, config),
    match: (pathname) => (JSSDK_PATH.test(pathname) ? (_req, res) => sendJs(res, pathname.endsWith('.esm.js') ? JSSDK_ESM : JSSDK_CLASSIC) : undefined),
  });
  console.log(`ft-polyfill: serving ${root} at ${url}/`);
}

main(process.argv.slice(2)).catch((error) => {
  if (error && error.code === 'EADDRINUSE') {
    console.error(`ft-polyfill: port ${error.port} is already in use; choose another with --port N (or PORT=N npm start)`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
