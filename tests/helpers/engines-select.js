// Which browser engines the shared suite (tests/engines/) runs, and what each needs on the machine.
// No imports beyond Node's: jest.config.js and scripts/test.mjs read it before anything is installed.
// FT_ENGINES (comma-separated, default all) deselects engines.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * @typedef {'chromium' | 'firefox' | 'webkit'} EngineId
 * @typedef {{ id: EngineId, label: string, product: string, file: string, needs: Array<{ program: string, pkg: string }> }} EngineInfo
 */

/** @type {EngineInfo[]} */
export const ENGINES = [
  { id: 'chromium', label: 'Chromium', product: 'Chromium', file: 'tests/engines/chromium.test.js', needs: [{ program: '/usr/bin/chromium', pkg: 'chromium' }] },
  { id: 'firefox', label: 'Firefox', product: 'Firefox ESR', file: 'tests/engines/firefox.test.js', needs: [{ program: 'firefox-esr', pkg: 'firefox-esr' }] },
  {
    id: 'webkit', label: 'WebKit', product: 'WebKitGTK', file: 'tests/engines/webkit.test.js', needs: [
      { program: 'WebKitWebDriver', pkg: 'webkit2gtk-driver' },
      { program: MINIBROWSER, pkg: 'webkit2gtk-driver' },
      { program: 'Xvfb', pkg: 'xvfb' },
    ],
  },
];

/** @param {string} id @returns {EngineInfo} */
export function engineInfo(id) {
  const info = ENGINES.find((e) => e.id === id);
  if (!info) throw new Error(`unknown engine ${id}`);
  return info;
}

/**
 * The engines FT_ENGINES selects (all when unset or empty).
 * @param {string | undefined} [value] @returns {EngineId[]}
 * @throws {Error} one line naming the unknown engine and the valid names
 */
export function selectedEngines(value = process.env.FT_ENGINES) {
  const ids = ENGINES.map((e) => e.id);
  if (!value || !value.trim()) return ids;
  const wanted = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = wanted.filter((w) => !ids.includes(/** @type {EngineId} */ (w)));
  if (unknown.length) throw new Error(`FT_ENGINES: unknown engine ${unknown.join(', ')}; use a comma-separated list of ${ids.join(', ')}`);
  return ids.filter((id) => wanted.includes(id));
}

/** A program's full path: as given when absolute, else found on PATH. @param {string} program */
export function findProgram(program) {
  const candidates = program.startsWith('/') ? [program] : (process.env.PATH || '').split(delimiter).map((dir) => join(dir, program));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch { /* next */ }
  }
  return null;
}

/**
 * One line saying what to install for an engine, or null when nothing is missing.
 * @param {EngineId} id
 */
export function missingLine(id) {
  const info = engineInfo(id);
  const missing = info.needs.filter((n) => !findProgram(n.program));
  if (!missing.length) return null;
  const pkgs = [...new Set(missing.map((n) => n.pkg))];
  const others = selectedEngines().filter((e) => e !== id);
  const names = missing.map((n) => n.program.split('/').pop()).join(', ');
  const skip = others.length ? `FT_ENGINES=${others.join(',')} to skip ${info.label}` : `leave ${id} out of FT_ENGINES`;
  return `${names} not found: apt-get install ${pkgs.join(' ')} (or ${skip})`;
}
