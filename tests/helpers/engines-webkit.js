// The shared suite's WebKit adapter: WebKitGTK's MiniBrowser driven by WebKitWebDriver (classic
// WebDriver, tests/helpers/engines-webdriver.js), on an Xvfb display started here (MiniBrowser
// has no headless mode). A profile is one WebDriver session: its own driver and MiniBrowser, with
// an in-memory data store.
import { spawn } from 'node:child_process';
import { freePort } from './free-port.js';
import { MINIBROWSER, findProgram } from './engines-select.js';
import { WebDriverSession, command } from './engines-webdriver.js';

const CAPABILITIES = {
  browserName: 'MiniBrowser',
  'webkitgtk:browserOptions': {
    binary: MINIBROWSER,
    // Without the second flag MiniBrowser blocks window.open (openDocument opens a tab).
    args: ['--automation', '--javascript-can-open-windows-automatically=true'],
  },
};

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
// A Jest worker that dies must not leave an X server or a driver behind.
process.once('exit', () => { for (const child of children) child.kill('SIGKILL'); });

/** @param {string} program @param {string[]} args @param {import('node:child_process').SpawnOptions} options */
function start(program, args, options) {
  const child = spawn(findProgram(program) || program, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** @param {import('node:child_process').ChildProcess} child */
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve(undefined));
    child.kill('SIGTERM');
  });
}

/** Xvfb on a free display; resolves with ":N" once it accepts clients. */
async function startXvfb() {
  // -displayfd: Xvfb picks a free display and writes its number on fd 3 when ready.
  const xvfb = start('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  xvfb.stderr?.on('data', (d) => { stderr += d; });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    /** @type {import('node:stream').Readable} */ (xvfb.stdio[3]).on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim().split('\n').pop()}`)));
  });
  return { xvfb, display };
}

/** @returns {Promise<import('./engines.js').DriverEngine>} */
export async function launch() {
  const { xvfb, display } = await startXvfb();
  let version = '';
  return {
    version: () => version,
    async newProfile() {
      const port = await freePort();
      const driver = start('WebKitWebDriver', [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'ignore', 'ignore'] });
      const base = `http://127.0.0.1:${port}`;
      try {
        for (;;) {
          if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
          const ready = await command(base, 'GET', '/status').then((s) => s?.ready !== false, () => false);
          if (ready) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const session = await WebDriverSession.create(base, CAPABILITIES);
        version ||= String(session.capabilities.browserVersion || '');
        await session.setTimeouts({ script: 600000, pageLoad: 120000 });
        return driverProfile(session, driver);
      } catch (error) {
        await stop(driver);
        throw error;
      }
    },
    close: () => stop(xvfb),
  };
}

/** @param {WebDriverSession} session @param {import('node:child_process').ChildProcess} driver @returns {Promise<import('./engines.js').DriverProfile>} */
async function driverProfile(session, driver) {
  // Switching windows costs WebKitWebDriver about a second, so a closed page's window is kept
  // for the next page when it is the last one (a session also ends with its last window): it is
  // parked on about:blank, and its history goes on. A new tab is made only when it is taken.
  /** @type {Set<string>} */
  const open = new Set();
  /** @type {string | null} */
  let spare = await session.windowHandle();
  session.current = spare;
  /** @type {Set<string>} windows that have never loaded a page */
  const fresh = new Set([spare]);
  return {
    newPage: () => session.exclusive(async () => {
      let handle = spare;
      spare = null;
      if (!handle) {
        // New Window needs an open current window.
        if (!session.current) await session.use(/** @type {string} */ (open.values().next().value));
        handle = await session.newTab();
        fresh.add(handle);
      }
      open.add(handle);
      const tab = /** @type {string} */ (handle);
      return driverPage(session, tab, () => fresh.delete(tab), async () => {
        open.delete(tab);
        await session.use(tab);
        if (open.size === 0) {
          // The next case's page in this window is a new web-view: the web-view's first document
          // (§3.11, kept in sessionStorage by polyfill/host/bridge.js) must not be an earlier case's.
          await session.execute('try { sessionStorage.clear(); } catch (e) {}', []).catch(() => {});
          await session.navigate('about:blank');
          spare = tab;
        } else {
          await session.closeWindow();
        }
      });
    }),
    async close() {
      await session.delete();
      await stop(driver);
    },
  };
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {WebDriverSession} session @param {string} handle
 * @param {() => boolean} firstLoad  true the first time this window loads a page
 * @param {() => Promise<void>} close  runs inside the session's queue
 * @returns {import('./engines.js').DriverPage}
 */
function driverPage(session, handle, firstLoad, close) {
  /** @template T @param {() => Promise<T>} work */
  const inTab = (work) => session.exclusive(async () => {
    await session.use(handle);
    return work();
  });
  return {
    goto: (url) => inTab(async () => {
      if (!firstLoad()) return session.navigate(url);
      // A new window holds the driver's about:blank; a web-view's first page has no entry before
      // it (history.length 1, nothing to go back to), so its first load replaces that entry.
      const target = new URL(url).href;
      await session.execute('location.replace(arguments[0]);', [target]);
      for (;;) {
        const loaded = await session.execute('return location.href === arguments[0] && document.readyState === "complete";', [target]).catch(() => false);
        if (loaded) return;
        await sleep(20);
      }
    }),
    reload: () => inTab(() => session.refresh()),
    run: (expression) => inTab(() => session.executeAsync(`const done = arguments[arguments.length - 1];
      (${expression}).then(done, (e) => done(JSON.stringify({ error: String(e) })));`)),
    click: (selector) => inTab(() => session.click(selector)),
    close: () => session.exclusive(close),
  };
}
