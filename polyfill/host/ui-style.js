// Styles a shadow root of the host UI (panel, sheets) with a constructable stylesheet, which a
// page's `style-src 'self'` (no 'unsafe-inline') does not block, unlike a <style> element.
// Browsers without adoptedStyleSheets (Safari before 16.4) get the <style> element.

/** One sheet per document and text: every overlay of a kind shares it. @type {WeakMap<Document, Map<string, CSSStyleSheet>>} */
const sheets = new WeakMap();

/** @param {ShadowRoot} root @param {string} css */
export function styleShadow(root, css) {
  const doc = root.ownerDocument;
  const Sheet = /** @type {typeof CSSStyleSheet | undefined} */ (/** @type {any} */ (doc.defaultView)?.CSSStyleSheet);
  if (Sheet && 'adoptedStyleSheets' in root && 'replaceSync' in Sheet.prototype) {
    let byText = sheets.get(doc);
    if (!byText) sheets.set(doc, (byText = new Map()));
    let sheet = byText.get(css);
    if (!sheet) {
      // The constructor of the root's own window: a sheet is only adopted in its own document.
      sheet = new Sheet();
      sheet.replaceSync(css);
      byText.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.prepend(style);
}
