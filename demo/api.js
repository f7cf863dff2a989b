// The demo server's JSON API (what the demo pages call with ft.request): the data is api.json,
// which the CLI (bin/ft-polyfill.js) reads too, without importing this file.
import { readFileSync } from 'node:fs';
import { jsonRoutes } from '../bin/server.js';

/** @returns {Record<string, import('../bin/server.js').RouteHandler>} */
export function demoRoutes() {
  return jsonRoutes(JSON.parse(readFileSync(new URL('./api.json', import.meta.url), 'utf8')));
}
