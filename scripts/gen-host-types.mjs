// The typings of window.ftHost and its configuration, for scripts/gen-types.mjs: FtHost comes
// from the host surface table (polyfill/host/surface.js), FtMockableApi from the API table
// (`mockable`); the configuration, event and record types are written here.
import { API_TABLE } from '../polyfill/api-table.js';
import { HOST_SURFACE, signature } from '../polyfill/host/surface.js';

/**
 * The FtHost interface, from the host surface table (polyfill/host/surface.js); the panel's
 * controls (`panel.open`...) become the `panel` object.
 */
function hostInterface() {
  /** @param {import('../polyfill/host/surface.js').HostControl} c @param {string} indent */
  const member = (c, indent) => `${indent}/** ${c.doc}${c.queued ? ' In call order with the ft calls.' : ''} */\n${indent}${signature(c, 'ts')};`;
  /** Top-level members in order; a group (`panel`) takes the place of its first control. @type {Array<string | string[]>} */
  const members = [];
  /** @type {Map<string, string[]>} */
  const groups = new Map();
  for (const c of HOST_SURFACE) {
    const group = c.name.includes('.') ? c.name.slice(0, c.name.indexOf('.')) : '';
    if (!group) members.push(member(c, '  '));
    else {
      if (!groups.has(group)) {
        groups.set(group, []);
        members.push(`  ${group}: {`, /** @type {string[]} */ (groups.get(group)), '  };');
      }
      /** @type {string[]} */ (groups.get(group)).push(member(c, '    '));
    }
  }
  return `/** window.ftHost: the simulated host's controls (what the person or the host app does). Actions resolve, never reject. Generated from polyfill/host/surface.js. */\nexport interface FtHost {\n${members.flat().join('\n')}\n}`;
}

