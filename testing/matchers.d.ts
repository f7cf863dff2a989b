// Types of testing/matchers.cjs (ft-polyfill/testing: ftMatchers, pendingMessages).
import type { FtHost } from '../dist/ft-polyfill.js';

/** The kit's matchers, for `expect.extend(ftMatchers)` (ft-polyfill/vitest and ft-polyfill/playwright's expect already have them). */
export const ftMatchers: {
  /** The host's pending postMessage data (what it would receive now at a share, back or destroy, behaviour.md §4.1) equals `expected`. Received: an ftHost, or a Playwright Page (then await it). */
  toHavePendingMessages(received: unknown, expected: unknown[]): { pass: boolean; message(): string } | Promise<{ pass: boolean; message(): string }>;
};
/** What postMessage buffered so far, oldest first: `ftHost.state().pendingData`. Throws before the host is ready. */
export function pendingMessages(host: FtHost): unknown[];

/** `expect(host).toHavePendingMessages([...])`: Jest and Vitest. */
export interface FtMatchers<R = unknown> {
  /** The host's pending postMessage data (delivered at the next back, share or destroy, behaviour.md §4.1) equals `expected`. */
  toHavePendingMessages(expected: unknown[]): R;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> extends FtMatchers<R> {}
  }
}
