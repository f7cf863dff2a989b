// The table's `concern` enforced: each interface is served by exactly the module of its concern
// (polyfill/impl/<concern>.js), and every module serves all of its interfaces. The browser bundles
// swap this file for concerns-unchecked.js (their table carries no `concern`: scripts/build.mjs);
// they are built from the same modules, checked here at every construction in Node and by
// tests/js/api-table.test.js.
import { API_TABLE, API_BY_NAME } from '../api-table.js';

/**
 * What is wrong with a module of `concern` serving `names` (empty when nothing).
 * @param {string} concern @param {string[]} names
 * @param {import('../api-table.js').ApiDef[]} [table]
 * @returns {string[]}
 */
export function concernProblems(concern, names, table = API_TABLE) {
  const byName = table === API_TABLE ? API_BY_NAME : new Map(table.map((def) => [def.name, def]));
  /** @type {string[]} */
  const problems = [];
  for (const name of names) {
    const def = byName.get(name);
    if (!def) problems.push(`impl/${concern}.js serves ${name}, which is not in the API table`);
    else if (def.concern !== concern) problems.push(`impl/${concern}.js serves ${name}, an interface of impl/${def.concern}.js`);
  }
  for (const def of table) {
    if (def.concern === concern && !names.includes(def.name)) problems.push(`impl/${concern}.js does not serve ${def.name}`);
  }
  return problems;
}

/**
 * The implementations a module of `concern` made, once checked (a mistake throws at construction).
 * @template {Record<string, unknown>} T
 * @param {string} concern @param {T} impls @returns {T}
 */
export function servedBy(concern, impls) {
  const problems = concernProblems(concern, Object.keys(impls));
  if (problems.length) throw new Error(`ft-polyfill: ${problems.join('; ')} (api-table.js concern)`);
  return impls;
}

/**
 * The module factories, each checked when it builds its implementations.
 * @param {Record<string, import('./index.js').ImplementationModule>} modules  by concern
 * @returns {import('./index.js').ImplementationModule[]}
 */
export const checked = (modules) => Object.entries(modules).map(([concern, factory]) => (runtime) => servedBy(concern, factory(runtime)));
