// The devtools sections (pending postMessage data, storage, network), one component the host
// panel and the simulator both mount: render(ftHost, state) with the ftHost of the page and its
// host state, read once per render by the caller. The sections read the page's instance through
// ftHost[Symbol.for('ft-polyfill.runtime')] (panel/devtools.js).

import { h } from './dom.js';
import { styleShadow } from '../ui-style.js';
import { DEVTOOLS_CSS } from './devtools-style.js';
import { pendingSection } from './pending-view.js';
import { storageSection } from './storage-view.js';
import { networkSection } from './network-view.js';
import { devtools } from './devtools.js';

const RUNTIME = Symbol.for('ft-polyfill.runtime');
/** How often the storage list is read again while shown (another tab's writes, §2.6), ms. */
const STORAGE_POLL_MS = 1000;

/**
 * @param {Document} doc  the document the sections are drawn in
 * @param {() => void} schedule  redraws (the host's render, at most once a frame)
 * @returns {{ element: HTMLElement, render: (ftHost: any, state: any) => void, stop: () => void }}
 */
export function devtoolsSections(doc, schedule, mocks) {
  const element = h(doc, 'ft-devtools', { 'data-ft-devtools': '' });
  const shadow = element.attachShadow({ mode: 'open' });
  styleShadow(shadow, DEVTOOLS_CSS);
  const pending = pendingSection(doc);
  const storage = storageSection(doc, schedule);
  const network = networkSection(doc, schedule, mocks);
  shadow.append(pending.element, storage.element, network.element);

  /** @type {any} */ let current = null;
  /** The page's devtools (null when its ftHost has none: another version, or disposed). @param {any} ftHost */
  const toolsOf = (ftHost) => {
    const runtime = ftHost && ftHost[RUNTIME];
    return runtime && !runtime.stopError ? devtools(runtime) : null;
  };
  const timer = setInterval(() => {
    if (!element.isConnected) return;
    if (current && storage.changed(current)) schedule();
  }, STORAGE_POLL_MS);

  return {
    element,
    render(ftHost, state) {
      current = toolsOf(ftHost);
      pending.render(state);
      storage.render(current);
      network.render(current);
    },
    /** Stops reading the storage list (the host closed its panel). */
    stop: () => clearInterval(timer),
  };
}
