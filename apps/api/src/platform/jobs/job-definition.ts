import type { JobQueuePolicy } from '@madang/contracts';

/** What a handler learns about the run it is doing. */
export interface JobContext {
  /** The job's id (stable across retries of the same job). */
  readonly id: string;
  /** 1 for the first run, 2 for the first retry, … */
  readonly attempt: number;
  /**
   * Aborted when the run passes its expiry or the process is shutting down and the grace period is
   * over: stop at the next safe point (the job will be retried, possibly elsewhere).
   */
  readonly signal: AbortSignal;
}

/** Retries after a handler throws (or its run expires). */
export interface RetryPolicy {
  /** Retries after the first run; 0 = never retry. */
  readonly limit: number;
  /** Seconds before the first retry (at least 1 with backoff). */
  readonly delaySeconds: number;
  /** Double the delay on every retry (with jitter: between d·2ⁿ and 2·d·2ⁿ). */
  readonly backoff: boolean;
}

/** A recurring run: a cron expression read in the centre's time zone (MADANG_TIMEZONE). */
export interface JobSchedule<T> {
  /** Five fields: minute hour day-of-month month day-of-week, e.g. `0 8 * * 1-5` (08:00 on weekdays). */
  readonly cron: string;
  /** The data every scheduled run receives. */
  readonly data: T;
}

/** Everything a domain says about one kind of job. */
export interface JobDefinition<T extends object> {
  /** `domain.action`: lower-case letters, digits, `.`, `_`, `-` (e.g. `bookings.reminder`). */
  readonly name: string;
  /**
   * Does the work. Must be idempotent: delivery is at least once (a run that crashed or expired is
   * run again). Throwing fails the run; it is retried by `retry`.
   */
  readonly handler: (data: T, context: JobContext) => Promise<void>;
  /** Default: 3 retries, 30 s, doubling. */
  readonly retry?: RetryPolicy;
  /** A run still active after this many seconds is taken as crashed, failed and retried. Default 300. */
  readonly expireInSeconds?: number;
  /**
   * pg-boss queue policy. `standard`: any number queued and running. `short`: at most one queued
   * (per singleton key). `singleton`: at most one running (per singleton key). `stately`: at most
   * one queued and one running (per singleton key), across every process. Default `standard`.
   */
  readonly policy?: JobQueuePolicy;
  /** Workers for this queue in each process (default JOBS_CONCURRENCY). */
  readonly concurrency?: number;
  /** Optional recurring run. */
  readonly schedule?: JobSchedule<T>;
}

/** The handle `define` returns; pass it to `send` so the data type is checked. */
export interface JobHandle<T extends object> {
  readonly name: string;
  /** Type-only marker; never set. */
  readonly __data?: T;
}

export interface SendOptions {
  /**
   * Deduplicates: with policy `short`/`stately` no second job with this key is queued while one is;
   * with `singletonSeconds`, one job per key per time slot is accepted. `send` then returns null.
   */
  readonly singletonKey?: string;
  /** Accept at most one job per key in each slot of this many seconds. */
  readonly singletonSeconds?: number;
  /** Not before this instant, or this many seconds from now. */
  readonly startAfter?: Date | number;
  /** Higher runs first. */
  readonly priority?: number;
}

export const JOB_NAME = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/;
export const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 30, backoff: true };
export const DEFAULT_EXPIRE_SECONDS = 300;
