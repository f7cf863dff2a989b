// The checks of ftHostConfig.mocks (docs/guides/mocks.md; applied by mocks/rules.js): what each
// part must be, and a problem, in words, for each part that is not (skipped, the rest applies).

/** The transport failures a rule may give → the kind the core names (requestFailReason). */
export const REQUEST_FAILS = { timeout: 'timeout', abort: 'abort', 'network error': 'error' };
export const UNMATCHED = ['pass', 'warn', 'fail'];
/**
 * The interfaces answered from the configuration besides request's rules: the API table's
 * `mockable` ones but request (written out, so the table stays out of the UI chunk; a test checks).
 */
export const NATIVE = ['downloadFile', 'openDocument', 'chooseImage', 'chooseLocation', 'getLocation'];

/**
 * @typedef {object} Rule  a checked request rule
 * @property {RegExp} pattern  matched against the whole url
 * @property {string | RegExp} url  as given
 * @property {string} [method]  upper case; any method when absent
 * @property {{ statusCode?: number, header?: Record<string, unknown>, data?: unknown }} [response]
 * @property {string} [fail]  a key of REQUEST_FAILS
 * @property {number} delay  ms
 * @typedef {{ rules: Rule[], unmatched: string, answers: Map<string, unknown>, nativeApis: Map<string, unknown>, problems: string[] }} CheckedMocks
 */

/** @param {unknown} v @returns {v is Record<string, any>} */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The RegExp of a rule's url: a RegExp as it is, "/re/flags" as a RegExp, any other string a
 * pattern where `*` matches any run of characters. Throws a SyntaxError for a bad RegExp.
 * @param {string | RegExp} url @returns {RegExp}
 */
export function urlPattern(url) {
  if (url instanceof RegExp) return url;
  const re = /^\/(.+)\/([a-z]*)$/s.exec(url);
  if (re) return new RegExp(re[1], re[2].replace(/[gy]/g, ''));
  return new RegExp(`^${url.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`, 's');
}

/**
 * Checks one answer (a native interface's or a callNativeAPI name's): the problem, or ''.
 * @param {unknown} answer @param {string} where
 */
function answerProblem(answer, where) {
  if (typeof answer === 'function') return '';
  if (!isObject(answer)) return `${where} should be an object (the success fields, or {fail: reason}) or a function`;
  if ('delay' in answer && !(answer.delay >= 0)) return `${where}.delay should be a number of ms >= 0`;
  if ('fail' in answer && typeof answer.fail !== 'string') return `${where}.fail should be a string (the reason)`;
  return '';
}

/**
 * Checks ftHostConfig.mocks: what is well-formed, and a problem per part that is not (skipped).
 * @param {unknown} given @returns {CheckedMocks}
 */
export function checkMocks(given) {
  /** @type {CheckedMocks} */
  const out = { rules: [], unmatched: 'pass', answers: new Map(), nativeApis: new Map(), problems: [] };
  if (given === undefined || given === null) return out;
  if (!isObject(given)) {
    out.problems.push('mocks should be an object: { request: [rules], unmatched, callNativeAPI: {name: answer}, getLocation: answer, ... }');
    return out;
  }
  for (const [key, value] of Object.entries(given)) {
    if (key === 'request') {
      if (!Array.isArray(value)) out.problems.push('mocks.request should be an array of rules');
      else value.forEach((rule, i) => checkRule(rule, `mocks.request[${i}]`, out));
    } else if (key === 'unmatched') {
      if (UNMATCHED.includes(value)) out.unmatched = value;
      else out.problems.push(`mocks.unmatched should be one of ${UNMATCHED.map((u) => `'${u}'`).join(', ')}`);
    } else if (key === 'callNativeAPI') {
      if (!isObject(value)) out.problems.push('mocks.callNativeAPI should be an object: { name: answer }');
      else {
        for (const [name, answer] of Object.entries(value)) {
          const problem = name === '' ? 'mocks.callNativeAPI: a name should be non-empty' : answerProblem(answer, `mocks.callNativeAPI.${name}`);
          if (problem) out.problems.push(problem);
          else out.nativeApis.set(name, answer);
        }
      }
    } else if (NATIVE.includes(key)) {
      const problem = answerProblem(value, `mocks.${key}`);
      if (problem) out.problems.push(problem);
      else out.answers.set(key, value);
    } else {
      out.problems.push(`mocks.${key} is not mocked (one of request, unmatched, callNativeAPI, ${NATIVE.join(', ')})`);
    }
  }
  return out;
}

/** @param {unknown} rule @param {string} where @param {CheckedMocks} out */
function checkRule(rule, where, out) {
  if (!isObject(rule)) return out.problems.push(`${where} should be an object: { url, method?, response? | fail?, delay? }`);
  const { url, method, response, fail, delay = 0 } = rule;
  let pattern;
  try {
    pattern = typeof url === 'string' && url !== '' || url instanceof RegExp ? urlPattern(url) : null;
  } catch (error) {
    return out.problems.push(`${where}.url ${String(url)}: ${/** @type {Error} */ (error).message}`);
  }
  // The first of these that holds is the rule's problem.
  /** @type {Array<[unknown, string]>} */
  const checks = [
    [!pattern, `${where}.url should be a non-empty string ('*' matches any run of characters) or a RegExp ("/re/flags" in JSON)`],
    [method !== undefined && (typeof method !== 'string' || method === ''), `${where}.method should be a method name, e.g. 'GET'`],
    [fail !== undefined && !(typeof fail === 'string' && fail in REQUEST_FAILS), `${where}.fail should be one of ${Object.keys(REQUEST_FAILS).map((f) => `'${f}'`).join(', ')}`],
    [fail === undefined && !isObject(response), `${where} should have a response ({statusCode?, header?, data?}) or a fail`],
    [response !== undefined && !isObject(response), `${where}.response should be an object: {statusCode?, header?, data?}`],
    [isObject(response) && response.statusCode !== undefined && !(Number.isInteger(response.statusCode) && response.statusCode >= 0), `${where}.response.statusCode should be an integer`],
    [isObject(response) && response.header !== undefined && !isObject(response.header), `${where}.response.header should be an object`],
    [!(typeof delay === 'number' && delay >= 0), `${where}.delay should be a number of ms >= 0`],
  ];
  const problem = checks.find(([bad]) => bad)?.[1] ?? '';
  if (problem) return out.problems.push(problem);
  out.rules.push({ pattern: /** @type {RegExp} */ (pattern), url, method: method && method.toUpperCase(), response, fail, delay });
  return 0;
}
