// Builds one polyfill instance: the `ft` object (every interface of the API table, through the
// shared pipeline) and its host controls.

import { API_TABLE } from './api-table.js';
import { createApi } from './pipeline.js';
import { Runtime } from './runtime.js';
import { createHost } from './host/index.js';

/**
 * @param {object} options
 * @param {() => Promise<any>} options.loadCore  instantiates the Emscripten module
 * @param {unknown} [options.config]             ftHostConfig
 * @param {any} [options.global]                 the page's window (globalThis when absent)
 * @param {boolean} [options.configFromPage]     `config` is the page's window.ftHostConfig (install.js)
 */
export function createFt({ loadCore, config, global, configFromPage }) {
  const runtime = new Runtime({ loadCore, config, global, configFromPage });
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
  const host = createHost(runtime);
  return { ft, host, runtime };
}
