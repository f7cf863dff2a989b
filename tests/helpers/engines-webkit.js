// The shared suite's WebKit adapter: WebKitGTK's MiniBrowser driven by WebKitWebDriver (classic
// WebDriver, tests/helpers/engines-webdriver.js), on an Xvfb display started here (MiniBrowser
// has no headless mode). A profile is one WebDriver session: its own driver and MiniBrowser, with
// an in-memory data store.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
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

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
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
  // The session's first window is a tab to hand out; a session ends with its last window, so the
  // last one is parked on about:blank instead of closed.
  /** @type {Set<string>} */
  const open = new Set();
  let spare = /** @type {string | null} */ (await session.windowHandle());
  session.current = spare;
  return {
    async newPage() {
      const handle = spare ?? await session.newTab();
      spare = null;
      open.add(handle);
      return driverPage(session, handle, async () => {
        open.delete(handle);
        if (open.size === 0 && spare === null) {
          await session.use(handle);
          await session.navigate('about:blank');
          spare = handle;
        } else {
          await session.use(handle);
          await session.closeWindow();
        }
      });
    },
    async close() {
      await session.delete();
      await stop(driver);
    },
  };
}

/**
 * @param {WebDriverSession} session @param {string} handle @param {() => Promise<void>} close
 * @returns {import('./engines.js').DriverPage}
 */
function driverPage(session, handle, close) {
  return {
    goto: async (url) => { await session.use(handle); await session.navigate(url); },
    reload: async () => { await session.use(handle); await session.refresh(); },
    async run(expression) {
      await session.use(handle);
      return session.executeAsync(`const done = arguments[arguments.length - 1];
        (${expression}).then(done, (e) => done(JSON.stringify({ error: String(e) })));`);
    },
    click: async (selector) => { await session.use(handle); await session.click(selector); },
    close,
  };
}
