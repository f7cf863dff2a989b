// The shared browser suite (tests/engines/): one list of engine-neutral cases, run by one Jest file
// per engine through a small adapter (tests/helpers/engines-<engine>.js). A case gets a `browser`
// (EngineBrowser below) and drives pages with evaluate/click/goto only, so the same case runs in
// Chromium (playwright-core), Firefox (puppeteer-core over WebDriver BiDi) and WebKitGTK
// (WebKitWebDriver, classic WebDriver).
//
// Page errors are recorded by the page itself: the server puts a recorder script first in every
// HTML page it serves (WebKit's driver has no log endpoint), so every engine reports the same way.
//
// A case sends one command at a time to its pages (await each): a WebDriver session runs one
// command at a time, and Firefox brings the tab it talks to to the front (background tabs are
// throttled). Work that must overlap runs inside the pages (start it, return, await it later).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serve } from '../../bin/server.js';
import { demoRoutes } from '../../demo/api.js';
import { ROOT } from './browser.js';
import { deviceRoutes } from './device-server.js';
import { engineInfo, missingLine } from './engines-select.js';

/**
 * What an adapter provides; the shared layer builds the rest on it.
 * @typedef {object} DriverPage  one tab
 * @property {(url: string) => Promise<void>} goto  navigates and waits for the load event
 * @property {() => Promise<void>} reload  reloads and waits for the load event
 * @property {(expression: string) => Promise<string>} run  evaluates an expression whose value is a Promise of a string
 * @property {(selector: string) => Promise<void>} click  a real click (a user gesture) on the first match
 * @property {() => Promise<void>} close
 * @property {(selector: string, files: ChosenFile[]) => Promise<void>} [chooseFiles]  clicks, then answers the file chooser it opens
 * @property {(coords: { latitude: number, longitude: number, accuracy: number }) => Promise<void>} [setGeolocation]  grants the page's origin the permission and sets the position
 *
 * @typedef {object} DriverProfile  a browser profile (its own storage); Chromium/Firefox: a context, WebKit: a session
 * @property {() => Promise<DriverPage>} newPage  a new tab, on about:blank
 * @property {() => Promise<void>} close
 *
 * @typedef {object} DriverEngine
 * @property {() => string} version  the engine's own version string (known once a profile exists)
 * @property {() => Promise<DriverProfile>} newProfile
 * @property {() => Promise<void>} close
 *
 * @typedef {{ name: string, mimeType: string, buffer: Buffer }} ChosenFile
 * @typedef {[kind: 'error' | 'unhandledrejection' | 'warn' | 'info', text: string]} PageRecord
 *
 * @typedef {object} EngineCase
 * @property {string} name  what the case shows, as a sentence
 * @property {(browser: EngineBrowser) => Promise<void>} run  asserts with Jest's expect
 * @property {number} [timeout]  ms (default CASE_TIMEOUT)
 *
 * @typedef {'geolocation' | 'fileChooser' | 'trustedTypes'} Capability  what some drivers (or engines) cannot do (tests/engines/limits.js)
 */

/** The default time a case may take: engine files share 2 cores with the other browser tests. */
export const CASE_TIMEOUT = 120000;

/** The script the server puts first in every HTML page: records errors and console output. */
export const RECORDER = `<script>(() => {
  if (window.__ftEngineLog) return;
  const log = window.__ftEngineLog = [];
  const text = (v) => {
    try {
      if (v instanceof Error) return v.name + ': ' + v.message;
      if (v && typeof v === 'object') return JSON.stringify(v);
      return String(v);
    } catch { return Object.prototype.toString.call(v); }
  };
  // As the console would report them: not when a listener called preventDefault(), and an
  // unhandled rejection is taken back when a handler is attached later (rejectionhandled).
  addEventListener('error', (e) => setTimeout(() => { if (!e.defaultPrevented) log.push(['error', e.error ? text(e.error) : String(e.message)]); }));
  const rejections = new Map();
  addEventListener('unhandledrejection', (e) => setTimeout(() => {
    if (e.defaultPrevented) return;
    const entry = ['unhandledrejection', text(e.reason)];
    rejections.set(e.promise, entry);
    log.push(entry);
  }));
  addEventListener('rejectionhandled', (e) => setTimeout(() => {
    const entry = rejections.get(e.promise);
    if (entry && log.includes(entry)) log.splice(log.indexOf(entry), 1);
  }));
  for (const level of ['error', 'warn', 'info']) {
    const original = console[level];
    console[level] = function (...args) { log.push([level, args.map(text).join(' ')]); return original.apply(this, args); };
  }
})();</script>`;

