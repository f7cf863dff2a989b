// ft-polyfill/vite: runs an H5 app written for FinClip's JSSDK (`import ft from 'finclip-js-sdk'`)
// unchanged on ft-polyfill.
//   vite (dev server)  aliases finclip-js-sdk to ft-polyfill and adds window.ftHostConfig as a
//                      classic script file at the start of <head> (it runs before module scripts;
//                      a file, so `script-src 'self'` allows it); serves the simulator at
//                      /__ft/simulator/ (the page in a phone, hot reload included) and prints its url
//   vite build         a production build: finclip-js-sdk resolves to FinClip's package whatever
//                      tsconfig `paths`, aliases or plugins say, and the build fails if a module
//                      of ft-polyfill would still be in it; `build: true` makes a test build instead
//   Vitest             the alias, and ft-polyfill/vitest as a setup file with the same config
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import guard from '../webpack/production-guard.cjs';
import configJson from '../testing/config-json.cjs';
import { FRAME_SCRIPT_PATH, SIMULATOR_PATH, simulatorRoutes } from '../bin/simulator.js';

const { isPolyfillModule, productionMessage } = guard;

/** The package FinClip's documentation tells H5 developers to install. */
const SDK = 'finclip-js-sdk';
const SETUP_FILE = fileURLToPath(new URL('../vitest/setup.js', import.meta.url));
/** The simulator's shell code, served to the shell page only (never part of the app). */
const SIMULATOR_CHUNK = fileURLToPath(new URL('../dist/ft-polyfill-simulator.mjs', import.meta.url));
/** The key under which the config reaches the setup file (Vitest's provide / inject). */
const PROVIDE_KEY = 'ftHostConfig';

/**
 * The folder of FinClip's package as Node would find it from `from` (node_modules upwards), or ''.
 * @param {string} from  a folder
 */
function findSdkDir(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', SDK);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return '';
  }
}

/** The config script's path: under the dev server's base, and in a build's assets folder. */
const CONFIG_FILE = '@ft-polyfill/host-config.js';

/**
 * The script that sets window.ftHostConfig. `<` is escaped so no string in the config can
 * close the script element.
 * @param {object} config
 */
export function hostConfigScript(config) {
  return `window.ftHostConfig = ${configJson.inlineConfigJson(config)};`;
}

/**
 * @param {import('./index.js').FtPolyfillViteOptions} [options]
 * @returns {any} a Vite plugin (typed in vite/index.d.ts, so this file needs no vite types)
 */
