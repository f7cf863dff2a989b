// The host configuration a page sets before the script: `window.ftHostConfig` (or the testing
// kit's / ftHost.configure's argument). Every field is optional.

/**
 * @typedef {object} AppInfo  what ft.getAppletInfo returns (jssdk-interface.md)
 * @property {string} [appId]
 * @property {string} [appTitle]
 * @property {string} [appAvatar]
 * @property {string} [appDescription]
 * @property {string} [appThumbnail]
 * @property {string} [path]
 * @property {string} [userId]
 */

/**
 * @typedef {object} FtHostConfig
 * @property {string} [appId]           the mini-program's appId: storage belongs to it (default 'ft-polyfill-app')
 * @property {AppInfo} [appInfo]        ft.getAppletInfo's answer (appId filled in from `appId`)
 * @property {object} [app]             the mini-program's app.json (pages, tabBar.list[].pagePath)
 * @property {string} [appJson]         url of an app.json to load instead of `app`
 * @property {string[]} [stack]         initial page stack, bottom first; the last page holds the web-view
 * @property {number} [webviewTimeout]  ms; the host fires 'timeout' unless ft.complete() is called in time (at most 2^31-1 ms, about 24.8 days: a longer one is clamped)
 * @property {'history' | 'page'} [backMode]  what the host's back (ftHost.back(), the panel's and simulator's) does
 *                                      first (behaviour.md §3.13): 'history' (default, as WeChat) steps back
 *                                      through the page's own history while ft.canGoBack is true, then leaves
 *                                      the web-view page; 'page' (as Alipay) leaves at once. Another value: configError
 * @property {number} [locationTimeout] ms getLocation waits for an answer, the permission prompt included, before it fails 'getLocation:fail timeout' (default 30000; not a number above 0: the default)
 * @property {boolean} [panel]          open the host panel at start
 * @property {boolean} [force]          install even inside a real FinClip host
 * @property {Record<string, unknown>} [mocks]  rule-based mocks (docs/guides/mocks.md, polyfill/mocks/rules.js): request rules,
 *                                      the unmatched policy, callNativeAPI and device interfaces' answers
 * @property {'warn' | 'error'} [onDeviceCheck]  how a device check (§1.15) is reported: a console.warn (default), or a
 *                                      console.error and, in the testing kits, a failed test
 */

export const DEFAULT_APP_ID = 'ft-polyfill-app';

/**
 * Fills in defaults; ignores fields of the wrong type (with one warning each) rather than throw.
 * @param {unknown} given
 * @returns {FtHostConfig & { appId: string, appInfo: Required<AppInfo> }}
 */
export function normalizeConfig(given) {
  /** @type {Record<string, any>} */
  const config = given && typeof given === 'object' ? { ...given } : {};
  if (typeof config.appId !== 'string' || config.appId === '') {
    if (config.appId !== undefined) console.warn('ft-polyfill: ftHostConfig.appId should be a non-empty string; using the default');
    config.appId = DEFAULT_APP_ID;
  }
  const info = config.appInfo && typeof config.appInfo === 'object' ? config.appInfo : {};
  config.appInfo = {
    appId: config.appId,
    appTitle: '',
    appAvatar: '',
    appDescription: '',
    appThumbnail: '',
    path: '',
    userId: '',
    ...info,
  };
  config.appInfo.appId = config.appId;
  return /** @type {any} */ (config);
}
