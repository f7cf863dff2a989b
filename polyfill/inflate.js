// The inflate fallback for browsers without DecompressionStream (Safari before 16.4, Firefox
// before 113): fflate's raw-deflate decoder, in a file of its own (dist/ft-polyfill-inflate.js,
// .mjs) that only those browsers download (core-web.js).
export { inflateSync } from 'fflate';
