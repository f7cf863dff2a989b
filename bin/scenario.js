// `ft-polyfill serve --scenario FILE`: a bug report's state as a JSON file, with the fields of the
// simulator's launch link (polyfill/host/simulator/launch.js):
//   { "page": "/orders/12", "device": "pixel-7", "landscape": false, "appId": "shop",
//     "stack": ["pages/index/index", "pages/web/web?id=7"], "appJson": "/app.json",
//     "backMode": "page", "network": "slow-3g", "location": "shanghai" }
// Each field is checked here (one-line UsageError naming the file and the field); the simulator
// gets them as its url's parameters, under the ones of the url it is opened with.
import { readJson } from './host-config.js';
import { UsageError } from './serve-args.js';

/**
 * @typedef {object} SimulatorPresets  what dist/ft-polyfill-simulator.mjs exports
 * @property {(name: string) => { id: string } | undefined} findDevice
 * @property {Array<{ id: string }>} DEVICES
 * @property {Array<{ id: string }>} NETWORKS
 * @property {Array<{ id: string }>} PLACES
 * @property {(text: string) => object | null} parseLocation
 */

/**
 * The scenario's url parameters (a query string without "?").
 * @param {string} file @param {SimulatorPresets} presets
 * @returns {string}
 * @throws {UsageError}
 */
export function readScenario(file, presets) {
  const value = /** @type {Record<string, unknown>} */ (readJson(file));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${file}: a scenario is a JSON object such as {"page": "/", "device": "iphone-se"}`);
  const params = new URLSearchParams();
  /** @param {string} field @param {string} what */
  const bad = (field, what) => new UsageError(`${file}: ${field} should be ${what} instead of ${JSON.stringify(value[field])}`);
  const text = (/** @type {string} */ field) => {
    if (typeof value[field] !== 'string' || value[field] === '') throw bad(field, 'a non-empty string');
    return /** @type {string} */ (value[field]);
  };
  for (const field of Object.keys(value)) {
    if (field === 'page') {
      if (!text(field).startsWith('/') || text(field).startsWith('//')) throw bad(field, 'a path of the site, e.g. "/orders/12"');
      params.set(field, text(field));
    } else if (field === 'device') {
      const device = presets.findDevice(text(field));
      if (!device) throw bad(field, `one of ${presets.DEVICES.map((d) => d.id).join(', ')}`);
      params.set(field, device.id);
    } else if (field === 'landscape') {
      if (typeof value[field] !== 'boolean') throw bad(field, 'true or false');
      if (value[field]) params.set(field, '');
    } else if (field === 'appId' || field === 'appJson') {
      params.set(field, text(field));
    } else if (field === 'stack') {
      const stack = value[field];
      if (!Array.isArray(stack) || stack.length === 0 || stack.some((p) => typeof p !== 'string' || p === '')) throw bad(field, 'page urls, bottom first, e.g. ["pages/index/index", "pages/web/web?id=7"]');
      for (const page of stack) params.append(field, page.replace(/^\/+/, ''));
    } else if (field === 'backMode') {
      if (value[field] !== 'history' && value[field] !== 'page') throw bad(field, '"history" or "page"');
      params.set(field, value[field]);
    } else if (field === 'network') {
      if (!presets.NETWORKS.some((n) => n.id === value[field])) throw bad(field, `one of ${presets.NETWORKS.map((n) => n.id).join(', ')}`);
      params.set(field, text(field));
    } else if (field === 'location') {
      if (!presets.parseLocation(text(field))) throw bad(field, `a city (${presets.PLACES.map((p) => p.id).join(', ')}), "lat,lon", "deny", "unavailable" or "timeout"`);
      params.set(field, text(field));
    } else {
      throw new UsageError(`${file}: unknown field ${field}: a scenario has page, device, landscape, appId, stack, appJson, backMode, network, location`);
    }
  }
  return params.toString();
}
