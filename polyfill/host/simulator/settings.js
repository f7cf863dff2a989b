// What the simulator keeps across reloads of its frame and of the shell (sessionStorage of the
// shell's tab, as a devtools session): the stack of each app, the network condition, the load
// timeout, the device mocks, the native APIs' answers, the Mocks section's edit and the launch (appId, stack, app.json,
// backMode). The shell's url carries the launch, the network and the location too (launch.js), and
// the device and orientation (?device=, ?landscape): a link opens the same phone in the same state.

const STORE_KEY = 'ft-polyfill-simulator';

/**
 * @typedef {object} SimulatorSettings
 * @property {string} network  a network preset's id (presets.js NETWORKS)
 * @property {string} timeout  ms of the web-view load timeout ('' = the page's own ftHostConfig)
 * @property {{ latitude: number, longitude: number, name: string, address: string }} place
 * @property {'off' | 'position' | 'deny' | 'unavailable' | 'timeout'} getLocation
 * @property {'off' | 'place' | 'cancel'} chooseLocation
 * @property {'off' | 'files' | 'cancel'} chooseImage
 * @property {Array<{ name: string, type: string, data: string }>} files  base64 data
 * @property {'off' | 'opened' | 'fail'} openDocument
 * @property {Array<[string, string]>} nativeApis  name → the JSON text of the answer
 * @property {Record<string, string[]>} stacks  appId → the page urls up to the web-view's page
 * @property {Launch} launch  what the mini-program starts with, over the page's own ftHostConfig
 * @property {string} mocks  the Mocks section's edit as its JSON file ('' = the page's own ftHostConfig.mocks)
 */

/**
 * The launch (the "Launch" form, ?appId= ?stack= ?appJson= ?backMode=); '' and [] leave the
 * page's own ftHostConfig (and serve's options) in force.
 * @typedef {object} Launch
 * @property {string} appId
 * @property {string[]} stack    page urls with their queries, bottom first; the last holds the web-view
 * @property {string} appJson    url of the app.json, relative to the page
 * @property {'' | 'history' | 'page'} backMode
 */

/** @returns {Launch} */
export const emptyLaunch = () => ({ appId: '', stack: [], appJson: '', backMode: '' });

/** @returns {SimulatorSettings} */
export const defaultSettings = () => ({
  network: 'online',
  timeout: '',
  place: { latitude: 22.5431, longitude: 114.0579, name: 'Civic Center', address: 'Futian District, Shenzhen' },
  getLocation: 'off',
  chooseLocation: 'off',
  chooseImage: 'off',
  files: [],
  openDocument: 'off',
  nativeApis: [],
  stacks: {},
  launch: emptyLaunch(),
  mocks: '',
});

/** @param {Window} win @returns {SimulatorSettings} */
export function loadSettings(win) {
  const settings = defaultSettings();
  try {
    const saved = JSON.parse(win.sessionStorage.getItem(STORE_KEY) || '{}');
    if (saved && typeof saved === 'object') {
      for (const key of /** @type {Array<keyof SimulatorSettings>} */ (Object.keys(settings))) {
        if (key in saved && typeof saved[key] === typeof settings[key]) /** @type {any} */ (settings)[key] = saved[key];
      }
    }
  } catch {
    // no sessionStorage (privacy mode) or a damaged entry: the defaults
  }
  const launch = settings.launch;
  const valid = launch && typeof launch.appId === 'string' && typeof launch.appJson === 'string' && Array.isArray(launch.stack)
    && launch.stack.every((page) => typeof page === 'string') && ['', 'history', 'page'].includes(launch.backMode);
  if (!valid) settings.launch = emptyLaunch();
  return settings;
}

/** @param {Window} win @param {SimulatorSettings} settings */
export function saveSettings(win, settings) {
  try {
    win.sessionStorage.setItem(STORE_KEY, JSON.stringify(settings));
  } catch {
    // full (large picked files) or unavailable: the files are kept for this shell only
    try {
      win.sessionStorage.setItem(STORE_KEY, JSON.stringify({ ...settings, files: [] }));
    } catch { /* unavailable */ }
  }
}
