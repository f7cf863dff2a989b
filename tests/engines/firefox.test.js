// The shared engine suite (tests/engines/cases) in Firefox ESR (puppeteer-core over WebDriver BiDi).
import { defineEngineSuite } from '../helpers/engines.js';
import { CASES, ROUTES } from './cases/index.js';
import { LIMITS } from './limits.js';

defineEngineSuite('firefox', { cases: CASES, routes: ROUTES, limits: LIMITS });