/** The declarations of ftHost, ftHostConfig and what they take and give. */
export function hostDeclarations() {
  return `/** What ft.getAppletInfo answers (ftHostConfig.appInfo; appId comes from ftHostConfig.appId). */
export interface FtAppInfo {
  appId?: string;
  appTitle?: string;
  appAvatar?: string;
  appDescription?: string;
  appThumbnail?: string;
  path?: string;
  userId?: string;
}

/** A mini-program's app.json, as far as the host reads it. */
export interface FtAppJson {
  pages?: string[];
  tabBar?: { list?: Array<{ pagePath: string; text?: string; [field: string]: unknown }>; [field: string]: unknown };
  window?: Record<string, unknown>;
  [field: string]: unknown;
}

/** An answer of ftHostConfig.mocks (docs/guides/mocks.md): as ftHost.mock's, with an optional \`delay\` in ms. */
export type FtConfigMockAnswer = { fail?: string; delay?: number; [field: string]: unknown } | ((options: Record<string, any>) => unknown);

/** One ft.request rule of ftHostConfig.mocks: the first whose url and method match answers. */
export interface FtRequestRule {
  /** The whole url: '*' matches any run of characters (the query too); a RegExp, or "/re/flags" in JSON. */
  url: string | RegExp;
  /** Any method when absent. */
  method?: string;
  /** Decoded as a fetched response (dataType, responseType); data: a string, bytes, or any other value sent as JSON. */
  response?: { statusCode?: number; header?: Record<string, string | number>; data?: unknown };
  /** A transport failure instead: request:fail <fail>. */
  fail?: 'timeout' | 'abort' | 'network error';
  /** ms before the answer (the request's timeout and abort still apply). */
  delay?: number;
}

/** ftHostConfig.mocks (docs/guides/mocks.md). */
export interface FtMocks {
  request?: FtRequestRule[];
  /** A request no rule matches: to the network (default), to the network with a console warning, or request:fail network error with a device check. */
  unmatched?: 'pass' | 'warn' | 'fail';
  /** ft.callNativeAPI(name) answers, by name. */
  callNativeAPI?: Record<string, FtConfigMockAnswer>;
  getLocation?: FtConfigMockAnswer;
  chooseImage?: FtConfigMockAnswer;
  chooseLocation?: FtConfigMockAnswer;
  openDocument?: FtConfigMockAnswer;
  downloadFile?: FtConfigMockAnswer;
}

/** window.ftHostConfig (set before the script), ftHost.configure's and the testing kit's argument. Every field is optional. */
export interface FtHostConfig {
  /** The mini-program's appId: storage belongs to it. Default 'ft-polyfill-app'. */
  appId?: string;
  /** ft.getAppletInfo's answer. */
  appInfo?: FtAppInfo;
  /** The mini-program's app.json (pages, tabBar.list[].pagePath). */
  app?: FtAppJson;
  /** Url of an app.json to load instead of \`app\`. */
  appJson?: string;
  /** Initial page stack, bottom first; the last page holds the web-view. */
  stack?: string[];
  /** ms: the host fires 'timeout' unless ft.complete() is called in time (at most 2^31-1 ms, about 24.8 days: a longer one is clamped). */
  webviewTimeout?: number;
  /** What the host's back does first (behaviour.md §3.13): 'history' (default) steps back through the page's own history while ft.canGoBack is true, then leaves the web-view page; 'page' leaves at once. */
  backMode?: 'history' | 'page';
  /** ms a getLocation may take, the permission prompt included (default 30000): then getLocation:fail timeout. */
  locationTimeout?: number;
  /** Rule-based mocks (docs/guides/mocks.md): request rules, the unmatched policy, native answers. */
  mocks?: FtMocks;
  /** Open the host panel at start. */
  panel?: boolean;
  /** Install even inside a real FinClip host. */
  force?: boolean;
  /** How a device check (behaviour.md §1.15) is reported: 'warn' (default, console.warn), or 'error' (console.error, and the testing kits fail the test). */
  onDeviceCheck?: 'warn' | 'error';
  [field: string]: unknown;
}

/** One settled ft call, as ftHost.calls() lists it (oldest first). */
export interface FtCallRecord {
  /** Qualified name, e.g. 'miniProgram.navigateTo'. */
  api: FtApiName | string;
  /** The arguments as given. */
  args: unknown[];
  /** The object given to the callbacks (undefined for calls without one). */
  result: (FtResult & Record<string, unknown>) | undefined;
  /** Date.now() when the call was made (ms). */
  time: number;
  /** ms until it settled. */
  duration: number;
}

/** A device check (behaviour.md §1.15): where the page relies on something a browser allows and the device refuses or changes. */
export interface FtDeviceWarning {
  /** 'request-url', 'route-query', 'storage-value', 'choose-image-count', 'request-header', 'json-copy', ... */
  kind: string;
  /** The call, e.g. 'request', 'miniProgram.navigateTo'. */
  api: FtApiName | string;
  /** What the device does and the fix, one line. */
  message: string;
  /** Where the page made the call ('file:line:column'), '' when unknown. */
  site: string;
}

/** ftHost.har(): a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/), as Chrome DevTools and Playwright's routeFromHAR read it. */
export interface FtHar {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: unknown[];
    /** Oldest first. _ftApi: 'request', 'downloadFile' or 'fetch' (the page's own); _ftMock: the mock that answered; _error: the failure's errMsg. */
    entries: Array<{ startedDateTime: string; time: number; request: Record<string, any>; response: Record<string, any>; cache: object; timings: Record<string, number>; _ftApi: string; _ftMock?: string; _error?: string }>;
  };
}

/** A page of the simulated page stack, as ftHost.stack() lists it. */
export interface FtStackPage {
  /** Path without the leading slash, e.g. 'pages/detail/index'. */
  route: string;
  /** The query's raw values as given. */
  query: Record<string, string>;
  /** route + '?' + query exactly as given. */
  url: string;
}

/** What a host action resolves to (it never rejects): reason is the host's text when ok is false. */
export interface FtHostResult {
  ok: boolean;
  reason?: string;
  [field: string]: unknown;
}

/** The interfaces ftHost.mock can answer. */
export type FtMockableApi = ${API_TABLE.filter((def) => def.mockable).map((def) => `'${def.name}'`).join(' | ')};

/** A mock's answer: the success fields, { fail: 'reason' }, or a function of the checked options returning either (or a Promise of either). */
export type FtMockAnswer = Record<string, unknown> | ((options: Record<string, any>) => unknown);

/** The host events ftHost.on listens to, and what each listener receives. */
export interface FtHostEventMap {
  /** Buffered postMessage data delivered at back, destroy and share: e.detail.data is the array. */
  message: { detail: { data: unknown[] } };
  /** ft.miniProgram.sendWebviewEvent: the web-view's bindevent, e.detail.data is the object. */
  event: { detail: { data: Record<string, unknown> } };
  /** The web-view did not call ft.complete() within webviewTimeout (ms). */
  timeout: { detail: { timeout: number } };
  /** The web-view loaded a document (once per document, never for pushState or a hash change): e.detail.src is its url (behaviour.md §3.14). */
  load: { detail: { src: string } };
  /** A document failed to load (ftHost.setSrc with a url the browser cannot load): e.detail.src is the url. */
  error: { detail: { src: string } };
  /** The page stack changed. */
  route: { action: string; stack: FtStackPage[] };
  /** The navigation bar title changed. */
  title: string;
  /** The page called ft.complete(). */
  complete: unknown;
  navigateToMiniProgram: Record<string, unknown>;
  navigateBackMiniProgram: Record<string, unknown>;
  close: Record<string, unknown>;
  /** Any host state change (the panel re-renders on it). */
  host: Record<string, unknown>;
  /** An ft call settled. */
  call: FtCallRecord;
  /** A mock was added or removed. */
  mock: { api: string; mocked: boolean };
  /** ft.openDocument showed a document. */
  document: Record<string, unknown>;
  /** A device check was reported (the first of its kind and call site). */
  deviceCheck: FtDeviceWarning;
}

${hostInterface()}`;
}
