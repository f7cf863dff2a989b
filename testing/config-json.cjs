'use strict';
// ftHostConfig as JSON for a page, one way for every way in (the Vite plugin, `ft-polyfill serve`'s
// injection, the Playwright kit): a mock rule's RegExp goes as "/re/flags", which the polyfill
// reads back as that RegExp (docs/guides/mocks.md).

/** JSON.stringify's replacer: a RegExp as its "/re/flags" text. @param {string} _key @param {unknown} value */
const regExpAsText = (_key, value) => (value instanceof RegExp ? String(value) : value);

/**
 * `config` as JSON text to put inside a page's inline script (`<` escaped, so no `</script>` ends it).
 * @param {unknown} config @returns {string}
 */
const inlineConfigJson = (config) => JSON.stringify(config, regExpAsText).replace(/</g, '\\u003c');

module.exports = { regExpAsText, inlineConfigJson };
