// Types of ft-polyfill/vite (see vite/index.js).
import type { Plugin } from 'vite';
import type { FtHostConfig } from '../dist/ft-polyfill.js';

export interface FtPolyfillViteOptions {
  /** window.ftHostConfig in the dev server's pages, and setupFt's config under Vitest. Default {}. */
  config?: FtHostConfig;
  /** Also alias and inject in `vite build` (a test build). Default false: production keeps finclip-js-sdk. */
  build?: boolean;
  /** Serve the simulator on the dev server at /__ft/simulator/ (the page in a phone, the host's controls beside it) and print its url. Default true. */
  simulator?: boolean;
}

/** Aliases finclip-js-sdk to ft-polyfill and injects window.ftHostConfig: in `vite` dev, under Vitest, and in `vite build` only with `build: true`. */
declare function ftPolyfill(options?: FtPolyfillViteOptions): Plugin;
export default ftPolyfill;
export { ftPolyfill };
/** The inline script text that sets window.ftHostConfig to config. */
export function hostConfigScript(config: object): string;
/** 'finclip-js-sdk'. */
export const SDK: string;
/** The Vitest provide key the setup file reads the config from ('ftHostConfig'). */
export const PROVIDE_KEY: string;
