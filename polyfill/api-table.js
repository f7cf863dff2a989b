// The one definition of every `ft` interface (jssdk-interface.md, JSSDK 1.4.20): its name, where it
// lives, how it is called, its parameters with types and defaults, its minimum version and the
// fields of its success result. The argument checks (validate.js), the call pipeline
// (pipeline.js), the typings (scripts/gen-types.mjs) and the README's coverage table all read it.

/**
 * A parameter type, named as WeChat names them in "parameter error" texts (behaviour.md §1.5).
 * 'any' accepts every value; 'arraybuffer' is an ArrayBuffer or a typed array view.
 * @typedef {'string'|'number'|'boolean'|'object'|'array'|'function'|'arraybuffer'|'any'} ParamType
 */

/**
 * @typedef {object} ParamDef
 * @property {ParamType|ParamType[]} type  accepted type(s)
 * @property {boolean} [required]           missing → "parameter error"
 * @property {unknown} [default]            applied before the implementation runs
 * @property {string[]} [oneOf]             accepted values (strings), checked after the type
 * @property {string} [doc]                 one line for the typings
 * @property {string} [ts]                  TypeScript type for the typings when `type` is too loose
 */

/**
 * How an interface takes its arguments:
 * - 'options':    fn({...params, success, fail, complete}) → Promise when no callback is given.
 * - 'positional': fn(a, b, ...) with `params` in order; a parameter with `callback: true` receives
 *                 the result (and a Promise is returned when it is missing and `promise` is set).
 * @typedef {object} ApiDef
 * @property {string} name             the JSSDK name, e.g. 'navigateTo'
 * @property {'ft'|'miniProgram'} ns   `ft.name` or `ft.miniProgram.name`
 * @property {'miniProgram'} [alsoIn]  also installed there, as the same function: the npm package
 *                                     `finclip-js-sdk` lists it under `ft.miniProgram` (behaviour.md §1.12)
 * @property {string} since            minimum JSSDK version (jssdk-interface.md)
 * @property {'options'|'positional'} style
 * @property {Record<string, ParamDef>|Array<ParamDef & {name: string, callback?: boolean}>} params
 * @property {string} [errApi]         errMsg prefix when it is not `name` (behaviour.md §1.3)
 * @property {boolean} [promise]       positional style: return a Promise when the callback is missing
 * @property {boolean} [task]          returns a task with abort() (WeChat's RequestTask / DownloadTask)
 * @property {boolean} [core]          false: needs nothing from the WebAssembly core, so it runs before the core is up when no earlier call waits
 * @property {Record<string, string>} [result]  success fields → TypeScript type (errMsg implied; `name?` an optional field)
 * @property {string} doc              one line (jssdk-interface.md)
 * @property {string} concern          which implementation module serves it (polyfill/impl/<concern>.js)
 */

const ROUTED = 'invokeMiniProgramAPI';
/** @type {ParamDef} */
const url = { type: 'string', required: true, doc: 'in-app page path, absolute or relative, with an optional query' };
/** @type {ParamDef & { name: string }} */
const cb = { name: 'callback', type: 'function', required: true };

