// ft.miniProgram.getEnv (behaviour.md §1.7) and ft.getAppletInfo (from ftHostConfig.appInfo).

import { ok } from '../pipeline.js';
import { JSSDK_VERSION } from '../api-table.js';

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function envImpl(runtime) {
  return {
    getEnv: () => ok({ env: 'miniprogram', version: JSSDK_VERSION, miniprogram: true }),
    getAppletInfo: () => ok({ ...runtime.currentConfig().appInfo }),
  };
}
