// `ft-polyfill serve` as users run it: `node bin/ft-polyfill.js ...` in a project folder. Help,
// one-line errors for each bad input, and the window.ftHostConfig the served pages get.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_APP_ID } from '../../polyfill/config.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'ft-polyfill.js');

/** The user's project: a site folder and config files, named as the user types them. */
let project = '';
/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();

const APP = { pages: ['pages/index/index', 'pages/web/index'], tabBar: { list: [{ pagePath: 'pages/index/index' }] } };
const CONFIG = {
  appId: 'from-config',
  appInfo: { appTitle: 'Tea house', userId: 'u1' },
  app: { pages: ['pages/home/home'] },
  appJson: '/app.json',
  stack: ['pages/home/home'],
  webviewTimeout: 5000,
  callers: ['caller-app'],
  panel: false,
};

/** A mocks file (docs/guides/mocks.md). */
const MOCKS = { request: [{ url: 'https://api.example.com/goods*', method: 'GET', response: { data: { items: [] } }, delay: 100 }], unmatched: 'warn', callNativeAPI: { pay: { fail: 'cancel' } } };

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'ft-cli-'));
  mkdirSync(join(project, 'site', 'assets'), { recursive: true });
  const files = {
    'site/index.html': '<!doctype html><html><head><title>plain</title></head><body><p>plain page</p></body></html>',
    'site/about.html': '<!doctype html><html><head><title>about</title></head><body></body></html>',
    'site/assets/app.js': 'console.log("0123456789");\n',
    'app.json': JSON.stringify(APP),
    'ft-host.json': JSON.stringify(CONFIG, null, 2),
    'ft-host.mjs': `export default ${JSON.stringify({ appId: 'from-mjs', stack: ['pages/a/a', 'pages/b/b'] })};\n`,
    'ft-host.js': `module.exports = ${JSON.stringify({ appId: 'from-cjs' })};\n`,
    'bad.json': '{\n  "appId": "x",\n}\n',
    'list.json': '["my-app"]',
    'typo.json': '{ "appid": "my-app" }',
    'number-id.json': '{ "appId": 42 }',
    'stack-string.json': '{ "stack": "pages/index/index" }',
    'stack-numbers.json': '{ "stack": ["pages/index/index", 3] }',
    'app-info.json': '{ "appInfo": { "title": "x" } }',
    'timeout.json': '{ "webviewTimeout": -1 }',
    'callers.json': '{ "callers": "caller-app" }',
    'panel.json': '{ "panel": "yes" }',
    'no-default.mjs': 'export const appId = "my-app";\n',
    'broken.mjs': 'export default { appId: "x", }}\n',
    'ft-host.ts': 'export default { appId: "from-ts" } as const;\n',
    'mocks.json': JSON.stringify(MOCKS),
    'mocks.mjs': 'export default { request: [{ url: /\\/goods\\?id=\\d+/i, response: { data: [] } }] };\n',
    'mocks-list.json': '[]',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
});

afterEach(() => {
  for (const child of children) child.kill();
  children.clear();
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** @param {string[]} args */
function spawnCli(args) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } });
  children.add(child);
  return child;
}

/**
 * Runs the CLI to its end. One that starts serving instead of failing is stopped, so it ends
 * with `code` null rather than hanging the test.
 * @param {string[]} args
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
function run(args) {
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
    if (/serving|demo:/.test(stdout)) child.kill();
  });
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * Starts `serve` and reads its startup line; the url is found as tests/consumers does.
 * @param {string[]} args
 * @returns {Promise<{ url: string, line: string }>}
 */
