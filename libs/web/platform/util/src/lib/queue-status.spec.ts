import type { JobQueueHealth } from '@madang/contracts';
import { queueStatus } from './queue-status';

const NOW = '2026-12-01T03:00:00.000Z';
const minutesBefore = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

function queue(overrides: Partial<JobQueueHealth> = {}): JobQueueHealth {
  return {
    name: 'mail',
    policy: 'standard',
    depth: { created: 0, retry: 0, active: 0 },
    lastRun: { jobId: 'j1', state: 'completed', startedAt: minutesBefore(30), finishedAt: minutesBefore(29) },
    failures: { last24h: 0, gaveUpLast24h: 0, lastError: null },
    schedule: null,
    nextDueAt: null,
    ...overrides,
  };
}

const failures = (last24h: number, gaveUpLast24h: number): JobQueueHealth['failures'] => ({
  last24h,
  gaveUpLast24h,
  lastError: { jobId: 'j2', at: minutesBefore(5), message: 'SMTP refused', willRetry: gaveUpLast24h === 0 },
});

describe('queueStatus', () => {
  it('is ok after a completed run with nothing failed or waiting', () => {
    expect(queueStatus(queue(), NOW, true)).toBe('ok');
  });

  it('is never when no run is on record', () => {
    expect(queueStatus(queue({ lastRun: null }), NOW, true)).toBe('never');
  });

  it('is running while a job runs', () => {
    expect(queueStatus(queue({ depth: { created: 0, retry: 0, active: 1 } }), NOW, true)).toBe('running');
  });

  it('is retrying when runs failed but will be retried', () => {
    expect(queueStatus(queue({ failures: failures(2, 0) }), NOW, true)).toBe('retrying');
    expect(queueStatus(queue({ depth: { created: 0, retry: 1, active: 0 } }), NOW, true)).toBe('retrying');
  });

  it('is failing when a job gave up or the last run failed, before anything else', () => {
    expect(queueStatus(queue({ failures: failures(3, 1), lastRun: null }), NOW, true)).toBe('failing');
    const lastRun = {
      jobId: 'j3',
      state: 'failed' as const,
      startedAt: minutesBefore(3),
      finishedAt: minutesBefore(2),
    };
    expect(queueStatus(queue({ lastRun }), NOW, true)).toBe('failing');
  });

  it('is backed up when a waiting job is more than 15 minutes late and workers run', () => {
    const late = queue({ depth: { created: 4, retry: 0, active: 0 }, nextDueAt: minutesBefore(16) });
    expect(queueStatus(late, NOW, true)).toBe('backlog');
    expect(queueStatus({ ...late, nextDueAt: minutesBefore(14) }, NOW, true)).toBe('ok');
    // Without workers nothing runs here; a waiting job is expected, not a symptom.
    expect(queueStatus(late, NOW, false)).toBe('ok');
  });
});
