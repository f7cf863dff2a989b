// Builds one polyfill instance: the runtime, its services (services.js), the implementations, the
// `ft` object (every interface of the API table, through the shared pipeline) and ftHost.

import { API_TABLE } from './api-table.js';
import { createApi } from './pipeline.js';
import { Runtime } from './runtime.js';
import { createServices } from './services.js';
import { IMPLEMENTATIONS } from './impl/index.js';
import { createHost } from './host/index.js';

/**
 * @param {object} options
 * @param {() => Promise<any>} options.loadCore  instantiates the Emscripten module
 * @param {import('../wasm-glue/persistence.js').OpenStore} [options.openStore]  opens an appId's store (IndexedDB by default)
 * @param {unknown} [options.config]             ftHostConfig
 * @param {any} [options.global]                 the page's window (globalThis when absent)
 * @param {boolean} [options.configFromPage]     `config` is the page's window.ftHostConfig (install.js)
 */
export function createFt({ loadCore, openStore, config, global, configFromPage }) {
  // The services are built once here and handed to the implementations and to ftHost.
  /** @type {import('./services.js').Services} */
  let services = /** @type {any} */ (null);
  const implement = (/** @type {Runtime} */ rt) => {
    services = createServices(rt);
    return Object.assign({}, ...IMPLEMENTATIONS.map((factory) => factory(rt, services)));
  };
  const runtime = new Runtime({ loadCore, openStore, implement, config, global, configFromPage });
  /** @type {Record<string, any>} */
  const miniProgram = {};
  /** @type {Record<string, any>} */
  const ft = { miniProgram };
  for (const def of API_TABLE) {
    const api = createApi(def, runtime);
    (def.ns === 'ft' ? ft : miniProgram)[def.name] = api;
    // The same function where finclip-js-sdk lists it (§1.12): one behaviour, one log name.
    if (def.alsoIn === 'miniProgram') miniProgram[def.name] = api;
  }
  const host = createHost(runtime, services);
  return { ft, host, runtime };
}
