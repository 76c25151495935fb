import { loadConfig } from '../../config/app-config';
import { errorSummary, nextCronRun, toJobsHealth } from './jobs-health';
import type { JobsFacts } from './jobs.repository';

describe('nextCronRun', () => {
  it('reads the cron in the given time zone', () => {
    // 08:00 in Seoul (UTC+9) is 23:00 UTC the day before.
    const now = new Date('2026-12-01T10:00:00Z'); // 19:00 in Seoul
    expect(nextCronRun('0 8 * * *', 'Asia/Seoul', now)?.toISOString()).toBe('2026-12-01T23:00:00.000Z');
    expect(nextCronRun('0 8 * * *', 'UTC', now)?.toISOString()).toBe('2026-12-02T08:00:00.000Z');
  });

  it('skips to the next weekday for a weekday schedule', () => {
    const saturday = new Date('2026-12-05T01:00:00Z'); // Saturday 10:00 in Seoul
    expect(nextCronRun('0 9 * * 1-5', 'Asia/Seoul', saturday)?.toISOString()).toBe(
      '2026-12-07T00:00:00.000Z',
    );
  });

  it('answers null for an expression it cannot read', () => {
    expect(nextCronRun('not a cron', 'Asia/Seoul', new Date())).toBeNull();
  });
});

describe('errorSummary', () => {
  it('keeps the first line only, bounded', () => {
    expect(errorSummary('boom\n    at x (y.ts:1:1)')).toBe('boom');
    expect(errorSummary('x'.repeat(1000))).toHaveLength(300);
    expect(errorSummary(null)).toBe('unknown error');
  });
});

describe('toJobsHealth', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const facts: JobsFacts = {
    queues: [
      { name: 'bookings.reminder', policy: 'standard', cron: '0 8 * * *', timezone: 'Asia/Seoul' },
      { name: 'mail.flush', policy: 'stately', cron: null, timezone: null },
    ],
    depth: [
      { name: 'mail.flush', created: 1, retry: 2, active: 1, next_due: new Date('2026-12-01T10:00:30Z') },
    ],
    lastRuns: [
      {
        name: 'mail.flush',
        id: 'j1',
        state: 'retry',
        started_on: new Date('2026-12-01T09:59:00Z'),
        completed_on: null,
      },
    ],
    failures: [{ name: 'mail.flush', failed_runs: 3, gave_up: 1 }],
    lastErrors: [
      {
        name: 'mail.flush',
        id: 'j1',
        state: 'retry',
        at: new Date('2026-12-01T09:59:00Z'),
        message: 'db down\nstack',
      },
    ],
  };

  it('gives every queue, with zeros and nulls where nothing happened', () => {
    const health = toJobsHealth(facts, now, true);
    expect(health.checkedAt).toBe('2026-12-01T10:00:00.000Z');
    expect(health.queues[0]).toEqual({
      name: 'bookings.reminder',
      policy: 'standard',
      depth: { created: 0, retry: 0, active: 0 },
      lastRun: null,
      failures: { last24h: 0, gaveUpLast24h: 0, lastError: null },
      schedule: { cron: '0 8 * * *', timezone: 'Asia/Seoul', nextRunAt: '2026-12-01T23:00:00.000Z' },
      nextDueAt: null,
    });
  });

  it('reports depth, the last run and the last error without its stack', () => {
    const flush = toJobsHealth(facts, now, false).queues[1];
    expect(flush).toEqual({
      name: 'mail.flush',
      policy: 'stately',
      depth: { created: 1, retry: 2, active: 1 },
      lastRun: { jobId: 'j1', state: 'retry', startedAt: '2026-12-01T09:59:00.000Z', finishedAt: null },
      failures: {
        last24h: 3,
        gaveUpLast24h: 1,
        lastError: { jobId: 'j1', at: '2026-12-01T09:59:00.000Z', message: 'db down', willRetry: true },
      },
      schedule: null,
      nextDueAt: '2026-12-01T10:00:30.000Z',
    });
  });
});

describe('JOBS_* configuration', () => {
  const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/madang' };

  it('has defaults that run workers in every process', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      JOBS_ENABLED: true,
      JOBS_CONCURRENCY: 2,
      JOBS_POLL_MS: 2000,
      JOBS_MAINTENANCE_SECONDS: 60,
      JOBS_CRON_CHECK_SECONDS: 30,
      JOBS_SHUTDOWN_SECONDS: 8,
      JOBS_POOL_SIZE: 4,
    });
    expect(loadConfig({ ...base, JOBS_ENABLED: 'false', JOBS_POLL_MS: '500' })).toMatchObject({
      JOBS_ENABLED: false,
      JOBS_POLL_MS: 500,
    });
  });

  it.each([
    ['JOBS_ENABLED', 'sometimes'],
    ['JOBS_CONCURRENCY', '0'],
    ['JOBS_POLL_MS', '100'],
    ['JOBS_MAINTENANCE_SECONDS', '0'],
    ['JOBS_CRON_CHECK_SECONDS', '60'],
    ['JOBS_SHUTDOWN_SECONDS', '600'],
    ['JOBS_POOL_SIZE', 'many'],
  ])('refuses %s=%s, naming the variable', (key, value) => {
    expect(() => loadConfig({ ...base, [key]: value })).toThrow(new RegExp(`${key} .*${value}`));
  });
});
