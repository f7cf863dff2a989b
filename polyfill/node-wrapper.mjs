// dist/ft-polyfill.node.mjs: `import ft, { host } from 'ft-polyfill'` in Node (the exports map's
// "node" condition: Vitest, Node ESM). The same module as require('ft-polyfill'), so ESM and
// CommonJS code, and ft-polyfill/testing, share one instance (behaviour.md §1.11).
import { createRequire } from 'node:module';

const cjs = createRequire(import.meta.url)('./ft-polyfill.cjs');

export const { createFt, installFt, polyfillGlobals } = cjs;
/** The `ft` object of the FinClip JSSDK 1.4.20, installed on globalThis. */
const ft = cjs.default;
/** The simulated host's controls (globalThis.ftHost). */
export const host = cjs.host;
export { ft };
export default ft;
