// Unit, contract (embedded adapters), end-to-end and crash tests. Suites that need a real server are
// in jest.integration.config.js and skip themselves, saying why, when its URL is not set.
const { pathsToModuleNameMapper } = require('./jest.paths');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/contracts', '<rootDir>/seeds', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.integration\\.test\\.ts$'],
  transform: {
    // Transpile only (types are checked by `npm run typecheck`), with decorator metadata for NestJS.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
  },
  moduleNameMapper: pathsToModuleNameMapper(),
  testTimeout: 30000,
};
