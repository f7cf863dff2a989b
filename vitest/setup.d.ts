// ft-polyfill/vitest is a setup file (test.setupFiles): importing it installs the globals below.
import type { Ft, FtHost, FtHostConfig } from '../dist/ft-polyfill.js';

declare global {
  var ft: Ft;
  var ftHost: FtHost;
  var host: FtHost;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the ft-polyfill/vite plugin from its `config` option. */
    ftHostConfig?: FtHostConfig;
  }
}
export {};
