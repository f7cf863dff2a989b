// The devtools sections of the host panel and the simulator (issue 24): the pending postMessage
// data (§4.1), the storage section (§2: edits through setStorage's rules, another tab's writes,
// export and import), the network section (ft.request, ft.downloadFile, the page's fetch, mocks)
// and ftHost.har(), which Playwright's routeFromHAR replays.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, newPage, useChromium } from '../helpers/browser.js';

let served = 0;
const suite = useChromium({
  // Each answer differs from the last: a replayed HAR gives the recorded one back.
  '/api/counter': (req, res) => {
    served += 1;
    res.writeHead(200, { 'content-type': 'application/json', 'x-served': String(served) });
    res.end(JSON.stringify({ served }));
  },
  '/api/echo': (req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'text/plain' });
      res.end(`got ${body}`);
    });
  },
  '/api/bytes': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from([0xca, 0xfe, 0xba, 0xbe, 1, 2, 3]));
  },
});
const { open } = suite;
/** ft-polyfill/playwright's expect (its matchers run outside the Playwright Test runner too). */
const { expect: playwrightExpect } = createRequire(import.meta.url)('../../playwright/index.cjs');

/** The devtools' shadow root in the host panel, as page code. */
const ROOT_JS = "document.querySelector('ft-host-panel').shadowRoot.querySelector('ft-devtools').shadowRoot";

/** Waits until `test` (page code over `root`, the devtools' shadow root) is true. @param {import('playwright-core').Page} page @param {string} test */
const waitIn = (page, test) => page.waitForFunction(`(() => { const root = ${ROOT_JS}; return ${test}; })()`);
/** Page code over `root`, evaluated. @param {import('playwright-core').Page} page @param {string} code */
const readIn = (page, code) => page.evaluate(`(() => { const root = ${ROOT_JS}; return ${code}; })()`);
/** @param {import('playwright-core').Page} page @param {string} selector */
const panelText = (page, selector) => readIn(page, `root.querySelector(${JSON.stringify(selector)}).textContent`);

test('the panel shows the pending postMessage data live; the kit\'s pendingMessages reads the same', async () => {
  const page = await open({ appId: 'dev-pending' }, '&ft-panel');
  await page.waitForSelector('ft-devtools', { state: 'attached' });
  await waitIn(page, `root.querySelector('[data-slot=pending-summary]').textContent.startsWith('none')`);
  await page.evaluate(() => {
    ft.miniProgram.postMessage({ data: { step: 1 } });
    ft.miniProgram.postMessage({ other: 'no data field' });
  });
  await waitIn(page, `root.querySelectorAll('ol.pending li').length === 2`);
  expect(await readIn(page, `[...root.querySelectorAll('ol.pending li')].map((li) => li.textContent)`))
    .toEqual(['{"step":1}', '{"other":"no data field"}']);
  expect(await page.evaluate(() => ftHost.state().pendingData)).toEqual([{ step: 1 }, { other: 'no data field' }]);
  // The Playwright fixture's matcher reads the same, in the page.
  await playwrightExpect(page).toHavePendingMessages([{ step: 1 }, { other: 'no data field' }]);
  await expect(playwrightExpect(page).toHavePendingMessages([{ step: 2 }])).rejects.toThrow(/pending postMessage data/);
  // The call log's entries expand to the whole arguments and result, uncut.
  const call = page.locator('ft-host-panel [data-slot=log] li', { hasText: 'no data field' });
  await call.click();
  await page.locator('ft-host-panel [data-slot=log] li pre').waitFor();
  expect(await call.locator('pre').innerText()).toBe('args {\n  "other": "no data field"\n}\nresult {\n  "errMsg": "postMessage:ok"\n}');
  // A share delivers and keeps them (§4.1); a back empties the buffer.
  await page.evaluate(() => ftHost.share());
  expect(await page.evaluate(() => ftHost.state().pendingData.length)).toBe(2);
  await page.evaluate(() => ftHost.destroy());
  await waitIn(page, `root.querySelectorAll('ol.pending li').length === 0`);
  expect(await panelText(page, '[data-slot=pending-summary]')).toContain('none');
  await page.close();
});

