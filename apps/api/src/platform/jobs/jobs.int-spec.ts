import type { JobQueueHealth, JobsHealth } from '@madang/contracts';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { loadConfig } from '../../config/app-config';
import { startTestApp, type TestApp } from '../../test/test-app';
import type { JobDefinition, JobHandle } from './job-definition';
import { JOBS_SCHEMA, JobsService } from './jobs.service';

/**
 * The job runner on real PostgreSQL: several JobsService instances (each with its own pg-boss and
 * pool, as two API processes would have) share one database. Short polling, expiry and maintenance
 * intervals keep each test to a few seconds.
 */
describe('jobs (pg-boss on PostgreSQL)', () => {
  let t: TestApp;
  const extra: JobsService[] = [];
  const FAST = {
    JOBS_POLL_MS: '500',
    JOBS_MAINTENANCE_SECONDS: '1',
    JOBS_CRON_CHECK_SECONDS: '1',
    JOBS_SHUTDOWN_SECONDS: '2',
  };

  /** Another job runner on the same database, like a second API process. */
  const runner = async (env: Record<string, string> = {}) => {
    const jobs = new JobsService(
      t.db,
      loadConfig({ DATABASE_URL: t.config.DATABASE_URL, LOG_LEVEL: 'error', ...FAST, ...env }),
    );
    extra.push(jobs);
    return jobs;
  };
  const until = async <T>(check: () => Promise<T | undefined | false>, what: string, ms = 20_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms: ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const runs = async (queue: string) =>
    (await t.db.query(
      `SELECT job_id, key, instance, attempt, at FROM test_job_runs WHERE queue = $1 ORDER BY at, attempt`,
      [queue],
    )) as { job_id: string; key: string | null; instance: string; attempt: number; at: Date }[];
  const record =
    (queue: string, instance: string) =>
    async (data: { key?: string }, context: { id: string; attempt: number }) => {
      await t.db.query(
        `INSERT INTO test_job_runs (queue, job_id, key, instance, attempt) VALUES ($1, $2, $3, $4, $5)`,
        [queue, context.id, data.key ?? null, instance, context.attempt],
      );
    };
  const jobState = async (queue: string, id: string) =>
    (
      (await t.db.query(`SELECT state::text AS state FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = $2`, [
        queue,
        id,
      ])) as { state: string }[]
    )[0]?.state;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, env: FAST });
    await t.db.query(`CREATE TABLE test_job_runs (
      queue text NOT NULL DEFAULT '', job_id uuid NOT NULL, key text, instance text NOT NULL,
      attempt int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  });
  afterAll(async () => {
    await Promise.all(extra.map((jobs) => jobs.stop()));
    await t?.close();
  });

  const app = () => t.app.get(JobsService);

  it('retries a failing job with exponential backoff, then succeeds once', async () => {
    const queue = 'test.flaky';
    const write = record(queue, 'app');
    const flaky = app().define<{ key: string }>({
      name: queue,
      retry: { limit: 3, delaySeconds: 1, backoff: true },
      handler: async (data, context) => {
        await write(data, context);
        if (context.attempt < 3) throw new Error(`boom ${context.attempt}\n    at secret (stack.ts:1:1)`);
      },
    });
    const id = (await app().send(flaky, { key: 'k' })) as string;
    expect(id).toEqual(expect.any(String));
    await until(async () => (await jobState(queue, id)) === 'completed', 'flaky job completed');
    const done = await runs(queue);
    expect(done.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(new Set(done.map((r) => r.job_id))).toEqual(new Set([id]));
    // Delay d·2ⁿ to 2·d·2ⁿ with d = 1 s: ≥ 1 s before the first retry, ≥ 2 s before the second.
    const gap1 = done[1].at.getTime() - done[0].at.getTime();
    const gap2 = done[2].at.getTime() - done[1].at.getTime();
    expect(gap1).toBeGreaterThanOrEqual(950);
    expect(gap2).toBeGreaterThanOrEqual(1950);
    await new Promise((r) => setTimeout(r, 700));
    expect(await runs(queue)).toHaveLength(3);
  });

  it('keeps one job per singleton key (short queue) and one per key and time slot (throttle)', async () => {
    const queue = 'test.single';
    // Sent by a process that does not work the queue, so no job is taken before the duplicates arrive.
    const sender = await runner({ JOBS_ENABLED: 'false' });
    const definition: JobDefinition<{ key: string }> = {
      name: queue,
      policy: 'short',
      handler: record(queue, 'app'),
    };
    const single = sender.define(definition);
    await sender.start();
    const sent = await Promise.all([
      sender.send(single, { key: 'a' }, { singletonKey: 'a' }),
      sender.send(single, { key: 'a' }, { singletonKey: 'a' }),
      sender.send(single, { key: 'b' }, { singletonKey: 'b' }),
    ]);
    expect(sent.filter((id) => id === null)).toHaveLength(1);
    expect(sent.filter((id) => id !== null)).toHaveLength(2);
    // JOBS_ENABLED=false: the sender never works them (two polling intervals pass)…
    await new Promise((r) => setTimeout(r, 1200));
    expect(await runs(queue)).toEqual([]);
    // …a process with workers does.
    app().define(definition);

    const throttleQueue = 'test.throttled';
    const throttled = app().define<{ key: string }>({
      name: throttleQueue,
      handler: record(throttleQueue, 'app'),
    });
    const first = await app().send(throttled, { key: 'x' }, { singletonKey: 'x', singletonSeconds: 3600 });
    const again = await app().send(throttled, { key: 'x' }, { singletonKey: 'x', singletonSeconds: 3600 });
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();

    await until(async () => (await runs(queue)).length === 2, 'two singleton jobs ran');
    await until(async () => (await runs(throttleQueue)).length === 1, 'throttled job ran');
    await new Promise((r) => setTimeout(r, 700));
    expect((await runs(queue)).map((r) => r.key).sort()).toEqual(['a', 'b']);
    expect(await runs(throttleQueue)).toHaveLength(1);
  });

  it('sends a job with the caller’s transaction: nothing for a rollback, one run for a commit', async () => {
    const queue = 'test.transactional';
    const handle = app().define<{ key: string }>({ name: queue, handler: record(queue, 'app') });
    await expect(
      t.db.transaction(async (manager) => {
        await app().sendInTransaction(manager, handle, { key: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const id = await t.db.transaction((manager) =>
      app().sendInTransaction(manager, handle, { key: 'committed' }),
    );
    await until(async () => (await jobState(queue, id as string)) === 'completed', 'committed job ran');
    await new Promise((r) => setTimeout(r, 700));
    expect((await runs(queue)).map((r) => r.key)).toEqual(['committed']);
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE name = $1`, [
      queue,
    ])) as { n: number }[];
    expect(n).toBe(1);
    await expect(app().sendInTransaction(t.db.manager, handle, { key: 'no transaction' })).rejects.toThrow(
      /open transaction/,
    );
  });

  it('fires a cron schedule, read in the centre’s time zone', async () => {
    const queue = 'test.tick';
    app().define<{ key: string }>({
      name: queue,
      schedule: { cron: '* * * * *', data: { key: 'from-cron' } },
      handler: record(queue, 'app'),
    });
    await until(async () => (await runs(queue)).length > 0, 'scheduled run');
    expect((await runs(queue))[0].key).toBe('from-cron');
    const [stored] = (await t.db.query(`SELECT cron, timezone FROM ${JOBS_SCHEMA}.schedule WHERE name = $1`, [
      queue,
    ])) as { cron: string; timezone: string }[];
    expect(stored).toEqual({ cron: '* * * * *', timezone: 'Asia/Seoul' });
  });

  it('runs a job exactly once more after the worker running it is killed mid-job', async () => {
    const queue = 'test.crash';
    // A process that only enqueues (JOBS_ENABLED=false) creates the queue and sends the job.
    const sender = await runner({ JOBS_ENABLED: 'false' });
    const definition: JobDefinition<{ key: string }> = {
      name: queue,
      expireInSeconds: 2,
      retry: { limit: 2, delaySeconds: 0, backoff: false },
      handler: record(queue, 'survivor'),
    };
    const handle: JobHandle<{ key: string }> = sender.define(definition);
    await sender.start();

    const child = spawn(
      process.execPath,
      [join(__dirname, 'test-fixtures', 'hanging-worker.mjs'), t.config.DATABASE_URL, queue, 'test_job_runs'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    let id = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await until(async () => output.includes('ready'), 'hanging worker ready');
      id = (await sender.send(handle, { key: 'once' })) as string;
      await until(async () => output.includes(`started ${id}`), 'hanging worker took the job');
      expect(await jobState(queue, id)).toBe('active');
    } finally {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    }

    // The survivor: a normal runner. Its maintenance finds the expired run and it retries the job.
    const survivor = await runner();
    survivor.define(definition);
    await survivor.start();
    await until(async () => (await jobState(queue, id)) === 'completed', 'job completed by the survivor');
    await new Promise((r) => setTimeout(r, 1500));
    const all = await runs(queue);
    expect(all.map((r) => [r.instance, r.attempt])).toEqual([
      ['crashed', 0],
      ['survivor', 2],
    ]);
  });

  it('lets two runners share a burst: every job runs exactly once', async () => {
    const queue = 'test.burst';
    const N = 60;
    const a = await runner();
    const b = await runner();
    const slow = (instance: string) => {
      const write = record(queue, instance);
      return async (data: { key: string }, context: { id: string; attempt: number }) => {
        await new Promise((r) => setTimeout(r, 50));
        await write(data, context);
      };
    };
    const handle = a.define<{ key: string }>({ name: queue, handler: slow('a') });
    b.define<{ key: string }>({ name: queue, handler: slow('b') });
    await Promise.all([a.start(), b.start()]);
    await Promise.all(Array.from({ length: N }, (_, i) => a.send(handle, { key: `job-${i}` })));
    await until(async () => (await runs(queue)).length >= N, `${N} runs`);
    await new Promise((r) => setTimeout(r, 1000));
    const all = await runs(queue);
    expect(all).toHaveLength(N);
    expect(new Set(all.map((r) => r.key)).size).toBe(N);
    expect(all.every((r) => r.attempt === 1)).toBe(true);
    // Both shared the work (each runner has JOBS_CONCURRENCY = 2 workers on the queue).
    expect(all.filter((r) => r.instance === 'a').length).toBeGreaterThan(0);
    expect(all.filter((r) => r.instance === 'b').length).toBeGreaterThan(0);
  });

  it('stops gracefully: a run that finishes in the grace period completes, one that does not is released and retried elsewhere', async () => {
    const queue = 'test.shutdown';
    const stopping = await runner({ JOBS_SHUTDOWN_SECONDS: '2', JOBS_CONCURRENCY: '2' });
    const write = record(queue, 'stopping');
    const handle = stopping.define<{ key: string }>({
      name: queue,
      retry: { limit: 2, delaySeconds: 0, backoff: false },
      handler: async (data, context) => {
        if (data.key === 'quick') {
          await new Promise((r) => setTimeout(r, 500));
          await write(data, context);
          return;
        }
        // A long run that stops at a safe point when asked (never finishes on its own).
        await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
        throw new Error('interrupted by the shutdown');
      },
    });
    await stopping.start();
    const slow = (await stopping.send(handle, { key: 'slow' })) as string;
    const quick = (await stopping.send(handle, { key: 'quick' })) as string;
    await until(
      async () => (await jobState(queue, slow)) === 'active' && (await jobState(queue, quick)) === 'active',
      'both running',
    );
    const began = Date.now();
    await stopping.stop();
    const took = Date.now() - began;
    expect(took).toBeLessThan(4_000);
    expect(await jobState(queue, quick)).toBe('completed');
    expect(await jobState(queue, slow)).toBe('retry');

    const other = await runner();
    other.define<{ key: string }>({ name: queue, handler: record(queue, 'other') });
    await other.start();
    await until(async () => (await jobState(queue, slow)) === 'completed', 'released job done elsewhere');
    expect((await runs(queue)).map((r) => [r.key, r.instance])).toEqual([
      ['quick', 'stopping'],
      ['slow', 'other'],
    ]);
  });

  describe('GET /api/admin/jobs', () => {
    it('shows admins last runs, failures with the message only, depth and the next scheduled run', async () => {
      const queue = 'test.doomed';
      const doomed = app().define<{ key: string }>({
        name: queue,
        retry: { limit: 1, delaySeconds: 1, backoff: false },
        handler: async () => {
          throw new Error('kaput: the printer is on fire\n    at Printer.print (printer.ts:3:9)');
        },
      });
      const id = (await app().send(doomed, { key: 'd' })) as string;
      await until(async () => (await jobState(queue, id)) === 'failed', 'doomed job gave up');

      const admin = await t.signIn('admin@madang.local');
      const res = await admin.get<JobsHealth>('/api/admin/jobs');
      expect(res.status).toBe(200);
      expect(res.body.workersEnabled).toBe(true);
      const byName = new Map(res.body.queues.map((q) => [q.name, q]));
      expect([...byName.keys()].some((name) => name.startsWith('__pgboss'))).toBe(false);

      expect(byName.get(queue)).toMatchObject<Partial<JobQueueHealth>>({
        policy: 'standard',
        depth: { created: 0, retry: 0, active: 0 },
        lastRun: {
          jobId: id,
          state: 'failed',
          startedAt: expect.any(String),
          finishedAt: expect.any(String),
        },
        failures: {
          last24h: 2,
          gaveUpLast24h: 1,
          lastError: {
            jobId: id,
            at: expect.any(String),
            message: 'kaput: the printer is on fire',
            willRetry: false,
          },
        },
        schedule: null,
        nextDueAt: null,
      });
      expect(JSON.stringify(res.body)).not.toContain('printer.ts');

      // The flaky job of the first test: completed after two failed runs.
      expect(byName.get('test.flaky')).toMatchObject({
        lastRun: { state: 'completed' },
        failures: { last24h: 2, gaveUpLast24h: 0, lastError: null },
      });
      const tick = byName.get('test.tick') as JobQueueHealth;
      expect(tick.schedule).toMatchObject({ cron: '* * * * *', timezone: 'Asia/Seoul' });
      const next = new Date(tick.schedule?.nextRunAt as string);
      expect(next.getTime()).toBeGreaterThan(Date.now() - 5_000);
      expect(next.getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
      expect(next.getUTCSeconds()).toBe(0);
    });

    it('shows queue depth and when the next waiting job is due', async () => {
      const queue = 'test.later';
      const later = app().define<{ key: string }>({ name: queue, handler: record(queue, 'app') });
      const due = new Date(Date.now() + 3_600_000);
      await app().send(later, { key: 'later' }, { startAfter: due });
      const admin = await t.signIn('admin@madang.local');
      const res = await admin.get<JobsHealth>('/api/admin/jobs');
      const row = res.body.queues.find((q) => q.name === queue) as JobQueueHealth;
      expect(row.depth).toEqual({ created: 1, retry: 0, active: 0 });
      expect(Math.abs(new Date(row.nextDueAt as string).getTime() - due.getTime())).toBeLessThan(1000);
      expect(row.lastRun).toBeNull();
    });

    it('is refused to residents (403) and to anonymous callers (401)', async () => {
      const resident = await t.signIn('resident@madang.local');
      expect((await resident.get('/api/admin/jobs')).status).toBe(403);
      expect((await t.client().get('/api/admin/jobs')).status).toBe(401);
    });
  });

  it('refuses bad definitions and sending before a job is defined', async () => {
    expect(() => app().define({ name: 'NoDomain', handler: async () => undefined })).toThrow(
      /domain\.action/,
    );
    expect(() => app().define({ name: 'test.flaky', handler: async () => undefined })).toThrow(/twice/);
    await expect(app().send({ name: 'test.unknown' }, {})).rejects.toThrow(/not defined/);
  });
});
