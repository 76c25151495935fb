#!/usr/bin/env node
// Long runs of the hardening harness against a freshly started Madang (the built API on its own
// embedded PostgreSQL), with the same generators as the fixed-budget tiers in `npm test`:
//   npm run fuzz -- --minutes 30            OpenAPI fuzz for 30 minutes (or --requests N)
//   npm run fuzz -- --seed 123 [--case 45]  replay a run (or one request of it)
//   npm run fuzz:model -- --sequences 10000 model-based booking test (--seed S, --only i to replay one)
// Seeds and counts are printed; a failure prints the line that replays it. Exit code 0 = no failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    model: { type: 'boolean', default: false },
    minutes: { type: 'string' },
    requests: { type: 'string' },
    seed: { type: 'string' },
    case: { type: 'string' },
    sequences: { type: 'string' },
    only: { type: 'string' },
  },
});
const positive = (name, value) => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0) {
    console.error(`--${name} must be a positive whole number (got "${value}")`);
    process.exit(2);
  }
  return value;
};
const whole = (name, value) => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    console.error(`--${name} must be a whole number (got "${value}")`);
    process.exit(2);
  }
  return value;
};
if (!existsSync(join(root, 'dist/apps/api/main.js'))) {
  console.error('Build the API first: npx nx run api:build');
  process.exit(1);
}

const env = { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
const set = (key, value) => value !== undefined && (env[key] = value);
let spec;
if (values.model) {
  spec = 'model.harness-spec.ts';
  set('HARNESS_MODEL_SEQUENCES', positive('sequences', values.sequences) ?? '10000');
  set('HARNESS_MODEL_SEED', whole('seed', values.seed));
  set('HARNESS_MODEL_ONLY', whole('only', values.only));
} else {
  spec = 'fuzz.harness-spec.ts';
  const minutes = positive('minutes', values.minutes);
  const requests = positive('requests', values.requests);
  if (minutes === undefined && requests === undefined && values.case === undefined && !env.HARNESS_FUZZ_CASE)
    env.HARNESS_FUZZ_MINUTES ??= '5';
  set('HARNESS_FUZZ_MINUTES', minutes);
  set('HARNESS_FUZZ_REQUESTS', requests);
  set('HARNESS_FUZZ_SEED', whole('seed', values.seed));
  set('HARNESS_FUZZ_CASE', whole('case', values.case));
}
const run = spawnSync(
  'npx',
  ['jest', '-c', 'e2e/api/src/harness/jest.config.ts', '--runInBand', `e2e/api/src/harness/${spec}`],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
