// A small classic WebDriver client (W3C WebDriver over HTTP, with fetch) for WebKitWebDriver:
// sessions, navigation, windows, elements and scripts are all the shared suite needs.

/** A WebDriver error answer, as one Error. */
export class WebDriverError extends Error {
  /** @param {string} code  the W3C error code (e.g. "no such window") @param {string} message */
  constructor(code, message) {
    super(`WebDriver ${code}: ${message}`);
    this.code = code;
  }
}

export class WebDriverSession {
  /** @param {string} base  the driver's url, e.g. http://127.0.0.1:4444 @param {string} id @param {Record<string, any>} capabilities */
  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
    /** @type {string | null} the window the next command acts on */
    this.current = null;
    /** @type {Promise<unknown>} commands of one session run one at a time */
    this.queue = Promise.resolve();
  }

  /**
   * Runs `work` alone on this session (a driver runs one command at a time, and a window switch
   * must stay with the command it is for).
   * @template T @param {() => Promise<T>} work @returns {Promise<T>}
   */
  exclusive(work) {
    const result = this.queue.then(work);
    this.queue = result.catch(() => {});
    return result;
  }

  /**
   * Starts a session.
   * @param {string} base @param {Record<string, any>} alwaysMatch
   */
  static async create(base, alwaysMatch) {
    const value = await command(base, 'POST', '/session', { capabilities: { alwaysMatch } });
    return new WebDriverSession(base, value.sessionId, value.capabilities);
  }

  /** @param {'GET' | 'POST' | 'DELETE'} method @param {string} path  after /session/<id> @param {unknown} [body] */
  send(method, path, body) {
    return command(this.base, method, `/session/${this.id}${path}`, method === 'POST' ? (body ?? {}) : undefined);
  }

  /** Makes `handle` the window later commands act on. @param {string} handle */
  async use(handle) {
    if (this.current === handle) return;
    await this.send('POST', '/window', { handle });
    this.current = handle;
  }

  /** @returns {Promise<string>} */
  windowHandle() { return this.send('GET', '/window'); }

  /** A new tab of this session; does not switch to it. @returns {Promise<string>} its handle */
  async newTab() { return (await this.send('POST', '/window/new', { type: 'tab' })).handle; }

  /** Closes the current window. */
  async closeWindow() {
    await this.send('DELETE', '/window');
    this.current = null;
  }

  /** @param {string} url */
  navigate(url) { return this.send('POST', '/url', { url }); }

  refresh() { return this.send('POST', '/refresh'); }

  /**
   * Runs `body` (a function body whose last argument is the callback) and resolves with the value
   * passed to the callback.
   * @param {string} body @param {unknown[]} [args]
   */
  executeAsync(body, args = []) { return this.send('POST', '/execute/async', { script: body, args }); }

  /** Runs `body` (a function body) and resolves with what it returns. @param {string} body @param {unknown[]} [args] */
  execute(body, args = []) { return this.send('POST', '/execute/sync', { script: body, args }); }

  /** @param {{ script?: number, pageLoad?: number, implicit?: number }} timeouts ms */
  setTimeouts(timeouts) { return this.send('POST', '/timeouts', timeouts); }

  /** A real click on the first element matching a CSS selector. @param {string} selector */
  async click(selector) {
    const found = await this.send('POST', '/element', { using: 'css selector', value: selector });
    // The W3C element reference key; older drivers answer with "ELEMENT".
    const element = found['element-6066-11e4-a52e-4f735466cecf'] ?? found.ELEMENT;
    await this.send('POST', `/element/${element}/click`);
  }

  async delete() {
    await command(this.base, 'DELETE', `/session/${this.id}`).catch(() => {});
  }
}

/**
 * One WebDriver command; resolves with its `value`, rejects with a WebDriverError.
 * @param {string} base @param {string} method @param {string} path @param {unknown} [body]
 */
export async function command(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  /** @type {any} */
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new WebDriverError('invalid answer', `${method} ${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
  }
  const value = answer?.value;
  if (!response.ok || (value && typeof value === 'object' && typeof value.error === 'string')) {
    throw new WebDriverError(value?.error || `HTTP ${response.status}`, `${method} ${path}: ${value?.message || text.slice(0, 200)}`);
  }
  return value;
}
