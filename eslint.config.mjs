// Workspace ESLint flat config: typescript-eslint for every package, and Nx module
// boundaries so the layering core → threading, multiprocessing → executors →
// bench-runner, distributed is a lint error to break.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/test-output',
      '**/node_modules',
      '**/bench-results',
      '**/vitest.config.*.timestamp*',
      '.nx',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'],
    ignores: ['**/eslint.config.mjs'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        queueMicrotask: 'readonly',
        structuredClone: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        SharedArrayBuffer: 'readonly',
        Atomics: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        performance: 'readonly',
        MessageChannel: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Layering applies to library code. Tests import their own package by name on purpose:
    // that resolves to dist/, the same modules the worker threads and processes load.
    files: ['**/src/**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'layer:core', onlyDependOnLibsWithTags: ['layer:core'] },
            { sourceTag: 'layer:threading', onlyDependOnLibsWithTags: ['layer:core'] },
            { sourceTag: 'layer:multiprocessing', onlyDependOnLibsWithTags: ['layer:core'] },
            {
              sourceTag: 'layer:executors',
              onlyDependOnLibsWithTags: ['layer:core', 'layer:threading', 'layer:multiprocessing'],
            },
            {
              sourceTag: 'layer:distributed',
              onlyDependOnLibsWithTags: [
                'layer:core',
                'layer:threading',
                'layer:multiprocessing',
                'layer:executors',
              ],
            },
            {
              sourceTag: 'layer:bench',
              onlyDependOnLibsWithTags: [
                'layer:core',
                'layer:threading',
                'layer:multiprocessing',
                'layer:executors',
                'layer:distributed',
              ],
            },
          ],
        },
      ],
    },
  },
);
