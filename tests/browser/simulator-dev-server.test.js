// The simulator over a dev server: on Vite's own dev server with the ft-polyfill/vite plugin (a
// scratch project with the packed package, as tests/consumers/ make them), and `ft-polyfill serve
// --proxy URL --simulator` in front of any other dev server (a plain one with server-sent-events
// live reload; Vite's websocket hot module replacement through it).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchChromium, newPage } from '../helpers/browser.js';
import { scratchProject, startTool, writeFiles } from '../helpers/consumer.js';
import { freePort } from '../helpers/free-port.js';

const CLI = join(ROOT, 'bin', 'ft-polyfill.js');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

/** @type {ReturnType<typeof scratchProject>} */ let scratch;
/** @type {import('playwright-core').Browser} */ let browser;
/** @type {string} */ let viteApp;
/** @type {Array<import('node:child_process').ChildProcess>} */ const children = [];

beforeAll(async () => {
  scratch = scratchProject();
  viteApp = scratch.app('vite-sim', { tools: ['vite'], packageJson: { type: 'module' } }).dir;
  // An HMR boundary: an edit of label.js updates the page in place (no reload).
  writeFiles(viteApp, {
    'vite.config.js': "import ftPolyfill from 'ft-polyfill/vite';\n\nexport default { plugins: [ftPolyfill({ config: { appId: 'vite-sim' } })] };\n",
    'index.html': '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Vite shop</title></head><body><h1 id="label"></h1><script type="module" src="/src/main.js"></script></body></html>\n',
    'src/main.js': [
      "import ft from 'finclip-js-sdk';",
      "import { label } from './label.js';",
      "const show = (text) => { document.getElementById('label').textContent = text; };",
      'show(label);',
      "if (import.meta.hot) import.meta.hot.accept('./label.js', (next) => next && show(next.label));",
      'window.sdk = ft;',
      '',
    ].join('\n'),
    'src/label.js': "export const label = 'v1';\n",
  });
  browser = await launchChromium();
}, 120000);

afterAll(async () => {
  for (const child of children) child.kill();
  await browser?.close();
  scratch?.remove();
});

/**
 * Resolves when the output `read` returns matches `pattern` (a dev server prints its lines late).
 * @param {() => string} read @param {RegExp} pattern
 * @returns {Promise<RegExpExecArray>}
 */
async function printed(read, pattern) {
  for (;;) {
    const m = pattern.exec(read());
    if (m) return m;
    await new Promise((resolve) => { setTimeout(resolve, 50); });
  }
}


/** Vite's dev server for the scratch project. */
const startVite = async () => startTool(VITE, ['--port', String(await freePort()), '--strictPort', '--host', '127.0.0.1'], { cwd: viteApp });

/** @param {import('playwright-core').Page} page */
const pageFrame = async (page) => {
  const handle = await page.waitForSelector('ft-simulator iframe');
  const frame = /** @type {import('playwright-core').Frame} */ (await handle.contentFrame());
  await frame.waitForFunction(() => window.ftHost && ftHost.state() !== null);
  return frame;
};

/**
 * `ft-polyfill serve --proxy target --simulator ...`; resolves with the simulator's url.
 * @param {string} target @param {string[]} [args]
 * @returns {Promise<string>}
 */
