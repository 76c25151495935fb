#!/usr/bin/env node
// `npm test`: every tier, in order, stopping at the first failure.
// format → lint (with module boundaries) + type-check + unit → build → integration (real PostgreSQL,
// incl. the entity/migration drift check) → API end-to-end (built app over HTTP) → browser (Playwright, Chromium)
// → Lighthouse (issue 13: mobile profile, median of 3, on the public pages; fails below the targets)
// → hardening harness (issue 7: OpenAPI fuzz, route × role matrix, model-based booking test, stall detector;
// each file against its own freshly started Madang, fixed budgets — longer runs: npm run fuzz / fuzz:model).
import { spawn } from 'node:child_process';

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
  // The tier's own judge first (pure, < 1 s), then the tier: Madang started, four pages × 3 Lighthouse runs.
  [
    'Lighthouse (mobile, public pages)',
    [
      'sh',
      [
        '-c',
        'node --test --test-reporter=spec tools/lighthouse/evaluate.test.mjs tools/lighthouse/quiet.test.mjs && node tools/lighthouse/run.mjs',
      ],
    ],
  ],
  [
    'hardening harness (fuzz, route × role matrix, booking model, stall detector)',
    ['npx', ['jest', '-c', 'e2e/api/src/harness/jest.config.ts', '--runInBand']],
  ],
];

/**
 * Lines that name a failure (Jest's ●/FAIL, Playwright's ✘ and numbered failures, Nx's failed tasks). CI shows
 * only the tail of the output, so they are printed again at the very end.
 */
const FAILURE_LINE =
  /(✘|✕|●|^\s*FAIL\b|^\s*\d+\) \[|\bflaky\b|Error: |error TS\d+|\d+ errors?\b|^\s*\d+:\d+\s+error\s|^- [\w-]+:[\w-]+$|Failed tasks|Tests:.*failed|\d+ failed)/;
const MAX_REPEATED = 40;

/** Runs one tier, its output passed through as it comes, and resolves with its exit status and failure lines. */
const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'pipe'], env });
    const failures = [];
    const attempts = []; // Playwright's failed attempts (✘) and its flaky count: kept apart from the rest
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      let rest = '';
      from.on('data', (chunk) => {
        to.write(chunk);
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          // eslint-disable-next-line no-control-regex
          const plain = line.replace(/\u001b\[[0-9;]*m/g, '').trimEnd();
          if (/✘|\bflaky\b/.test(plain) && attempts.length < MAX_REPEATED) attempts.push(plain.slice(0, 300));
          if (!FAILURE_LINE.test(plain)) continue;
          failures.push(plain.slice(0, 300));
          if (failures.length > MAX_REPEATED) failures.shift(); // the last ones: summaries come at the end
        }
      });
    }
    child.on('close', (status) => resolve({ status, failures, attempts }));
  });

const results = [];
const flaky = [];
for (const [name, [command, args]] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const { status, failures, attempts } = await run(command, args);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (status === 0) flaky.push(...attempts.map((line) => `${name}: ${line.trim()}`));
  results.push(`${status === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (status !== 0) {
    const named = failures.length
      ? `\n\nWhat failed (lines repeated from above):\n${failures.join('\n')}`
      : '';
    console.log(`\n${results.join('\n')}${named}\n\nFailed at: ${name}`);
    process.exit(status ?? 1);
  }
}
// A browser journey that passed only on its retry is named here, so it is seen and fixed, not forgotten.
const retried = flaky.length ? `\n\nPassed only when retried (flaky — fix these):\n${flaky.join('\n')}` : '';
console.log(`\n${results.join('\n')}${retried}\n\nAll test tiers passed.`);
