// Where the classic script looks for its host UI (polyfill/load-ui-script.js).
import { uiCandidates } from '../../polyfill/load-ui-script.js';

test('a file address: the UI next to it', () => {
  expect(uiCandidates('https://example.com/vendor/ft-polyfill.js?v=2')).toEqual(['https://example.com/vendor/ft-polyfill-ui.js']);
  expect(uiCandidates('file:///home/me/site/ft-polyfill.js')).toEqual(['file:///home/me/site/ft-polyfill-ui.js']);
});

test("a CDN's package address (no file name): the package's dist/ first, then next to it", () => {
  expect(uiCandidates('https://unpkg.com/ft-polyfill@0.1.0')).toEqual([
    'https://unpkg.com/ft-polyfill@0.1.0/dist/ft-polyfill-ui.js',
    'https://unpkg.com/ft-polyfill-ui.js',
  ]);
  expect(uiCandidates('https://cdn.jsdelivr.net/npm/ft-polyfill/')[0]).toBe('https://cdn.jsdelivr.net/npm/ft-polyfill/dist/ft-polyfill-ui.js');
});
