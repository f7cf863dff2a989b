// The shared engine suite (tests/engines/cases) in Chromium (playwright-core, /usr/bin/chromium).
import { defineEngineSuite } from '../helpers/engines.js';
import { CASES, ROUTES } from './cases/index.js';
import { LIMITS } from './limits.js';

defineEngineSuite('chromium', { cases: CASES, routes: ROUTES, limits: LIMITS });
