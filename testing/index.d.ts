// Types of ft-polyfill/testing (see testing/kit.cjs).
import type { Ft, FtHost, FtHostConfig, FtCallRecord, FtStackPage, FtDeviceWarning } from '../dist/ft-polyfill.js';

export { ftMatchers, pendingMessages, FtMatchers } from './matchers.js';

export interface FtInstance {
  ft: Ft;
  host: FtHost;
}

/**
 * Jest: installs `ft`, `ftHost` and `host` on the global object and resolves once the core is ready.
 * With `onDeviceCheck: 'error'` (here, or later through `host.configure` / `host.reset`) a test whose
 * page made a device check fails after it; rejects with that option where the kit could not add the
 * afterEach that does it (first required inside a hook or a test, or in `setupFiles`).
 */
export function setupFt(config?: FtHostConfig, options?: { global?: object }): Promise<FtInstance>;
/** Jest: the same, synchronously (calls made before the core is ready are queued; await host.ready); throws where setupFt rejects. */
export function installFt(config?: FtHostConfig, options?: { global?: object }): FtInstance;
/** A separate instance, installed nowhere. */
export function createFt(config?: FtHostConfig): Promise<FtInstance>;
/** Fills in structuredClone, TextDecoder, fetch, ... from Node and an in-memory IndexedDB where missing; returns the names added. */
export function polyfillGlobals(global?: object): string[];

/** The part of a Playwright Page or BrowserContext that injectFt uses. */
export interface InjectTarget {
  /** A Page's url, to refuse a page already navigated. */
  url?(): string;
  /** A BrowserContext's pages, to refuse one already navigated. */
  pages?(): Array<{ url(): string }>;
  addInitScript(script: { content: string }): Promise<unknown>;
  route(url: RegExp, handler: (route: any) => unknown): Promise<unknown>;
}
/** Playwright: installs the polyfill before any page script runs and stubs FinClip's JSSDK script requests. Rejects when a page of target has already navigated (call it before page.goto). */
export function injectFt(target: InjectTarget, config?: FtHostConfig): Promise<void>;

export interface HostSnapshot {
  /** The page stack, bottom first. */
  stack: FtStackPage[];
  /** The call log (functions replaced by '[Function]'). */
  calls: FtCallRecord[];
  /** The arrays delivered to the host's 'message' listeners since injection. */
  messages: unknown[][];
  /** The device check's findings (ftHost.warnings(), behaviour.md §1.15). */
  warnings: FtDeviceWarning[];
}
/** The Error a test fails with for these device checks (one line each), or null when there are none. */
export function deviceCheckError(warnings: FtDeviceWarning[]): Error | null;
/** Throws (one line per device check) when `host` (default: the global ftHost) has device checks. */
export function expectNoDeviceChecks(host?: FtHost): void;
/** Playwright: the host's state in the page. Rejects when the page has no ft-polyfill. */
export function readHost(page: { evaluate(fn: () => unknown): Promise<unknown>; url?(): string }): Promise<HostSnapshot>;

/** Path of dist/ft-polyfill.js. */
export const scriptPath: string;
/** The host UI's script (dist/ft-polyfill-ui.js: panel and sheets); add it too when adding scriptPath inline. */
export const uiScriptPath: string;
/** Matches requests for FinClip's JSSDK script. */
export const JSSDK_URL: RegExp;

declare global {
  // Installed by setupFt / installFt.
  var ft: Ft;
  var ftHost: FtHost;
  var host: FtHost;
}
