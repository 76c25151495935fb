import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobsHealth } from '@madang/contracts';
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { Actor } from '../../core/actor';
import {
  DEFAULT_EXPIRE_SECONDS,
  DEFAULT_RETRY,
  JOB_NAME,
  JobContext,
  JobDefinition,
  JobHandle,
  SendOptions,
} from './job-definition';
import { toJobsHealth } from './jobs-health';
import { JobsRepository } from './jobs.repository';

/** pg-boss keeps its tables in this schema (created and upgraded by pg-boss itself, see README of the module). */
export const JOBS_SCHEMA = 'pgboss';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the handler is stored type-erased; `define` checks it
type AnyDefinition = JobDefinition<any>;

/** A handler failure as pg-boss stores it: the message only, never a stack (it lands in the health view). */
class JobRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobRunError';
    this.stack = undefined;
  }
}

/** Stored as each completed job's output: which process ran it, and how long it took. */
export interface JobRunOutput {
  worker: string;
  ms: number;
}
const WORKER = `${hostname()}:${process.pid}`;

const messageOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 500);

/** A pg-boss executor over one TypeORM query runner (a transaction's, or a pooled one). */
function executorFor(runner: QueryRunner): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: (await runner.query(text, values, true)).records as object[],
    }),
  };
}

/**
 * Durable background jobs on PostgreSQL (pg-boss 10): queues with retry policies, cron schedules in
 * the centre's time zone, singleton keys, expiry of stuck runs, and an admin health view.
 *
 * Every API process runs workers (unless JOBS_ENABLED=false); pg-boss claims each job with
 * FOR UPDATE SKIP LOCKED, so a job runs in one process at a time. Delivery is at least once: a run
 * that crashed or passed its expiry is retried, so handlers must be idempotent.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, { definition: AnyDefinition; ready?: Promise<void> }>();
  private readonly running = new Set<AbortController>();
  private readonly warned = new Map<string, number>();
  private boss?: PgBoss;
  private starting?: Promise<void>;
  private stopping?: Promise<void>;

  private readonly repository: JobsRepository;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {
    this.repository = new JobsRepository(db, JOBS_SCHEMA);
  }

  /**
   * Declares a kind of job: its queue is created (or updated) and, in processes with
   * JOBS_ENABLED, its workers start. Call it from a domain service's constructor or onModuleInit;
   * keep the returned handle to send jobs.
   */
  define<T extends object>(definition: JobDefinition<T>): JobHandle<T> {
    if (!JOB_NAME.test(definition.name))
      throw new Error(`job name '${definition.name}' must look like 'domain.action' (a-z, 0-9, . _ -)`);
    if (this.definitions.has(definition.name)) throw new Error(`job '${definition.name}' is defined twice`);
    const entry: { definition: AnyDefinition; ready?: Promise<void> } = { definition };
    this.definitions.set(definition.name, entry);
    if (this.boss) {
      entry.ready = this.register(this.boss, definition);
      // Sending awaits `ready` and sees the failure; here it is only logged, never unhandled.
      entry.ready.catch((error: unknown) =>
        this.logger.error(`job '${definition.name}' could not be registered: ${messageOf(error)}`),
      );
    }
    return { name: definition.name };
  }

  /** Queues a job now (outside any transaction). Returns its id, or null when a singleton key deduplicated it. */
  async send<T extends object>(
    job: JobHandle<T>,
    data: T,
    options: SendOptions = {},
  ): Promise<string | null> {
    await this.readyFor(job.name);
    const runner = this.db.createQueryRunner();
    try {
      return await this.started().send(job.name, data, this.sendOptions(options, executorFor(runner)));
    } finally {
      await runner.release();
    }
  }

  /**
   * Queues a job inside the caller's TypeORM transaction: it becomes visible to workers only when
   * the transaction commits, and vanishes with it on rollback.
   */
  async sendInTransaction<T extends object>(
    manager: EntityManager,
    job: JobHandle<T>,
    data: T,
    options: SendOptions = {},
  ): Promise<string | null> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive)
      throw new Error('sendInTransaction needs the EntityManager of an open transaction');
    await this.readyFor(job.name);
    return this.started().send(job.name, data, this.sendOptions(options, executorFor(runner)));
  }

  /** Per queue: last run, failures in the last 24 h, depth, next scheduled run. */
  async health(_actor: Actor): Promise<JobsHealth> {
    const facts = await this.repository.facts();
    return toJobsHealth(facts, new Date(), this.config.JOBS_ENABLED);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Starts pg-boss (installing or upgrading its schema under its own lock) and every defined queue. */
  start(): Promise<void> {
    this.starting ??= this.startBoss();
    return this.starting;
  }

  /**
   * Graceful stop: no new jobs are fetched; running ones get JOBS_SHUTDOWN_SECONDS to finish, then
   * their signal is aborted and pg-boss releases them for a retry (in another process).
   */
  stop(): Promise<void> {
    if (!this.boss) return Promise.resolve();
    this.stopping ??= this.stopBoss(this.boss);
    return this.stopping;
  }

  private async startBoss(): Promise<void> {
    const enabled = this.config.JOBS_ENABLED;
    const boss = new PgBoss({
      connectionString: this.config.DATABASE_URL,
      max: this.config.JOBS_POOL_SIZE,
      application_name: 'madang-jobs',
      schema: JOBS_SCHEMA,
      migrate: true,
      supervise: enabled,
      schedule: enabled,
      maintenanceIntervalSeconds: this.config.JOBS_MAINTENANCE_SECONDS,
      cronMonitorIntervalSeconds: this.config.JOBS_CRON_CHECK_SECONDS,
      cronWorkerIntervalSeconds: Math.min(5, this.config.JOBS_CRON_CHECK_SECONDS),
      pollingIntervalSeconds: this.config.JOBS_POLL_MS / 1000,
    });
    boss.on('error', (error: Error) => this.warnThrottled(`job runner: ${messageOf(error)}`));
    await boss.start();
    this.boss = boss;
    for (const entry of this.definitions.values()) entry.ready ??= this.register(boss, entry.definition);
    await Promise.all([...this.definitions.values()].map((entry) => entry.ready));
  }

  private async register(boss: PgBoss, definition: AnyDefinition): Promise<void> {
    const retry = definition.retry ?? DEFAULT_RETRY;
    const queue: PgBoss.Queue = {
      name: definition.name,
      policy: definition.policy ?? 'standard',
      retryLimit: retry.limit,
      retryDelay: retry.backoff ? Math.max(1, retry.delaySeconds) : retry.delaySeconds,
      retryBackoff: retry.backoff,
      expireInSeconds: definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
    };
    if (!(await boss.getQueue(definition.name)))
      // Two processes creating one queue at once deadlock inside pg-boss (row lock on the queue
      // vs. the partition's foreign key); one at a time, under a transaction-scoped advisory lock.
      await this.db.transaction(async (manager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('madang.jobs.create-queue'))`);
        await boss.createQueue(definition.name, queue);
      });
    // createQueue keeps an existing queue as it is; the code is the source of truth for its policy.
    await boss.updateQueue(definition.name, queue);
    if (definition.schedule)
      await boss.schedule(definition.name, definition.schedule.cron, definition.schedule.data, {
        tz: this.config.MADANG_TIMEZONE,
      });
    else await boss.unschedule(definition.name);
    if (!this.config.JOBS_ENABLED || this.stopping) return;
    const workers = definition.concurrency ?? this.config.JOBS_CONCURRENCY;
    for (let i = 0; i < workers; i++) {
      const worker: { id?: string } = {};
      worker.id = await boss.work<object>(
        definition.name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.config.JOBS_POLL_MS / 1000 },
        async ([job]) => {
          try {
            return await this.run(definition, job);
          } finally {
            // pg-boss waits a polling interval even after a job; a busy queue is drained at once instead.
            if (worker.id) boss.notifyWorker(worker.id);
          }
        },
      );
    }
  }

  private async run(definition: AnyDefinition, job: PgBoss.JobWithMetadata<object>): Promise<JobRunOutput> {
    const started = Date.now();
    const controller = new AbortController();
    this.running.add(controller);
    // pg-boss fails a run that outlives its expiry; tell the handler to stop at the same moment.
    const expiry = setTimeout(
      () => controller.abort(new Error('the run expired')),
      Math.max(1, job.expireInSeconds) * 1000,
    );
    expiry.unref();
    const context: JobContext = { id: job.id, attempt: job.retryCount + 1, signal: controller.signal };
    try {
      await definition.handler(job.data, context);
      return { worker: WORKER, ms: Date.now() - started };
    } catch (error) {
      const message = messageOf(error);
      const last = job.retryCount >= job.retryLimit;
      this.logger.warn(
        `job ${definition.name} ${job.id} failed (attempt ${context.attempt}${last ? ', giving up' : ''}): ${message}`,
      );
      throw new JobRunError(message);
    } finally {
      clearTimeout(expiry);
      this.running.delete(controller);
    }
  }

  private async stopBoss(boss: PgBoss): Promise<void> {
    const graceMs = this.config.JOBS_SHUTDOWN_SECONDS * 1000;
    // Just before pg-boss releases what still runs, ask the handlers to stop at a safe point.
    const abort = setTimeout(
      () => {
        for (const controller of this.running) controller.abort(new Error('the process is stopping'));
      },
      Math.max(0, graceMs - 250),
    );
    abort.unref();
    try {
      await boss.stop({ graceful: true, wait: true, close: true, timeout: graceMs });
    } catch (error) {
      this.logger.warn(`job runner did not stop cleanly: ${messageOf(error)}`);
    } finally {
      clearTimeout(abort);
    }
  }

  /** While the database is down every worker reports each poll; say each distinct problem once a minute. */
  private warnThrottled(text: string): void {
    const message = text.replace(/, Worker: [0-9a-f-]+/, '');
    const now = Date.now();
    if ((this.warned.get(message) ?? 0) > now - 60_000) return;
    this.warned.set(message, now);
    if (this.warned.size > 100) this.warned.clear();
    this.logger.warn(message);
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job runner has not started (send jobs after application bootstrap)');
    return this.boss;
  }

  private async readyFor(name: string): Promise<void> {
    const entry = this.definitions.get(name);
    if (!entry) throw new Error(`job '${name}' is not defined in this process`);
    this.started();
    await entry.ready;
  }

  private sendOptions(options: SendOptions, db: PgBoss.Db): PgBoss.SendOptions {
    const { startAfter } = options;
    return {
      db,
      ...(options.singletonKey !== undefined && { singletonKey: options.singletonKey }),
      ...(options.singletonSeconds !== undefined && { singletonSeconds: options.singletonSeconds }),
      ...(options.priority !== undefined && { priority: options.priority }),
      ...(startAfter !== undefined && { startAfter }),
    };
  }
}
