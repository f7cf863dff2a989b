// Types of ft-polyfill/playwright (see playwright/index.cjs).
import type { TestType, PlaywrightTestArgs, PlaywrightTestOptions, PlaywrightWorkerArgs, PlaywrightWorkerOptions, Page } from '@playwright/test';
import type { Ft, FtHost, FtHostConfig } from '../dist/ft-polyfill.js';
import type { HostSnapshot } from '../testing/index.js';

export { expect } from '@playwright/test';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace PlaywrightTest {
    interface Matchers<R, T = unknown> {
      /** The page's pending postMessage data (what the host would receive now at a share, back or destroy, behaviour.md §4.1) equals `expected`: `await expect(page).toHavePendingMessages([...])`. */
      toHavePendingMessages(expected: unknown[]): Promise<R>;
    }
  }
}

/** The options this `test` adds: `test.use({ ftConfig })` or `use: { ftConfig }` in playwright.config. */
export interface FtOptions {
  /** window.ftHostConfig of every page of the test. Default {}. With `onDeviceCheck: 'error'` a test fails when one of its pages produced a device check (behaviour.md §1.15). */
  ftConfig: FtHostConfig;
}

/** The `ft` fixture: what the test reads and resets (config, readHost, reset). */
export interface FtFixtureControls {
  /** The ftHostConfig injected into the test's pages. */
  config: FtHostConfig;
  /** The host's state in `page` (default: the test's page): stack, call log, delivered messages. Rejects when the page has no ft-polyfill. */
  readHost(page?: Page): Promise<HostSnapshot>;
  /** ftHost.reset(config) in `page` (default: the test's page and the current config): storage, stack, listeners, mocks and call log cleared. */
  reset(config?: FtHostConfig, page?: Page): Promise<void>;
}

/**
 * The `ft` fixture, typed also as the page's `window.ft`: a callback given to `page.evaluate` runs
 * in the page, where `ft` is the page's JSSDK, so `page.evaluate(() => ft.getStorage({ key }))`
 * type-checks in a test that takes the fixture. In the test itself (Node) only the controls exist.
 */
export type FtFixture = FtFixtureControls & Ft;

declare global {
  /** The page's `window.ft` and `window.ftHost`, for callbacks that run in the page (page.evaluate). */
  var ft: Ft;
  var ftHost: FtHost;
}

export const test: TestType<PlaywrightTestArgs & PlaywrightTestOptions & FtOptions & { ft: FtFixture }, PlaywrightWorkerArgs & PlaywrightWorkerOptions>;
export default test;
