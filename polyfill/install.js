// Installs an instance on a page's global object: window.ft, window.ftHost and, synchronously,
// window.__fcjs_environment = 'miniprogram' (behaviour.md §1.7, §1.8, §1.9).

import { createFt } from './create.js';

const INSTANCE = '__ftPolyfill';

/**
 * Whether a real FinClip host has already injected its bridge (it does so before page scripts).
 * @param {any} global
 */
export function realHostPresent(global) {
  if (installedOn(global)) return false;
  if (global.__fcjs_environment === 'miniprogram') return true;
  const ua = global.navigator && typeof global.navigator.userAgent === 'string' ? global.navigator.userAgent : '';
  return /\bfinclip\b|Provider\/finogeeks/i.test(ua);
}

/**
 * The instance already on this global object (§1.11: the script tag, the ES module, the CommonJS
 * build and ft-polyfill/testing share one). Also found on globalThis when `global` is a
 * window-like object beside it (a test environment that keeps `window` apart from its global).
 * @param {any} global
 * @returns {{ ft: any, host: any, warnedTwice: boolean } | null}
 */
export function installedOn(global) {
  const own = global[INSTANCE];
  if (own) return own;
  const shared = global !== globalThis ? /** @type {any} */ (globalThis)[INSTANCE] : null;
  if (!shared) return null;
  Object.defineProperty(global, INSTANCE, { value: shared, configurable: true });
  global.ft = shared.ft;
  global.ftHost = shared.host;
  global.__fcjs_environment = 'miniprogram';
  return shared;
}

/**
 * @param {any} global                       the page's window
 * @param {() => Promise<any>} loadCore       instantiates the Emscripten module
 * @param {import('../wasm-glue/persistence.js').OpenStore} [openStore]  opens an appId's store (IndexedDB by default)
 * @returns {{ ft: any, host: any } | null}   the instance on the page (null when a real host owns it)
 */
export function installFt(global, loadCore, openStore) {
  const existing = installedOn(global);
  if (existing) {
    // Loaded twice: keep the first instance and its listeners (§1.8). `ft-polyfill serve` finds
    // this text in a page's bundle to know the page brings its own copy (bin/inject.js).
    if (!existing.warnedTwice) {
      existing.warnedTwice = true;
      console.warn('ft-polyfill: loaded more than once; keeping the first instance.');
    }
    return existing;
  }
  const config = global.ftHostConfig;
  if (realHostPresent(global) && !(config && config.force)) {
    console.info('ft-polyfill: a real FinClip host is present (window.__fcjs_environment or its user agent); not installing. Set ftHostConfig.force to override.');
    return null;
  }
  global.__fcjs_environment = 'miniprogram';
  const instance = createFt({ loadCore, openStore, config, global, configFromPage: true });
  Object.defineProperty(global, INSTANCE, { value: { ft: instance.ft, host: instance.host, warnedTwice: false }, configurable: true });
  global.ft = instance.ft;
  global.ftHost = instance.host;
  return global[INSTANCE];
}
