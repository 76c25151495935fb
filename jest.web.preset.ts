import type { Config } from 'jest';

/** One Jest set-up for every Angular project (the web app and each `libs/web` library). */
export function webJestConfig(displayName: string, rootDir: string): Config {
  return {
    displayName,
    rootDir,
    preset: `${__dirname}/jest.preset.js`,
    setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
    testEnvironment: 'jsdom',
    coverageDirectory: `${__dirname}/coverage/${rootDir.slice(__dirname.length + 1)}`,
    transform: {
      '^.+\\.(ts|mjs|js|html)$': [
        'jest-preset-angular',
        { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
      ],
    },
    transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
    snapshotSerializers: [
      'jest-preset-angular/build/serializers/no-ng-attributes',
      'jest-preset-angular/build/serializers/ng-snapshot',
      'jest-preset-angular/build/serializers/html-comment',
    ],
  };
}
