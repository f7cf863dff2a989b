// Screenshots of the simulator (docs/guides/simulator.md): the demo as `npm start` serves it, one
// picture of the whole shell, one of the phone for each device the guide shows, the shell in
// landscape, the launch form; and one of each devtools section (docs/guides/devtools.md: pending
// postMessage data, storage, network, mocks).
//   node scripts/simulator-screenshots.mjs [outDir] [--fast]   (default docs/; --fast skips zopflipng;
//   tests/browser/simulator.test.js runs it into a temporary folder and compares the pictures'
//   sizes with the committed ones)
// Needs a build (dist/) and Debian's Chromium. zopflipng, when installed, makes the PNGs smaller.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, launchChromium, newPage } from '../tests/helpers/browser.js';
import { findDevice } from '../polyfill/host/simulator/devices.js';

/** The devices the guide shows a picture of. */
const SHOWN = ['iphone-se', 'iphone-14', 'pixel-7'].map((id) => /** @type {import('../polyfill/host/simulator/devices.js').Device} */ (findDevice(id)));

const args = process.argv.slice(2);
const fast = args.includes('--fast');
const outDir = resolve(args.find((a) => !a.startsWith('--')) || join(ROOT, 'docs'));
mkdirSync(outDir, { recursive: true });


const child = spawn(process.execPath, [join(ROOT, 'bin', 'ft-polyfill.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PORT: '' } });
/** @type {string} */
const simulator = await new Promise((done, fail) => {
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    const m = /simulator: (\S+)/.exec(out);
    if (m) done(m[1]);
  });
  child.on('close', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
});

const browser = await launchChromium();
/** @type {string[]} */
const written = [];
try {
  /** @type {Array<{ file: string, device: string, phone?: boolean, landscape?: boolean, launch?: boolean, width: number, height: number }>} */
  const shots = [
    { file: 'simulator.png', device: 'iphone-14', width: 960, height: 940 },
    ...SHOWN.map((d) => ({ file: `simulator-${d.id}.png`, device: d.id, phone: true, width: 520, height: 1060 })),
    { file: 'simulator-landscape.png', device: 'iphone-14', landscape: true, width: 1280, height: 620 },
    { file: 'simulator-launch.png', device: 'iphone-14', launch: true, width: 960, height: 940 },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height } });
    const page = await newPage(context);
    const url = new URL(simulator);
    url.searchParams.set('device', shot.device);
    if (shot.landscape) url.searchParams.set('landscape', '');
    await page.goto(url.href);
    const frame = await (await page.waitForSelector('ft-simulator iframe')).contentFrame();
    if (!frame) throw new Error('no frame');
    await frame.waitForFunction(() => window.ftHost && ftHost.state() !== null && document.getElementById('env').textContent.includes('JSSDK'));
    // What a person does first: a few teas into the cart, the call log fills.
    await frame.click('button[data-add="oolong"]');
    await frame.click('button[data-add="puer"]');
    await page.waitForTimeout(300);
    const file = join(outDir, shot.file);
    if (shot.launch) {
      await page.locator('ft-simulator [data-section=launch] summary').click();
      await page.locator('ft-simulator [aria-label="launch stack"]').fill('pages/index/index\npages/web/web?id=7');
      await page.locator('ft-simulator [data-section=launch]').screenshot({ path: file });
    } else if (shot.phone) {
      await page.locator('ft-simulator .phone').screenshot({ path: file });
    } else {
      await page.screenshot({ path: file });
    }
    written.push(file);
    if (page.errors.length) console.warn(`${file}: page errors`, page.errors);
    await context.close();
  }
  // The devtools sections (docs/guides/devtools.md): the demo after a few calls, each section alone.
  const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
  const page = await newPage(context);
  await page.goto(simulator);
  const frame = await (await page.waitForSelector('ft-simulator iframe')).contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForFunction(() => window.ftHost && ftHost.state() !== null && document.getElementById('env').textContent.includes('JSSDK'));
  await frame.evaluate(async () => {
    await ft.clearStorage();
    await ft.setStorage({ key: 'cart', data: [{ id: 'oolong', count: 2 }] });
    await ft.setStorage({ key: 'lastVisit', data: new Date(Date.UTC(2026, 11, 7, 9, 30)) });
    await ft.setStorage({ key: 'token', data: 'eyJhbGciOi...' });
    ft.miniProgram.postMessage({ data: { cart: ['oolong', 'oolong'] } });
    ft.miniProgram.postMessage({ data: { checkout: true } });
    await ft.request({ url: new URL('/api/products', location.href).href }).catch(() => {});
    await ft.downloadFile({ url: new URL('/demo/assets/sample.pdf', location.href).href }).catch(() => {});
    await fetch('/demo/api.json').catch(() => {});
  });
  const tools = page.locator('ft-simulator ft-devtools');
  await tools.locator('table[aria-label="requests"] tr.entry').nth(2).waitFor();
  await tools.locator('table[aria-label="requests"] tr.entry').last().click();
  await tools.locator('td.detail').waitFor();
  await page.waitForTimeout(300);
  for (const [section, name] of [['pending', 'devtools-pending.png'], ['storage', 'devtools-storage.png'], ['network-log', 'devtools-network.png']]) {
    const file = join(outDir, name);
    await tools.locator(`section[data-section="${section}"]`).screenshot({ path: file });
    written.push(file);
  }
  // The Mocks section (docs/guides/mocks.md): the products request made a rule, and 'pay' answered
  // with a failure, as a person sets them up.
  await tools.locator('table[aria-label="requests"] tr.entry').first().click();
  await tools.locator('button', { hasText: 'Mock this response' }).click();
  const mocks = page.locator('ft-simulator section[data-section="mocks"]');
  await mocks.locator('ol[aria-label="request rules"] li').first().waitFor();
  await page.waitForTimeout(300);
  const mocksFile = join(outDir, 'devtools-mocks.png');
  await mocks.screenshot({ path: mocksFile });
  written.push(mocksFile);
  if (page.errors.length) console.warn('devtools: page errors', page.errors);
  await context.close();
} finally {
  await browser.close();
  child.kill();
}
for (const file of fast ? [] : written) {
  const z = spawnSync('zopflipng', ['-y', '--lossy_transparent', file, file], { stdio: 'ignore' });
  if (z.error) break; // not installed: the PNGs as Chromium wrote them
}
console.log(written.join('\n'));
