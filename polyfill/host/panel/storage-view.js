// The storage section (behaviour.md §2): this app's keys live, each with its type and size, the
// quota getStorageInfo reports, and an editor. Every edit runs setStorage / removeStorage /
// clearStorage's own implementation (storage-tools.js): the core's limits and type tags apply.

import { h, preview } from './dom.js';
import { download, pickFile } from './files.js';

/** A Date of any window (the simulator's frame is another realm than its shell). @param {unknown} v @returns {v is Date} */
const isDate = (v) => Object.prototype.toString.call(v) === '[object Date]';

/** How a stored value is shown in the list: a Date as a Date. @param {import('./storage-tools.js').StorageRow} row */
const shown = (row) => (isDate(row.value) ? `Date ${Number.isNaN(row.value.getTime()) ? 'Invalid Date' : row.value.toISOString()}` : preview(row.value, 120));

/** @param {Document} doc @param {() => void} schedule */
export function storageSection(doc, schedule) {
  /** @type {any} */ let tools = null;
  let last = '';
  const quota = /** @type {HTMLProgressElement} */ (h(doc, 'progress', { max: 1, value: 0, 'aria-label': 'storage used' }));
  const quotaText = h(doc, 'span', { class: 'dim', 'data-slot': 'quota' });
  const body = h(doc, 'tbody', {});
  const keyInput = /** @type {HTMLInputElement} */ (h(doc, 'input', { 'aria-label': 'storage key', placeholder: 'key' }));
  const typeSelect = /** @type {HTMLSelectElement} */ (h(doc, 'select', { 'aria-label': 'value type' },
    [['json', 'JSON'], ['string', 'string'], ['date', 'Date']].map(([v, t]) => h(doc, 'option', { value: v }, [t]))));
  const valueText = /** @type {HTMLTextAreaElement} */ (h(doc, 'textarea', { rows: 3, 'aria-label': 'storage value', placeholder: '{"id": 1}' }));
  const out = h(doc, 'div', { class: 'out', role: 'status' });
  /** @param {boolean} bad @param {string} text */
  const say = (bad, text) => {
    out.textContent = text;
    out.className = bad ? 'out bad' : 'out';
  };
  /** @param {Promise<{ ok: boolean, reason?: string }>} done @param {string} what */
  const after = (done, what) => done.then((r) => {
    say(!r.ok, r.ok ? what : `fail: ${r.reason}`);
    schedule();
  });

  /** Loads a row into the editor. @param {import('./storage-tools.js').StorageRow} row */
  const edit = (row) => {
    keyInput.value = row.key;
    if (isDate(row.value)) {
      typeSelect.value = 'date';
      valueText.value = Number.isNaN(row.value.getTime()) ? '' : row.value.toISOString();
    } else if (typeof row.value === 'string') {
      typeSelect.value = 'string';
      valueText.value = row.value;
    } else {
      typeSelect.value = 'json';
      valueText.value = row.value === undefined ? '' : JSON.stringify(row.value, null, 2);
    }
    say(false, `editing "${row.key}" (${row.type}, ${row.size} B)`);
  };

  const save = () => tools && after(tools.storage.write(keyInput.value, typeSelect.value, valueText.value), `saved "${keyInput.value}"`);

  const element = h(doc, 'section', { 'aria-label': 'storage', 'data-section': 'storage' }, [
    h(doc, 'h3', {}, ['Storage (this appId)']),
    h(doc, 'div', { class: 'row' }, [quota, quotaText]),
    h(doc, 'div', { class: 'scroll' }, [h(doc, 'table', { 'aria-label': 'storage keys' }, [
      h(doc, 'colgroup', {}, [h(doc, 'col', { width: '30%' }), h(doc, 'col', { width: '16%' }), h(doc, 'col', { width: '14%' }), h(doc, 'col', {}), h(doc, 'col', { width: '26px' })]),
      h(doc, 'thead', {}, [h(doc, 'tr', {}, ['key', 'type', 'size', 'value', ''].map((t) => h(doc, 'th', {}, [t])))]), body])]),
    h(doc, 'h4', {}, ['Edit (through setStorage: the same limits and types)']),
    h(doc, 'div', { class: 'row' }, [keyInput, typeSelect]), valueText,
    h(doc, 'div', { class: 'row' }, [
      h(doc, 'button', { type: 'button', class: 'primary', onclick: save }, ['Save']),
      h(doc, 'button', { type: 'button', onclick: () => tools && after(tools.storage.remove(keyInput.value), `deleted "${keyInput.value}"`) }, ['Delete']),
      h(doc, 'button', { type: 'button', onclick: () => { keyInput.value = ''; valueText.value = ''; typeSelect.value = 'json'; keyInput.focus(); } }, ['New']),
      h(doc, 'button', { type: 'button', onclick: () => tools && after(tools.storage.clear(), 'cleared') }, ['Clear all']),
      h(doc, 'button', { type: 'button', onclick: () => tools && download(doc, 'ft-storage.json', 'application/json', tools.storage.exportText()) }, ['Export']),
      h(doc, 'button', { type: 'button', onclick: () => tools && pickFile(doc, '.json,application/json').then((text) => text !== null && tools.storage.importText(text).then((/** @type {any} */ r) => {
        say(r.failed.length > 0, `imported ${r.written} key(s)${r.failed.length ? `; failed: ${r.failed.join('; ')}` : ''}`);
        schedule();
      })) }, ['Import']),
    ]),
    out,
  ]);

  /** The list's signature: whether a redraw would show anything new. @param {any} listed */
  const signature = (listed) => (listed ? `${listed.currentSize}\n${listed.rows.map((/** @type {any} */ r) => `${r.key}\t${r.type}\t${r.json}`).join('\n')}` : '');

  return {
    element,
    /** Whether the store changed since the last render (another tab, the page). @param {any} t */
    changed: (t) => signature(t.storage.list()) !== last,
    /** @param {any} t  the page's devtools (null before they load) */
    render(t) {
      tools = t;
      const listed = t ? t.storage.list() : null;
      const sig = signature(listed);
      if (sig === last && body.childElementCount) return;
      last = sig;
      if (!listed) {
        quotaText.textContent = 'loading…';
        body.replaceChildren();
        return;
      }
      quota.max = listed.limitSize;
      quota.value = Math.min(listed.currentSize, listed.limitSize);
      quotaText.textContent = `${listed.currentSize} KB / ${listed.limitSize} KB, ${listed.rows.length} key(s)`;
      body.replaceChildren(...(listed.rows.length ? listed.rows.map((/** @type {import('./storage-tools.js').StorageRow} */ row) => h(doc, 'tr', { class: 'entry', title: 'edit', onclick: () => edit(row) }, [
        h(doc, 'td', { title: row.key }, [row.key]), h(doc, 'td', {}, [row.type]), h(doc, 'td', { class: 'num' }, [`${row.size} B`]),
        h(doc, 'td', { title: shown(row) }, [shown(row)]),
        h(doc, 'td', {}, [h(doc, 'button', { type: 'button', 'aria-label': `delete ${row.key}`, onclick: (/** @type {Event} */ e) => {
          e.stopPropagation();
          after(t.storage.remove(row.key), `deleted "${row.key}"`);
        } }, ['×'])]),
      ])) : [h(doc, 'tr', {}, [h(doc, 'td', { class: 'empty', colspan: 5 }, ['no keys'])])]));
    },
  };
}
