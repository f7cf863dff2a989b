// The services of one instance, each built once here and handed to the implementations and to
// ftHost (no service locators, nothing patched onto the runtime). Each registers its own end with
// runtime.onDispose.

import { HostBridge } from './host/bridge.js';
import { fileStore } from './impl/device/file-store.js';
import { createMocks } from './impl/device/mocks.js';

/**
 * @typedef {object} Services
 * @property {HostBridge} host   the simulated host: navigation, messaging, ftHost's controls
 * @property {ReturnType<typeof fileStore>} files  the page's files: network, files, media
 * @property {Map<string, import('./impl/device/mocks.js').MockAnswer>} mocks  ftHost.mock's answers
 */

/** @param {import('./runtime.js').Runtime} runtime @returns {Services} */
export function createServices(runtime) {
  // In this order their reset hooks run: mocks before the host (its configure emits 'host').
  const mocks = createMocks(runtime);
  const files = fileStore(runtime);
  return { host: new HostBridge(runtime), files, mocks };
}
