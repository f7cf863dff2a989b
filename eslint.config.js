// ESLint flat config: correctness rules (@eslint/js recommended) and the house formatting, kept by
// @stylistic's fixable rules (`npm run lint -- --fix`) in place of a separate formatter. Types are
// not ESLint's job: the JSDoc types are checked by `tsc --noEmit` (npm run typecheck).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';

export default [
  { ignores: ['dist/', 'build/', 'build-*/', 'node_modules/', 'test-results/', 'tests/consumers/fixtures/**/node_modules/', '**/*.min.js'] },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { '@stylistic': stylistic },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-constant-condition': ['error', { checkLoops: false }],
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-var': 'error',
      eqeqeq: ['error', 'smart'],
      '@stylistic/indent': ['error', 2, { SwitchCase: 1, ignoredNodes: ['TemplateLiteral *', 'ConditionalExpression', 'CallExpression > ArrowFunctionExpression'] }],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/eol-last': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 2, maxEOF: 0 }],
      '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/space-infix-ops': 'error',
      '@stylistic/comma-spacing': 'error',
      '@stylistic/key-spacing': 'error',
      '@stylistic/arrow-spacing': 'error',
      '@stylistic/no-tabs': 'error',
    },
  },
  {
    // Node scripts; the functions they hand to page.evaluate run in the page, beside ft and ftHost.
    files: ['**/*.cjs', 'bin/**', 'scripts/**', 'bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ft: 'readonly', ftHost: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // Classic scripts that run as written in old and new pages: FinClip's own doc examples (kept
    // verbatim, ES5), the bench pages and the fake host clients.
    files: ['demo/doc-examples.js', 'demo/cart.js', 'bench/*-bench.js', 'bench/baseline-storage.js', 'tests/pages/real-clients/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, ft: 'readonly', ftHost: 'readonly', wx: 'readonly', gc: 'readonly' } },
    rules: { 'no-var': 'off', 'no-redeclare': ['error', { builtinGlobals: false }], '@stylistic/semi': 'off', '@stylistic/comma-dangle': 'off' },
  },
  {
    // Emscripten's --post-js: runs inside the generated glue, beside its Module and FS objects.
    files: ['wasm-glue/post.js'],
    languageOptions: { sourceType: 'script', globals: { Module: 'writable', IDBFS: 'readonly', FS: 'readonly' } },
  },
  {
    files: ['tests/**', 'testing/**', 'playwright/**', 'vitest/**'],
    languageOptions: { globals: { ...globals.jest, ...globals.browser, ...globals.node, ft: 'readonly', ftHost: 'readonly', host: 'readonly', ftHostConfig: 'readonly' } },
  },
];
