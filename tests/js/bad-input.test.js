// Every bad input, in Node (issue 6 §4): the matrix generated from polyfill/api-table.js (see
// tests/helpers/bad-input-matrix.js) against the real WebAssembly core.
import { jest } from '@jest/globals';
import { freshFt } from './helpers.js';
import { API_TABLE } from '../../polyfill/api-table.js';
import { runMatrix, loneSurrogates } from '../helpers/bad-input-matrix.js';

jest.setTimeout(600000);

/** @type {unknown[]} */
const unhandled = [];
const onUnhandled = (/** @type {unknown} */ e) => unhandled.push(e);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

test('every interface settles once with a clear errMsg for every bad input; the core stays alive', async () => {
  const { ft, host } = await freshFt();
  const errors = jest.spyOn(console, 'error');
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  // The device interfaces answer through mocks (no fetch, no picker): the checks before them run.
  for (const api of ['getLocation', 'chooseLocation', 'chooseImage', 'request', 'downloadFile', 'openDocument']) {
    host.mock(api, { fail: 'mocked' });
  }
  const report = await runMatrix({ ft, ftHost: host, table: API_TABLE });
  console.log(`bad-input matrix (Node): ${report.calls} calls, ${report.failed} failed cleanly, ${report.succeeded} succeeded, ${report.pending.length} pending`);
  expect(report.problems).toEqual([]);
  expect(report.pending).toEqual([]);
  expect(report.calls).toBeGreaterThan(3000);
  // No implementation threw (the pipeline turns that into "<api>:fail internal error: ..." and a
  // console.error): every bad input is the page's mistake, reported as such.
  const internal = errors.mock.calls.map((c) => `${c[0]} ${c[1] && c[1].message}`);
  expect(internal).toEqual([]);
  expect(unhandled).toEqual([]);
  // The WebAssembly runtime is alive: a storage round-trip and getEnv.
  await ft.setStorage({ key: 'after-matrix', data: { alive: true } });
  expect((await ft.getStorage({ key: 'after-matrix' })).data).toEqual({ alive: true });
  expect((await ft.miniProgram.getEnv()).errMsg).toBe('getEnv:ok');
  errors.mockRestore();
  warn.mockRestore();
});

test('strings with lone surrogates round-trip exactly through storage keys and values', async () => {
  const { ft, host } = await freshFt();
  expect(await loneSurrogates({ ft, ftHost: host, postMessage: false })).toEqual([]);
});

// postMessage data crosses the core as JSON text; lone surrogates are marked on the way in and
// restored on the way out (polyfill/json-wire.js).
test('strings with lone surrogates round-trip exactly through postMessage data', async () => {
  const { ft, host } = await freshFt();
  expect(await loneSurrogates({ ft, ftHost: host, storage: false })).toEqual([]);
});
