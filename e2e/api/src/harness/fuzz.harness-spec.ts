import { buildIdPools } from './support/fixture';
import { formatReport, runFuzz } from './support/fuzz-runner';
import type { IdPools } from './support/generators';
import { fetchOperations, type Operation } from './support/openapi';
import { openSessions, type ProbeSession, type RoleName } from './support/probe';
import { HarnessStack } from './support/stack';

/**
 * Fuzz from the OpenAPI description: valid and malformed requests for every operation, as every
 * role. Budget: HARNESS_FUZZ_REQUESTS (default 3000) or HARNESS_FUZZ_MINUTES (long runs through
 * `npm run fuzz -- --minutes 30`). HARNESS_FUZZ_SEED replays a run; with HARNESS_FUZZ_CASE, one request.
 */
const env = process.env;
const seed = env['HARNESS_FUZZ_SEED']
  ? Number(env['HARNESS_FUZZ_SEED'])
  : Math.floor(Math.random() * 2 ** 31);
const minutes = Number(env['HARNESS_FUZZ_MINUTES'] ?? 0);
const maxRequests = minutes > 0 ? Number.MAX_SAFE_INTEGER : Number(env['HARNESS_FUZZ_REQUESTS'] ?? 3000);
const onlyIndex = env['HARNESS_FUZZ_CASE'] !== undefined ? Number(env['HARNESS_FUZZ_CASE']) : undefined;
const BATCH = 500;

describe('fuzz from the OpenAPI description (built API, real PostgreSQL)', () => {
  let stack: HarnessStack;
  let sessions: Record<RoleName, ProbeSession>;
  let pools: IdPools;
  let operations: Operation[];

  beforeAll(async () => {
    stack = await HarnessStack.start();
    operations = await fetchOperations(stack.baseUrl);
    pools = await buildIdPools(stack.baseUrl);
    sessions = await openSessions(stack.baseUrl);
  }, 180_000);
  afterAll(async () => stack?.stop());

  it(
    'answers every request without 5xx or stall, each 4xx as problem+json with a code (and field), leaking nothing',
    async () => {
      const started = Date.now();
      process.stdout.write(`\nfuzz seed ${seed} (replay: HARNESS_FUZZ_SEED=${seed} npm run fuzz)\n`);
      const report = await runFuzz({
        stack,
        sessions,
        pools,
        operations,
        seed,
        batchSize: BATCH,
        maxRequests,
        deadline: Date.now() + (minutes > 0 ? minutes * 60_000 : 120_000),
        onlyIndex,
        onBatch:
          minutes > 0
            ? (r) =>
                process.stdout.write(
                  `fuzz: ${r.requests} requests, ${r.failures.length} violations, ${r.stalls} stalls after ${((Date.now() - started) / 60_000).toFixed(1)} min\n`,
                )
            : undefined,
      });
      const text = formatReport(report, 'fuzz');
      process.stdout.write(`\n${text}\n`);
      expect(report.requests).toBeGreaterThan(onlyIndex !== undefined ? 0 : Math.min(maxRequests, 1000) - 1);
      if (onlyIndex === undefined)
        expect(operations.map((o) => o.key).filter((k) => !report.operations.has(k))).toEqual([]);
      if (report.failures.length > 0) throw new Error(text);
    },
    (minutes > 0 ? minutes * 60_000 : 0) + 10 * 60_000,
  );
});
