// ft-polyfill/vite's hooks as Vite and Vitest call them (the consumer tests run the plugin in real
// projects; this checks what they cannot see easily: when each hook does nothing, and that no
// config string can close the inline script).
import vm from 'node:vm';
import ftPolyfill, { hostConfigScript } from '../../vite/index.js';

/** Runs the plugin's config hook as Vite would, with VITEST set or not. */
function configHook(plugin, env, vitest = false) {
  const saved = process.env.VITEST;
  if (vitest) process.env.VITEST = 'true'; else delete process.env.VITEST;
  try {
    return plugin.config({}, env);
  } finally {
    if (saved === undefined) delete process.env.VITEST; else process.env.VITEST = saved;
  }
}

const ALIAS = [{ find: /^finclip-js-sdk$/, replacement: 'ft-polyfill' }];

test('dev server: the alias, the config script (a file, marked for the polyfill) at the start of <head>, then the simulator\'s hand-off', () => {
  const plugin = ftPolyfill({ config: { appId: 'shop' } });
  expect(configHook(plugin, { command: 'serve', mode: 'development' })).toEqual({ resolve: { alias: ALIAS } });
  plugin.configResolved({ root: '/app', base: '/shop/', command: 'serve', build: { assetsDir: 'assets' } });
  // Then the simulator's hand-off (it does nothing outside the simulator's frame).
  expect(plugin.transformIndexHtml()).toEqual([
    { tag: 'script', attrs: { src: '/shop/@ft-polyfill/host-config.js', 'data-ft-host-config': true }, injectTo: 'head-prepend' },
    { tag: 'script', attrs: { src: '/__ft/simulator/frame.js' }, injectTo: 'head-prepend' },
  ]);
  const plain = ftPolyfill({ simulator: false });
  configHook(plain, { command: 'serve', mode: 'development' });
  expect(plain.transformIndexHtml()).toHaveLength(1);
});

test('test build: the config script is an asset of the build', () => {
  const plugin = ftPolyfill({ config: { appId: 'shop' }, build: true });
  configHook(plugin, { command: 'build', mode: 'e2e' });
  plugin.configResolved({ root: '/app', base: './', command: 'build', build: { assetsDir: 'assets' } });
  expect(plugin.transformIndexHtml()[0].attrs.src).toBe('./assets/ft-host-config.js');
  const emitted = [];
  plugin.generateBundle.call({ emitFile: (f) => emitted.push(f) });
  expect(emitted).toEqual([{ type: 'asset', fileName: 'assets/ft-host-config.js', source: 'window.ftHostConfig = {"appId":"shop"};' }]);
});

test('vite build: nothing, unless build: true', () => {
  const plain = ftPolyfill({ config: { appId: 'shop' } });
  expect(configHook(plain, { command: 'build', mode: 'production' })).toBeUndefined();
  expect(plain.transformIndexHtml()).toBeUndefined();
  const testBuild = ftPolyfill({ config: { appId: 'shop' }, build: true });
  expect(configHook(testBuild, { command: 'build', mode: 'production' })).toEqual({ resolve: { alias: ALIAS } });
  expect(testBuild.transformIndexHtml()).toHaveLength(1);
});

test('Vitest: the alias, the setup file and the config for it', () => {
  const added = configHook(ftPolyfill({ config: { appId: 'shop' } }), { command: 'serve', mode: 'test' }, true);
  expect(added.resolve).toEqual({ alias: ALIAS });
  expect(added.test.setupFiles).toEqual([expect.stringMatching(/vitest[\\/]setup\.js$/)]);
  expect(added.test.provide).toEqual({ ftHostConfig: { appId: 'shop' } });
});

test('a mock rule\'s RegExp reaches the page and the Vitest setup as "/re/flags" (docs/guides/mocks.md)', () => {
  const config = { appId: 'shop', mocks: { request: [{ url: /\/goods\/\d+$/i, response: { data: [] } }] } };
  const expected = { appId: 'shop', mocks: { request: [{ url: '/\\/goods\\/\\d+$/i', response: { data: [] } }] } };
  expect(configHook(ftPolyfill({ config }), { command: 'serve', mode: 'test' }, true).test.provide).toEqual({ ftHostConfig: expected });
  const page = { window: {} };
  vm.runInNewContext(hostConfigScript(config), page);
  expect(page.window.ftHostConfig).toEqual(expected);
});

test('no string in the config can close the inline script; the page still gets it exactly', () => {
  const config = { appId: 'shop', appInfo: { appTitle: '</script><script>alert(1)</script> <!-- x' } };
  const script = hostConfigScript(config);
  expect(script).not.toMatch(/<\/script|<!--/i);
  const page = { window: {} };
  vm.runInNewContext(script, page);
  expect(page.window.ftHostConfig).toEqual(config);
});

test('a config that is not an object fails at once in one line', () => {
  for (const bad of [null, 'shop', ['shop']]) {
    expect(() => ftPolyfill({ config: bad })).toThrow(/^ft-polyfill\/vite: config should be an ftHostConfig object such as \{ appId: 'shop' \} instead of (null|string|an array)$/);
  }
});
