// A host sheet over the page: a shadow-root overlay (the page's CSS cannot reach it, and it cannot
// reach the page's), as a real host's native sheet sits above the web-view. Untrusted strings are
// rendered with textContent only; the styles are a constructable stylesheet (ui-style.js), so a
// page's `style-src 'self'` does not block them.
import { styleShadow } from '../ui-style.js';

const STYLE = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483646; }
.backdrop { position: fixed; inset: 0; z-index: 2147483646; background: rgba(0,0,0,.45);
  display: flex; align-items: flex-end; justify-content: center; font: 15px/1.4 system-ui, sans-serif; }
.sheet { background: #fff; color: #111; width: min(480px, 100%); max-height: 90vh; overflow: auto;
  border-radius: 12px 12px 0 0; padding: 16px; box-sizing: border-box; box-shadow: 0 -4px 24px rgba(0,0,0,.2); }
.sheet.full { height: 90vh; display: flex; flex-direction: column; }
h2 { font-size: 16px; margin: 0 0 4px; }
p { margin: 0 0 12px; color: #555; font-size: 13px; }
.buttons { display: flex; gap: 8px; margin-top: 12px; }
button { flex: 1; font: inherit; padding: 10px; border-radius: 8px; border: 1px solid #ccc; background: #f6f6f6; cursor: pointer; }
button.primary { background: #1677ff; border-color: #1677ff; color: #fff; }
label { display: block; font-size: 13px; margin: 8px 0 2px; color: #333; }
input { width: 100%; box-sizing: border-box; font: inherit; padding: 6px 8px; border: 1px solid #ccc; border-radius: 6px; }
.error { color: #c00; font-size: 13px; min-height: 1em; margin-top: 6px; }
iframe { flex: 1; width: 100%; border: 1px solid #ddd; border-radius: 6px; }
`;

/**
 * @typedef {object} Overlay
 * @property {HTMLElement} host        the element in the page (data-ft-sheet="<kind>")
 * @property {ShadowRoot} root
 * @property {HTMLElement} sheet       the sheet's box, to fill
 * @property {() => void} close        removes the overlay (idempotent)
 */

/**
 * Opens an overlay with a title and a line of text.
 * @param {Document} doc @param {string} kind  e.g. 'chooseImage' (data-ft-sheet attribute, for tests)
 * @param {string} title @param {string} [text]
 * @returns {Overlay}
 */
export function openOverlay(doc, kind, title, text) {
  const host = doc.createElement('div');
  host.setAttribute('data-ft-sheet', kind);
  const root = host.attachShadow({ mode: 'open' });
  const backdrop = doc.createElement('div');
  backdrop.className = 'backdrop';
  const sheet = doc.createElement('div');
  sheet.className = 'sheet';
  sheet.setAttribute('role', 'dialog');
  sheet.setAttribute('aria-modal', 'true');
  const h = doc.createElement('h2');
  h.textContent = title;
  sheet.appendChild(h);
  if (text) {
    const p = doc.createElement('p');
    p.textContent = text;
    sheet.appendChild(p);
  }
  backdrop.appendChild(sheet);
  root.append(backdrop);
  styleShadow(root, STYLE);
  (doc.body || doc.documentElement).appendChild(host);
  let open = true;
  return {
    host, root, sheet,
    close() {
      if (!open) return;
      open = false;
      host.remove();
    },
  };
}

/**
 * A row of buttons; the first `primary` one gets the accent.
 * @param {Document} doc @param {HTMLElement} parent
 * @param {Array<{ label: string, name: string, primary?: boolean, onClick: () => void }>} buttons
 */
export function addButtons(doc, parent, buttons) {
  const row = doc.createElement('div');
  row.className = 'buttons';
  for (const b of buttons) {
    const el = doc.createElement('button');
    el.type = 'button';
    el.textContent = b.label;
    el.setAttribute('data-action', b.name);
    if (b.primary) el.className = 'primary';
    el.addEventListener('click', b.onClick);
    row.appendChild(el);
  }
  parent.appendChild(row);
  return row;
}