test('the storage section lists keys with type and size, edits through setStorage\'s rules, follows another tab, exports and imports', async () => {
  const config = { appId: `dev-storage-${Date.now()}` };
  const page = await open(config, '&ft-panel');
  await page.waitForSelector('ft-devtools', { state: 'attached' });
  await page.evaluate(() => Promise.all([ft.setStorage({ key: 'user', data: { id: 7, name: 'Ann' } }), ft.setStorage({ key: 'since', data: new Date(Date.UTC(2026, 0, 2)) })]));
  const rows = () => readIn(page, `[...root.querySelectorAll('table[aria-label="storage keys"] tbody tr')].map((tr) => [...tr.children].slice(0, 4).map((td) => td.textContent))`);
  await waitIn(page, `root.querySelectorAll('table[aria-label="storage keys"] tbody tr').length === 2`);
  expect(await rows()).toEqual([
    ['since', 'date', `${'since'.length + '"2026-01-02T00:00:00.000Z"'.length} B`, 'Date 2026-01-02T00:00:00.000Z'],
    ['user', 'object', `${'user'.length + '{"id":7,"name":"Ann"}'.length} B`, '{"id":7,"name":"Ann"}'],
  ]);
  expect(await panelText(page, '[data-slot=quota]')).toBe('1 KB / 10240 KB, 2 key(s)');

  // Edit in the panel: the page reads what the panel saved, with its type.
  const panel = page.locator('ft-host-panel ft-devtools');
  await panel.locator('tr.entry', { hasText: 'user' }).click();
  expect(await panel.locator('textarea[aria-label="storage value"]').inputValue()).toBe('{\n  "id": 7,\n  "name": "Ann"\n}');
  await panel.locator('textarea[aria-label="storage value"]').fill('{"id": 8}');
  await panel.locator('button', { hasText: 'Save' }).click();
  await waitIn(page, `root.querySelector('.out').textContent === 'saved "user"'`);
  expect(await page.evaluate(() => ft.getStorage({ key: 'user' }).then((r) => r.data))).toEqual({ id: 8 });
  // The core's limit applies to the panel as to the page (§2.3): nothing written.
  await panel.locator('input[aria-label="storage key"]').fill('big');
  await panel.locator('select[aria-label="value type"]').selectOption('string');
  await panel.locator('textarea[aria-label="storage value"]').fill('x'.repeat(1024 * 1024));
  await panel.locator('button', { hasText: 'Save' }).click();
  await waitIn(page, `root.querySelector('.out').textContent.startsWith('fail')`);
  expect(await panelText(page, '.out')).toBe('fail: exceed storage item max length');
  expect(await page.evaluate(() => ft.getStorageInfo().then((r) => r.keys.sort()))).toEqual(['since', 'user']);
  // A Date typed in the panel is stored as a Date.
  await panel.locator('input[aria-label="storage key"]').fill('when');
  await panel.locator('select[aria-label="value type"]').selectOption('date');
  await panel.locator('textarea[aria-label="storage value"]').fill('2026-03-04T05:06:07.000Z');
  await panel.locator('button', { hasText: 'Save' }).click();
  await waitIn(page, `root.querySelector('.out').textContent === 'saved "when"'`);
  expect(await page.evaluate(() => ft.getStorage({ key: 'when' }).then((r) => r.data instanceof Date && r.data.toISOString()))).toBe('2026-03-04T05:06:07.000Z');

  // Another tab of the same app writes: the list follows.
  const other = await open(config);
  await other.evaluate(() => ft.setStorage({ key: 'fromOtherTab', data: 1 }));
  await waitIn(page, `root.querySelector('table[aria-label="storage keys"]').textContent.includes('fromOtherTab')`);
  await other.close();

  // Export, clear, import: the same keys and types come back.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'ft-storage-')), 'export.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.items.map((/** @type {any} */ i) => [i.key, i.type])).toEqual([['fromOtherTab', 'number'], ['since', 'date'], ['user', 'object'], ['when', 'date']]);
  await panel.locator('button', { hasText: 'Clear all' }).click();
  await page.waitForFunction(() => ft.getStorageInfo().then((r) => r.keys.length === 0));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByRole('button', { name: 'Import', exact: true }).click()]);
  await chooser.setFiles(file);
  await waitIn(page, `root.querySelector('.out').textContent.startsWith('imported')`);
  expect(await panelText(page, '.out')).toBe('imported 4 key(s)');
  expect(await page.evaluate(() => ft.getStorage({ key: 'since' }).then((r) => r.data instanceof Date && r.data.toISOString()))).toBe('2026-01-02T00:00:00.000Z');
  // The panel's reads and edits are not the page's calls: the call log holds only the page's own.
  expect(await page.evaluate(() => ftHost.calls().filter((c) => c.api === 'setStorage').length)).toBe(2);
  rmSync(join(file, '..'), { recursive: true, force: true });
  expect(page.errors).toEqual([]);
  await page.close();
});

