// ES module entry: `import ft, { host } from 'ft-polyfill'`. In a browser it also installs
// window.ft / window.ftHost (or reuses the instance already there, e.g. from the script tag).
import { installFt } from './install.js';
import { createFt } from './create.js';
import loadCore from './core-web.js';

const g = /** @type {any} */ (globalThis);
const instance = (typeof window !== 'undefined' && installFt(window, loadCore)) || createFt({ loadCore, config: g.ftHostConfig, global: g });

/** The `ft` object of the FinClip JSSDK 1.4.20. */
const ft = instance.ft;
/** The simulated host's controls (window.ftHost). */
export const host = instance.host;
export default ft;
