// ft.openDocument (behaviour.md §5.4). The core checks fileType (doc xls ppt pdf docx xlsx pptx;
// any other fails "filetype not supported", given or inferred from the path, name or real type)
// and the path (registered by downloadFile, or a saved filePath); the browser opens the blob: URL
// in a new tab, or the host's viewer overlay when the popup is blocked.

import { ok, fail } from '../pipeline.js';
import { mockAnswer, outcomeOf } from './device/mocks.js';
import { REASON } from '../core-wire.js';
import { loadUi } from '../load-ui.js';

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @param {import('../services.js').Services} services
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function filesImpl(runtime, services) {
  const { mocks, files: store } = services;

  return {
    /**
     * ft.openDocument({filePath, fileType?}) → {} once the document is shown. The host emits
     * 'document' {filePath, fileType, mime, url, viewer: 'tab' | 'overlay'}.
     * Mock answer: the success object as it is (nothing is opened; the path is not checked, the
     * file type is: the device's own rule, §5.4).
     */
    async openDocument({ filePath, fileType }) {
      const planOf = () => store.registry().call('openDocument', filePath, fileType === undefined ? '' : fileType);
      // A mock stands in for the file, not for the type rule.
      const early = planOf();
      if (!early.ok && early.reason !== REASON.fileNotFound) return fail(early.reason);
      const mocked = mockAnswer(mocks, 'openDocument', { filePath, fileType });
      if (mocked) return outcomeOf(await mocked);

      const info = store.stat(filePath); // attaches a blob: URL to a saved file after a reload
      if (!info.ok && info.reason !== REASON.fileNotFound) return fail(info.reason);
      const plan = planOf();
      if (!plan.ok) return fail(plan.reason);

      const win = runtime.global;
      let viewer = 'tab';
      const opened = typeof win.open === 'function' ? win.open(plan.url, '_blank') : null;
      if (!opened) {
        if (!win.document) return fail('no document viewer outside a browser page (use ftHost.mock)');
        viewer = 'overlay';
        const { showDocument } = await loadUi();
        showDocument(win.document, { url: plan.url, fileType: plan.fileType, name: info.ok ? info.name : '' });
      }
      runtime.emit('document', { filePath: plan.filePath, fileType: plan.fileType, mime: plan.mime, url: plan.url, viewer });
      return ok();
    },
  };
}
