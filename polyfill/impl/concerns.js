// The table's `concern` enforced: each interface is served by exactly the module of its concern
// (polyfill/impl/<concern>.js), and every module serves all of its interfaces. The browser bundles
// swap this file for concerns-unchecked.js (their table carries no `concern`: scripts/build.mjs);
// they are built from the same modules, checked here at every construction in Node and by
// tests/js/api-table.test.js.
import { API_TABLE, API_BY_NAME } from '../api-table.js';

/**
 * What is wrong with a module of `concern` serving `names` (empty when nothing).
 * @param {string} concern @param {string[]} names
 * @returns {string[]}
 */
export function concernProblems(concern, names) {
  /** @type {string[]} */
  const problems = [];
  for (const name of names) {
    const def = API_BY_NAME.get(name);
    if (!def) problems.push(`impl/${concern}.js serves ${name}, which is not in the API table`);
    else if (def.concern !== concern) problems.push(`impl/${concern}.js serves ${name}, an interface of impl/${def.concern}.js`);
  }
  for (const def of API_TABLE) {
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
 * The concern of a module that serves `names`: the one most of them belong to.
 * @param {string[]} names @returns {string}
 */
export function concernOf(names) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const name of names) {
    const concern = API_BY_NAME.get(name)?.concern;
    if (concern) counts.set(concern, (counts.get(concern) || 0) + 1);
  }
  let best = '';
  for (const [concern, count] of counts) if (count > (counts.get(best) || 0)) best = concern;
  return best;
}

/**
 * The module factories, each checked when it builds its implementations: all of one concern,
 * and all of it (the file each concern lives in is checked by tests/js/api-table.test.js).
 * @param {import('./index.js').ImplementationModule[]} factories
 * @returns {import('./index.js').ImplementationModule[]}
 */
export const checked = (factories) => factories.map((factory) => (runtime, services) => {
  const impls = factory(runtime, services);
  const names = Object.keys(impls);
  const concern = concernOf(names);
  if (!concern) throw new Error(`ft-polyfill: an implementation module serves no interface of the API table (${names.join(', ')})`);
  return servedBy(concern, impls);
});
