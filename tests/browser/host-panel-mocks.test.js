// The host panel's Mocks section in real Chromium (polyfill/host/panel/mocks.js, docs/guides/mocks.md):
// the configuration's rules listed, a rule added, moved and deleted, the unmatched policy, a native
// answer that waits for a person ("ask me"), and the JSON exported and imported.
import { useChromium } from '../helpers/browser.js';

const suite = useChromium();
const { open } = suite;

const MOCKS = {
  request: [
    { url: 'https://api.example.com/goods*', response: { data: { from: 'first' } } },
    { url: 'https://api.example.com/goods/1', response: { data: { from: 'second' } } },
  ],
};

/** @param {any} page @param {string} label */
const field = (page, label) => page.locator('ft-host-panel [data-section=mocks]').getByLabel(label, { exact: true });
/** @param {any} page @param {string} name */
const button = (page, name) => page.locator('ft-host-panel [data-section=mocks]').getByRole('button', { name, exact: true });
/** @param {any} page */
const ruleRows = (page) => page.locator('ft-host-panel [aria-label="request rules"] li').allTextContents();
/** @param {any} page @param {string} url */
const fromOf = (page, url) => page.evaluate((u) => ft.request({ url: u }).then((r) => r.data.from, (e) => e.errMsg), url);

test('the Mocks section edits the rules in use: add, reorder, delete, unmatched, export and import', async () => {
  const page = await open({ mocks: MOCKS }, '&ft-panel');
  await page.waitForSelector('ft-host-panel [data-section=mocks]', { state: 'attached' });
  expect(await ruleRows(page)).toEqual([
    expect.stringMatching(/^\* https:\/\/api\.example\.com\/goods\* → 200 \{"from":"first"\}/),
    expect.stringMatching(/^\* https:\/\/api\.example\.com\/goods\/1 → 200/),
  ]);
  expect(await fromOf(page, 'https://api.example.com/goods/1')).toBe('first');

  // The second rule first: it now wins for its url.
  await page.locator('ft-host-panel [aria-label="request rules"] li').nth(1).getByRole('button', { name: '↑' }).click();
  await page.waitForFunction(() => document.querySelector('ft-host-panel').shadowRoot.querySelector('[aria-label="request rules"] li').textContent.includes('goods/1'));
  expect(await fromOf(page, 'https://api.example.com/goods/1')).toBe('second');

  // A new rule that fails; then deleted.
  await field(page, 'rule url').fill('https://api.example.com/down');
  await field(page, 'rule method').fill('get');
  await field(page, 'rule fail').selectOption('network error');
  await button(page, 'Add rule').click();
  await page.waitForFunction(() => document.querySelector('ft-host-panel').shadowRoot.querySelectorAll('[aria-label="request rules"] li').length === 3);
  expect(await fromOf(page, 'https://api.example.com/down')).toBe('request:fail network error');
  await page.locator('ft-host-panel [aria-label="request rules"] li').nth(2).getByRole('button', { name: '×' }).click();
  await page.waitForFunction(() => document.querySelector('ft-host-panel').shadowRoot.querySelectorAll('[aria-label="request rules"] li').length === 2);

  // Unmatched: fail.
  await field(page, 'unmatched requests').selectOption('fail');
  await page.waitForFunction(() => document.querySelector('ft-host-panel').shadowRoot.querySelector('[data-section=mocks] [role=status]').textContent === 'applied');
  expect(await fromOf(page, 'https://api.example.com/down')).toBe('request:fail network error');
  expect(await page.evaluate(() => ftHost.warnings().map((w) => w.kind))).toEqual(['mock-unmatched']);

  // Export, then import an edit of it.
  await button(page, 'Export').click();
  const exported = JSON.parse(await field(page, 'mocks JSON').inputValue());
  expect(exported).toEqual({ request: [MOCKS.request[1], MOCKS.request[0]], callNativeAPI: {}, unmatched: 'fail' });
  await field(page, 'mocks JSON').fill(JSON.stringify({ request: [{ url: '/goods\\/\\d+$/', response: { data: { from: 'imported' } } }] }));
  await button(page, 'Import').click();
  await page.waitForFunction(() => document.querySelector('ft-host-panel').shadowRoot.querySelectorAll('[aria-label="request rules"] li').length === 1);
  expect(await fromOf(page, 'https://api.example.com/goods/7')).toBe('imported');

  // A bad import says why and changes nothing that is well-formed.
  await field(page, 'mocks JSON').fill('{"request": [{"url": 3}]}');
  await button(page, 'Import').click();
  await page.waitForFunction(() => document.querySelector('ft-host-panel').shadowRoot.querySelector('[data-section=mocks] [role=status]').className === 'out bad');
  expect(await page.locator('ft-host-panel [data-section=mocks] [role=status]').textContent()).toMatch(/^mocks\.request\[0\]\.url should be a non-empty string/);
  expect(page.errors).toEqual([]);
  await page.close();
});

test('native answers from the panel: success, fail with a reason, and "ask me" (the call waits for a click)', async () => {
  const page = await open({}, '&ft-panel');
  await page.waitForSelector('ft-host-panel [data-section=mocks]', { state: 'attached' });
  await field(page, 'native API name').fill('pay');
  await field(page, 'answer mode').selectOption('fail');
  await field(page, 'fail reason').fill('cancel');
  await button(page, 'Set answer').click();
  await page.waitForFunction(() => document.querySelector('ft-host-panel').shadowRoot.querySelector('[aria-label="native answers"]').textContent.includes('callNativeAPI pay'));
  expect(await page.evaluate(() => ft.callNativeAPI('pay', {}).catch((e) => e.errMsg))).toBe('callNativeAPI:fail cancel');

  await field(page, 'answered interface').selectOption('getLocation');
  await field(page, 'answer mode').selectOption('ask me');
  await button(page, 'Set answer').click();
  await page.waitForFunction(() => document.querySelector('ft-host-panel').shadowRoot.querySelector('[aria-label="native answers"]').textContent.includes('getLocation ask me'));
  await page.evaluate(() => { window.__where = ft.getLocation({ type: 'gcj02' }).then((r) => [r.errMsg, r.latitude], (e) => [e.errMsg]); });
  const waiting = page.locator('ft-host-panel [aria-label="calls waiting for an answer"] li');
  await waiting.waitFor();
  expect(await waiting.textContent()).toContain('getLocation');
  await waiting.getByLabel('answer fields JSON').fill('{"latitude": 1.5, "longitude": 2}');
  await waiting.getByRole('button', { name: 'Succeed' }).click();
  expect(await page.evaluate(() => window.__where)).toEqual(['getLocation:ok', 1.5]);
  expect(await page.locator('ft-host-panel [aria-label="calls waiting for an answer"] li').count()).toBe(0);

  await page.evaluate(() => { window.__where = ft.getLocation({}).then((r) => r.errMsg, (e) => e.errMsg); });
  await waiting.waitFor();
  await waiting.getByLabel('fail reason').fill('auth deny');
  await waiting.getByRole('button', { name: 'Fail' }).click();
  expect(await page.evaluate(() => window.__where)).toBe('getLocation:fail auth deny');
  expect(page.errors).toEqual([]);
  await page.close();
});