function start(args) {
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /(http:\/\/\S+?)\/?\s/.exec(stdout);
      if (m) resolve({ url: m[1], line: stdout.split('\n')[0] });
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${stdout}${stderr}`)));
  });
}

/** @param {string} url @returns {Promise<unknown>} the window.ftHostConfig injected into the page */
async function servedConfig(url) {
  const html = await (await fetch(`${url}/index.html`)).text();
  const m = /<script>window\.ftHostConfig = (.*?);<\/script>/.exec(html);
  if (!m) throw new Error(`no ftHostConfig in ${html}`);
  return JSON.parse(m[1]);
}

test.each([
  [['serve', '--help']],
  [['serve', '-h']],
  [['serve', 'site', '--port', '0', '--help']],
  [['--help']],
  [['-h']],
  [['help', 'serve']],
])('ft-polyfill %j prints the usage with every option and exits 0', async (args) => {
  const { code, stdout, stderr } = await run(args);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toMatch(/^usage: ft-polyfill serve \[dir\] \[options\]\n/);
  for (const option of ['--app-id ID', '--stack a,b,c', '--config FILE', '--app FILE', '--mocks FILE', '--port N', '--open-panel', '-h, --help']) expect(stdout).toContain(option);
});

test.each([[['--version']], [['-v']]])('ft-polyfill %j prints the package\'s version and exits 0', async (args) => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  expect(await run(args)).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
});

const STACK_NEEDS = 'ft-polyfill: --stack needs page paths, e.g. --stack pages/index/index,pages/web/index';
const APP_ID_NEEDS = 'ft-polyfill: --app-id needs an appId, e.g. --app-id my-app';

test.each([
  [['serve', 'site', '--stack'], STACK_NEEDS],
  [['serve', 'site', '--stack='], STACK_NEEDS],
  [['serve', 'site', '--stack', 'pages/a/a,,pages/b/b'], STACK_NEEDS],
  [['serve', 'site', '--app-id'], APP_ID_NEEDS],
  [['serve', 'site', '--app-id='], APP_ID_NEEDS],
  [['serve', 'site', '--app-id', '--port', '0'], APP_ID_NEEDS],
  [['serve', 'site', '--config'], 'ft-polyfill: --config needs a file, e.g. --config ft-host.json'],
  [['serve', 'site', '--port', 'abc'], 'ft-polyfill: --port needs a number from 0 to 65535'],
  [['serve', 'site', '--open-panel=yes'], 'ft-polyfill: --open-panel takes no value'],
  [['serve', '--app-id', 'my-app'], 'ft-polyfill: --app-id configures the pages of a folder you serve (the demo sets its own ftHostConfig), e.g. ft-polyfill serve ./site --app-id ...'],
  [['serve', 'site', '--config', 'missing.json'], 'ft-polyfill: cannot read missing.json: no such file'],
  [['serve', 'site', '--config', 'site'], 'ft-polyfill: cannot read site: it is a folder'],
  [['serve', 'site', '--config', 'bad.json'], /^ft-polyfill: cannot read bad\.json: .*JSON.* \(line 3, column 1\)$/],
  [['serve', 'site', '--config', 'list.json'], 'ft-polyfill: list.json should hold an object of ftHostConfig fields, e.g. { "appId": "my-app" }'],
  [['serve', 'site', '--config', 'typo.json'], 'ft-polyfill: typo.json: unknown field "appid" (did you mean appId?); the fields are appId, appInfo, app, appJson, stack, webviewTimeout, locationTimeout, callers, mocks, panel, force'],
  [['serve', 'site', '--config', 'number-id.json'], 'ft-polyfill: number-id.json: appId should be a non-empty string, e.g. "my-app"'],
  [['serve', 'site', '--config', 'stack-string.json'], 'ft-polyfill: stack-string.json: stack should be an array of page paths, bottom first, e.g. ["pages/index/index", "pages/web/index"]'],
  [['serve', 'site', '--config', 'stack-numbers.json'], 'ft-polyfill: stack-numbers.json: stack should be an array of page paths, bottom first, e.g. ["pages/index/index", "pages/web/index"]'],
  [['serve', 'site', '--config', 'app-info.json'], 'ft-polyfill: app-info.json: unknown field "appInfo.title"; the fields are appId, appTitle, appAvatar, appDescription, appThumbnail, path, userId'],
  [['serve', 'site', '--config', 'timeout.json'], 'ft-polyfill: timeout.json: webviewTimeout should be a number of ms, 0 or more'],
  [['serve', 'site', '--config', 'callers.json'], 'ft-polyfill: callers.json: callers should be an array of appIds, e.g. ["caller-app"]'],
  [['serve', 'site', '--config', 'panel.json'], 'ft-polyfill: panel.json: panel should be true or false'],
  [['serve', 'site', '--mocks', 'mocks-list.json'], 'ft-polyfill: mocks-list.json: mocks should be an object of mocks, e.g. { "request": [{ "url": "https://api.example.com/goods*", "response": { "data": [] } }] } (docs/guides/mocks.md)'],
  [['serve', 'site', '--config', 'no-default.mjs'], "ft-polyfill: no-default.mjs has no default export: end it with export default { appId: 'my-app' }"],
  [['serve', 'site', '--config', 'broken.mjs'], /^ft-polyfill: cannot load broken\.mjs: \S.*$/],
  // Node 20 runs no TypeScript (Node 23.6+ loads the file as a module instead).
  ...(Number(process.versions.node.split('.')[0]) < 22 ? [[['serve', 'site', '--config', 'ft-host.ts'], `ft-polyfill: cannot load ft-host.ts: this Node (${process.version}) does not run TypeScript; write the config as ft-host.mjs (export default { appId: 'my-app' }) or JSON, or run Node 23.6 or later`]] : []),
  [['serve', 'site', '--app', 'bad.json'], /^ft-polyfill: cannot read bad\.json: .*JSON.* \(line 3, column 1\)$/],
  [['serve', 'site', '--app', 'list.json'], 'ft-polyfill: list.json should hold the mini-program\'s app.json object, e.g. { "pages": ["pages/index/index"] }'],
  [['serve', '--proxy'], "ft-polyfill: --proxy needs a dev server's url, e.g. --proxy http://localhost:3000"],
  [['serve', '--proxy', 'ftp://files.example'], "ft-polyfill: --proxy needs the dev server's http url, e.g. --proxy http://localhost:3000 (got ftp://files.example)"],
  [['serve', 'site', '--proxy', '3000'], 'ft-polyfill: serve takes a folder or --proxy, not both: ft-polyfill serve --proxy 3000'],
  [['serve', 'site', '--scenario', 'list.json'], 'ft-polyfill: list.json: a scenario is a JSON object such as {"page": "/", "device": "iphone-se"}'],
  [['serve', 'site', '--scenario', 'typo.json'], 'ft-polyfill: typo.json: unknown field appid: a scenario has page, device, landscape, appId, stack, appJson, backMode, network, location'],
])('ft-polyfill %j fails in one line on stderr with exit code 1', async (args, expected) => {
  const { code, stdout, stderr } = await run(args);
  expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
  expect(stderr.endsWith('\n') && !stderr.slice(0, -1).includes('\n')).toBe(true);
  expect(stderr.slice(0, -1)).toEqual(typeof expected === 'string' ? expected : expect.stringMatching(expected));
});

test.each([
  [[], 'ft-polyfill: no command given: run ft-polyfill serve [dir]'],
  [['serv'], 'ft-polyfill: unknown command serv: the command is serve'],
  [['help', 'serv'], 'ft-polyfill: no help for serv: the command is serve'],
  [['--app-id', 'my-app'], 'ft-polyfill: unknown option --app-id: options follow the command, ft-polyfill serve [dir] [options]'],
  [['serve', 'site', '--appid', 'my-app'], 'ft-polyfill: unknown option --appid'],
  [['serve', 'site', '-app', 'app.json'], 'ft-polyfill: unknown option -app'],
  [['serve', 'site', 'more'], 'ft-polyfill: unexpected argument more: serve takes one folder'],
])('ft-polyfill %j names the mistake on the first line, then prints the usage, exit code 1', async (args, first) => {
  const { code, stdout, stderr } = await run(args);
  expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
  const [line, blank, usage, ...more] = stderr.split('\n');
  expect([line, blank, usage]).toEqual([first, '', 'usage: ft-polyfill serve [dir] [options]']);
  expect(more.join('\n')).toContain('--app-id ID');
});

test('without a config the pages get no appId and the startup line names the default one', async () => {
  const { url, line } = await start(['serve', 'site', '--port', '0']);
  expect(line).toBe(`ft-polyfill: serving ${join(project, 'site')} at ${url}/ (appId ${DEFAULT_APP_ID}, the default; set one with --app-id)`);
  expect(await servedConfig(url)).toEqual({});
});

test('a history-mode route answers the folder\'s index.html with the polyfill injected; files keep their types, 304 and Range', async () => {
  const { url } = await start(['serve', 'site', '--port', '0', '--app-id', 'my-app']);
  const page = { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } };  // a browser's navigation
  for (const route of ['/orders/12/detail', '/orders/12/detail?tab=2', '/deep/']) {
    const res = await fetch(`${url}${route}`, page);
    expect([route, res.status, res.headers.get('content-type')]).toEqual([route, 200, 'text/html; charset=utf-8']);
    const html = await res.text();
    expect(html).toContain('plain page');
    expect(html).toContain('window.ftHostConfig = {"appId":"my-app"}');
  }
  // A page of its own, with or without .html, is that page.
  await expect(fetch(`${url}/about`).then((r) => r.text())).resolves.toContain('<title>about</title>');
  // A missing file (an extension) is a 404, never the app's page; so is a fetch() of a missing API url.
  expect((await fetch(`${url}/assets/missing.js`, page)).status).toBe(404);
  expect((await fetch(`${url}/api/user`)).status).toBe(404);
  const js = await fetch(`${url}/assets/app.js`);
  expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript']);
  const etag = js.headers.get('etag');
  expect(etag).toBeTruthy();
  expect((await fetch(`${url}/assets/app.js`, { headers: { 'if-none-match': String(etag) } })).status).toBe(304);
  const part = await fetch(`${url}/assets/app.js`, { headers: { range: 'bytes=13-22' } });
  expect([part.status, await part.text()]).toEqual([206, '0123456789']);
  // Outside the folder: never served.
  expect((await fetch(`${url}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
});

