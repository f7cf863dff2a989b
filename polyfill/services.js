// The services of one instance, each built once here and handed to the implementations and to
// ftHost (no service locators, nothing patched onto the runtime). Each registers its own end with
// runtime.onDispose.

import { HostBridge } from './host/bridge.js';
import { fileStore } from './impl/device/file-store.js';
import { createMocks } from './impl/device/mocks.js';
import { loadUi } from './load-ui.js';

/**
 * @typedef {object} Services
 * @property {HostBridge} host   the simulated host: navigation, messaging, ftHost's controls
 * @property {ReturnType<typeof fileStore>} files  the page's files: network, files, media
 * @property {import('./impl/device/mocks.js').Mocks} mocks  ftHost.mock's answers and ftHostConfig.mocks
 */

/** @param {import('./runtime.js').Runtime} runtime @returns {Services} */
export function createServices(runtime) {
  // In this order their reset hooks run: mocks before the host (its configure emits 'host').
  const mocks = createMocks(runtime);
  const files = fileStore(runtime);
  const host = new HostBridge(runtime);
  // ftHostConfig.mocks (mocks/rules.js, loaded with the UI only when configured), after the host's
  // configure: its native APIs go into the configured host.
  const rules = () => (/** @type {any} */ (runtime.config).mocks || mocks.send) && loadUi().then((ui) => ui.applyMocks(runtime, host, mocks)).catch(console.error);
  runtime.onReady(rules);
  runtime.onReset(rules);
  return { host, files, mocks };
}
