/** The background-job health view for admins (`GET /api/admin/jobs`). */

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
export type JobQueuePolicy = 'standard' | 'short' | 'singleton' | 'stately';

export interface JobRunSummary {
  jobId: string;
  state: JobState;
  /** ISO instant the run started. */
  startedAt: string;
  /** ISO instant it completed or failed; null while it runs or waits for a retry. */
  finishedAt: string | null;
}

export interface JobFailureSummary {
  /** Failed runs (including ones that will be retried) of jobs started in the last 24 hours. */
  last24h: number;
  /** Jobs that gave up (no retries left) in the last 24 hours. */
  gaveUpLast24h: number;
  /** The most recent error: its message only, never a stack. */
  lastError: { jobId: string; at: string | null; message: string; willRetry: boolean } | null;
}

export interface JobQueueHealth {
  name: string;
  policy: JobQueuePolicy;
  /** Jobs waiting (created), waiting for a retry, and running now. */
  depth: { created: number; retry: number; active: number };
  lastRun: JobRunSummary | null;
  failures: JobFailureSummary;
  /** Cron schedule in its time zone, with the next instant it fires; null when not scheduled. */
  schedule: { cron: string; timezone: string; nextRunAt: string | null } | null;
  /** Earliest instant a waiting job may start (null when nothing waits). */
  nextDueAt: string | null;
}

export interface JobsHealth {
  checkedAt: string;
  /** Whether the answering process runs workers (JOBS_ENABLED). */
  workersEnabled: boolean;
  queues: JobQueueHealth[];
}
