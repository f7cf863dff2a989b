// Saving and opening files from the devtools sections: a download (the storage export, the HAR)
// and a file picked by the person (the storage import).

/**
 * Saves `content` as a file the browser downloads.
 * @param {Document} doc @param {string} name @param {string} type @param {string} content
 */
export function download(doc, name, type, content) {
  const win = /** @type {Window & typeof globalThis} */ (doc.defaultView);
  const url = win.URL.createObjectURL(new win.Blob([content], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  (doc.body || doc.documentElement).append(a);
  a.click();
  a.remove();
  win.setTimeout(() => win.URL.revokeObjectURL(url), 60000);
}

/**
 * Asks the person for a file; resolves with its text, or null when none was chosen.
 * @param {Document} doc @param {string} accept @returns {Promise<string | null>}
 */
export function pickFile(doc, accept) {
  return new Promise((resolve) => {
    const input = /** @type {HTMLInputElement} */ (doc.createElement('input'));
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      if (file) file.text().then(resolve, () => resolve(null));
      else resolve(null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}
