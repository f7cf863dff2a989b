// ft.openDocument opening the PDF in a new tab (behaviour.md §5.4), in Chromium: the new tab and
// its url come from Playwright's context events. The fileType and path checks, and opening from a
// click, run in every engine: tests/engines/cases/network.js.
import { useChromium } from '../helpers/browser.js';
import { deviceRoutes } from '../helpers/device-server.js';

const suite = useChromium(deviceRoutes());

test('openDocument opens the PDF in a new tab, at its blob: url', async () => {
  const page = await suite.open({ appId: 'files' });
  /** @param {string} body */
  const run = (body) => page.evaluate(`(async () => { ${body} })()`);
  await run(`window.__pdfUrl = (await ft.downloadFile({ url: new URL('/doc.pdf', location.href).href })).tempFilePath;`);
  const [popup, res] = await Promise.all([
    suite.context.waitForEvent('page'),
    run(`return (await ft.openDocument({ filePath: window.__pdfUrl, fileType: 'pdf' })).errMsg;`),
  ]);
  expect(res).toBe('openDocument:ok');
  expect(popup.url()).toMatch(/^blob:/);
  await popup.close();
  // Chromium logs the 404/500/refused loads themselves; nothing else may have gone wrong.
  expect(page.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
});
