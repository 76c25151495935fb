import type { JobQueuePolicy, JobState } from '@madang/contracts';
import type { DataSource } from 'typeorm';

export interface QueueRow {
  name: string;
  policy: JobQueuePolicy;
  cron: string | null;
  timezone: string | null;
}
export interface DepthRow {
  name: string;
  created: number;
  retry: number;
  active: number;
  next_due: Date | null;
}
export interface LastRunRow {
  name: string;
  id: string;
  state: JobState;
  started_on: Date;
  completed_on: Date | null;
}
export interface FailureRow {
  name: string;
  failed_runs: number;
  gave_up: number;
}
export interface LastErrorRow {
  name: string;
  id: string;
  state: JobState;
  at: Date | null;
  message: string | null;
}
export interface JobsFacts {
  queues: QueueRow[];
  depth: DepthRow[];
  lastRuns: LastRunRow[];
  failures: FailureRow[];
  lastErrors: LastErrorRow[];
}

/** Read-only queries over pg-boss's tables (live jobs and the archive) for the health view. */
export class JobsRepository {
  constructor(
    private readonly db: DataSource,
    private readonly schema: string,
  ) {}

  async facts(): Promise<JobsFacts> {
    const s = this.schema;
    // Live jobs and archived ones (completed jobs move to the archive after a while).
    const everyJob = `(SELECT name, id, state, retry_count, started_on, completed_on, output FROM ${s}.job
                       UNION ALL
                       SELECT name, id, state, retry_count, started_on, completed_on, output FROM ${s}.archive)`;
    const [queues, depth, lastRuns, failures, lastErrors] = await Promise.all([
      this.db.query(
        `SELECT q.name, q.policy, sc.cron, sc.timezone
           FROM ${s}.queue q LEFT JOIN ${s}.schedule sc ON sc.name = q.name
          WHERE q.name NOT LIKE '\\_\\_pgboss\\_\\_%'
          ORDER BY q.name`,
      ) as Promise<QueueRow[]>,
      this.db.query(
        `SELECT name,
                count(*) FILTER (WHERE state = 'created')::int AS created,
                count(*) FILTER (WHERE state = 'retry')::int AS retry,
                count(*) FILTER (WHERE state = 'active')::int AS active,
                min(start_after) FILTER (WHERE state < 'active') AS next_due
           FROM ${s}.job WHERE state < 'completed' GROUP BY name`,
      ) as Promise<DepthRow[]>,
      this.db.query(
        `SELECT DISTINCT ON (name) name, id, state::text AS state, started_on, completed_on
           FROM ${everyJob} j WHERE started_on IS NOT NULL
          ORDER BY name, started_on DESC, id`,
      ) as Promise<LastRunRow[]>,
      // A job's failed runs: every retry it took, plus the last run when it failed or waits to retry.
      this.db.query(
        `SELECT name,
                sum(retry_count + CASE WHEN state IN ('failed', 'retry') THEN 1 ELSE 0 END)::int AS failed_runs,
                (count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '24 hours'))::int AS gave_up
           FROM ${everyJob} j WHERE started_on > now() - interval '24 hours'
          GROUP BY name`,
      ) as Promise<FailureRow[]>,
      this.db.query(
        `SELECT DISTINCT ON (name) name, id, state::text AS state, coalesce(completed_on, started_on) AS at,
                coalesce(output->>'message', output->'value'->>'message', output->>'value') AS message
           FROM ${everyJob} j WHERE state IN ('failed', 'retry') AND output IS NOT NULL
          ORDER BY name, coalesce(completed_on, started_on) DESC NULLS LAST, id`,
      ) as Promise<LastErrorRow[]>,
    ]);
    return { queues, depth, lastRuns, failures, lastErrors };
  }
}
