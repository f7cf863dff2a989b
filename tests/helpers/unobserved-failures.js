// Failures a page ignores and failures it observes (behaviour.md §1.4), for Node
// (tests/js/pipeline-unobserved-failures.test.js, through tests/helpers/node-page.mjs) and every
// engine (tests/engines/cases/bridge.js, which imports this file into the page). No imports:
// it runs wherever `ft` and `ftHost` are. The runner counts what a test runner or a browser would
// report (unhandled rejections, console warnings); these functions only make the calls.

/** The host configuration of every scenario: an app.json without `pages/missing/index`. */
export const CONFIG = {
  app: { pages: ['pages/index/index', 'pages/web/index'] },
  stack: ['pages/index/index', 'pages/web/index'],
};

/** Resolves once the call log holds `count` settled calls. @param {any} ftHost @param {number} count */
function settled(ftHost, count) {
  return new Promise((resolve) => {
    const check = () => {
      if (ftHost.calls().length < count) return;
      ftHost.off('call', check);
      resolve(undefined);
    };
    ftHost.on('call', check);
    check();
  });
}

/**
 * The two fire-and-forget calls of §1.4, made before the core is up (queued) and again after it,
 * no callbacks, results ignored. Resolves with the errMsg of each call, from the call log.
 * @param {{ ft: any, ftHost: any }} globals
 */
const NOT_FOUND = 'invokeMiniProgramAPI:fail page "pages/web/pages/missing/index" is not found';
/**
 * What ignoreFailures must leave, sorted (the call log is in settling order: callNativeAPI waits
 * for the host's answer, navigateTo does not): the log lines and the console warnings.
 */
export const IGNORED_EXPECTED = {
  log: ['callNativeAPI callNativeAPI:fail api track not found', 'callNativeAPI callNativeAPI:fail api track not found', `miniProgram.navigateTo ${NOT_FOUND}`, `miniProgram.navigateTo ${NOT_FOUND}`],
  warnings: ['ft.callNativeAPI: callNativeAPI:fail api track not found', 'ft.callNativeAPI: callNativeAPI:fail api track not found', `ft.miniProgram.navigateTo: ${NOT_FOUND}`, `ft.miniProgram.navigateTo: ${NOT_FOUND}`],
};

export async function ignoreFailures({ ft, ftHost }) {
  ft.callNativeAPI('track', {});
  ft.miniProgram.navigateTo({ url: 'pages/missing/index' });
  await ftHost.ready;
  ft.callNativeAPI('track', {});
  ft.miniProgram.navigateTo({ url: 'pages/missing/index' });
  await settled(ftHost, 4);
  return ftHost.calls().map((/** @type {any} */ c) => `${c.api} ${c.result.errMsg}`);
}

/**
 * Failing calls of every kind: a host answer, a routed call, a synchronous core failure, a
 * parameter error (failed before any implementation runs) and a task (request, mocked).
 * @param {any} ft @returns {Array<[string, () => any]>}
 */
function failingCalls(ft) {
  return [
    ['callNativeAPI', () => ft.callNativeAPI('track', {})],
    ['miniProgram.navigateTo', () => ft.miniProgram.navigateTo({ url: 'pages/missing/index' })],
    ['getStorage', () => ft.getStorage({ key: 'missing' })],
    ['setStorage parameter error', () => ft.setStorage({ key: 12 })],
    ['request', () => ft.request({ url: 'https://example.invalid/api' })],
  ];
}

/**
 * Every way a page observes a Promise: each gets the call's fail object (`any` an
 * AggregateError of it); then each failing call once more, ignored (only those may warn).
 * Resolves with one line per form and call: what the page received.
 * @param {{ ft: any, ftHost: any }} globals
 */
export async function observeFailures({ ft, ftHost }) {
  await ftHost.ready;
  ftHost.mock('request', { fail: 'mocked' });
  /** @type {Array<[string, (p: Promise<any>) => Promise<any>]>} each resolves with what the page got */
  const forms = [
    ['await', async (p) => { try { await p; return 'resolved'; } catch (e) { return e; } }],
    ['then(_, onRejected)', (p) => p.then(() => 'resolved', (e) => e)],
    ['catch', (p) => p.catch((e) => e)],
    ['finally then catch', (p) => p.finally(() => {}).catch((e) => e)],
    ['Promise.all', (p) => Promise.all([p]).catch((e) => e)],
    ['Promise.race', (p) => Promise.race([p]).catch((e) => e)],
    ['Promise.allSettled', (p) => Promise.allSettled([p]).then((r) => r[0].reason)],
    ['Promise.any', (p) => Promise.any([p]).catch((e) => e.errors[0])],
    ['Promise.resolve', (p) => Promise.resolve(p).catch((e) => e)],
    ['returned from an awaited async function', async (p) => {
      const wrapped = async () => p;
      try { await wrapped(); return 'resolved'; } catch (e) { return e; }
    }],
  ];
  const lines = [];
  for (const [form, observe] of forms) {
    for (const [name, call] of failingCalls(ft)) {
      const got = await observe(call());
      lines.push(`${form} / ${name}: ${got && got.errMsg ? got.errMsg : String(got)}`);
    }
  }
  const before = ftHost.calls().length;
  for (const [, call] of failingCalls(ft)) call();
  await settled(ftHost, before + failingCalls(ft).length);
  return lines;
}

/**
 * What must not change: a success resolves (a synchronous one with a plain resolved Promise),
 * every Promise is a Promise, callbacks get the failure and the call returns undefined, and
 * request's Promise keeps abort().
 * @param {{ ft: any, ftHost: any }} globals
 */
export async function unchangedForms({ ft, ftHost }) {
  await ftHost.ready;
  const out = /** @type {Record<string, unknown>} */ ({});
  await ft.setStorage({ key: 'k', data: 1 });
  const read = ft.getStorage({ key: 'k' });
  out.syncSuccessIsPlainPromise = Object.getPrototypeOf(read) === Promise.prototype;
  out.syncSuccess = (await read).errMsg;
  const failing = ft.getStorage({ key: 'missing' });
  out.failureIsPromise = failing instanceof Promise;
  out.failure = await failing.catch((/** @type {any} */ e) => e.errMsg);
  // A Promise nobody observes is a Promise too (and warns).
  out.ignoredIsPromise = ft.getStorage({ key: 'ignored' }) instanceof Promise;
  out.derivedIsPlain = Object.getPrototypeOf(ft.getStorage({ key: 'missing' }).catch(() => {})) === Promise.prototype;
  out.callback = await new Promise((resolve) => {
    out.callbackReturned = typeof ft.getStorage({ key: 'missing', fail: (/** @type {any} */ e) => resolve(e.errMsg) });
  });
  out.positionalCallback = await new Promise((resolve) => ft.callNativeAPI('track', {}, (/** @type {any} */ r) => resolve(r.errMsg)));
  ftHost.mock('request', () => new Promise(() => {}));
  const task = ft.request({ url: 'https://example.invalid/api' });
  out.taskIsPromise = task instanceof Promise;
  out.taskHasAbort = typeof task.abort === 'function';
  task.abort();
  out.aborted = await task.catch((/** @type {any} */ e) => e.errMsg);
  ftHost.unmock('request');
  await settled(ftHost, 8);
  return out;
}
