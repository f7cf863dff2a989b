// The host's document viewer for ft.openDocument when the browser blocks the new tab: the
// document in an overlay (the browser's own viewer renders PDFs; other types offer a download).

import { openOverlay, addButtons } from './overlay.js';

/**
 * @param {Document} doc
 * @param {{ url: string, fileType: string, name: string }} file
 */
export function showDocument(doc, file) {
  const overlay = openOverlay(doc, 'openDocument', file.name || `Document (${file.fileType})`);
  overlay.sheet.classList.add('full');
  if (file.fileType === 'pdf') {
    const frame = doc.createElement('iframe');
    frame.src = file.url;
    frame.title = file.name || 'document';
    overlay.sheet.appendChild(frame);
  } else {
    const p = doc.createElement('p');
    p.textContent = `A browser cannot show ${file.fileType} files; download it to open it.`;
    overlay.sheet.appendChild(p);
  }
  addButtons(doc, overlay.sheet, [
    {
      label: 'Download', name: 'download', onClick: () => {
        const a = doc.createElement('a');
        a.href = file.url;
        a.download = file.name || `document.${file.fileType}`;
        a.click();
      },
    },
    { label: 'Close', name: 'close', primary: true, onClick: () => overlay.close() },
  ]);
  return overlay;
}
