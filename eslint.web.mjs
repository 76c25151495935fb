import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

/** Lint rules of every Angular project: the web app and each library under `libs/web`. */

export default [
  ...baseConfig,
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'app', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'app', style: 'kebab-case' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-signals': 'error',
    },
  },
  {
    files: ['**/*.html'],
    rules: {
      '@angular-eslint/template/prefer-control-flow': 'error',
      '@angular-eslint/template/prefer-self-closing-tags': 'error',
    },
  },
  {
    // Config files import the shared root configs by relative path, which the boundaries rule
    // reads as importing an external resource. Source files keep the rule.
    files: ['**/eslint.config.mjs', '**/jest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
