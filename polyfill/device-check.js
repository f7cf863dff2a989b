// The device check (behaviour.md §1.15): where a page relies on something a browser allows but the
// device refuses or changes, the polyfill does what the device does (the core decides) and says so
// here: one console line per kind and call site, naming the call, what the device does and the fix,
// and a list a test can assert empty (ftHost.warnings()). The texts come from whoever decided: the
// core for its rules, the implementation for browser facts.
//
// Kinds (the `kind` field): 'request-url' (§5.3), 'route-query' (§3.8), 'storage-value' (§2.1),
// 'choose-image-count' (§5.5), 'request-header' (a header the browser will not send),
// 'json-copy' (§1.14: a value crossing to the host that JSON changes), 'mock-unmatched' (a request
// no rule of ftHostConfig.mocks matches, with mocks.unmatched 'fail': polyfill/mocks/rules.js).

/**
 * One device check, as ftHost.warnings() lists it.
 * @typedef {object} DeviceWarning
 * @property {string} kind     one of the kinds above
 * @property {string} api      the call, e.g. 'request', 'miniProgram.navigateTo'
 * @property {string} message  what the device does and the fix, one line
 * @property {string} site     where the page made the call ('file:line:column'), '' when unknown
 */

/** Kept at most (a page looping over a bad call would otherwise grow the list without end). */
export const WARNINGS_LIMIT = 200;

const PREFIX = 'ft-polyfill device check: ';

/**
 * The file a stack line names ('https://x/app.js' of 'at f (https://x/app.js:3:9)' or 'f@https://x/app.js:3:9'), or ''.
 * @param {string} line
 */
const fileOf = (line) => {
  const m = /(?:\(|@|at\s+)((?:[a-z][\w+.-]*:\/\/|\/)[^\s()]*?):\d+:\d+\)?\s*$/i.exec(line);
  return m ? m[1] : '';
};

/**
 * The first stack frame outside the polyfill's own file, as 'file:line:column', or '' (the call
 * ran later from the queue, or the polyfill is bundled into the page's own file).
 * @param {string} stack @param {string} own
 */
export function callSite(stack, own) {
  for (const line of stack.split('\n')) {
    const file = fileOf(line);
    if (!file || file === own) continue;
    const m = /((?:[a-z][\w+.-]*:\/\/|\/)[^\s()]*?:\d+:\d+)\)?\s*$/i.exec(line);
    return m ? m[1] : '';
  }
  return '';
}

/**
 * The file this module runs from (the first frame of a stack taken here), so its frames can be
 * skipped: '' when that frame has no file (a script injected without a url, as Playwright's init
 * scripts are), where callSite skips the frames without a file anyway.
 */
export function ownFile() {
  try {
    return fileOf(firstFrame(String(new Error().stack)));
  } catch {
    return '';
  }
}

/** A stack's first frame line ('    at f (…)' in V8, 'f@…' in Gecko and WebKit), or ''. @param {string} stack */
function firstFrame(stack) {
  return stack.split('\n').find((l) => /^\s*at\s|@/.test(l)) || '';
}

export class DeviceChecks {
  /** @param {{ emit(name: string, payload: unknown): void, config: { onDeviceCheck?: string } }} runtime */
  constructor(runtime) {
    this.runtime = runtime;
    /** @type {DeviceWarning[]} */
    this.list = [];
    /** kind + api + site (or message, when the site is unknown) already reported. @type {Set<string>} */
    this.seen = new Set();
    /**
     * This module's file, found at the first report: reading a stack is not free where the
     * runner maps every frame through source maps (Jest reads the whole file of each frame).
     * @type {string | undefined}
     */
    this.own = undefined;
  }

  /**
   * Reports one device check: the first of its kind and call site goes to the console and to
   * ftHost.warnings(); the host's 'deviceCheck' event gets it (the panel, the simulator).
   * @param {string} kind @param {string} api @param {string} message
   * @param {string} [stack]  the page's stack when the call was made (a call queued before the core was up)
   */
  report(kind, api, message, stack) {
    let site = '';
    try {
      if (this.own === undefined) this.own = ownFile();
      site = callSite(String(stack || new Error().stack || ''), this.own);
    } catch {
      // no stack: keyed by the message
    }
    const key = `${kind}\n${api}\n${site || message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    /** @type {DeviceWarning} */
    const warning = { kind, api, message, site };
    if (this.list.length < WARNINGS_LIMIT) this.list.push(warning);
    const line = `${PREFIX}${api === '' ? '' : `ft.${api}: `}${message}${site ? ` (at ${site})` : ''}`;
    if (this.runtime.config.onDeviceCheck === 'error') console.error(line);
    else console.warn(line);
    this.runtime.emit('deviceCheck', warning);
  }

  /** A copy, oldest first. @returns {DeviceWarning[]} */
  warnings() {
    return this.list.map((w) => ({ ...w }));
  }

  clear() {
    this.list = [];
    this.seen.clear();
  }
}
