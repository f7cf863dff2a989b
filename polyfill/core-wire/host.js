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
   * Calls a Module.Host method by name (bind_host.cpp) and reads its answer: a HostAnswer, a
   * registry's boolean or count, or a getter's value (state, stack, title, holdsListener).
   * Strings the page gave go in marked (toCoreString, toCoreJson).
   * @param {string} method @param {...(string|number|boolean)} args @returns {any}
   */
  call(method, ...args) {
    return read(this.handle[method](...args));
  }

  delete() { this.handle.delete(); }
}
