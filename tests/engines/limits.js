// What a driver cannot do, in one place: cases ask browser.can(capability) and, where the
// answer is no, cover the interface with ftHost.mock instead. scripts/test.mjs prints this table
// after the run and CONTRIBUTING.md's "Engines" table reproduces it. A limit is never a skip.
// 'trustedTypes' would be a limit of the engine itself, not of its driver (an engine without
// window.trustedTypes ignores the header; the strict-pages case then asserts exactly that): no
// engine tested lacks it, so none is listed.

/**
 * @type {Array<{ engine: import('../helpers/engines-select.js').EngineId, capability: import('../helpers/engines.js').Capability, driver: string, covered: string }>}
 */
export const LIMITS = [
  {
    engine: 'webkit',
    capability: 'geolocation',
    driver: 'WebKitWebDriver can neither grant geolocation nor set a position (the permission prompt stays pending)',
    covered: 'getLocation answered by ftHost.mock (wgs84 and the gcj02 conversion)',
  },
  {
    engine: 'webkit',
    capability: 'fileChooser',
    driver: 'WebKitWebDriver cannot queue files for a file chooser (MiniBrowser cancels it)',
    covered: 'chooseImage answered by ftHost.mock (count, tempFiles, getLocalImgData of the result)',
  },
];
