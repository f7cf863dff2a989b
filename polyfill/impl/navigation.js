// ft.miniProgram.navigateTo / redirectTo / switchTab / reLaunch / navigateBack / close /
// navigateToMiniProgram / navigateBackMiniProgram, ft.canNavigateBack, ft.canGoBack and
// ft.setNavigationBarTitle (behaviour.md §3). The C++ host (src/host.h) decides every rule and
// reason; this file forwards the call and performs the events it returns (host/bridge.js).

import { ok } from '../pipeline.js';
import { toCoreJson, toCoreString } from '../core-wire.js';

/** extraData as the core takes it: JSON text of its copy (the pipeline's, §1.14), '' when absent. @param {unknown} extraData */
const extraJson = (extraData) => (extraData == null ? '' : /** @type {string} */ (toCoreJson(extraData)));

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @param {import('../services.js').Services} services
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function navigationImpl(runtime, services) {
  const { host } = services;

  // The pipeline runs these only once the core is up and configured (runtime.js queue).
  /** @param {string} method @param {...(string|number)} args */
  const route = (method, ...args) => host.settleCall(host.call(method, ...args));
  /** A route that opens a page; its route event (the last) carries the device check of a query the core cuts (§3.8). @param {string} method @param {string} url @param {{ api: string }} ctx */
  const open = (method, url, ctx) => {
    const answer = host.call(method, toCoreString(url));
    const check = answer.ok && answer.events[answer.events.length - 1].check;
    if (check) runtime.deviceCheck('route-query', ctx.api, check);
    return host.settleCall(answer);
  };

  return {
    navigateTo: ({ url }, ctx) => open('navigateTo', url, ctx),
    redirectTo: ({ url }, ctx) => open('redirectTo', url, ctx),
    switchTab: ({ url }) => route('switchTab', toCoreString(url)),
    reLaunch: ({ url }, ctx) => open('reLaunch', url, ctx),
    // delta: a number, 1 by default (the table); its range is the core's rule (Navigation::back_count).
    navigateBack: ({ delta }) => route('navigateBack', delta),
    close: () => route('close'),
    navigateToMiniProgram: ({ appId, path, extraData }) => route('navigateToMiniProgram', toCoreString(appId), toCoreString(path ?? ''), extraJson(extraData)),
    navigateBackMiniProgram: ({ extraData }) => route('navigateBackMiniProgram', extraJson(extraData)),
    canNavigateBack: () => {
      const result = host.call('canNavigateBack');
      return host.settleCall(result, { canNavigateBack: result.canNavigateBack });
    },
    canGoBack: () => ok({ canGoBack: host.canGoBack() }),
    setNavigationBarTitle: ({ title }) => route('setNavigationBarTitle', toCoreString(title)),
  };
}
