// Every implementation module, one per concern (api-table.js `concern`). An interface with no
// implementation here fails with "<api>:fail not supported yet".
import env from './env.js';
import storage from './storage.js';
import network from './network.js';
import files from './files.js';
import media from './media.js';
import location from './location.js';
import navigation from './navigation.js';
import messaging from './messaging.js';

/** @type {Array<(runtime: import('../runtime.js').Runtime, services: import('../services.js').Services) => Record<string, import('../pipeline.js').Impl>>} */
export const IMPLEMENTATIONS = [env, storage, network, files, media, location, navigation, messaging];
