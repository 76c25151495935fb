import type { Config } from 'jest';
import { join, relative } from 'node:path';

/** One Jest set-up for every Angular project (the web app and each `libs/web` library). */
export function webJestConfig(displayName: string, rootDir: string): Config {
  return {
    displayName,
    rootDir,
    // Jest wants the preset as a path relative to rootDir.
    preset: relative(rootDir, join(__dirname, 'jest.preset.js')),
    setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
    testEnvironment: 'jsdom',
    coverageDirectory: join(__dirname, 'coverage', relative(__dirname, rootDir)),
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
