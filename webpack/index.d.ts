// Types of ft-polyfill/webpack (see webpack/index.cjs).
/** Fails a (production) webpack build that would contain a module of ft-polyfill. */
export declare class FtPolyfillGuard {
  apply(compiler: any): void;
}
