// ft.openDocument in real Chromium against a local server (behaviour.md §5.4).
import { useChromium } from '../helpers/browser.js';
import { deviceRoutes } from '../helpers/device-server.js';

const suite = useChromium(deviceRoutes());

test('openDocument checks fileType and the path, then opens the PDF in a new tab', async () => {
  const page = await suite.open({ appId: 'files' });
  /** @param {string} body */
  const run = (body) => page.evaluate(`(async () => { ${body} })()`);
  const r = await run(`
    const pdf = await ft.downloadFile({ url: '/doc.pdf' });
    const img = await ft.downloadFile({ url: '/image.png' });
    const out = {};
    out.badType = (await ft.openDocument({ filePath: pdf.tempFilePath, fileType: 'txt' }).catch((e) => e)).errMsg;
    out.unknown = (await ft.openDocument({ filePath: 'nowhere.pdf' }).catch((e) => e)).errMsg;
    out.notDoc = (await ft.openDocument({ filePath: img.tempFilePath }).catch((e) => e)).errMsg;
    out.noPath = (await ft.openDocument({}).catch((e) => e)).errMsg;
    window.__pdfUrl = pdf.tempFilePath;
    return out;`);
  expect(r.badType).toMatch(/^openDocument:fail parameter error: parameter.fileType should be one of doc, xls, ppt, pdf, docx, xlsx, pptx/);
  expect(r.unknown).toBe('openDocument:fail file not found');
  expect(r.notDoc).toBe('openDocument:fail filetype not supported');
  expect(r.noPath).toBe('openDocument:fail parameter error: parameter.filePath should be String instead of Undefined');
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
