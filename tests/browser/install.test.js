// Real-host detection and double loading in Chromium (behaviour.md §1.8, §1.9).
import { launchChromium, serveRoot, newPage } from '../helpers/browser.js';

/** @type {import('playwright-core').Browser} */ let browser;
/** @type {{ url: string, close: () => Promise<void> }} */ let server;

/** @param {string} head  what runs before the polyfill script(s) @param {number} times */
const page = (head, times = 1) => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><script>${head}</script>${'<script src="/dist/ft-polyfill.js"></script>'.repeat(times)}</head><body></body></html>`);
};

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveRoot({
    '/real-host.html': page("window.__fcjs_environment = 'miniprogram';"),
    '/real-host-forced.html': page("window.__fcjs_environment = 'miniprogram'; window.ftHostConfig = { force: true };"),
    '/plain.html': page(''),
    '/twice.html': page('', 2),
  })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records console messages by type. @param {import('playwright-core').BrowserContext} context */
async function open(context, path) {
  const p = await newPage(context);
  /** @type {Array<[string, string]>} */
  const logs = [];
  p.on('console', (m) => logs.push([m.type(), m.text()]));
  await p.goto(`${server.url}${path}`);
  return Object.assign(p, { logs });
}

test('window.__fcjs_environment set before the script: nothing installed, one console.info', async () => {
  const context = await browser.newContext();
  const p = await open(context, '/real-host.html');
  expect(await p.evaluate(() => [typeof window.ft, typeof window.ftHost])).toEqual(['undefined', 'undefined']);
  const infos = p.logs.filter(([type, text]) => type === 'info' && text.includes('real FinClip host'));
  expect(infos).toHaveLength(1);
  expect(p.errors).toEqual([]);
  await context.close();
});

test("FinClip's user-agent marker is detected as a real host too", async () => {
  const context = await browser.newContext({ userAgent: 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 Provider/finogeeks' });
  const p = await open(context, '/plain.html');
  expect(await p.evaluate(() => typeof window.ft)).toBe('undefined');
  expect(p.logs.filter(([type]) => type === 'info')).toHaveLength(1);
  await context.close();
});

test('ftHostConfig.force installs inside a real host', async () => {
  const context = await browser.newContext();
  const p = await open(context, '/real-host-forced.html');
  const env = await p.evaluate(() => ft.miniProgram.getEnv());
  expect(env.errMsg).toBe('getEnv:ok');
  expect(p.logs.filter(([type]) => type === 'info')).toEqual([]);
  await context.close();
});

test('a plain page gets ft and no console noise', async () => {
  const context = await browser.newContext();
  const p = await open(context, '/plain.html');
  expect(await p.evaluate(() => window.__fcjs_environment)).toBe('miniprogram');
  await p.evaluate(() => ftHost.ready);
  expect(p.logs.filter(([type]) => type === 'warning' || type === 'info')).toEqual([]);
  await context.close();
});

test('loaded twice: the first instance and its listeners are kept, one warning', async () => {
  const context = await browser.newContext();
  const p = await open(context, '/twice.html');
  const warns = () => p.logs.filter(([type, text]) => type === 'warning' && text.includes('more than once'));
  expect(warns()).toHaveLength(1);
  const result = await p.evaluate(async () => {
    const first = window.ft;
    const host = window.ftHost;
    const seen = [];
    host.on('call', (c) => seen.push(c.api));
    // A third load, after listeners exist.
    await new Promise((resolve) => {
      const s = document.createElement('script');
      s.src = '/dist/ft-polyfill.js';
      s.onload = resolve;
      document.head.appendChild(s);
    });
    await ft.miniProgram.getEnv();
    return { sameFt: window.ft === first, sameHost: window.ftHost === host, seen };
  });
  expect(result).toEqual({ sameFt: true, sameHost: true, seen: ['miniProgram.getEnv'] });
  expect(warns()).toHaveLength(1);
  expect(p.errors).toEqual([]);
  await context.close();
});

test('start-up phases are User Timing marks, in order, the last when ftHost.ready settles', async () => {
  const context = await browser.newContext();
  const p = await open(context, '/plain.html');
  const marks = await p.evaluate(async () => {
    await window.ftHost.ready;
    return performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ft:')).map((m) => m.name);
  });
  expect(marks).toEqual(['ft:installed', 'ft:core-compiled', 'ft:core-instantiated', 'ft:db-read', 'ft:ready']);
  await context.close();
});
