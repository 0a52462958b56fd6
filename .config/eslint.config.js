// @ts-check
/**
 * ESLint for Summit Desk (flat config, passed with `--config` so the top level
 * keeps only the project's own files). TypeScript files get typescript-eslint's
 * recommended rules, .astro files eslint-plugin-astro's. Formatting is
 * Prettier's job, so no stylistic rules are turned on here.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  {
    // Built output, caches and the copies of the project that tests build.
    ignores: ['dist/', '.astro/', 'node_modules/', 'tests/.tmp/', 'bench-results/', 'public/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/client/**/*.ts', 'src/search/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // tsc checks this with types (strictest sets noFallthroughCasesInSwitch) and knows that
      // `file.fail()` returns `never`; ESLint's version, without types, flags every case that ends in one.
      'no-fallthrough': 'off',
    },
  },
  {
    rules: {
      // `_name` marks a parameter a signature needs but the body does not (unified transformers take `(tree, file)`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
