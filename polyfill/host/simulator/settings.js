// What the simulator keeps across reloads of its frame and of the shell (sessionStorage of the
// shell's tab, as a devtools session): the stack of each app, the network condition, the load
// timeout, the device mocks and the native APIs' answers. The device and orientation are in the
// shell's url instead (?device=, ?landscape), so a link opens the same phone.

const STORE_KEY = 'ft-polyfill-simulator';

/**
 * @typedef {object} SimulatorSettings
 * @property {'online' | 'slow' | 'offline'} network
 * @property {string} timeout  ms of the web-view load timeout ('' = the page's own ftHostConfig)
 * @property {{ latitude: number, longitude: number, name: string, address: string }} place
 * @property {'off' | 'position' | 'deny'} getLocation
 * @property {'off' | 'place' | 'cancel'} chooseLocation
 * @property {'off' | 'files' | 'cancel'} chooseImage
 * @property {Array<{ name: string, type: string, data: string }>} files  base64 data
 * @property {'off' | 'opened' | 'fail'} openDocument
 * @property {Array<[string, string]>} nativeApis  name → the JSON text of the answer
 * @property {Record<string, string[]>} stacks  appId → the page urls up to the web-view's page
 */

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