test('--no-spa answers 404 for a route without a file', async () => {
  const { url } = await start(['serve', 'site', '--port', '0', '--no-spa']);
  expect((await fetch(`${url}/orders/12/detail`, { headers: { accept: 'text/html' } })).status).toBe(404);
  expect((await fetch(`${url}/`)).status).toBe(200);
});

test('--app-id sets ftHostConfig.appId and the startup line says it', async () => {
  const { url, line } = await start(['serve', 'site', '--port', '0', '--app-id', 'my-app']);
  expect(line).toBe(`ft-polyfill: serving ${join(project, 'site')} at ${url}/ (appId my-app)`);
  expect(await servedConfig(url)).toEqual({ appId: 'my-app' });
});

test('--stack sets ftHostConfig.stack, bottom first, with --option=value forms', async () => {
  const { url } = await start(['serve', 'site', '--port=0', '--app-id=shop', '--stack=pages/index/index, pages/web/index']);
  expect(await servedConfig(url)).toEqual({ appId: 'shop', stack: ['pages/index/index', 'pages/web/index'] });
});

test('--config gives the pages the file\'s ftHostConfig as it is', async () => {
  const { url, line } = await start(['serve', 'site', '--port', '0', '--config', 'ft-host.json']);
  expect(line).toMatch(/ \(appId from-config\)$/);
  expect(await servedConfig(url)).toEqual(CONFIG);
});