test('the network section lists ft.request, downloadFile, mocks and the page\'s fetch; a row expands; a mock rule is made', async () => {
  const page = await open({ appId: 'dev-network' }, '&ft-panel');
  await page.waitForSelector('ft-devtools', { state: 'attached' });
  await page.evaluate(async () => {
    await ft.request({ url: new URL('/api/counter?a=1', location.href).href, header: { 'x-trace': 't1' } });
    await ft.request({ url: new URL('/api/echo', location.href).href, method: 'POST', data: { hello: 'world' } });
    await ft.downloadFile({ url: new URL('/api/bytes', location.href).href });
    ftHost.mock('request', { statusCode: 202, data: { mocked: true } });
    await ft.request({ url: 'https://api.example.com/mocked' });
    ftHost.unmock('request');
    await fetch('/api/counter?page=own').then((r) => r.text());
  });
  const panel = page.locator('ft-host-panel ft-devtools');
  // The panel renders on its own schedule: wait until the five rows are there and settled.
  await waitIn(page, `[...root.querySelectorAll('table[aria-label="requests"] tr.entry')].filter((tr) => tr.children[3].textContent !== '…').length === 5`);
  const rows = await readIn(page, `[...root.querySelectorAll('table[aria-label="requests"] tr.entry')].map((tr) => [...tr.children].map((td) => td.textContent))`);
  // Newest first: source, method, url, status, time, size.
  expect(rows.map((r) => [r[0], r[1], r[2].replace(/^http:\/\/[^/]+/, ''), r[3]])).toEqual([
    ['fetch', 'GET', '/api/counter?page=own', '200'],
    ['mock', 'GET', 'https://api.example.com/mocked', '202'],
    ['down', 'GET', '/api/bytes', '200'],
    ['req', 'POST', '/api/echo', '201'],
    ['req', 'GET', '/api/counter?a=1', '200'],
  ]);
  expect(rows[2][5]).toBe('7 B');
  // Expanded: headers and bodies.
  await panel.locator('tr.entry', { hasText: '/api/echo' }).click();
  const detail = await panel.locator('td.detail').innerText();
  expect(detail).toContain('content-type');
  expect(detail).toContain('application/json');
  expect(detail).toContain('{"hello":"world"}');
  expect(detail).toContain('got {"hello":"world"}');
  expect(detail).toContain('request:ok');
  expect(detail).toContain('answered by the network');
  await panel.locator('tr.entry', { hasText: '/api/echo' }).click();
  await panel.locator('tr.entry', { hasText: '/api/bytes' }).click();
  expect(await panel.locator('td.detail pre[data-slot=response-body]').innerText()).toBe('7 bytes: ca fe ba be 01 02 03');
  await panel.locator('tr.entry', { hasText: '/api/bytes' }).click();
  await panel.locator('tr.entry', { hasText: 'mocked' }).click();
  expect(await panel.locator('td.detail').innerText()).toContain("answered by ftHost.mock('request')");
  await panel.locator('tr.entry', { hasText: 'mocked' }).click();
  // The page's own fetch has no request rule to make: ftHostConfig.mocks answers ft.request only.
  await panel.locator('tr.entry', { hasText: 'page=own' }).click();
  await panel.locator('td.detail', { hasText: 'ftHostConfig.mocks answers ft.request only' }).waitFor();
  expect(await panel.locator('td.detail button', { hasText: 'Mock this response' }).count()).toBe(0);
  await panel.locator('tr.entry', { hasText: 'page=own' }).click();
  // "Mock this response": the entry becomes the first ftHostConfig.mocks request rule, in force:
  // the counter (a new number per request) now answers what it answered then.
  await panel.locator('tr.entry', { hasText: '/api/counter?a=1' }).click();
  await panel.locator('button', { hasText: 'Mock this response' }).click();
  await waitIn(page, `/Added as the first rule/.test(root.querySelector('section[data-section=network-log] .out').textContent)`);
  const out = await panel.locator('section[data-section=network-log] .out').innerText();
  const rule = JSON.parse(out.slice(out.indexOf('{')));
  expect(rule).toMatchObject({ method: 'GET', response: { statusCode: 200, data: { served: expect.any(Number) } } });
  expect(rule.url).toMatch(/\/api\/counter\?a=1$/);
  const again = await page.evaluate((url) => ft.request({ url }).then((r) => r.data), rule.url);
  expect(again).toEqual(rule.response.data);
  const answeredBy = await page.evaluate(() => ftHost.har().then((har) => har.log.entries.map((e) => e._ftMock).filter(Boolean)));
  expect(answeredBy).toContain('ftHostConfig.mocks.request[0]');
  // The filter.
  await panel.locator('input[aria-label="filter requests"]').fill('echo');
  await waitIn(page, `root.querySelectorAll('table[aria-label="requests"] tr.entry').length === 1`);
  expect(page.errors).toEqual([]);
  await page.close();
});

