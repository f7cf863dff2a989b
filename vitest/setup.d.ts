// ft-polyfill/vitest is a setup file (test.setupFiles): importing it installs the globals below.
import type { Ft, FtHost, FtHostConfig } from '../dist/ft-polyfill.js';
import type { FtMatchers } from '../testing/matchers.js';

declare global {
  var ft: Ft;
  var ftHost: FtHost;
  var host: FtHost;
}

declare module 'vitest' {
  // expect(host).toHavePendingMessages([...]) (testing/matchers.cjs)
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends FtMatchers<T> {}
  export interface ProvidedContext {
    /** Set by the ft-polyfill/vite plugin from its `config` option. */
    ftHostConfig?: FtHostConfig;
  }
}
export {};
