#!/usr/bin/env node
// `npm test`: every tier, in order, stopping at the first failure.
// format → lint (with module boundaries) + type-check + unit → build → integration (real PostgreSQL,
// incl. the entity/migration drift check) → API end-to-end (built app over HTTP) → browser (Playwright, Chromium)
// → hardening harness (issue 7: OpenAPI fuzz, route × role matrix, model-based booking test, stall detector;
// each file against its own freshly started Madang, fixed budgets — longer runs: npm run fuzz / fuzz:model).
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
};
const nx = (args) => ['npx', ['nx', ...args, '--outputStyle=stream']];
const steps = [
  ['format (prettier)', ['npx', ['prettier', '--check', '.']]],
  ['lint, type-check and unit tests', nx(['run-many', '-t', 'lint', 'typecheck', 'test'])],
  ['build', nx(['run-many', '-t', 'build', '-p', 'api', 'web'])],
  ['integration tests on PostgreSQL', nx(['run', 'api:test-int'])],
  ['API end-to-end tests', nx(['run', 'api-e2e:e2e'])],
  ['browser end-to-end tests', nx(['run', 'web-e2e:e2e'])],
  [
    'hardening harness (fuzz, route × role matrix, booking model, stall detector)',
    ['npx', ['jest', '-c', 'e2e/api/src/harness/jest.config.ts', '--runInBand']],
  ],
];

const results = [];
for (const [name, [command, args]] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push(`${run.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (run.status !== 0) {
    console.log(`\n${results.join('\n')}\n\nFailed at: ${name}`);
    process.exit(run.status ?? 1);
  }
}
console.log(`\n${results.join('\n')}\n\nAll test tiers passed.`);
