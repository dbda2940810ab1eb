import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';
import globals from 'globals';
import { layersPlugin } from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'server/db/migrations/', 'test-results/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in server/env.ts only.' }],
      // Official files and their labels use the full-width space (U+3000) in strings and comments.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipTemplates: true }],
    },
  },
  {
    // Layers, at any depth; no feature imports another (eslint/layers.js).
    files: ['server/**/*.ts', 'web/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/no-climbing-imports': 'error' },
  },
  {
    // The pure core: no I/O, no clock, no environment.
    files: ['server/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'better-sqlite3', 'drizzle-orm*', 'hono*'] }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Pass the clock in.' }, { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the clock in.' }, { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Pass randomness in.' }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    ...solid,
    languageOptions: { ...solid.languageOptions, globals: { ...globals.browser } },
    // `let el!: HTMLDivElement; <div ref={el} />` is how Solid assigns refs.
    rules: { ...solid.rules, 'no-unassigned-vars': 'off' },
  },
  {
    // Tests read JSON responses loosely on purpose.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['server/env.ts', 'scripts/**/*.ts', 'test/**/*.ts', 'vite.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
