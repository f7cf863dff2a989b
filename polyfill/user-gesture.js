// Whether a call runs inside a user gesture the page saw (ft.chooseImage: the picker at once, or
// the host's sheet first). The browser's transient activation (navigator.userActivation.isActive)
// is also granted by a test driver's script evaluation: Playwright runs page.evaluate and its
// locator waits as a user gesture, which no person made and no input event reached. The page
// would then open a native picker that nobody answers (Playwright dismisses it at once), where a
// person would have seen the host's sheet. So activation counts only with a trusted input event
// that grants it (HTML's activation-triggering input events) within the activation's lifetime.

/** The input events that grant transient activation (HTML, "activation-triggering input event"). */
const ACTIVATING = ['keydown', 'mousedown', 'pointerdown', 'pointerup', 'touchend'];
/** How long a browser keeps transient activation after such an event (Chromium, Firefox: 5 s). */
const ACTIVATION_MS = 5000;
const CAPTURE = { capture: true, passive: true };

/**
 * Watches the page's trusted input from now on (capture listeners on its window).
 * @param {any} global  the page's window (in Node, a global without events: never active)
 * @returns {{ active: () => boolean, stop: () => void }}
 *   active: whether the page is in a user gesture it saw; stop: removes the listeners
 */
export function userGestures(global) {
  const target = global && typeof global.addEventListener === 'function' ? global : null;
  let last = -Infinity;
  const seen = (/** @type {Event} */ event) => {
    if (event.isTrusted) last = performance.now();
  };
  for (const type of ACTIVATING) target?.addEventListener(type, seen, CAPTURE);
  return {
    active: () => Boolean(global?.navigator?.userActivation?.isActive) && performance.now() - last < ACTIVATION_MS,
    stop: () => {
      for (const type of ACTIVATING) target?.removeEventListener(type, seen, CAPTURE);
    },
  };
}
