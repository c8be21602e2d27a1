// ESLint flat config: typescript-eslint's recommended rules, plus the project's own:
// no console in library code (use the logger) and the dependency rule that business code
// imports the store port, never an adapter (only apps and libs/platform pick the adapter).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.local/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['libs/**/*.ts'],
    // Tests choose a store as apps do, and so do the processes they spawn (testing/*.process.ts).
    ignores: ['libs/platform/**', 'libs/event-store-*/**', 'libs/**/*.spec.ts', 'libs/**/testing/*.process.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@app/event-store-sqlite', '@app/event-store-postgres', '@app/event-store-esdb'],
              message: 'Business code depends on the store port (@app/event-store); only apps and libs/platform choose an adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bench/**/*.ts', 'apps/cli/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
