'use strict';
// ft-polyfill/jest-environment-node and ft-polyfill/jest-environment-jsdom: Jest's own
// environments (jest-environment-node, jest-environment-jsdom, from the project), which hand each
// test file the polyfill's Node build and the testing kit from code compiled once per worker. Jest
// compiles every module a test file requires again, in that file's context and with no code cache,
// and the build (dist/ft-polyfill-node.cjs, about 600 KB with the core's wasm as base64, and
// fake-indexeddb) and the kit's modules were most of what the kit added to a file
// (docs/benchmarks.md). Here they are vm.Scripts, compiled once and run in each file's context, so
// the file's `ft`, its results and its errors still belong to the file's own realm, and every file
// still gets its own instance, core and storage. Each is run the first time the file reads it
// (polyfill/node-entry.cjs: require('ft-polyfill'); testing/index.cjs: require('ft-polyfill/testing')),
// so a file that does not use ft pays nothing. The core's WebAssembly.Module, compiled by the first
// file that starts one, is handed to the later files (an instance's objects are still the file's).

const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { releaseFileChannels } = require('./file-channels.cjs');

const DIST = join(__dirname, '..', 'dist');
/** Where a test file's global holds the build (polyfill/node-entry.cjs reads it). */
const BUILD_KEY = Symbol.for('ft-polyfill.node-build');
/** Where it holds the testing kit, testing/kit.cjs (testing/index.cjs reads it). */
const KIT_KEY = Symbol.for('ft-polyfill.testing');
/** The package's files run in test files' contexts, compiled once per worker, by path. @type {Map<string, any>} */
const scripts = new Map();
/** Where a global keeps the core's WebAssembly.Module (polyfill/core-node.js CORE_MODULE). */
const CORE_MODULE = Symbol.for('ft-polyfill.core-module');
/** The core as the worker's first file compiled it, handed to every later file. @type {WebAssembly.Module | null} */
let coreModule = null;
/**
 * How long teardown waits for the file's instance to end (ms): its last writes may wait on an
 * IndexedDB of the test's own that runs on timers the file left faked.
 */
const DISPOSE_WAIT_MS = 2000;

/** Whether `promise` settled within `ms` (real timers: this module's, not the file's). @param {Promise<unknown>} promise @param {number} ms */
function settlesWithin(promise, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  return Promise.race([promise.then(() => true, () => true), late]).finally(() => clearTimeout(timer));
}

/** @param {string} file  an absolute path of the package's */
function script(file) {
  let compiled = scripts.get(file);
  if (!compiled) {
    compiled = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file });
    scripts.set(file, compiled);
  }
  return compiled;
}

/**
 * Defines the build and the kit on a test file's global, each run in its context when first read.
 * @param {any} context  the file's vm context @param {any} global  its global object
 */
function offerPackage(context, global) {
  /** @type {Map<string, { exports: any }>} */
  const modules = new Map();
  /** @param {string} file @returns {any} */
  const load = (file) => {
    const known = modules.get(file);
    if (known) return known.exports;
    const module = { exports: {}, id: file, filename: file, loaded: false };
    modules.set(file, module);
    const dir = dirname(file);
    // The package's files require each other by relative paths, and Node's own modules (as Jest
    // gives them).
    const requireHere = (/** @type {string} */ id) => (id.startsWith('./') || id.startsWith('../') ? load(join(dir, id)) : require(id));
    script(file).runInContext(context)(module.exports, requireHere, module, file, dir);
    module.loaded = true;
    return module.exports;
  };
  /** @param {symbol} key @param {string} file */
  const offer = (key, file) => Object.defineProperty(global, key, {
    configurable: true,
    get() {
      const exports = load(file);
      Object.defineProperty(global, key, { configurable: true, value: exports });
      return exports;
    },
  });
  offer(BUILD_KEY, join(DIST, 'ft-polyfill-node.cjs'));
  offer(KIT_KEY, join(__dirname, 'kit.cjs'));
}

/**
 * Jest's environment `name` (jest-environment-node, jest-environment-jsdom), found from the
 * project (the working directory), from Jest's own worker (jest-environment-node comes with
 * Jest), then from this package.
 * @param {string} name
 * @throws {Error} naming the package to install when none is found
 */
function baseEnvironment(name) {
  const from = [process.cwd(), require.main ? dirname(require.main.filename) : '', __dirname].filter(Boolean);
  let path;
  try {
    path = require.resolve(name, { paths: from });
  } catch (error) {
    throw new Error(`ft-polyfill/${name}: ${name} is not installed (npm install --save-dev ${name}); it is the environment this one extends`, { cause: error });
  }
  const exported = require(path);
  return exported.TestEnvironment || exported.default || exported;
}

/**
 * The environment class: `name`'s, with the build offered to each test file.
 * @param {string} name  jest-environment-node or jest-environment-jsdom
 */
function environmentWithFt(name) {
  const Base = baseEnvironment(name);
  return class extends Base {
    /** @param {any} config @param {any} context */
    constructor(config, context) {
      super(config, context);
      /** @type {string} */
      this.testPath = (context && context.testPath) || 'a test file';
    }

    async setup() {
      await super.setup();
      offerPackage(this.getVmContext(), this.global);
      if (coreModule) Object.defineProperty(this.global, CORE_MODULE, { value: coreModule, configurable: true });
    }

    // The file's instance (installed by require('ft-polyfill') or setupFt) is disposed and the
    // store channels of the file closed, so nothing of the file stays in the worker, with or
    // without ft-polyfill/testing (which closes them too).
    async teardown() {
      const global = this.global;
      const compiled = global && Object.getOwnPropertyDescriptor(global, CORE_MODULE);
      if (!coreModule && compiled && compiled.value) coreModule = compiled.value;
      const offered = global && Object.getOwnPropertyDescriptor(global, BUILD_KEY);
      if (offered && 'value' in offered) {
        const instance = offered.value.installedOn(global);
        if (instance && !(await settlesWithin(instance.host.dispose(), DISPOSE_WAIT_MS))) {
          console.warn(`ft-polyfill: ${this.testPath}: the file's instance did not end within ${DISPOSE_WAIT_MS} ms of the file's end (storage writes waiting on an IndexedDB whose timers are faked?); left as it is.`);
        }
        releaseFileChannels(global)();
      }
      await super.teardown();
    }
  };
}

module.exports = { environmentWithFt, BUILD_KEY };
