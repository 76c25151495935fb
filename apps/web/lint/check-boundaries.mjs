// Proves the module boundaries are enforced: lints small probe sources (never written to disk)
// as if they were files of the named projects, with each project's own ESLint config, and
// expects @nx/enforce-module-boundaries to refuse the forbidden imports and accept the allowed
// ones. Run by `nx run web:lint` (target lint-boundaries): node --test apps/web/lint/check-boundaries.mjs
import { ESLint } from 'eslint';
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const RULE = '@nx/enforce-module-boundaries';

/** The boundary errors ESLint reports for `code` placed in `projectDir`. */
async function boundaryErrors(projectDir, code) {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, projectDir, 'eslint.config.mjs') });
  const filePath = join(root, projectDir, 'src/lib/boundary-probe.ts');
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], 'the probe must parse');
  return result.messages.filter((m) => m.ruleId === RULE && m.severity === 2).map((m) => m.message);
}

const use = (name) => `\nexport const probe = ${name};\n`;

test('a feature may import its domain data-access, util and the shared ui', async () => {
  const errors = await boundaryErrors(
    'libs/web/bookings/feature-asset',
    `import { CatalogueService } from '@madang/web/bookings/data-access';
import { BOOKINGS_MESSAGES } from '@madang/web/bookings/util';
import { IconComponent } from '@madang/web/ui';
export const probe = [CatalogueService, BOOKINGS_MESSAGES, IconComponent];
`,
  );
  assert.deepEqual(errors, []);
});

test('a feature may not import another feature', async () => {
  const errors = await boundaryErrors(
    'libs/web/bookings/feature-asset',
    `import { CATALOGUE_ROUTES } from '@madang/web/bookings/feature-catalogue';${use('CATALOGUE_ROUTES')}`,
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0], /tagged with "type:feature" can only depend on/);
});

test('a feature may not import another domain’s libraries', async () => {
  const errors = await boundaryErrors(
    'libs/web/bookings/feature-my-bookings',
    `import { UsersService } from '@madang/web/accounts/data-access';${use('UsersService')}`,
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0], /tagged with "domain:bookings" can only depend on/);
});

test('data-access may not import ui', async () => {
  const errors = await boundaryErrors(
    'libs/web/accounts/data-access',
    `import { IconComponent } from '@madang/web/ui';${use('IconComponent')}`,
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0], /tagged with "type:data-access" can only depend on/);
});

for (const [projectDir, pkg, name] of [
  ['libs/web/ui', 'typeorm', 'DataSource'],
  ['libs/web/bookings/feature-catalogue', '@nestjs/common', 'Injectable'],
  ['libs/web/util', 'pg', 'Pool'],
  ['apps/web', 'class-validator', 'IsString'],
  ['libs/web/session', 'nodemailer', 'createTransport'],
  ['libs/shared/contracts', 'typeorm', 'DataSource'],
  ['libs/shared/contracts', 'class-validator', 'IsString'],
]) {
  test(`${projectDir} may not import ${pkg}`, async () => {
    const errors = await boundaryErrors(projectDir, `import { ${name} } from '${pkg}';${use(name)}`);
    assert.equal(errors.length, 1);
    assert.ok(errors[0].includes(`is not allowed to import "${pkg}"`), errors[0]);
  });
}
