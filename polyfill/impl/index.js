// Every implementation module, one per concern (api-table.js `concern`): each serves exactly the
// interfaces of its concern (polyfill/impl/<concern>.js), checked when it is built (concerns.js)
// and by tests/js/api-table.test.js.
import env from './env.js';
import storage from './storage.js';
import network from './network.js';
import files from './files.js';
import media from './media.js';
import location from './location.js';
import navigation from './navigation.js';
import messaging from './messaging.js';
import { checked } from './concerns.js';

/**
 * @typedef {(runtime: import('../runtime.js').Runtime, services: import('../services.js').Services) => Record<string, import('../pipeline.js').Impl>} ImplementationModule
 */

/** @type {ImplementationModule[]} */
export const IMPLEMENTATIONS = checked([env, storage, network, files, media, location, navigation, messaging]);
