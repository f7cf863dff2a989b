#!/usr/bin/env node
// ft-polyfill command line.
//   ft-polyfill serve [dir] [--port N]   serve a folder (default: the demo) on 127.0.0.1
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.js';
import { demoRoutes } from '../demo/api.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string[]} argv */
async function main(argv) {
  const [command, ...rest] = argv;
  if (command !== 'serve') {
    console.log('usage: ft-polyfill serve [dir] [--port N]');
    process.exitCode = command ? 1 : 0;
    return;
  }
  let dir;
  let port = Number(process.env.PORT || 8080);
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--port') port = Number(rest[++i]);
    else if (!rest[i].startsWith('--')) dir = rest[i];
  }
  if (dir) {
    const { url } = await serve({ root: resolve(dir), port, mounts: { '/__ft/': join(packageRoot, 'dist') } });
    console.log(`ft-polyfill: serving ${resolve(dir)} at ${url}/`);
  } else {
    const { url } = await serve({ root: packageRoot, port, routes: demoRoutes() });
    console.log(`ft-polyfill demo: ${url}/demo/`);
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