/** @param {string} html */
export function withRecorder(html) {
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + RECORDER + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + RECORDER + html.slice(doctype[0].length) : RECORDER + html;
}

/**
 * The repository root on a free port, with the device and demo endpoints, every HTML page
 * carrying the recorder.
 * @param {Record<string, import('../../bin/server.js').RouteHandler>} [routes]
 */
export function serveEngines(routes = {}) {
  return serve({ root: ROOT, port: 0, routes: { ...deviceRoutes(), ...demoRoutes(), ...routes }, transformHtml: (_path, html) => withRecorder(html) });
}

/**
 * The expression an adapter evaluates: fn(arg) awaited, its result (or error) as JSON text, so every
 * engine returns values the same way.
 * @param {Function | string} fn @param {unknown} arg
 */
function expression(fn, arg) {
  const json = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(async () => {
    try {
      const value = await (${String(fn)})(${json});
      return JSON.stringify({ value: value === undefined ? null : value, undefined: value === undefined });
    } catch (error) {
      return JSON.stringify({ error: (error && error.name ? error.name + ': ' + error.message : String(error)) + '\\n' + ((error && error.stack) || '') });
    }
  })()`;
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** A page (tab) as cases see it. */
export class EnginePage {
  /** @param {DriverPage} driver */
  constructor(driver) {
    this.driver = driver;
  }

  /** @param {string} url */
  goto(url) { return this.driver.goto(url); }

  /**
   * Reloads through the driver and waits until the new document has loaded (as navigateBy): a
   * driver has reported the reload done while the old document was still the one it talked to,
   * and a long wait sent to that document then never answered (Firefox, once under load).
   */
  async reload() {
    const hadHost = await this.markDocument();
    await this.driver.reload();
    await this.nextDocument(hadHost);
  }

  /**
   * Runs fn(arg) in the page and resolves with its (awaited) value, through JSON: return plain data.
   * A throw in the page rejects with its message.
   * @template A, R
   * @param {((arg: A) => R | Promise<R>) | string} fn  a function, or its source
   * @param {A} [arg]  JSON data
   * @returns {Promise<R>}
   */
  async evaluate(fn, arg) {
    const answer = JSON.parse(await this.driver.run(expression(fn, arg)));
    if ('error' in answer) throw new Error(`in the page: ${answer.error}`);
    return answer.undefined ? undefined : answer.value;
  }

  /**
   * Runs fn(arg) in the page once this call has answered, for a step that leaves the document
   * without a load to wait for (a step back into the back-forward cache): a document swapped out
   * while the driver waits for its answer takes the answer with it (Chromium rejects the call;
   * WebKitWebDriver keeps waiting, since the cached document's global is never destroyed).
   * @template A
   * @param {((arg: A) => unknown) | string} fn @param {A} [arg]
   */
  async soon(fn, arg) {
    await this.evaluate(`(arg) => { setTimeout(() => (${String(fn)})(arg), 50); }`, arg);
  }

  /**
   * Waits until fn(arg) in the page gives a truthy value (polled in the page) and resolves with it.
   * Bounded by the case's timeout, never by a time of its own.
   * @template A, R
   * @param {(arg: A) => R | Promise<R>} fn @param {A} [arg]
   * @returns {Promise<R>}
   */
  waitFor(fn, arg) {
    return this.evaluate(`async (arg) => {
      const check = (${String(fn)});
      for (;;) {
        const value = await check(arg);
        if (value) return value;
        await new Promise((r) => setTimeout(r, 20));
      }
    }`, arg);
  }

  /**
   * Runs fn(arg), which makes the page navigate (location.reload() in a callback...), and waits
   * until the next document has loaded. Resolves with fn's value when the engine still delivered it.
   * @param {Function} fn @param {unknown} [arg]
   */
  async navigateBy(fn, arg) {
    // A page with the polyfill navigates to another with it: the next document counts as loaded
    // once its ftHost is seen too (Firefox's driver has reported a new document complete before
    // its scripts' globals were visible to it, in two of many runs).
    const hadHost = await this.markDocument();
    const value = await this.evaluate(fn, arg).catch(() => undefined);
    await this.nextDocument(hadHost);
    return value;
  }

  /** Marks the current document as the old one; whether it has ftHost. @returns {Promise<boolean>} */
  markDocument() {
    return this.evaluate(() => { /** @type {any} */ (window).__ftEngineOld = true; return typeof (/** @type {any} */ (window).ftHost) !== 'undefined'; });
  }

  /** Waits until a document other than the marked one is complete (with ftHost when the old one had it). @param {boolean} hadHost */
  async nextDocument(hadHost) {
    for (;;) {
      const loaded = await this.evaluate((hadHost) => !(/** @type {any} */ (window).__ftEngineOld) && document.readyState === 'complete'
        && (!hadHost || typeof (/** @type {any} */ (window).ftHost) !== 'undefined'), hadHost).catch(() => false);
      if (loaded) return;
      await sleep(50);
    }
  }

  /** A real click (a user gesture). @param {string} selector */
  click(selector) { return this.driver.click(selector); }

  /** What the page's recorder saw since this document loaded. @returns {Promise<PageRecord[]>} */
  log() {
    // The recorder logs an event after its dispatch (a timer): let those timers run first.
    return this.evaluate(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return /** @type {any} */ (window).__ftEngineLog || [];
    });
  }

  /** Uncaught errors, unhandled rejections and console.error calls of this document. */
  async errors() {
    return (await this.log()).filter(([kind]) => kind === 'error' || kind === 'unhandledrejection').map(([kind, text]) => `${kind}: ${text}`);
  }

  /** @param {string} kind @param {RegExp} [pattern] */
  async records(kind, pattern) {
    return (await this.log()).filter(([k, text]) => k === kind && (!pattern || pattern.test(text))).map(([, text]) => text);
  }

  /**
   * Clicks `selector` and answers the file chooser it opens with `files`.
   * @param {string} selector @param {ChosenFile[]} files
   */
  chooseFiles(selector, files) {
    if (!this.driver.chooseFiles) throw new Error('this engine cannot answer a file chooser: check browser.can("fileChooser")');
    return this.driver.chooseFiles(selector, files);
  }

  /** Grants geolocation to the page's origin and sets the position. @param {{ latitude: number, longitude: number, accuracy: number }} coords */
  setGeolocation(coords) {
    if (!this.driver.setGeolocation) throw new Error('this engine cannot set a position: check browser.can("geolocation")');
    return this.driver.setGeolocation(coords);
  }

  close() { return this.driver.close(); }
}

/** A profile as cases see it. */
export class EngineProfile {
  /** @param {DriverProfile} driver */
  constructor(driver) {
    this.driver = driver;
    /** @type {EnginePage[]} */
    this.pages = [];
  }

  /** A new tab of this profile, at `url` when given. @param {string} [url] */
  async open(url) {
    const page = new EnginePage(await this.driver.newPage());
    this.pages.push(page);
    if (url) await page.goto(url);
    return page;
  }

  /** Closes the tabs opened since `from`. @param {number} [from] */
  async closePages(from = 0) {
    const pages = this.pages.splice(from);
    for (const page of pages.reverse()) await page.close().catch(() => {});
  }

  close() { return this.driver.close(); }
}

/**
 * @typedef {object} EngineBrowser  the argument of a case's run()
 * @property {import('./engines-select.js').EngineId} engine
 * @property {string} label  e.g. "Firefox"
 * @property {(path: string) => string} url  the test server's url of a path
 * @property {(config?: object, extra?: string) => string} pageUrl  tests/pages/blank.html with an ftHostConfig
 * @property {(url?: string) => Promise<EnginePage>} open  a tab in the file's shared profile (closed after the case; its history may hold earlier cases' pages)
 * @property {() => Promise<EngineProfile>} newProfile  a fresh profile: nothing stored, its first tab's history starts at its page (closed after the case)
 * @property {(capability: Capability) => boolean} can  false where tests/engines/limits.js lists the driver (or the engine) as unable
 */

/**
 * Launches an engine's adapter.
 * @param {import('./engines-select.js').EngineId} id @returns {Promise<DriverEngine>}
 */
async function launchEngine(id) {
  if (id === 'chromium') return (await import('./engines-chromium.js')).launch();
  if (id === 'firefox') return (await import('./engines-firefox.js')).launch();
  return (await import('./engines-webkit.js')).launch();
}

/** Where each engine file leaves its version and time for scripts/test.mjs. @param {string} id */
export const reportFile = (id) => join(ROOT, 'build', 'engines', `${id}.json`);

/**
 * Defines the Jest tests of one engine: every case of tests/engines/cases, in order.
 * @param {import('./engines-select.js').EngineId} id
 * @param {{ cases: Array<{ concern: string, cases: EngineCase[] }>, routes: Record<string, import('../../bin/server.js').RouteHandler>, limits: Array<{ engine: string, capability: Capability }> }} suite
 */
export function defineEngineSuite(id, { cases, routes, limits }) {
  const info = engineInfo(id);
  /** @type {{ engine?: DriverEngine, server?: Awaited<ReturnType<typeof serveEngines>>, shared?: EngineProfile, started: number }} */
  const state = { started: 0 };
  const can = (/** @type {Capability} */ capability) => !limits.some((l) => l.engine === id && l.capability === capability);

  beforeAll(async () => {
    state.started = Date.now();
    const missing = missingLine(id);
    if (missing) throw new Error(missing);
    const [engine, server] = await Promise.all([launchEngine(id), serveEngines(routes)]);
    state.engine = engine;
    state.server = server;
    state.shared = new EngineProfile(await engine.newProfile());
  }, CASE_TIMEOUT);

  afterAll(async () => {
    const version = state.engine?.version() || '';
    await state.shared?.close().catch(() => {});
    await state.engine?.close().catch(() => {});
    await state.server?.close();
    mkdirSync(dirname(reportFile(id)), { recursive: true });
    writeFileSync(reportFile(id), JSON.stringify({ engine: id, label: info.label, version, seconds: Math.round((Date.now() - state.started) / 1000) }));
  }, CASE_TIMEOUT);

  for (const { concern, cases: list } of cases) {
    describe(concern, () => {
      for (const c of list) {
        test(c.name, async () => {
          const { server, shared, engine } = state;
          if (!server || !shared || !engine) throw new Error(`${info.label} did not start`);
          /** @type {EngineProfile[]} */
          const profiles = [];
          const firstShared = shared.pages.length;
          /** @type {EngineBrowser} */
          const browser = {
            engine: id,
            label: info.label,
            url: (path) => `${server.url}${path}`,
            pageUrl: (config = {}, extra = '') => `${server.url}/tests/pages/blank.html?config=${encodeURIComponent(JSON.stringify(config))}${extra}`,
            open: (url) => shared.open(url),
            newProfile: async () => {
              const profile = new EngineProfile(await engine.newProfile());
              profiles.push(profile);
              return profile;
            },
            can,
          };
          try {
            await c.run(browser);
          } finally {
            await shared.closePages(firstShared);
            for (const profile of profiles) await profile.close().catch(() => {});
          }
        }, c.timeout ?? CASE_TIMEOUT);
      }
    });
  }
}
