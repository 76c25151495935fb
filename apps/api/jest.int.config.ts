/** Integration tests: real PostgreSQL (embedded, or TEST_DATABASE_URL), one cloned database per test file. */
export default {
  displayName: 'api-int',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/../../tools/db/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/../../tools/db/jest-global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
};
