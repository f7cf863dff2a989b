// The pinned toolchain and the bytes cap (scripts/toolchain.mjs, bench/bytes.mjs): the build
// refuses an Emscripten its glue trim and IndexedDB adapter were not written for, and what a page
// downloads stays under the cap (a size, not a time: it is a test, not a benchmark row).
import { jest } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { EMSCRIPTEN_VERSION, checkEmscripten, emscriptenVersion } from '../../scripts/toolchain.mjs';
import { BYTES_TARGET_GZIP, bytes } from '../../bench/bytes.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('this machine builds with the pinned Emscripten', () => {
  expect(emscriptenVersion()).toBe(EMSCRIPTEN_VERSION);
  expect(() => checkEmscripten()).not.toThrow();
});

test('another Emscripten stops the build with one line naming both versions and the override', () => {
  expect(() => checkEmscripten('3.1.74', {})).toThrow(/^build: emcc is Emscripten 3\.1\.74; .* written for Emscripten 3\.1\.6 .* FT_EMSCRIPTEN_ANY=1/);
  expect(() => checkEmscripten(null, {})).toThrow(/^build: emcc was not found \(apt-get install emscripten\)/);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    expect(() => checkEmscripten('3.1.74', { FT_EMSCRIPTEN_ANY: '1' })).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('building anyway (FT_EMSCRIPTEN_ANY=1)'));
  } finally {
    warn.mockRestore();
  }
});

test.each(['script tag', 'ES module'])('the %s build is at most 100 KB gzipped (level 9, with any .wasm beside it)', (build) => {
  const measured = bytes(root)[build];
  expect({ build, gzip: measured.gzip, fits: measured.gzip <= BYTES_TARGET_GZIP }).toEqual({ build, gzip: measured.gzip, fits: true });
});
