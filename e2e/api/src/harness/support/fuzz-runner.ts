import fc from 'fast-check';
import { anyCase, type FuzzCase, type IdPools, resolveTokens } from './generators';
import type { Operation } from './openapi';
import { checkAnswer, type Violation } from './oracle';
import {
  clip,
  describeRequest,
  type ProbeRequest,
  type ProbeResult,
  type ProbeSession,
  type RoleName,
} from './probe';
import type { HarnessStack } from './stack';

export interface FuzzFailure {
  seed: number;
  index: number;
  fuzzCase: FuzzCase;
  sent: ProbeRequest;
  result: ProbeResult;
  violation: Violation;
  serverLog?: string;
}

export interface FuzzReport {
  seeds: number[];
  requests: number;
  statuses: Record<string, number>;
  failures: FuzzFailure[];
  stalls: number;
  seconds: number;
  /** Operations that got at least one request. */
  operations: Set<string>;
}

export interface FuzzOptions {
  stack: HarnessStack;
  sessions: Record<RoleName, ProbeSession>;
  pools: IdPools;
  operations: Operation[];
  seed: number;
  /** Requests per batch; each batch has its own seed (seed, seed+1, …). */
  batchSize: number;
  /** Stop after this many requests … */
  maxRequests: number;
  /** … or at this time (ms since epoch), whichever comes first. */
  deadline: number;
  concurrency?: number;
  requestTimeoutMs?: number;
  /** Replays one case only (HARNESS_FUZZ_CASE). */
  onlyIndex?: number;
  /** Called after each batch (progress of long runs). */
  onBatch?: (report: FuzzReport) => void;
}

/** The cases of one batch: the same seed gives the same cases on any fresh instance. */
export function batchCases(operations: Operation[], seed: number, size: number): FuzzCase[] {
  return fc.sample(anyCase(operations), { seed, numRuns: size });
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The server's own log line for a failed request (by request id), for the report. */
function serverLogFor(stack: HarnessStack, result: ProbeResult): string | undefined {
  const requestId = (result.json as { requestId?: unknown } | undefined)?.requestId;
  if (typeof requestId !== 'string') return undefined;
  const lines = stack.output().replace(ANSI, '').split('\n');
  const at = lines.findIndex((l) => l.includes(requestId));
  return at < 0
    ? undefined
    : lines
        .slice(at, at + 2)
        .join(' ⏎ ')
        .slice(0, 400);
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { stack, sessions, pools, operations } = options;
  const concurrency = options.concurrency ?? 4;
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const started = Date.now();
  const report: FuzzReport = {
    seeds: [],
    requests: 0,
    statuses: {},
    failures: [],
    stalls: 0,
    seconds: 0,
    operations: new Set(),
  };
  let epoch = 0;
  let restarting: Promise<void> | undefined;

  const recoverFromStall = async () => {
    if (!restarting) {
      restarting = (async () => {
        const ready = await sessions.anonymous.send({ method: 'GET', url: '/api/ready' }, 3_000);
        if (ready.status !== 200) {
          report.stalls += 1;
          epoch += 1;
          await stack.restartAfterStall();
          for (const role of Object.keys(sessions) as RoleName[]) {
            // The database (and so the sessions) survive the restart; only the address changes.
            sessions[role].baseUrl = stack.baseUrl;
          }
        }
      })().finally(() => (restarting = undefined));
    }
    await restarting;
  };

  for (let batch = 0; report.requests < options.maxRequests && Date.now() < options.deadline; batch++) {
    const seed = options.seed + batch;
    report.seeds.push(seed);
    const cases = batchCases(operations, seed, options.batchSize);
    const indices = options.onlyIndex !== undefined ? [options.onlyIndex] : cases.map((_, i) => i);
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (
          next < indices.length &&
          report.requests < options.maxRequests &&
          Date.now() < options.deadline
        ) {
          const index = indices[next++];
          const fuzzCase = cases[index];
          if (restarting) await restarting;
          const sent: ProbeRequest = {
            ...fuzzCase.req,
            url: resolveTokens(fuzzCase.req.url, pools),
            body: fuzzCase.req.body === undefined ? undefined : resolveTokens(fuzzCase.req.body, pools),
          };
          const startedEpoch = epoch;
          const result = await sessions[fuzzCase.role].send(sent, timeoutMs);
          if (result.error && startedEpoch !== epoch) continue; // cut off by a restart caused by another request
          report.requests += 1;
          report.operations.add(fuzzCase.op);
          const key = result.error ? 'none' : String(result.status);
          report.statuses[key] = (report.statuses[key] ?? 0) + 1;
          for (const violation of checkAnswer(sent, result)) {
            report.failures.push({
              seed,
              index,
              fuzzCase,
              sent,
              result,
              violation,
              serverLog: result.status >= 500 ? serverLogFor(stack, result) : undefined,
            });
          }
          if (result.error) await recoverFromStall();
        }
      }),
    );
    if (options.onlyIndex !== undefined) break;
    options.onBatch?.(report);
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** Groups failures by kind and malformation, listing the operations; one example (with its replay) per class. */
export function formatReport(report: FuzzReport, title: string): string {
  const classes = new Map<string, { count: number; ops: Set<string>; example: FuzzFailure }>();
  for (const f of report.failures) {
    // Node's HTTP parser answers an oversized URL (431) before Madang sees it: one class, whatever the field.
    const mutation =
      f.result.status === 431
        ? 'URL over the HTTP header limit'
        : f.fuzzCase.mutation.replace(/\.\d+(?=\.|\s|$)/g, '.[i]');
    const key = `${f.violation.kind} ← ${mutation}`;
    const entry = classes.get(key);
    if (entry) {
      entry.count += 1;
      entry.ops.add(f.fuzzCase.op);
    } else classes.set(key, { count: 1, ops: new Set([f.fuzzCase.op]), example: f });
  }
  const statuses = Object.entries(report.statuses)
    .sort()
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  const lines = [
    `${title}: ${report.requests} requests to ${report.operations.size} operations in ${report.seconds.toFixed(0)} s, batch seeds ${report.seeds[0]}…${report.seeds[report.seeds.length - 1]}, statuses ${statuses}, stalls ${report.stalls}`,
    `${report.failures.length} violations in ${classes.size} classes`,
  ];
  for (const [key, { count, ops, example }] of [...classes].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(
      `✗ ${key} ×${count} on ${[...ops].sort().join(', ')}`,
      `    request: ${describeRequest(example.fuzzCase.role, example.sent, 300)}`,
      `    answer:  ${example.result.error ?? `${example.result.status} ${clip(example.result.text, 160)}`}`,
      ...(example.result.status < 500 && example.violation.detail
        ? [`    detail:  ${clip(example.violation.detail, 200)}`]
        : []),
      ...(example.serverLog ? [`    server:  ${example.serverLog}`] : []),
      `    replay:  HARNESS_FUZZ_SEED=${example.seed} HARNESS_FUZZ_CASE=${example.index} npm run fuzz`,
    );
  }
  return lines.join('\n');
}
