import type { JobQueueHealth } from '@madang/contracts';

/**
 * One word for a queue's health, worst first: `failing` (a job gave up, or the last run failed, in
 * the last day), `backlog` (a waiting job is more than BACKLOG_MINUTES past due while workers run),
 * `retrying` (runs failed but will be retried), `running`, `never` (no run on record) or `ok`.
 */
export type QueueStatus = 'failing' | 'backlog' | 'retrying' | 'running' | 'never' | 'ok';

/** How late a waiting job may start before the queue counts as backed up. */
export const BACKLOG_MINUTES = 15;

export function queueStatus(queue: JobQueueHealth, checkedAt: string, workersEnabled: boolean): QueueStatus {
  if (queue.failures.gaveUpLast24h > 0 || queue.lastRun?.state === 'failed') return 'failing';
  const waiting = queue.depth.created + queue.depth.retry;
  if (workersEnabled && waiting > 0 && queue.nextDueAt) {
    const late = Date.parse(checkedAt) - Date.parse(queue.nextDueAt);
    if (late > BACKLOG_MINUTES * 60_000) return 'backlog';
  }
  if (queue.failures.last24h > 0 || queue.depth.retry > 0) return 'retrying';
  if (queue.depth.active > 0 || queue.lastRun?.state === 'active') return 'running';
  if (!queue.lastRun) return 'never';
  return 'ok';
}
