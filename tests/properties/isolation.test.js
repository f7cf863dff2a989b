// Isolation and safety (issue 6 §6): one IndexedDB database per appId; the polyfill runs under a
// strict Content-Security-Policy without 'unsafe-eval'; hostile storage keys and values shown in
// the host panel's call log execute nothing. That navigateTo and friends refuse javascript: and
// external urls runs in every engine: tests/engines/cases/navigation.js.
import { launchChromium, serveRoot, newPage } from '../helpers/browser.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/browser.js';

/** @type {import('playwright-core').Browser} */ let browser;
/** @type {{ url: string, close: () => Promise<void> }} */ let server;

// The policy of the issue: scripts from our origin only, WebAssembly compilation allowed, no eval.
const CSP = "script-src 'self' 'wasm-unsafe-eval'";

beforeAll(async () => {
  const script = readFileSync(join(ROOT, 'dist', 'ft-polyfill.js'));
  /** @type {Record<string, import('../../bin/server.js').RouteHandler>} */
  const routes = {
    // A page with the strict policy as a response header; its config comes from a same-origin file.
    '/csp/page.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
      res.end('<!doctype html><html><head><meta charset="utf-8"><title>csp</title><script src="/csp/config.js"></script><script src="/csp/ft-polyfill.js"></script></head><body><p>strict CSP</p></body></html>');
    },
    '/csp/config.js': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end("window.ftHostConfig = { appId: 'csp-app' };");
    },
    '/csp/ft-polyfill.js': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript', 'content-security-policy': CSP });
      res.end(script);
    },
  };
  [browser, server] = await Promise.all([launchChromium(), serveRoot(routes)]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageUrl = (config = {}, extra = '') => `${server.url}/tests/pages/blank.html?config=${encodeURIComponent(JSON.stringify(config))}${extra}`;

test('each appId has its own IndexedDB database and sees only its own keys', async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  const ids = ['iso-a', 'iso-b', '../iso-a', 'iso-a/../iso-b', 'ISO-A'];
  /** @type {Record<string, string[]>} */
  const seen = {};
  for (const appId of ids) {
    await page.goto(pageUrl({ appId }));
    seen[appId] = await page.evaluate(async (appId) => {
      const before = (await ft.getStorageInfo()).keys;
      await ft.setStorage({ key: 'owner', data: appId });
      await ft.setStorage({ key: `only-${appId}`, data: 1 });
      return before;
    }, appId);
  }
  // Nothing written before by another appId was visible.
  for (const appId of ids) expect([appId, seen[appId]]).toEqual([appId, []]);
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith('/ft-polyfill-storage/')).sort());
  expect(names).toEqual(ids.map((id) => `/ft-polyfill-storage/${encodeURIComponent(id)}`).sort());
  for (const appId of ids) {
    await page.goto(pageUrl({ appId }));
    const own = await page.evaluate(async () => ({ owner: (await ft.getStorage({ key: 'owner' })).data, keys: (await ft.getStorageInfo()).keys.sort() }));
    expect(own).toEqual({ owner: appId, keys: [`only-${appId}`, 'owner'].sort() });
  }
  await context.close();
});

test("works under a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval', no 'unsafe-eval')", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await newPage(context);
  /** @type {string[]} */
  const cspMessages = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspMessages.push(m.text()); });
  const response = await page.goto(`${server.url}/csp/page.html`);
  expect(response?.headers()['content-security-policy']).toBe(CSP);
  const result = await page.evaluate(async () => {
    await ftHost.ready;
    await ft.setStorage({ key: 'csp', data: { works: true } });
    await ft.setStorage({ key: 'when', data: new Date(0) });
    const read = (await ft.getStorage({ key: 'csp' })).data;
    read.when = (await ft.getStorage({ key: 'when' })).data;
    const env = await ft.miniProgram.getEnv();
    // Proof that the policy is in force: eval is refused.
    let evalBlocked = false;
    try { (0, eval)('1'); } catch { evalBlocked = true; }
    return { works: read.works, isDate: read.when instanceof Date, env, evalBlocked };
  });
  const violations = await page.evaluate(() => window.__violations);
  expect(result).toEqual({ works: true, isDate: true, env: { env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' }, evalBlocked: true });
  // The one violation allowed is our own probe of eval above.
  expect(violations.filter((v) => !/^script-src(-elem)? eval$/.test(v))).toEqual([]);
  expect(cspMessages.filter((m) => !/eval/.test(m))).toEqual([]);
  expect(page.errors).toEqual([]);
  await context.close();
});

test('hostile storage keys and values shown in the host panel execute nothing', async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(pageUrl({ appId: 'iso-panel' }, '&ft-panel'));
  await page.waitForSelector('ft-host-panel', { state: 'attached' });
  const hostileKey = '<img src=x onerror="window.__pwned=\'key\'">';
  const hostileValue = '</li><script>window.__pwned="value"</script><svg onload="window.__pwned=\'svg\'">';
  await page.evaluate(async ({ hostileKey, hostileValue }) => {
    window.__pwned = false;
    await ft.setStorage({ key: hostileKey, data: hostileValue });
    await ft.getStorage({ key: hostileKey });
    await ft.setStorage({ key: 'obj', data: { [hostileKey]: hostileValue } });
    await new Promise((r) => setTimeout(r, 200));
  }, { hostileKey, hostileValue });
  const state = await page.evaluate(() => {
    const root = document.querySelector('ft-host-panel').shadowRoot;
    return { pwned: window.__pwned, text: root.textContent, injected: root.querySelectorAll('img, script, svg').length };
  });
  expect(state.pwned).toBe(false);
  expect(state.injected).toBe(0);
  expect(state.text).toContain('onerror=');
  expect(page.errors).toEqual([]);
  await context.close();
});
