// The navigation interfaces (polyfill/impl/navigation.js): the host's page stack and mini-program
// stack (behaviour.md §3).
import { ROUTED, url, extraData } from './params.js';

/** @type {import('../api-table.js').ApiDef[]} */
export default [
  {
    name: 'navigateTo', ns: 'miniProgram', since: '1.0.0', style: 'options', errApi: ROUTED, concern: 'navigation',
    params: { url },
    doc: 'Keep the current page and open an in-app page.',
    note: 'simulated page stack (10 pages), app.json pages and tabBar',
  },
  {
    name: 'navigateBack', ns: 'miniProgram', since: '1.0.0', style: 'options', errApi: ROUTED, concern: 'navigation',
    params: { delta: { type: 'number', default: 1, doc: 'pages to go back; beyond the stack returns to the first page' } },
    doc: 'Close the current page and go back one or more pages.',
    note: 'delta clamps to the first page',
  },
  {
    name: 'switchTab', ns: 'miniProgram', since: '1.0.0', style: 'options', errApi: ROUTED, concern: 'navigation',
    params: { url },
    doc: 'Go to a tabBar page and close every non-tab page.',
  },
  {
    name: 'redirectTo', ns: 'miniProgram', since: '1.0.0', style: 'options', errApi: ROUTED, concern: 'navigation',
    params: { url },
    doc: 'Close the current page and open an in-app page.',
  },
  {
    name: 'reLaunch', ns: 'miniProgram', since: '1.0.0', style: 'options', errApi: ROUTED, concern: 'navigation',
    params: { url },
    doc: 'Close every page and open an in-app page.',
  },
  {
    name: 'close', ns: 'miniProgram', since: '1.0.3', style: 'options', concern: 'navigation',
    params: {},
    doc: 'Close the mini-program.',
    note: 'the simulated mini-program closes; later calls fail `web-view page is closed`',
  },
  {
    name: 'navigateToMiniProgram', ns: 'miniProgram', since: '1.0.4', style: 'options', errApi: ROUTED, concern: 'navigation',
    params: { appId: { type: 'string', required: true }, path: { type: 'string' }, extraData },
    doc: 'Open another mini-program.',
    note: 'a simulated app stack; no other mini-program really opens',
  },
  {
    name: 'navigateBackMiniProgram', ns: 'miniProgram', since: '1.0.4', style: 'options', errApi: ROUTED, concern: 'navigation',
    params: { extraData },
    doc: 'Return to the previous mini-program, handing it extraData.',
  },
  {
    name: 'canGoBack', ns: 'ft', alsoIn: 'miniProgram', since: '1.2.0', style: 'options', concern: 'navigation',
    params: {},
    result: { canGoBack: 'boolean' },
    doc: "Whether the H5 page's own history in the web-view can go back (entries since the web-view's first document, behaviour.md §3.11).",
    note: "the web-view's own history: entries since its first document",
  },
  {
    name: 'canNavigateBack', ns: 'ft', alsoIn: 'miniProgram', since: '1.2.0', style: 'options', concern: 'navigation',
    params: {},
    result: { canNavigateBack: 'boolean' },
    doc: "Whether the mini-program's page stack can go back.",
  },
  {
    name: 'setNavigationBarTitle', ns: 'ft', alsoIn: 'miniProgram', since: '1.2.0', style: 'options', concern: 'navigation',
    params: { title: { type: 'string', required: true } },
    doc: 'Set the title of the current mini-program page.',
  },
];
