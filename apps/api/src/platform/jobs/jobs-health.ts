import type { JobQueueHealth, JobsHealth } from '@madang/contracts';
import cronParser from 'cron-parser';
import type { JobsFacts } from './jobs.repository';

/** The next instant a cron expression fires after `now`, in its time zone; null if it never does or is invalid. */
export function nextCronRun(cron: string, timezone: string, now: Date): Date | null {
  try {
    const interval = cronParser.parseExpression(cron, { tz: timezone, currentDate: now });
    return interval.hasNext() ? interval.next().toDate() : null;
  } catch {
    return null;
  }
}

/** An error message fit for an admin screen: its first line, bounded; never a stack. */
export function errorSummary(message: string | null): string {
  const first = (message ?? '').split('\n')[0].trim();
  return (first || 'unknown error').slice(0, 300);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Shapes the facts read from pg-boss's tables into the health view, one entry per queue. */
export function toJobsHealth(facts: JobsFacts, now: Date, workersEnabled: boolean): JobsHealth {
  const by = <R extends { name: string }>(rows: R[]) => new Map(rows.map((r) => [r.name, r]));
  const depth = by(facts.depth);
  const lastRuns = by(facts.lastRuns);
  const failures = by(facts.failures);
  const lastErrors = by(facts.lastErrors);
  const queues = facts.queues.map((q): JobQueueHealth => {
    const d = depth.get(q.name);
    const run = lastRuns.get(q.name);
    const failed = failures.get(q.name);
    const error = lastErrors.get(q.name);
    const timezone = q.timezone ?? 'UTC';
    return {
      name: q.name,
      policy: q.policy,
      depth: { created: d?.created ?? 0, retry: d?.retry ?? 0, active: d?.active ?? 0 },
      lastRun: run
        ? {
            jobId: run.id,
            state: run.state,
            startedAt: run.started_on.toISOString(),
            finishedAt: iso(run.completed_on),
          }
        : null,
      failures: {
        last24h: failed?.failed_runs ?? 0,
        gaveUpLast24h: failed?.gave_up ?? 0,
        lastError: error
          ? {
              jobId: error.id,
              at: iso(error.at),
              message: errorSummary(error.message),
              willRetry: error.state === 'retry',
            }
          : null,
      },
      schedule: q.cron
        ? { cron: q.cron, timezone, nextRunAt: iso(nextCronRun(q.cron, timezone, now)) }
        : null,
      nextDueAt: iso(d?.next_due ?? null),
    };
  });
  return { checkedAt: now.toISOString(), workersEnabled, queues };
}
