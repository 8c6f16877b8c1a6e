// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build output and the types Astro generates: not written by hand.
  globalIgnores(['dist/', '.astro/', 'test-results/', '**/.*.building-*/']),
  js.configs.recommended,
  // Not the type-checked set: on this code it took about four times the CPU (35 s against 9 s on the 2-core VM),
  // and what it added was mostly `any` from JSON.parse and the non-null assertions the strictest tsconfig asks
  // for. Types are checked by `npm run check` (astro check) already.
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    // Build scripts, the Astro config, tests and the modules they import all run in Node.
    files: ['**/*.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Scripts bundled for the browser, and the embed script other sites load as it is.
    files: ['src/client/**/*.ts', 'public/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      // Control characters in patterns are the point wherever they appear here: URLs, XML, CSV and slide text
      // are cleaned of them, and tests check that they are gone.
      'no-control-regex': 'off',
      // A leading underscore marks a parameter kept for its position in a callback's signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Astro reads a component's `interface Props` to type-check the props callers pass, even where the
    // component itself never reads them.
    files: ['**/*.astro'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^(_|Props$)' }],
    },
  },
  {
    // The embed script runs on other people's pages: it must stay under 3 KB gzipped, so it uses `a && f()` and
    // `c ? f() : g()` as statements, and it must never throw into the host page, so some catches are empty.
    files: ['public/embed/*.js'],
    rules: {
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
);
