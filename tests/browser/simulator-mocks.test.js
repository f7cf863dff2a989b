// `serve --simulator --mocks FILE` in real Chromium (docs/guides/mocks.md): the file's rules answer
// the page in the frame, and the simulator's Mocks section edits them (polyfill/host/panel/mocks.js).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium, newPage } from '../helpers/browser.js';

const CLI = join(ROOT, 'bin', 'ft-polyfill.js');
const MOCKS = { request: [{ url: 'https://api.example.com/goods*', response: { data: { from: 'file' } } }], callNativeAPI: { pay: { fail: 'cancel' } } };

/** @type {import('playwright-core').Browser} */ let browser;
/** @type {import('node:child_process').ChildProcess} */ let child;
let site = '';
let simulatorUrl = '';

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'ft-sim-mocks-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><html><head><title>Shop</title></head><body><h1>H5 shop</h1></body></html>');
  writeFileSync(join(site, 'mocks.json'), JSON.stringify(MOCKS));
  writeFileSync(join(site, 'data.json'), '{"teas": 3}');
  child = spawn(process.execPath, [CLI, 'serve', site, '--mocks', join(site, 'mocks.json'), '--port', '0', '--simulator'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } });
  let out = '';
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const sim = /simulator: (http:\/\/\S+)/.exec(out);
      if (sim) resolve(sim[1]);
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  [browser, simulatorUrl] = await Promise.all([launchChromium(), url]);
});

afterAll(async () => {
  child?.kill();
  await browser?.close();
  rmSync(site, { recursive: true, force: true });
});

test('the --mocks file answers the page in the frame; the simulator\'s Mocks section edits its rules', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
  const page = await newPage(context);
  await page.goto(simulatorUrl);
  const handle = await page.waitForSelector('ft-simulator iframe');
  const frame = /** @type {import('playwright-core').Frame} */ (await handle.contentFrame());
  await frame.waitForFunction(() => window.ftHost && ftHost.state() !== null);
  const from = () => frame.evaluate(() => ft.request({ url: 'https://api.example.com/goods?id=1' }).then((r) => r.data.from, (e) => e.errMsg));
  expect(await from()).toBe('file');
  expect(await frame.evaluate(() => ft.callNativeAPI('pay').catch((e) => e.errMsg))).toBe('callNativeAPI:fail cancel');

  const section = page.locator('ft-simulator [data-section=mocks]');
  // The section shows the frame's rules once it has seen the frame's page.
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="request rules"]').textContent.includes('https://api.example.com/goods*'));
  expect(await section.locator('[aria-label="request rules"] li').count()).toBe(1);
  await section.getByLabel('rule url', { exact: true }).fill('https://api.example.com/goods?id=1');
  await section.getByLabel('rule response JSON', { exact: true }).fill('{"data": {"from": "simulator"}}');
  await section.getByRole('button', { name: 'Add rule', exact: true }).click();
  await section.locator('[aria-label="request rules"] li').nth(1).getByRole('button', { name: '↑' }).click();
  await page.waitForFunction(() => document.querySelector('ft-simulator').shadowRoot.querySelector('[aria-label="request rules"] li').textContent.includes('goods?id=1'));
  await frame.waitForFunction(() => window.ftHost && ftHost.state() !== null);
  expect(await from()).toBe('simulator');
  // The ends of the list: no ↑ on the first rule, no ↓ on the last (neither would move it).
  const ruleItems = section.locator('[aria-label="request rules"] li');
  expect(await ruleItems.first().getByRole('button', { name: '↑' }).count()).toBe(0);
  expect(await ruleItems.last().getByRole('button', { name: '↓' }).count()).toBe(0);

  // "Mock this response" in the network section: the Mocks section lists the new first rule at
  // once, without the transport's headers (the rule's data is the decoded body, written again).
  await frame.evaluate(() => ft.request({ url: new URL('/data.json', location.href).href }));
  const network = page.locator('ft-simulator [data-section=network-log]');
  await network.locator('tr.entry', { hasText: '/data.json' }).click();
  await network.getByRole('button', { name: 'Mock this response' }).click();
  await ruleItems.first().filter({ hasText: '/data.json' }).waitFor();
  expect(await ruleItems.count()).toBe(3);
  await section.getByRole('button', { name: 'Export', exact: true }).click();
  const exported = JSON.parse(await section.getByLabel('mocks JSON', { exact: true }).inputValue());
  expect(exported.request[0]).toMatchObject({ method: 'GET', response: { statusCode: 200, data: { teas: 3 } } });
  expect(Object.keys(exported.request[0].response.header)).toContain('content-type');
  expect(Object.keys(exported.request[0].response.header).filter((k) => /^(content-length|transfer-encoding|connection|keep-alive)$/.test(k))).toEqual([]);

  // The edit outlives a reload of the frame's page (the Reload button, a dev server's reload).
  await frame.evaluate(() => { /** @type {any} */ (window).beforeReload = true; });
  await page.locator('ft-simulator').getByRole('button', { name: 'Reload', exact: true }).click();
  await frame.waitForFunction(() => !(/** @type {any} */ (window).beforeReload) && window.ftHost && ftHost.state() !== null);
  expect(await from()).toBe('simulator');
  expect(await frame.evaluate(() => ft.request({ url: new URL('/data.json', location.href).href }).then((r) => r.header['content-length'] ?? 'none'))).toBe('none');
  await ruleItems.nth(2).filter({ hasText: 'goods*' }).waitFor();
  await page.close();
  await context.close();
});
