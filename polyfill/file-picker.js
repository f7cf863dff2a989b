// The browser's file picker for ft.chooseImage: a hidden <input type=file>. It must be opened
// inside a user gesture (a click): call openPicker synchronously from the gesture's handler.

/**
 * Opens the picker at once; resolves with the chosen files, or null when the person cancels
 * (the input's 'cancel' event).
 * @param {Document} doc
 * @param {{ accept: string, multiple: boolean, capture: boolean }} plan  the core's chooseImage plan
 * @returns {Promise<File[] | null>}
 */
export function openPicker(doc, plan) {
  const input = doc.createElement('input');
  input.type = 'file';
  input.accept = plan.accept;
  input.multiple = plan.multiple;
  if (plan.capture) input.setAttribute('capture', 'environment');
  input.setAttribute('data-ft-picker', 'chooseImage');
  input.style.display = 'none';
  (doc.body || doc.documentElement).appendChild(input);
  const result = new Promise((resolve) => {
    /** @param {File[] | null} files */
    const done = (files) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(input.files && input.files.length ? [...input.files] : null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
  });
  input.click();
  return /** @type {Promise<File[] | null>} */ (result);
}
