// The shared engine suite (tests/engines/cases) in WebKitGTK (WebKitWebDriver and MiniBrowser on Xvfb).
import { defineEngineSuite } from '../helpers/engines.js';
import { CASES, ROUTES } from './cases/index.js';
import { LIMITS } from './limits.js';

defineEngineSuite('webkit', { cases: CASES, routes: ROUTES, limits: LIMITS });
