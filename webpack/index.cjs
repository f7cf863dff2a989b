// ft-polyfill/webpack: the production guard for webpack. `new FtPolyfillGuard()` in the plugins of
// a build that is not a test build fails that build when a module of ft-polyfill would be in it,
// whatever aliases, tsconfig `paths` plugins or imports brought it in.
const { isPolyfillModule, productionMessage } = require('./production-guard.cjs');

const NAME = 'FtPolyfillGuard';

class FtPolyfillGuard {
  /** @param {any} compiler  webpack's Compiler (typed in webpack/index.d.ts) */
  apply(compiler) {
    compiler.hooks.compilation.tap(NAME, (/** @type {any} */ compilation) => {
      compilation.hooks.finishModules.tap(NAME, (/** @type {Iterable<any>} */ modules) => {
        for (const module of modules) {
          if (typeof module.resource !== 'string' || !isPolyfillModule(module.resource)) continue;
          const importers = [...compilation.moduleGraph.getIncomingConnections(module)]
            .map((c) => c.originModule && c.originModule.resource).filter((r) => r && !isPolyfillModule(r));
          const error = new compiler.webpack.WebpackError(productionMessage(`${module.resource} would be bundled${importers.length ? ` (imported by ${[...new Set(importers)].join(', ')})` : ''}`));
          error.name = NAME;
          compilation.errors.push(error);
          return;
        }
      });
    });
  }
}

module.exports = { FtPolyfillGuard };
