// Every bad input, in Node (issue 6 §4): the matrix generated from polyfill/api-table.js (see
// tests/helpers/bad-input-matrix.js) against the real WebAssembly core, in a Node process of its
// own (tests/helpers/node-page.mjs) that counts unhandled rejections as Node reports them.
import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freshFt } from '../helpers/node.js';
import { ROOT } from '../helpers/browser.js';
import { loneSurrogates } from '../helpers/bad-input-matrix.js';

jest.setTimeout(600000);

test('every interface settles once with a clear errMsg for every bad input; no unhandled rejection; the core stays alive', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [
    join(ROOT, 'tests/helpers/node-page.mjs'), join(ROOT, 'tests/helpers/bad-input-matrix.js'), 'matrixWithDeviceMocks', JSON.stringify({ appId: `bad-input-${process.pid}` }),
  ], { cwd: ROOT, maxBuffer: 64 << 20 });
  const { value: report, unhandled, uncaught, errors } = JSON.parse(stdout.trim().split('\n').at(-1) || '{}');
  console.log(`bad-input matrix (Node): ${report.calls} calls, ${report.failed} failed cleanly, ${report.succeeded} succeeded, ${report.pending.length} pending, ${report.ignoredFailures} failures ignored by the page; ${unhandled.length} unhandled rejections`);
  expect(report.problems).toEqual([]);
  expect(report.pending).toEqual([]);
  expect(report.calls).toBeGreaterThan(3000);
  expect(report.ignoredFailures).toBeGreaterThan(500);
  // Counted by the process: nothing the matrix ignored became an unhandled rejection.
  expect(unhandled).toEqual([]);
  expect(uncaught).toEqual([]);
  // No implementation threw (the pipeline turns that into "<api>:fail internal error: ..." and a
  // console.error): every bad input is the page's mistake, reported as such.
  expect(errors).toEqual([]);
  // The WebAssembly runtime is alive: a storage round-trip and getEnv.
  expect(report.alive).toEqual({ alive: true });
  expect(report.env).toBe('getEnv:ok');
});

test('strings with lone surrogates round-trip exactly through storage keys and values', async () => {
  const { ft, host } = await freshFt();
  expect(await loneSurrogates({ ft, ftHost: host, postMessage: false })).toEqual([]);
});

// postMessage data crosses the core as JSON text; lone surrogates are marked on the way in and
// restored on the way out (polyfill/core-wire.js).
test('strings with lone surrogates round-trip exactly through postMessage data', async () => {
  const { ft, host } = await freshFt();
  expect(await loneSurrogates({ ft, ftHost: host, storage: false })).toEqual([]);
});
