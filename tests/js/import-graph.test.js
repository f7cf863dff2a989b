// The shipped JavaScript's import graph (scripts/import-graph.mjs): layers import downward and
// nothing imports itself round a cycle.
import { check, layerProblem, moduleAccesses } from '../../scripts/import-graph.mjs';

test('polyfill/ and wasm-glue/ have no import cycle and no upward import', () => {
  expect(check()).toEqual([]);
});

test('the layer rules name what is wrong with an upward import', () => {
  expect(layerProblem('wasm-glue/persistence.js', 'polyfill/runtime.js')).toMatch(/imports nothing from polyfill/);
  expect(layerProblem('polyfill/impl/media.js', 'polyfill/host/controls.js')).toMatch(/as a service/);
  expect(layerProblem('polyfill/host/bridge.js', 'polyfill/impl/network.js')).toMatch(/only the mocks/);
  expect(layerProblem('polyfill/host/bridge.js', 'polyfill/impl/device/mocks.js')).toBeNull();
  expect(layerProblem('polyfill/impl/media.js', 'polyfill/file-picker.js')).toBeNull();
});

test('only the wire reaches into the Emscripten module (check() reports every other place)', () => {
  expect(moduleAccesses('const a = 1;\nconst p = Module.requestPlan(x);\nnew Module.Host();')).toEqual([2, 3]);
  expect(moduleAccesses('runtime.core().Module.sniffMime(h);\nconst { Storage } = Module;\nf(this.Module.FS);')).toEqual([1, 2, 3]);
  // Handing the module on, or a word in a comment, is not reaching into it.
  expect(moduleAccesses('// Module.Host\nparamFailure(this.core().Module, p);\nhook({ Module });\nWebAssembly.Module;')).toEqual([]);
});
