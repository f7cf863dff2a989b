// The web-view's own session history, as ft.canGoBack and the host's back button see it (§3.11,
// §3.13): entries before the web-view's first document never count, and the position survives
// the web-view's own navigations (a later document of the same tab reads it back).

// sessionStorage keys: the history position of the web-view's first document in this tab, and,
// without the Navigation API, "<history.length> <the host's steps back since it last grew>".
const FIRST_ENTRY = 'ft-polyfill.webViewFirst';
const STEPS_BACK = 'ft-polyfill.webViewBack';

export class WebViewHistory {
  /** @param {any} g  the page's global */
  constructor(g) {
    this.g = g;
    /** sessionStorage, or an object where there is none (Node, an opaque origin). @type {Record<string, any>} */
    this.session = {};
    try {
      this.session = g.sessionStorage || {};
    } catch {
      // an opaque origin: this document is the web-view's first
    }
    // The tab's first document with the polyfill is the web-view's first.
    this.session[FIRST_ENTRY] ??= this.at();
    this.first = +this.session[FIRST_ENTRY];
  }

  /** A new configuration opens the web-view page afresh: its history starts here. */
  restart() {
    this.session[FIRST_ENTRY] = this.first = this.at();
  }

  /**
   * The web-view's position in its session history: the Navigation API's entry index where the
   * browser has it; else history.length less the host's own steps back (`step` adds one) since
   * the history last grew (a page's history.back() is not seen there).
   * @param {number} [step]
   */
  at(step = 0) {
    const g = this.g;
    if (g.navigation && g.navigation.currentEntry) return g.navigation.currentEntry.index;
    const length = g.history ? g.history.length : 0;
    const [was, back] = String(this.session[STEPS_BACK]).split(' ');
    const steps = (+was === length ? +back : 0) + step;
    this.session[STEPS_BACK] = `${length} ${steps}`;
    return length - steps;
  }

  /** Whether the web-view's own history has an entry before the current one (§3.11). */
  canGoBack() {
    return this.at() > this.first;
  }

  /** The host steps the web-view back one entry (backMode 'history', §3.13). */
  back() {
    this.at(1);
    this.g.history.back();
  }
}
