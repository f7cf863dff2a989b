// Whether a person can answer the host's pickers and sheets here. Outside a browser page (Node)
// or in a simulated DOM (jsdom, happy-dom: Jest's and Vitest's environments) nobody can, so
// chooseImage / chooseLocation fail at once with what to do instead of waiting for ever.

/** @param {any} global @returns {string} '' when a person can answer, else the reason's ending */
export function whyNobodyAnswers(global) {
  if (!global.document) return 'outside a browser page';
  const ua = global.navigator && typeof global.navigator.userAgent === 'string' ? global.navigator.userAgent : '';
  const simulated = /\b(jsdom|HappyDOM)\b/i.exec(ua);
  return simulated ? `in ${simulated[1]} (nobody can answer it there)` : '';
}
