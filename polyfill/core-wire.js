// ---- Host and storage side: Module.Host / Module.Storage answers (helper seam-host) -----------
// Every fallible Module.Host call answers JSON text in one convention (wasm-glue/wire_host.h):
// {"ok":false,"reason":"..."} or {"ok":true, events?, ...fields}. Module.Storage's hot calls
// answer a plain string on success (a stored form, an op id) and the same failure answer. The registries answer plain
// booleans/counts (they never fail). Page data inside answers (posted messages, extraData) crossed
// with json-wire.js's lone-surrogate marks, undone with its `revive` where JS hands it on.

import { ok as hostOk, fail as hostFail } from './pipeline.js';
import { isFailure } from '../wasm-glue/storage-memo.js';

/**
 * A Module.Host answer, read once.
 * @typedef {{ ok: true, events?: any[], [field: string]: any } | { ok: false, reason: string, events?: undefined }} HostAnswer
 */

/**
 * Reads what a Module.Host method returned: JSON answers are parsed once, plain values (the
 * registries' booleans and counts) pass as they are.
 * @param {unknown} returned @returns {any}
 */
export function readHostAnswer(returned) {
  return typeof returned === 'string' ? JSON.parse(returned) : returned;
}

/**
 * The pipeline's outcome of a host answer: fail(reason), or ok(data).
 * @param {HostAnswer} answer @param {Record<string, unknown>} [data]
 * @returns {import('./pipeline.js').Outcome}
 */
export function hostOutcome(answer, data) {
  return answer.ok ? hostOk(data) : hostFail(String(answer.reason));
}

/**
 * A Module.Storage answer (wasm-glue/bind_storage.cpp): the success text, or the failure's reason.
 * @param {string} answer @returns {{ ok: true, text: string } | { ok: false, reason: string }}
 */
export function readStorageAnswer(answer) {
  return isFailure(answer) ? { ok: false, reason: String(JSON.parse(answer).reason) } : { ok: true, text: answer };
}
