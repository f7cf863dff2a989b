// The shared suite, in order: every engine file runs all of it (tests/engines/<engine>.test.js).
import * as storage from './storage.js';
import * as leave from './leave.js';
import * as navigation from './navigation.js';
import * as webview from './webview.js';
import * as messaging from './messaging.js';
import * as bridge from './bridge.js';
import * as network from './network.js';
import * as mocks from './mocks.js';
import * as device from './device.js';
import * as badInput from './bad-input.js';
import * as multitab from './multitab.js';
import * as install from './install.js';
import * as demo from './demo.js';
import * as strict from './strict.js';
import * as realClients from './real-clients.js';
import * as devtools from './devtools.js';

/** @type {Array<{ concern: string, cases: import('../../helpers/engines.js').EngineCase[], routes?: Record<string, import('../../../bin/server.js').RouteHandler> }>} */
const MODULES = [
  { concern: 'storage', ...storage },
  { concern: 'leaving the page', ...leave },
  { concern: 'navigation', ...navigation },
  { concern: 'web-view', ...webview },
  { concern: 'messaging', ...messaging },
  { concern: 'native bridge', ...bridge },
  { concern: 'network and files', ...network },
  { concern: 'mocks', ...mocks },
  { concern: 'location and images', ...device },
  { concern: 'bad input', ...badInput },
  { concern: 'two tabs', ...multitab },
  { concern: 'install', ...install },
  { concern: 'demo', ...demo },
  { concern: 'strict pages', ...strict },
  { concern: 'real clients', ...realClients },
  { concern: 'devtools', ...devtools },
];

export const CASES = MODULES.map(({ concern, cases }) => ({ concern, cases }));
export const ROUTES = Object.assign({}, ...MODULES.map((m) => m.routes || {}));
