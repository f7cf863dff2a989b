// Counts a page's `unhandledrejection` events, from before its first script, for the browser
// tests of behaviour.md §1.4 (Playwright's pageerror sees them too, as "Uncaught (in promise)").

/**
 * @param {import('playwright-core').Page} page  before `goto`
 * @returns {Promise<() => Promise<string[]>>} reads the reasons seen so far (after the page has
 *   had a few tasks to report what it left behind)
 */
export async function watchUnhandledRejections(page) {
  await page.addInitScript(() => {
    const seen = /** @type {string[]} */ ([]);
    Object.defineProperty(window, '__unhandledRejections', { value: seen });
    addEventListener('unhandledrejection', (e) => seen.push(JSON.stringify(e.reason) ?? String(e.reason)));
  });
  return () => page.evaluate(async () => {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 20));
    return /** @type {any} */ (window).__unhandledRejections;
  });
}
