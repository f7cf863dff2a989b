// ft-polyfill/vite: runs an H5 app written for FinClip's JSSDK (`import ft from 'finclip-js-sdk'`)
// unchanged on ft-polyfill.
//   vite (dev server)  aliases finclip-js-sdk to ft-polyfill and adds window.ftHostConfig as a
//                      classic inline script at the start of <head> (it runs before module scripts)
//   vite build         nothing, so production keeps FinClip's SDK; `build: true` does both for a test build
//   Vitest             the alias, and ft-polyfill/vitest as a setup file with the same config
import { fileURLToPath } from 'node:url';

/** The package FinClip's documentation tells H5 developers to install. */
const SDK = 'finclip-js-sdk';
const SETUP_FILE = fileURLToPath(new URL('../vitest/setup.js', import.meta.url));
/** The key under which the config reaches the setup file (Vitest's provide / inject). */
const PROVIDE_KEY = 'ftHostConfig';

/**
 * The inline script that sets window.ftHostConfig. `<` is escaped so no string in the config can
 * close the script element.
 * @param {object} config
 */
export function hostConfigScript(config) {
  return `window.ftHostConfig = ${JSON.stringify(config).replace(/</g, '\\u003c')};`;
}

/**
 * @param {import('./index.js').FtPolyfillViteOptions} [options]
 * @returns {any} a Vite plugin (typed in vite/index.d.ts, so this file needs no vite types)
 */
export default function ftPolyfill(options = {}) {
  const { config = {}, build = false } = options;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new TypeError(`ft-polyfill/vite: config should be an ftHostConfig object such as { appId: 'shop' } instead of ${config === null ? 'null' : Array.isArray(config) ? 'an array' : typeof config}`);
  }
  let active = false;
  return {
    name: 'ft-polyfill',
    /**
     * @param {any} _userConfig
     * @param {{ command: 'serve' | 'build', mode: string, isPreview?: boolean }} env
     */
    config(_userConfig, env) {
      const vitest = Boolean(process.env.VITEST);
      active = vitest || env.command === 'serve' || build;
      if (!active) return undefined;
      /** @type {Record<string, any>} */
      const added = { resolve: { alias: [{ find: new RegExp(`^${SDK}$`), replacement: 'ft-polyfill' }] } };
      if (vitest) added.test = { setupFiles: [SETUP_FILE], provide: { [PROVIDE_KEY]: config } };
      return added;
    },
    transformIndexHtml() {
      if (!active) return undefined;
      return [{ tag: 'script', children: hostConfigScript(config), injectTo: 'head-prepend' }];
    },
  };
}

export { ftPolyfill, SDK, PROVIDE_KEY };
