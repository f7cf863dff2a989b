// Bridge costs: host → page events and ft.request, against plain-browser baselines.
import { median, round } from './stats.mjs';

/** Target (issue 15): ft.request at most this many times fetch + json(). */
export const REQUEST_TARGET = 1.05;

/** The local url ft.request and fetch both read (bench/run.mjs serves it). */
export const ECHO_PATH = '/bench/echo';

/** @type {import('../bin/server.js').RouteHandler} */
export function echo(req, res) {
  const body = JSON.stringify({ ok: true, name: 'Tieguanyin oolong', price: 72.5, tags: ['tea', 'oolong'] });
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * @param {import('playwright-core').Browser} browser @param {string} base  server url
 * @param {number} rounds
 */
export async function bridge(browser, base, rounds) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/bench/bridge.html`);
    /** @type {any[]} */
    const samples = [];
    for (let r = 0; r < rounds; r++) samples.push(await page.evaluate(([i, url]) => /** @type {any} */ (window).bridgeRound(i, url), [r, `${base}${ECHO_PATH}`]));
    /** @param {string} f */
    const med = (f) => round(median(samples.map((s) => s[f])), 3);
    const requestRatio = round(median(samples.map((s) => s.ftRequestMs / s.baselineRequestMs)));
    return {
      webviewEvent: { ftMs: med('ftEventMs'), baselineMs: med('baselineEventMs'), ratio: round(median(samples.map((s) => s.ftEventMs / s.baselineEventMs))) },
      request: {
        ftMs: med('ftRequestMs'), baselineMs: med('baselineRequestMs'), ratio: requestRatio, target: REQUEST_TARGET, pass: requestRatio <= REQUEST_TARGET,
        // What bounds it: fetch with a signal and a timer, the headers read, text + JSON.parse.
        floorMs: med('floorRequestMs'), floorRatio: round(median(samples.map((s) => s.ftRequestMs / s.floorRequestMs))),
        floorOverBaseline: round(median(samples.map((s) => s.floorRequestMs / s.baselineRequestMs))),
      },
    };
  } finally {
    await context.close();
  }
}