export default function ftPolyfill(options = {}) {
  const { config = {}, build = false, simulator = true } = options;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new TypeError(`ft-polyfill/vite: config should be an ftHostConfig object such as { appId: 'shop' } instead of ${config === null ? 'null' : Array.isArray(config) ? 'an array' : typeof config}`);
  }
  let active = false;
  let production = false;
  /** The dev server (not Vitest, not a build): where the simulator is served. */
  let devServer = false;
  let root = process.cwd();
  /** The config script's address in the page (set once Vite's config is resolved). */
  let configSrc = `/${CONFIG_FILE}`;
  /** The config script's file in a build (under assetsDir). */
  let configAsset = '';
  /** The dev server's base (the simulator's first page). */
  let base = '/';
  /**
   * Production: finclip-js-sdk is FinClip's package, found as Node finds it, never what a
   * tsconfig `paths` entry or another plugin makes of the name.
   * @this {any}
   * @param {string} source
   * @param {string | undefined} importer
   */
  async function resolveSdk(source, importer) {
    if (!production || source !== SDK) return null;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    if (!resolved || resolved.external || !isPolyfillModule(resolved.id)) return resolved;
    const sdkDir = findSdkDir(importer && !importer.startsWith('\0') ? dirname(importer) : root);
    const sdk = sdkDir && await this.resolve(sdkDir, importer, { skipSelf: true });
    if (sdk && !isPolyfillModule(sdk.id)) return sdk;
    this.error(productionMessage(`finclip-js-sdk resolves to ft-polyfill (${resolved.id}) and FinClip's finclip-js-sdk is not installed`));
    return null;
  }
  return {
    name: 'ft-polyfill',
    /**
     * @param {any} _userConfig
     * @param {{ command: 'serve' | 'build', mode: string, isPreview?: boolean }} env
     */
    config(_userConfig, env) {
      const vitest = Boolean(process.env.VITEST);
      active = vitest || env.command === 'serve' || build;
      production = !active && env.command === 'build';
      devServer = !vitest && env.command === 'serve';
      if (!active) return undefined;
      /** @type {Record<string, any>} */
      const added = { resolve: { alias: [{ find: new RegExp(`^${SDK}$`), replacement: 'ft-polyfill' }] } };
      if (vitest) added.test = { setupFiles: [SETUP_FILE], provide: { [PROVIDE_KEY]: JSON.parse(JSON.stringify(config, configJson.regExpAsText)) } }; // provide takes only what serializes
      return added;
    },
    /** @param {{ root: string, base: string, command: string, build: { assetsDir: string } }} resolved */
    configResolved(resolved) {
      root = resolved.root;
      base = resolved.base.endsWith('/') ? resolved.base : `${resolved.base}/`;
      configAsset = resolved.command === 'build' ? `${resolved.build.assetsDir}/ft-host-config.js`.replace(/^\/+/, '') : '';
      configSrc = `${base}${configAsset || CONFIG_FILE}`;
    },
    /** The dev server answers the config script, and the simulator's pages. @param {any} server */
    configureServer(server) {
      if (!active) return;
      const routes = simulator && devServer ? simulatorRoutes({ page: base }) : {};
      server.middlewares.use((/** @type {any} */ req, /** @type {any} */ res, /** @type {() => void} */ next) => {
        const url = new URL(String(req.url), 'http://vite');
        if (Object.hasOwn(routes, url.pathname)) return routes[url.pathname](req, res, url);
        if (simulator && devServer && url.pathname === '/__ft/ft-polyfill-simulator.mjs') {
          res.setHeader('content-type', 'text/javascript; charset=utf-8');
          return res.end(readFileSync(SIMULATOR_CHUNK));
        }
        if (!url.pathname.endsWith(`/${CONFIG_FILE}`)) return next();
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.end(hostConfigScript(config));
      });
      if (!simulator || !devServer) return;
      const printUrls = server.printUrls.bind(server);
      server.printUrls = () => {
        printUrls();
        const local = server.resolvedUrls && server.resolvedUrls.local[0];
        if (local) server.config.logger.info(`  ➜  ft-polyfill simulator: ${new URL(SIMULATOR_PATH, local).href}`);
      };
    },
    /** A test build has the config script as a file of its own. @this {any} */
    generateBundle() {
      if (active && configAsset) this.emitFile({ type: 'asset', fileName: configAsset, source: hostConfigScript(config) });
    },
    resolveId: {
      // Before Vite's resolver, which applies tsconfig `paths`.
      order: 'pre',
      handler: resolveSdk,
    },
    /**
     * Production: no module of ft-polyfill in the build, however it came in.
     * @this {any}
     */
    buildEnd() {
      if (!production) return;
      const bundled = [...this.getModuleIds()].filter(isPolyfillModule);
      if (bundled.length === 0) return;
      // Name the way in: the polyfill module an application module imports.
      const entry = bundled.map((id) => {
        const info = this.getModuleInfo(id);
        return { id, importers: [...info?.importers ?? [], ...info?.dynamicImporters ?? []].filter((i) => !isPolyfillModule(i)) };
      }).sort((a, b) => b.importers.length - a.importers.length)[0];
      this.error(productionMessage(`${entry.id} would be bundled${entry.importers.length ? ` (imported by ${entry.importers.join(', ')})` : ''}`));
    },
    transformIndexHtml() {
      if (!active) return undefined;
      // data-ft-host-config: the polyfill reports a config script that did not run (a CSP refused it).
      const tags = [{ tag: 'script', attrs: { src: configSrc, 'data-ft-host-config': true }, injectTo: 'head-prepend' }];
      // The simulator's hand-off, after the page's config (bin/simulator.js; nothing outside its frame).
      if (simulator && devServer) tags.push({ tag: 'script', attrs: { src: FRAME_SCRIPT_PATH }, injectTo: 'head-prepend' });
      return tags;
    },
  };
}

export { ftPolyfill, SDK, PROVIDE_KEY, isPolyfillModule };
