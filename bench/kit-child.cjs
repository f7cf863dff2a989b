// Run by bench/kit.mjs in a fresh Node process: the testing kit as a Jest file uses it. Prints
// JSON: setupFt's ms (load + core start) and where they go (phases, from the marks of
// polyfill/marks.js), host.reset()'s median ms, and a 100-test body (reset, then a
// setStorage/getStorage round trip and a navigateTo) in ms.
const { performance } = require('node:perf_hooks');

(async () => {
  const t0 = performance.now();
  const kit = require('../testing/index.cjs');
  // What the kit loads first (with the code cache: testing/code-cache.cjs), as a phase of its own.
  const { requireWithCodeCache } = require('../testing/code-cache.cjs');
  requireWithCodeCache(require, require.resolve('../dist/fake-indexeddb.cjs'));
  requireWithCodeCache(require, require.resolve('../dist/ft-polyfill-node.cjs'));
  require('../dist/ft-polyfill.cjs');
  const loaded = performance.now();
  await kit.setupFt({ appId: 'bench-kit', app: { pages: ['pages/index/index', 'pages/cart/cart'] } });
  const ready = performance.now();
  const setupMs = ready - t0;
  /** @param {string} name */
  const at = (name) => performance.getEntriesByName(name)[0].startTime;
  const firstReset = performance.now();
  await globalThis.host.reset();
  const phases = {
    moduleLoadMs: loaded - t0,
    globalsAndInstallMs: at('ft:installed') - loaded,
    wasmCompileInstantiateMs: at('ft:core-instantiated') - at('ft:installed'),
    storageOpenMs: at('ft:db-read') - at('ft:core-instantiated'),
    configMs: ready - at('ft:db-read'),
    firstResetMs: performance.now() - firstReset,
  };
  const resets = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await globalThis.host.reset();
    resets.push(performance.now() - t);
  }
  resets.sort((a, b) => a - b);
  const t1 = performance.now();
  for (let i = 0; i < 100; i++) {
    await globalThis.host.reset();
    await globalThis.ft.setStorage({ key: 'cart', data: { items: [i] } });
    await globalThis.ft.getStorage({ key: 'cart' });
    await globalThis.ft.miniProgram.navigateTo({ url: '/pages/cart/cart' });
  }
  const hundredTestsMs = performance.now() - t1;
  process.stdout.write(JSON.stringify({ setupMs, phases, resetMs: resets[resets.length >> 1], hundredTestsMs }));
  process.exit(0);
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