test('options override the config file; --app replaces its app and appJson', async () => {
  const { url, line } = await start(['serve', 'site', '--port', '0', '--config=ft-host.json', '--app-id', 'cli-app', '--stack', 'pages/index/index,pages/web/index', '--app', 'app.json', '--open-panel']);
  expect(line).toMatch(/ \(appId cli-app\)$/);
  const { appJson, ...rest } = CONFIG;
  expect(await servedConfig(url)).toEqual({ ...rest, appId: 'cli-app', stack: ['pages/index/index', 'pages/web/index'], app: APP, panel: true });
});

test('--mocks gives the pages the file as ftHostConfig.mocks (over the config\'s); a module\'s RegExp goes as "/re/flags"', async () => {
  const json = await start(['serve', 'site', '--port', '0', '--config', 'ft-host.json', '--mocks', 'mocks.json']);
  expect(await servedConfig(json.url)).toEqual({ ...CONFIG, mocks: MOCKS });
  const module = await start(['serve', 'site', '--port', '0', '--mocks=mocks.mjs']);
  expect(await servedConfig(module.url)).toEqual({ mocks: { request: [{ url: '/\\/goods\\?id=\\d+/i', response: { data: [] } }] } });
});

test.each([
  ['ft-host.mjs', { appId: 'from-mjs', stack: ['pages/a/a', 'pages/b/b'] }],
  ['ft-host.js', { appId: 'from-cjs' }],
])('--config %s takes the module\'s default export', async (file, expected) => {
  const { url, line } = await start(['serve', 'site', '--port', '0', '--config', file]);
  expect(line).toMatch(new RegExp(` \\(appId ${expected.appId}\\)$`));
  expect(await servedConfig(url)).toEqual(expected);
});
