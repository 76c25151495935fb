/**
 * The hardening harness (issue 7): fuzz, route × role matrix, booking model, stall detector — each
 * file against its own freshly started, built Madang over real PostgreSQL. Run by `npm test`
 * (tools/test-all.mjs) with fixed budgets; `npm run fuzz` / `npm run fuzz:model` run longer.
 */
export default {
  displayName: 'api-harness',
  preset: '../../../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/../../tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/**/*.harness-spec.ts'],
  testTimeout: 10 * 60_000,
};
