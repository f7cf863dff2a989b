// The host side of the wire (polyfill/core-wire.js has its rules): one Module.Host, the simulated
// mini-program host (src/host.h, wasm-glue/bind_host.cpp), for polyfill/host/bridge.js. Its
// fallible calls answer {ok: false, reason} or {ok: true, events?, ...fields} (the events' shapes:
// wasm-glue/wire_host.h), its registries plain booleans and counts; every answer is read once.

import { read } from '../core-wire.js';

/**
 * A Module.Host answer, read.
 * @typedef {{ ok: true, events?: any[], [field: string]: any } | { ok: false, reason: string, events?: undefined }} HostAnswer
 */

export class HostCore {
  /** @param {{ Module: any }} core  the runtime's core handles */
  constructor(core) {
    /** @type {any} */
    this.handle = new core.Module.Host();
  }

  /**
   * Calls a Module.Host method by name (bind_host.cpp) and reads its answer: a HostAnswer, or a
   * registry's boolean or count. Strings the page gave go in marked (toCoreString, toCoreJson).
   * @param {string} method @param {...(string|number|boolean)} args @returns {any}
   */
  call(method, ...args) {
    return read(this.handle[method](...args));
  }

  /** The host's whole state (src/host.h HostState, wire_host.h state). @returns {any} */
  state() { return read(this.handle.state()); }

  /** The page stack, bottom first: [{route, query, url, webview}]. @returns {any[]} */
  stack() { return read(this.handle.stack()); }

  /** @returns {string} */
  title() { return read(this.handle.title()); }

  /** Whether any registry still holds listener `id`. @param {number} id @returns {boolean} */
  holdsListener(id) { return this.handle.holdsListener(id); }

  delete() { this.handle.delete(); }
}
