// ft.miniProgram.navigateTo / redirectTo / switchTab / reLaunch / navigateBack / close /
// navigateToMiniProgram / navigateBackMiniProgram, ft.canNavigateBack, ft.canGoBack and
// ft.setNavigationBarTitle (behaviour.md §3). The C++ host (src/host.h) decides every rule and
// reason; this file forwards the call and performs the events it returns (host/bridge.js).

import { ok, fail } from '../pipeline.js';
import { notSerialisable, toCoreJson, toCoreString } from '../core-wire.js';

/** extraData as the core takes it: JSON text ('' when absent), or why it cannot be. @param {unknown} extraData @returns {string | { reason: string }} */
const extraJson = (extraData) => {
  if (extraData === undefined || extraData === null) return '';
  try {
    return toCoreJson(extraData) ?? '';
  } catch (error) {
    // Cycles, BigInt, a throwing toJSON: the page's mistake, so a parameter error (§1.5).
    return { reason: notSerialisable('parameter.extraData', error) };
  }
};

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @param {import('../services.js').Services} services
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function navigationImpl(runtime, services) {
  const { host } = services;

  // The pipeline runs these only once the core is up and configured (runtime.js queue).
  /** @param {string} method @param {...(string|number)} args */
  const route = (method, ...args) => host.outcome(host.call(method, ...args));

  return {
    navigateTo: ({ url }) => route('navigateTo', toCoreString(url)),
    redirectTo: ({ url }) => route('redirectTo', toCoreString(url)),
    switchTab: ({ url }) => route('switchTab', toCoreString(url)),
    reLaunch: ({ url }) => route('reLaunch', toCoreString(url)),
    // delta: a number, 1 by default (the table); its range is the core's rule (Navigation::back_count).
    navigateBack: ({ delta }) => route('navigateBack', delta),
    close: () => route('close'),
    navigateToMiniProgram: ({ appId, path, extraData }) => {
      const extra = extraJson(extraData);
      return typeof extra === 'string' ? route('navigateToMiniProgram', toCoreString(appId), toCoreString(path ?? ''), extra) : fail(extra.reason);
    },
    navigateBackMiniProgram: ({ extraData }) => {
      const extra = extraJson(extraData);
      return typeof extra === 'string' ? route('navigateBackMiniProgram', extra) : fail(extra.reason);
    },
    canNavigateBack: () => {
      const result = host.call('canNavigateBack');
      return host.outcome(result, { canNavigateBack: result.canNavigateBack });
    },
    canGoBack: () => ok({ canGoBack: host.canGoBack() }),
    setNavigationBarTitle: ({ title }) => route('setNavigationBarTitle', toCoreString(title)),
  };
}
