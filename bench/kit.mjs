// The testing kit (ft-polyfill/testing) in Node, as a Jest file uses it: setupFt's time in a fresh
// process (load, core start, config applied) and its phases, host.reset()'s median, and a 100-test body. Each
// round is its own process (bench/kit-child.cjs). Targets (issue 15): setupFt ≤ 100 ms, reset ≤ 1 ms.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, round } from './stats.mjs';

export const SETUP_TARGET_MS = 100;
export const RESET_TARGET_MS = 1;
const child = join(dirname(fileURLToPath(import.meta.url)), 'kit-child.cjs');

/** @param {number} rounds */
export function kit(rounds) {
  /** @type {Array<{ setupMs: number, resetMs: number, hundredTestsMs: number, phases: Record<string, number> }>} */
  const samples = [];
  for (let r = 0; r < rounds; r++) samples.push(JSON.parse(execFileSync(process.execPath, [child], { encoding: 'utf8' })));
  const setupMs = round(median(samples.map((s) => s.setupMs)));
  const resetMs = round(median(samples.map((s) => s.resetMs)), 3);
  return {
    setupMs,
    resetMs,
    hundredTestsMs: round(median(samples.map((s) => s.hundredTestsMs))),
    // Where a test file's set-up goes (ms, medians): what each test file of a Vitest run (a fresh
    // process per file) and of a Jest run (a fresh context per file) pays before its first test.
    phases: Object.fromEntries(Object.keys(samples[0].phases).map((k) => [k, round(median(samples.map((s) => s.phases[k])), 1)])),
    setupTargetMs: SETUP_TARGET_MS,
    resetTargetMs: RESET_TARGET_MS,
    pass: setupMs <= SETUP_TARGET_MS && resetMs <= RESET_TARGET_MS,
  };
}
