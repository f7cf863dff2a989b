// The Node build's Emscripten glue (build/wasm/ft-core-node.cjs) as dist/ft-polyfill.cjs bundles it.

/** Emscripten 3.1.6's random device factory, called by FS.staticInit as the core starts. */
const RANDOM_DEVICE = 'function getRandomDevice(){';

/**
 * The random device (/dev/random, /dev/urandom) chosen on its first read instead of at the core's
 * start: choosing reads the global `crypto`, which in Node 20 loads WebCrypto (3 to 4 ms of CPU in
 * every fresh process: a Vitest test file), and the core never reads the device.
 * @param {string} source  the glue
 * @returns {string}
 * @throws {Error} when the glue has no such factory, or more than one (not the glue this was written for)
 */
export function lazyRandomDevice(source) {
  const parts = source.split(RANDOM_DEVICE);
  if (parts.length !== 2) throw new Error(`build: the Node glue has ${parts.length - 1} "${RANDOM_DEVICE}" (expected 1); see scripts/node-glue.mjs`);
  const lazy = 'function getRandomDevice(){var device;return function(){return (device||(device=chooseRandomDevice()))()}}';
  return `${parts[0]}${lazy}function chooseRandomDevice(){${parts[1]}`;
}
