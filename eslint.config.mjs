import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** What the pure layers and the application layer never import (test/architecture holds the same list). */
const FRAMEWORKS_AND_DRIVERS = [
  '@nestjs/*',
  'better-sqlite3',
  'pg',
  'mongoose',
  'kafkajs',
  '@eventstore/*',
  'express',
  'pino*',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', '.tmp/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain and the matching engine stay pure: no framework, no database, no broker.
    files: ['libs/domain/**/*.ts', 'libs/matching/**/*.ts', 'contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: FRAMEWORKS_AND_DRIVERS,
              message: 'libs/domain, libs/matching and contracts import no framework or I/O client.',
            },
          ],
        },
      ],
    },
  },
  {
    // Flows across streams go through the ports: no framework, no driver, no HTTP (test/architecture).
    files: ['libs/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...FRAMEWORKS_AND_DRIVERS,
                '@lib/http',
                '@lib/http/*',
                '@lib/auth',
                '@lib/auth/*',
                '@lib/messaging',
                '@lib/messaging/*',
              ],
              message:
                'libs/application reaches the outside through the event-store and read-store ports only.',
            },
          ],
        },
      ],
    },
  },
);
