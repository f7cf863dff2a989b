// The simulator's device presets, named as Playwright's device registry names them (its `screen`
// size, so a test run with devices['Pixel 7'] and the simulator show the same phone): the screen
// in CSS px (portrait), and the height of the system status bar the host draws above its
// navigation bar.

/**
 * @typedef {object} Device
 * @property {string} id         what --device and ?device= take (a name works too, any case)
 * @property {string} name
 * @property {number} width      CSS px, portrait
 * @property {number} height     CSS px, portrait
 * @property {number} statusBar  CSS px, portrait (landscape phones hide most of it: 20)
 */

/** @type {Device[]} */
export const DEVICES = [
  { id: 'iphone-se', name: 'iPhone SE (3rd gen)', width: 375, height: 667, statusBar: 20 },
  { id: 'iphone-14', name: 'iPhone 14', width: 390, height: 844, statusBar: 47 },
  { id: 'iphone-15-pro', name: 'iPhone 15 Pro', width: 393, height: 852, statusBar: 54 },
  { id: 'pixel-5', name: 'Pixel 5', width: 393, height: 851, statusBar: 24 },
  { id: 'pixel-7', name: 'Pixel 7', width: 412, height: 915, statusBar: 24 },
];

/** The default device (a common phone width). */
export const DEFAULT_DEVICE = DEVICES[1];

/**
 * The preset of an id or a name ("iPhone SE (3rd gen)", "iPhone SE", "iphone-se"), or undefined.
 * @param {unknown} name @returns {Device | undefined}
 */
export function findDevice(name) {
  const key = (/** @type {string} */ s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (typeof name !== 'string' || name === '') return undefined;
  return DEVICES.find((d) => key(d.id) === key(name) || key(d.name) === key(name) || key(d.name.replace(/ \(.*\)$/, '')) === key(name));
}

/** Height of the navigation bar and the tabBar, CSS px (WeChat's iOS sizes). */
export const NAV_BAR = 44;
export const TAB_BAR = 50;