/** @type {ApiDef[]} */
export const API_TABLE = [
  // ft.miniProgram: the host mini-program (behaviour.md §3, §4)
  { name: 'navigateTo', ns: 'miniProgram', since: '1.0.0', style: 'options', errApi: ROUTED, concern: 'navigation', params: { url }, doc: 'Keep the current page and open an in-app page.' },
  { name: 'navigateBack', ns: 'miniProgram', since: '1.0.0', style: 'options', errApi: ROUTED, concern: 'navigation', params: { delta: { type: 'number', default: 1, doc: 'pages to go back; beyond the stack returns to the first page' } }, doc: 'Close the current page and go back one or more pages.' },
  { name: 'switchTab', ns: 'miniProgram', since: '1.0.0', style: 'options', errApi: ROUTED, concern: 'navigation', params: { url }, doc: 'Go to a tabBar page and close every non-tab page.' },
  { name: 'redirectTo', ns: 'miniProgram', since: '1.0.0', style: 'options', errApi: ROUTED, concern: 'navigation', params: { url }, doc: 'Close the current page and open an in-app page.' },
  { name: 'reLaunch', ns: 'miniProgram', since: '1.0.0', style: 'options', errApi: ROUTED, concern: 'navigation', params: { url }, doc: 'Close every page and open an in-app page.' },
  { name: 'postMessage', ns: 'miniProgram', since: '1.0.0', style: 'positional', concern: 'messaging', params: [{ name: 'message', type: 'object', required: true, ts: 'Record<string, unknown>' }], doc: 'Buffer a message for the host; delivered at back, destroy and share.' },
  { name: 'getEnv', ns: 'miniProgram', since: '1.0.0', style: 'positional', promise: true, core: false, concern: 'env', params: [{ ...cb, required: false }], result: { env: "'miniprogram'", version: 'string', miniprogram: 'boolean' }, doc: 'The environment and the JSSDK version.' },
  { name: 'close', ns: 'miniProgram', since: '1.0.3', style: 'options', concern: 'navigation', params: {}, doc: 'Close the mini-program.' },
  { name: 'navigateToMiniProgram', ns: 'miniProgram', since: '1.0.4', style: 'options', errApi: ROUTED, concern: 'navigation', params: { appId: { type: 'string', required: true }, path: { type: 'string' }, extraData: { type: 'object', ts: 'Record<string, unknown>' } }, doc: 'Open another mini-program.' },
  { name: 'navigateBackMiniProgram', ns: 'miniProgram', since: '1.0.4', style: 'options', errApi: ROUTED, concern: 'navigation', params: { extraData: { type: 'object', ts: 'Record<string, unknown>' } }, doc: 'Return to the previous mini-program, handing it extraData.' },
  { name: 'onShow', ns: 'miniProgram', since: '1.0.6', style: 'positional', concern: 'messaging', params: [{ ...cb, ts: '(res: { data: Record<string, string> }) => void' }], doc: 'Listen for the page being shown.' },
  { name: 'onHide', ns: 'miniProgram', since: '1.0.8', style: 'positional', concern: 'messaging', params: [{ ...cb, ts: '(res: Record<string, unknown>) => void' }], doc: 'Listen for the page being hidden.' },
  { name: 'onUnload', ns: 'miniProgram', since: '1.0.8', style: 'positional', concern: 'messaging', params: [{ ...cb, ts: '(res: Record<string, unknown>) => void' }], doc: 'Listen for the web-view page being closed.' },
  { name: 'onWebviewEvent', ns: 'miniProgram', since: '1.4.1', style: 'positional', concern: 'messaging', params: [{ ...cb, ts: '(data: any) => void' }], doc: 'Listen for events the host sends with sendWebviewEvent.' },
  { name: 'offWebviewEvent', ns: 'miniProgram', since: '1.4.1', style: 'positional', concern: 'messaging', params: [{ ...cb, required: false, ts: '(data: any) => void' }], doc: 'Remove one listener, or all without an argument.' },
  { name: 'sendWebviewEvent', ns: 'miniProgram', since: '1.4.1', style: 'positional', concern: 'messaging', params: [{ name: 'data', type: 'object', required: true, ts: 'Record<string, unknown>' }], doc: "Trigger the web-view's bindevent at once." },

  // ft: device, storage and bridge interfaces
  { name: 'downloadFile', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.0', style: 'options', task: true, concern: 'network', params: { url: { type: 'string', required: true }, header: { type: 'object', ts: 'Record<string, string>' }, timeout: { type: 'number', doc: 'ms' }, filePath: { type: 'string', doc: 'keep the file under this path (persists across reloads)' } }, result: { 'tempFilePath?': 'string', 'filePath?': 'string', statusCode: 'number' }, doc: 'Download a file: `tempFilePath` without `filePath`, `filePath` (and no tempFilePath) with it.' },
  { name: 'getAppletInfo', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.0', style: 'options', core: false, concern: 'env', params: {}, result: { appId: 'string', appTitle: 'string', appAvatar: 'string', appDescription: 'string', appThumbnail: 'string', path: 'string', userId: 'string' }, doc: 'Basic information about the current mini-program.' },
  { name: 'openDocument', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.0', style: 'options', concern: 'files', params: { filePath: { type: 'string', required: true }, fileType: { type: 'string', oneOf: ['doc', 'xls', 'ppt', 'pdf', 'docx', 'xlsx', 'pptx'] } }, doc: 'Open a document.' },
  { name: 'chooseImage', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.1', style: 'options', concern: 'media', params: { count: { type: 'number', default: 9 }, sizeType: { type: 'array', default: ['original', 'compressed'], ts: "Array<'original' | 'compressed'>" }, sourceType: { type: 'array', default: ['album', 'camera'], ts: "Array<'album' | 'camera'>" } }, result: { tempFilePaths: 'string[]', tempFiles: 'Array<{ path: string; size: number }>' }, doc: 'Take a photo or pick images.' },
  { name: 'getLocalImgData', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'media', params: { path: { type: 'string', required: true } }, result: { localData: 'string' }, doc: 'The image at a local path as a base64 data URL.' },
  { name: 'chooseLocation', ns: 'ft', since: '1.0.9', style: 'options', concern: 'location', params: { latitude: { type: 'number' }, longitude: { type: 'number' } }, result: { name: 'string', address: 'string', latitude: 'number', longitude: 'number' }, doc: 'Let the person pick a place.' },
  { name: 'getLocation', ns: 'ft', since: '1.0.9', style: 'options', concern: 'location', params: { type: { type: 'string', default: 'wgs84', oneOf: ['wgs84', 'gcj02'] }, altitude: { type: 'boolean' } }, result: { latitude: 'number', longitude: 'number', speed: 'number', accuracy: 'number', altitude: 'number' }, doc: 'The current position.' },
  { name: 'getStorage', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'storage', params: { key: { type: 'string', required: true } }, result: { data: 'any' }, doc: "Read a key of the mini-program's storage." },
  { name: 'setStorage', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'storage', params: { key: { type: 'string', required: true }, data: { type: 'any', ts: 'unknown' } }, doc: "Write a key of the mini-program's storage (1 MB a key, 10 MB in all)." },
  { name: 'removeStorage', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'storage', params: { key: { type: 'string', required: true } }, doc: 'Remove a key (a missing key succeeds).' },
  { name: 'clearStorage', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'storage', params: {}, doc: "Remove every key of this mini-program (not the page's localStorage)." },
  { name: 'getStorageInfo', ns: 'ft', alsoIn: 'miniProgram', since: '1.0.9', style: 'options', concern: 'storage', params: {}, result: { keys: 'string[]', currentSize: 'number', limitSize: 'number' }, doc: 'Keys and sizes in KB.' },
  { name: 'canGoBack', ns: 'ft', alsoIn: 'miniProgram', since: '1.2.0', style: 'options', concern: 'navigation', params: {}, result: { canGoBack: 'boolean' }, doc: "Whether the H5 page's own history can go back." },
  { name: 'canNavigateBack', ns: 'ft', alsoIn: 'miniProgram', since: '1.2.0', style: 'options', concern: 'navigation', params: {}, result: { canNavigateBack: 'boolean' }, doc: "Whether the mini-program's page stack can go back." },
  { name: 'setNavigationBarTitle', ns: 'ft', alsoIn: 'miniProgram', since: '1.2.0', style: 'options', concern: 'navigation', params: { title: { type: 'string', required: true } }, doc: 'Set the title of the current mini-program page.' },
  { name: 'request', ns: 'ft', alsoIn: 'miniProgram', since: '1.3.9', style: 'options', task: true, concern: 'network', params: { url: { type: 'string', required: true }, data: { type: ['object', 'array', 'string', 'arraybuffer', 'number', 'boolean'], ts: 'string | object | ArrayBuffer' }, header: { type: 'object', ts: 'Record<string, string>' }, method: { type: 'string', default: 'GET', ts: "'OPTIONS' | 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'TRACE' | 'CONNECT'" }, dataType: { type: 'string', default: 'json' }, responseType: { type: 'string', default: 'text', oneOf: ['text', 'arraybuffer'] }, timeout: { type: 'number', default: 60000, doc: 'ms' } }, result: { data: 'any', statusCode: 'number', header: 'Record<string, string>' }, doc: 'Make an HTTP request.' },
  { name: 'callNativeAPI', ns: 'ft', since: '1.4.1', style: 'positional', promise: true, concern: 'messaging', params: [{ name: 'name', type: 'string', required: true }, { name: 'data', type: 'object', ts: 'Record<string, unknown>' }, { name: 'callback', type: 'function', callback: true, ts: '(res: any) => void' }], doc: 'Call a native API registered by the host.' },
  { name: 'registNativeAPIHandler', ns: 'ft', since: '1.4.1', style: 'positional', concern: 'messaging', params: [{ name: 'name', type: 'string', required: true }, { ...cb, ts: '(data: any) => unknown' }], doc: 'Register the one handler the host calls under a name (not recommended).' },
  { name: 'complete', ns: 'ft', since: '1.4.11', style: 'positional', concern: 'messaging', params: [], doc: 'Tell the host the page has loaded (stops the web-view load timeout).' },
  { name: 'onNativeAPIHandler', ns: 'ft', since: '1.4.20', style: 'positional', concern: 'messaging', params: [{ name: 'name', type: 'string', required: true }, { ...cb, ts: '(data: any) => unknown' }], doc: 'Add a handler the host can call under a name.' },
  { name: 'offNativeAPIHandler', ns: 'ft', since: '1.4.20', style: 'positional', concern: 'messaging', params: [{ name: 'name', type: 'string', required: true }, { ...cb, required: false, ts: '(data: any) => unknown' }], doc: 'Remove a handler added with onNativeAPIHandler.' },
];

/** The JSSDK version this polyfill implements. */
export const JSSDK_VERSION = '1.4.20';

/** @type {Map<string, ApiDef>} by name */
export const API_BY_NAME = new Map(API_TABLE.map((def) => [def.name, def]));
