// ES module entry: `import ft, { host } from 'ft-polyfill'`. It also installs window.ft /
// window.ftHost (or reuses the instance already there, e.g. from the script tag or the testing kit).
// Inside a real FinClip host (install.js: realHostPresent) nothing is installed and `ft` forwards
// to the host's own window.ft, so the same bundle runs in the app and in a plain browser.
import { installFt } from './install.js';
import { createFt } from './create.js';
import loadCore from './core-web.js';

const g = /** @type {any} */ (globalThis);
// One instance per global object (§1.11): a window's, else (a Node-like runtime that resolved the
// browser build) the global object's, shared with ft-polyfill/testing and the CommonJS build.
const installed = installFt(typeof window !== 'undefined' ? window : g, loadCore);

/** @type {{ ft: any, host: any }} */
let instance;
if (installed) {
  instance = installed;
} else {
  // A real host owns the page: forward to its JSSDK; the simulated host is only made if used.
  /** @type {any} */ let detached = null;
  const simulated = () => (detached = detached || createFt({ loadCore, config: g.ftHostConfig, global: g }));
  instance = {
    ft: new Proxy({}, { get: (_t, key) => (g.ft ? g.ft[key] : undefined), has: (_t, key) => Boolean(g.ft) && key in g.ft }),
    host: new Proxy({}, { get: (_t, key) => simulated().host[key] }),
  };
}

/** The `ft` object of the FinClip JSSDK 1.4.20. */
const ft = instance.ft;
/** The simulated host's controls (window.ftHost). */
export const host = instance.host;
export default ft;
