// Tiny DOM helpers for the host panel. Every string goes in as text (textContent), never as HTML:
// titles, messages, urls and call arguments come from the page and are untrusted.

/**
 * Creates an element. `props` may hold `class`, `title`, `type`, `value`, `placeholder`, `rows`,
 * `aria-label`, `data-*` (attributes) and `on<event>` handlers; children are nodes or strings
 * (strings become text nodes).
 * @param {Document} doc @param {string} tag
 * @param {Record<string, any>} [props] @param {Array<Node|string|null|undefined|false>} [children]
 * @returns {HTMLElement}
 */
export function h(doc, tag, props = {}, children = []) {
  const el = doc.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value') /** @type {any} */ (el).value = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

/**
 * One line of JSON for display (never throws; long texts are cut with an ellipsis).
 * @param {unknown} value @param {number} [max] characters
 */
export function preview(value, max = 160) {
  let text;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, (k, v) => (typeof v === 'function' ? 'ƒ' : v));
  } catch {
    text = String(value);
  }
  if (text === undefined) text = String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value as indented JSON (functions as ƒ), never throwing, never cut. @param {unknown} value */
export function pretty(value) {
  try {
    return JSON.stringify(value, (k, v) => (typeof v === 'function' ? 'ƒ' : v), 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Parses the JSON of a panel textarea; an empty field is `fallback`.
 * @param {string} text @param {unknown} fallback
 * @returns {{ value: unknown } | { error: string }}
 */
export function parseJson(text, fallback) {
  if (text.trim() === '') return { value: fallback };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `invalid JSON: ${error && /** @type {Error} */ (error).message}` };
  }
}

/**
 * The rows of a device-check list (ftHost.warnings(), behaviour.md §1.15), for the host panel and
 * the simulator: the call, the kind, the message, the call site; one row saying so when there is none.
 * @param {Document} doc @param {Array<{ kind: string, api: string, message: string, site: string }>} warnings
 * @returns {HTMLElement[]}
 */
export function warningRows(doc, warnings) {
  if (!warnings.length) return [h(doc, 'li', { class: 'empty' }, ['none: nothing here would differ on a phone so far'])];
  return warnings.map((w) => h(doc, 'li', {}, [h(doc, 'span', { class: 'api' }, [`ft.${w.api}`]), ' ', h(doc, 'span', { class: 'fail' }, [w.kind]), ' ', w.message,
    w.site ? h(doc, 'div', { class: 'args' }, [`at ${w.site}`]) : null]));
}
