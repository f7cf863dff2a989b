// Screenshots of the host panel (docs/guides/simulator.md, The host panel): demo/host.html after a few calls, and the
// tab app. `node scripts/host-screenshot.mjs [out.png]` (default /tmp/host-panel.png; the guide's
// copy is docs/host-panel.png). Needs a build (dist/) and Debian's Chromium.
import { launchChromium, serveRoot, newPage } from '../tests/helpers/browser.js';
const [browser, server] = await Promise.all([launchChromium(), serveRoot()]);
const context = await browser.newContext({ viewport: { width: 920, height: 660 } });
const page = await newPage(context);
await page.goto(`${server.url}/demo/host.html`);
await page.evaluate(() => ftHost.ready);
await page.waitForSelector('ft-host-panel', { state: 'attached' });
for (const b of ['setTitle', 'postMessage', 'callNativeAPI', 'callJS', 'navigateTo']) { await page.click(`[data-run=${b}]`); await page.waitForTimeout(300); }
await page.waitForTimeout(300);
await page.screenshot({ path: process.argv[2] || '/tmp/host-panel.png' });
const tabs = await newPage(context);
await tabs.goto(`${server.url}/demo/tabs/`);
await tabs.evaluate(() => ftHost.ready);
await tabs.click('[data-goods="2"]'); await tabs.waitForTimeout(400);
await tabs.screenshot({ path: '/tmp/host-tabs.png' });
console.log(page.errors, tabs.errors);
await browser.close(); await server.close();
