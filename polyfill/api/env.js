// The environment interfaces (polyfill/impl/env.js): they need nothing from the core (`core: false`).
import { cb } from './params.js';

/** @type {import('../api-table.js').ApiDef[]} */
export default [
  {
    name: 'getEnv', ns: 'miniProgram', since: '1.0.0', style: 'positional', promise: true, core: false, concern: 'env',
    params: [{ ...cb, required: false }],
    result: { env: "'miniprogram'", version: 'string', miniprogram: 'boolean' },
    doc: 'The environment and the JSSDK version.',
  },
  {
    name: 'getAppletInfo', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.0', style: 'options', core: false, concern: 'env',
    params: {},
    result: { appId: 'string', appTitle: 'string', appAvatar: 'string', appDescription: 'string', appThumbnail: 'string', path: 'string', userId: 'string' },
    doc: 'Basic information about the current mini-program.',
  },
];
