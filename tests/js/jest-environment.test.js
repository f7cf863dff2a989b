// ft-polyfill/jest-environment-node (testing/jest-environment.cjs) driven as Jest drives it, one
// environment per test file: the build is offered to the file's context and run there only when
// read, results and errors are the file's own realm's objects, two files of one worker have their
// own instances and storage, and teardown disposes the file's instance and closes its channels.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';
import { jest } from '@jest/globals';

const require = createRequire(import.meta.url);
const Environment = require('../../testing/jest-environment-node.cjs');
const BUILD = Symbol.for('ft-polyfill.node-build');

/** A test file's environment, set up. @param {string} name */
async function fileEnvironment(name) {
  const projectConfig = { testEnvironmentOptions: {}, globals: {}, fakeTimers: {}, sandboxInjectedGlobals: [] };
  const env = new Environment({ globalConfig: {}, projectConfig }, { console, docblockPragmas: {}, testPath: `/virtual/${name}.test.js` });
  await env.setup();
  return env;
}

/** The file's installed instance, as require('ft-polyfill') makes it there. @param {any} env */
async function installIn(env) {
  const instance = env.global[BUILD].installFt(env.global);
  await instance.host.ready;
  return instance;
}

test('the build is offered, not run, until the file reads it', async () => {
  const env = await fileEnvironment('lazy');
  try {
    expect(typeof Object.getOwnPropertyDescriptor(env.global, BUILD)?.get).toBe('function');
    expect(env.global.ft).toBeUndefined();
    const build = env.global[BUILD];
    expect(Object.getOwnPropertyDescriptor(env.global, BUILD)?.value).toBe(build);
    expect(typeof build.installFt).toBe('function');
  } finally {
    await env.teardown();
  }
});

test("results and errors belong to the file's realm; two files have their own instance and storage", async () => {
  const [one, two] = [await fileEnvironment('one'), await fileEnvironment('two')];
  try {
    const [a, b] = [await installIn(one), await installIn(two)];
    expect(a.ft).not.toBe(b.ft);
    await a.ft.setStorage({ key: 'cart', data: [{ id: 1 }] });
    const read = await a.ft.getStorage({ key: 'cart' });
    const realm = one.getVmContext();
    expect(read.data instanceof vm.runInContext('Array', realm)).toBe(true);
    expect(read.data instanceof Array).toBe(false); // this file's Array is another realm's
    expect(Object.getPrototypeOf(read) === vm.runInContext('Object.prototype', realm)).toBe(true);
    const missing = await b.ft.getStorage({ key: 'cart' }).catch((/** @type {any} */ e) => e);
    expect(missing.errMsg).toBe('getStorage:fail data not found');
    expect(missing instanceof vm.runInContext('Object', two.getVmContext())).toBe(true);
  } finally {
    await one.teardown();
    await two.teardown();
  }
});

test("teardown disposes the file's instance and closes its store's channels", async () => {
  const env = await fileEnvironment('teardown');
  // The file's channels tracked as ft-polyfill/testing does (testing/file-channels.cjs); the store
  // has one where the file has an IndexedDB of its own (without, it is in memory, with none).
  require('../../testing/file-channels.cjs').trackFileChannels(env.global);
  env.global.indexedDB = new (require('fake-indexeddb').IDBFactory)();
  const { ft } = await installIn(env);
  await ft.setStorage({ key: 'k', data: 1 });
  const channels = [...env.global.BroadcastChannel.ftPolyfillFile];
  expect(channels.map((c) => c.ftPolyfillReleased)).toEqual([undefined]);
  // Read before teardown: Jest's globals cleanup (its default, 'soft') then warns on a read of ft.
  const { getStorage } = ft;
  await env.teardown();
  expect((await getStorage({ key: 'k' }).catch((/** @type {any} */ e) => e)).errMsg).toBe('getStorage:fail ft-polyfill instance disposed (ftHost.dispose() was called)');
  expect(channels.map((c) => c.ftPolyfillReleased)).toEqual([true]);
});

test("the core compiled by one file's instance is handed to the next file, whose own instance starts from it", async () => {
  const CORE_MODULE = Symbol.for('ft-polyfill.core-module');
  const first = await fileEnvironment('compiles');
  const { ft: one } = await installIn(first);
  await one.setStorage({ key: 'k', data: 1 });
  const compiled = first.global[CORE_MODULE];
  expect(Object.prototype.toString.call(compiled)).toBe('[object WebAssembly.Module]');
  await first.teardown();
  const second = await fileEnvironment('reuses');
  try {
    expect(second.global[CORE_MODULE]).toBe(compiled);
    const { ft: two } = await installIn(second);
    const read = await two.getStorage({ key: 'k' }).catch((/** @type {any} */ e) => e);
    expect(read.errMsg).toBe('getStorage:fail data not found'); // its own storage
    expect(read instanceof vm.runInContext('Object', second.getVmContext())).toBe(true); // its own realm's
    await two.setStorage({ key: 'k', data: 2 });
    expect((await two.getStorage({ key: 'k' })).data).toBe(2);
  } finally {
    await second.teardown();
  }
});

test("teardown does not wait for ever on an instance that cannot end (writes stalled by the file's fake timers)", async () => {
  const env = await fileEnvironment('stalled');
  const { host } = await installIn(env);
  host.dispose = () => new Promise(() => {}); // what a stalled IndexedDB under fake timers gives
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const started = Date.now();
    await env.teardown();
    expect(Date.now() - started).toBeLessThan(10000);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining("the file's instance did not end within 2000 ms")]);
  } finally {
    warn.mockRestore();
  }
});

test("the testing kit is offered as the build is: run in the file's context when first read, and ft-polyfill/testing hands it over", async () => {
  const KIT = Symbol.for('ft-polyfill.testing');
  const env = await fileEnvironment('kit');
  try {
    expect(typeof Object.getOwnPropertyDescriptor(env.global, KIT)?.get).toBe('function');
    expect(Object.getOwnPropertyDescriptor(env.global, BUILD)?.get).toBeDefined(); // not run yet
    const kit = env.global[KIT];
    expect(env.global[KIT]).toBe(kit);
    // testing/index.cjs as Jest runs it in the file: the offered kit, kit.cjs not required again.
    const context = env.getVmContext();
    const index = require.resolve('../../testing/index.cjs');
    const module = { exports: {} };
    vm.runInContext(Module.wrap(readFileSync(index, 'utf8')), context)(module.exports, (/** @type {string} */ id) => { throw new Error(`required ${id}`); }, module, index, dirname(index));
    expect(module.exports).toBe(kit);
    // Its functions are the file's: setupFt's promise and the instance's results are its realm's.
    const setup = kit.setupFt({ appId: 'kit-env' });
    expect(setup instanceof vm.runInContext('Promise', context)).toBe(true);
    const { ft } = await setup;
    expect(env.global.ft).toBe(ft);
    await ft.setStorage({ key: 'k', data: [1] });
    expect((await ft.getStorage({ key: 'k' })).data instanceof vm.runInContext('Array', context)).toBe(true);
  } finally {
    await env.teardown();
  }
});
