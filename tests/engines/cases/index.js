// The shared suite, in order: every engine file runs all of it (tests/engines/<engine>.test.js).
import * as smoke from './smoke.js';

/** @type {Array<{ concern: string, cases: import('../../helpers/engines.js').EngineCase[], routes?: Record<string, import('../../../bin/server.js').RouteHandler> }>} */
const MODULES = [
  { concern: 'smoke', ...smoke },
];

export const CASES = MODULES.map(({ concern, cases }) => ({ concern, cases }));
export const ROUTES = Object.assign({}, ...MODULES.map((m) => m.routes || {}));