test('ftHost.har() is a HAR 1.2 log that Playwright\'s routeFromHAR replays', async () => {
  const page = await open({ appId: 'dev-har' });
  const first = await page.evaluate(async () => {
    const r = await ft.request({ url: new URL('/api/counter?har=1', location.href).href });
    await ft.request({ url: 'ftp://nowhere' }).catch(() => {});
    return r.data;
  });
  const har = await page.evaluate(() => ftHost.har());
  expect(har.log.version).toBe('1.2');
  const entry = har.log.entries.find((/** @type {any} */ e) => e.request.url.endsWith('/api/counter?har=1'));
  expect(entry).toMatchObject({ _ftApi: 'request', request: { method: 'GET', queryString: [{ name: 'har', value: '1' }] }, response: { status: 200, content: { mimeType: 'application/json', text: JSON.stringify(first) } } });
  expect(entry.response.headers).toContainEqual({ name: 'x-served', value: String(first.served) });
  expect(har.log.entries.find((/** @type {any} */ e) => e.request.url === 'ftp://nowhere')._error).toBe('request:fail invalid url "ftp://nowhere"');
  const dir = mkdtempSync(join(tmpdir(), 'ft-har-'));
  const file = join(dir, 'recorded.har');
  writeFileSync(file, JSON.stringify(har));
  // Replayed: the recorded answer, not the server's next one.
  const replay = await newPage(suite.context);
  await replay.routeFromHAR(file, { url: '**/api/**', notFound: 'abort' });
  await replay.goto(suite.pageUrl({ appId: 'dev-har-replay' }));
  const again = await replay.evaluate(() => ft.request({ url: new URL('/api/counter?har=1', location.href).href }).then((r) => [r.data, r.header['x-served']]));
  expect(again).toEqual([first, String(first.served)]);
  rmSync(dir, { recursive: true, force: true });
  await replay.close();
  await page.close();
});

// ---- the simulator mounts the same sections -------------------------------------------------------

test('the simulator shows the pending data, the storage and the network of the page in its frame', async () => {
  const site = mkdtempSync(join(tmpdir(), 'ft-devtools-sim-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><html><head><title>Shop</title></head><body><h1>H5</h1></body></html>');
  writeFileSync(join(site, 'data.json'), '{"teas": 3}');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'ft-polyfill.js'), 'serve', site, '--app-id', 'sim-devtools', '--simulator', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /simulator: (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('close', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const context = await suite.browser.newContext({ viewport: { width: 1200, height: 1000 } });
    const page = await newPage(context);
    await page.goto(url);
    const frame = await (await page.waitForSelector('ft-simulator iframe')).contentFrame();
    if (!frame) throw new Error('no frame');
    await frame.waitForFunction(() => window.ftHost && ftHost.state() !== null);
    await frame.evaluate(async () => {
      await ft.setStorage({ key: 'cart', data: ['oolong'] });
      await ft.request({ url: new URL('/data.json', location.href).href });
      ft.miniProgram.postMessage({ data: { order: 1 } });
    });
    const tools = page.locator('ft-simulator ft-devtools');
    await tools.locator('ol.pending li', { hasText: '{"order":1}' }).waitFor();
    await tools.locator('table[aria-label="storage keys"] tr.entry', { hasText: 'cart' }).waitFor();
    expect(await tools.locator('table[aria-label="storage keys"] tr.entry').first().innerText()).toContain('["oolong"]');
    await tools.locator('table[aria-label="requests"] tr.entry', { hasText: '/data.json' }).waitFor();
    await tools.locator('table[aria-label="requests"] tr.entry', { hasText: '/data.json' }).click();
    expect(await tools.locator('td.detail pre[data-slot=response-body]').innerText()).toBe('{\n  "teas": 3\n}');
    // An edit in the shell lands in the frame's storage, through its setStorage.
    await tools.locator('tr.entry', { hasText: 'cart' }).click();
    await tools.locator('textarea[aria-label="storage value"]').fill('["puer"]');
    await tools.locator('button', { hasText: 'Save' }).click();
    await frame.waitForFunction(() => ft.getStorage({ key: 'cart' }).then((r) => r.data[0] === 'puer'));
    // A Date typed in the shell is the page's Date (made in the frame's realm), and listed as one.
    await tools.locator('input[aria-label="storage key"]').fill('since');
    await tools.locator('select[aria-label="value type"]').selectOption('date');
    await tools.locator('textarea[aria-label="storage value"]').fill('2026-03-04T05:06:07.000Z');
    await tools.locator('button', { hasText: 'Save' }).click();
    await frame.waitForFunction(() => ft.getStorage({ key: 'since' }).then((r) => r.data instanceof Date && r.data.toISOString() === '2026-03-04T05:06:07.000Z', () => false));
    await tools.locator('tr.entry', { hasText: 'Date 2026-03-04T05:06:07.000Z' }).waitFor();
    expect(page.errors).toEqual([]);
    await context.close();
  } finally {
    child.kill();
    rmSync(site, { recursive: true, force: true });
  }
});