function startProxy(target, args = []) {
  const child = spawn(process.execPath, [CLI, 'serve', '--proxy', target, '--simulator', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  return Promise.race([
    printed(() => out, /simulator: (http:\/\/\S+)/).then((m) => m[1]),
    new Promise((_resolve, reject) => child.on('close', (code) => reject(new Error(`serve exited ${code}: ${out}`)))),
  ]);
}

/**
 * Resolves when the page's Vite client has its hot-update socket (an edit before it would be missed).
 * Call before the page loads.
 * @param {import('playwright-core').Page} page
 */
const hmrConnected = (page) => page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected.'), timeout: 60000 });

/**
 * Opens `url` (the simulator) in a fresh context and resolves once the phone's page is loaded and
 * its Vite client has its hot-update socket.
 * @param {string} url
 */
async function openWithHmr(url) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await newPage(context);
  const connected = hmrConnected(page);
  await page.goto(url);
  const frame = await pageFrame(page);
  await connected;
  return { context, page, frame };
}

/** Puts src/label.js back as the fixture has it. */
const resetLabel = () => writeFileSync(join(viteApp, 'src/label.js'), "export const label = 'v1';\n");

/** Writes src/label.js and waits until the frame's document (the same one: no reload) shows it. @param {import('playwright-core').Frame} frame @param {string} label */
async function editLabel(frame, label) {
  const before = await frame.evaluate(() => performance.timeOrigin);
  writeFileSync(join(viteApp, 'src/label.js'), `export const label = '${label}';\n`);
  await frame.waitForFunction((text) => document.getElementById('label').textContent === text, label);
  await expect(frame.evaluate(() => performance.timeOrigin)).resolves.toBe(before);
}

test('the Vite plugin serves the simulator on the dev server and prints its url; the page runs in the phone and an edit hot-reloads inside it', async () => {
  const server = await startVite();
  try {
    const [, url] = await printed(server.output, /ft-polyfill simulator: (http:\/\/\S+)/);
    expect(url).toBe(`${server.url}/__ft/simulator/`);
    const { context, page, frame } = await openWithHmr(url);
    await expect(frame.evaluate(() => [ftHost.state().appId, window.sdk === window.ft, document.getElementById('label').textContent])).resolves.toEqual(['vite-sim', true, 'v1']);
    await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.title').textContent === 'Vite shop');
    await editLabel(frame, 'v2');
    // The shell's controls act on the page's host: Offline reaches the page's fetch.
    await page.locator('ft-simulator [aria-label="network condition"] button', { hasText: 'Offline' }).click();
    await expect(frame.evaluate(() => ft.request({ url: location.href }).catch((e) => e.errMsg))).resolves.toBe('request:fail network error');
    expect(page.errors).toEqual([]);
    await context.close();
  } finally {
    await server.stop();
    resetLabel();
  }
}, 120000);

test('serve --proxy wraps a plain dev server: its live reload (server-sent events) comes through, serve\'s options, Offline, and the launch over a bundle\'s own config', async () => {
  let version = 1;
  /** @type {Set<import('node:http').ServerResponse>} */
  const listeners = new Set();
  const plain = createServer((req, res) => {
    if (req.url === '/__reload') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': ready\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
    } else if (req.url === '/bundled.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><link rel="icon" href="data:,"><title>Bundled</title></head><body><script src="/bundle.js"></script></body></html>');
    } else if (req.url === '/bundle.js') {
      // A bundle with the finclip-js-sdk alias: its first module sets the config (the webpack
      // recipe's ft-host-config.js), then ft-polyfill starts.
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(`window.ftHostConfig = { appId: 'late-app', panel: true };\n${readFileSync(join(ROOT, 'dist/ft-polyfill.js'), 'utf8')}`);
    } else if (req.url === '/data.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"tea":"oolong"}');
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      // FinClip's JSSDK from its CDN, as its documentation shows; a live-reload client.
      res.end(`<!doctype html><html><head><link rel="icon" href="data:,"><title>Plain v${version}</title><script src="https://cdn.example.com/finclip-jssdk-1.4.20.js"></script></head>`
        + `<body><h1>v${version}</h1><script>const source = new EventSource('/__reload'); source.onopen = () => { document.body.dataset.live = '1'; }; source.onmessage = () => location.reload();</script></body></html>`);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => { plain.listen(0, '127.0.0.1', () => resolve(undefined)); });
  const target = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (plain.address()).port}`;
  try {
    const url = await startProxy(target, ['--app-id', 'plain-app']);
    const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
    const page = await newPage(context);
    await page.goto(url);
    const frame = await pageFrame(page);
    await expect(frame.evaluate(() => [ftHost.state().appId, document.querySelector('h1').textContent])).resolves.toEqual(['plain-app', 'v1']);
    await expect(frame.evaluate(() => ft.request({ url: new URL('/data.json', location.href).href }).then((r) => r.data))).resolves.toEqual({ tea: 'oolong' });
    await page.locator('ft-simulator [aria-label="network condition"] button', { hasText: 'Offline' }).click();
    await expect(frame.evaluate(() => ft.request({ url: new URL('/data.json', location.href).href }).catch((e) => e.errMsg))).resolves.toBe('request:fail network error');
    await expect(frame.evaluate(() => fetch('/data.json').catch((e) => e.name))).resolves.toBe('TypeError');

    // The dev server rebuilds and tells its client: the page reloads inside the phone, still offline.
    await frame.waitForFunction(() => document.body.dataset.live === '1');
    version = 2;
    for (const res of listeners) res.write('data: reload\n\n');
    await frame.waitForFunction(() => document.querySelector('h1')?.textContent === 'v2' && window.ftHost && ftHost.state() !== null);
    await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('.title').textContent === 'Plain v2');
    await expect(frame.evaluate(() => ft.request({ url: new URL('/data.json', location.href).href }).catch((e) => e.errMsg))).resolves.toBe('request:fail network error');

    // A bundle that sets its config as it starts: the launch (and the shell's panel: false) still over it.
    await page.goto(`${url}?page=/bundled.html&appId=launch-app`);
    const bundled = await pageFrame(page);
    await expect(bundled.evaluate(() => [ftHost.state().appId, ftHost.panel.isOpen()])).resolves.toEqual(['launch-app', false]);
    expect(page.errors).toEqual([]);
    await context.close();
  } finally {
    for (const res of listeners) res.end();
    plain.closeAllConnections();
    await new Promise((resolve) => { plain.close(() => resolve(undefined)); });
  }
}, 120000);

test('serve --proxy in front of Vite: hot module replacement\'s websocket passes through', async () => {
  const server = await startVite();
  try {
    const url = await startProxy(server.url);
    const { context, page, frame } = await openWithHmr(url);
    await expect(frame.evaluate(() => [ftHost.state().appId, location.origin])).resolves.toEqual(['vite-sim', new URL(url).origin]);
    await editLabel(frame, 'v3');
    expect(page.errors).toEqual([]);
    await context.close();
  } finally {
    await server.stop();
    resetLabel();
  }
}, 120000);
