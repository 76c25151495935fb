// A worker process for the crash test (jobs.int-spec.ts): it takes one job of a queue, records that it
// started, prints `started <id>` and then hangs until it is killed with SIGKILL — a crash mid-job.
// Usage: node hanging-worker.mjs <database-url> <queue> <runs-table>
import PgBoss from 'pg-boss';

const [url, queue, table] = process.argv.slice(2);
const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false, migrate: false });
boss.on('error', (error) => console.error(error.message));
await boss.start();
let taken = false;
await boss.work(queue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
  if (taken) return new Promise(() => undefined);
  taken = true;
  await boss
    .getDb()
    .executeSql(`INSERT INTO ${table} (queue, job_id, instance, attempt) VALUES ($1, $2, 'crashed', 0)`, [
      queue,
      job.id,
    ]);
  process.stdout.write(`started ${job.id}\n`);
  return new Promise(() => undefined);
});
process.stdout.write('ready\n');
