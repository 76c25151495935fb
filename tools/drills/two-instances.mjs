#!/usr/bin/env node
// Drill: two API processes on one database (issue 7). Starts an embedded PostgreSQL, a local SMTP
// listener and two built API processes (dist/apps/api/main.js; built first when missing or with
// --build), then:
//  1. conflict storm: 100 concurrent creates of one slot, half to each process → exactly 1 winner;
//  2. e-mail burst: bookings on distinct slots through both processes, each announced by e-mail, sent
//     by the `mail.flush` job that either process may run → every queued e-mail received exactly once;
//  3. jobs: no job started twice, no two flush runs at once;
//  4. SIGTERM to both → each exits within 10 s.
// Prints the figures and exits 0 when every target holds, 1 otherwise. Stops by itself (watchdog).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { freePort, startEmbeddedPostgres } from '../db/embedded-pg.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const main = join(root, 'dist/apps/api/main.js');
const STORM = 100;
const MAIL_BOOKINGS = Number(process.env.DRILL_MAILS ?? 40);
const WATCHDOG_MS = Number(process.env.DRILL_TIMEOUT_MS ?? 240_000);

const cleanups = [];
const watchdog = setTimeout(async () => {
  console.error(`drill: still running after ${WATCHDOG_MS / 1000} s, stopping`);
  await cleanUp();
  process.exit(1);
}, WATCHDOG_MS);
async function cleanUp() {
  while (cleanups.length) {
    const step = cleanups.pop();
    await Promise.resolve()
      .then(step)
      .catch((error) => console.error(`drill: clean-up step failed: ${error?.message ?? error}`));
  }
}

// --- HTTP client with cookies and CSRF, keep-alive -------------------------------------------------
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
class Client {
  cookies = new Map();
  constructor(base) {
    this.base = new URL(base);
  }
  at(base) {
    const other = new Client(base);
    other.cookies = new Map(this.cookies);
    return other;
  }
  call(method, path, body) {
    const headers = { 'content-type': 'application/json', 'accept-language': 'en' };
    if (method !== 'GET') headers['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN') ?? '';
    headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload);
    return new Promise((ok, fail) => {
      const req = http.request(
        { host: this.base.hostname, port: this.base.port, path, method, headers, agent },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', fail);
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const [pair] = line.split(';');
              const i = pair.indexOf('=');
              this.cookies.set(pair.slice(0, i), decodeURIComponent(pair.slice(i + 1)));
            }
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              parsed = text;
            }
            ok({ status: res.statusCode, body: parsed });
          });
        },
      );
      req.on('error', fail);
      req.end(payload);
    });
  }
  async login(email) {
    await this.call('GET', '/api/auth/csrf');
    const r = await this.call('POST', '/api/auth/login', { email, password: 'madang-demo' });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status}`);
    return this;
  }
}

// --- SMTP listener that keeps every message with its Message-ID -----------------------------------
async function startSmtp() {
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ messageId: mail.messageId ?? '', subject: mail.subject ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    received,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

function startApi(name, env) {
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk) => {
    log += chunk;
    if (log.length > 20_000) log = log.slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const ready = new Promise((ok, fail) => {
    child.stdout.on('data', () => log.includes('Madang is running') && ok());
    child.once('exit', (code) =>
      fail(new Error(`${name} exited (${code}) before it was ready:\n${log.slice(-2000)}`)),
    );
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return 0;
    const started = Date.now();
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
    return Date.now() - started;
  };
  return { name, child, ready, stop, log: () => log };
}

const until = async (check, what, ms = 60_000) => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${ms / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

let failed = false;
const figure = (label, value, ok) => {
  if (ok === false) failed = true;
  console.log(`${ok === undefined ? ' ' : ok ? '✓' : '✗'} ${label.padEnd(52)} ${value}`);
};

try {
  if (process.argv.includes('--build') || !existsSync(main)) {
    console.log('drill: building the API (npx nx run api:build)…');
    const build = spawnSync('npx', ['nx', 'run', 'api:build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    if (build.status !== 0) throw new Error('the API build failed');
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'madang-drill-'));
  chmodSync(dataDir, 0o755);
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const database = await startEmbeddedPostgres({ dataDir, database: 'madang', fast: true });
  cleanups.push(() => database.stop());
  const smtp = await startSmtp();
  cleanups.push(() => smtp.close());
  const db = new pg.Pool({ connectionString: database.url, max: 4 });
  cleanups.push(() => db.end());

  const common = {
    DATABASE_URL: database.url,
    MADANG_DEMO: 'true',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '20',
    WEB_DIST_DIR: '',
    SMTP_URL: smtp.url,
    MAIL_POLL_MS: '200',
    JOBS_POLL_MS: '500',
  };
  // One after the other: the first migrates and seeds the demo data, the second finds it done.
  const apis = [];
  for (const name of ['api-1', 'api-2']) {
    const api = startApi(name, { ...common, PORT: String(await freePort()) });
    cleanups.push(() => api.stop());
    apis.push(api);
    await api.ready;
  }
  const bases = apis.map((api) => {
    const match = /running at http:\/\/[^:]+:(\d+)/.exec(api.log());
    return `http://127.0.0.1:${match[1]}`;
  });
  console.log(`drill: PostgreSQL ${database.port}, SMTP ${smtp.url}, API ${bases.join(' and ')}`);

  // A category open around the clock with no approval, quotas or notice, so every request is judged
  // only by the slot itself.
  const approver = await new Client(bases[0]).login('approver@madang.local');
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
  const category = await approver.call('POST', '/api/categories', {
    code: 'drill',
    name: { ko: '훈련', en: 'Drill' },
    rules: {
      openingHours: allDay,
      closures: [],
      slotStepMinutes: 15,
      minDurationMinutes: 15,
      maxDurationMinutes: 1440,
      minNoticeMinutes: 0,
      maxAdvanceDays: 730, // the rules schema caps it at 730 (issue 7); t0 is at most ~13 months ahead
      quotas: [],
      approval: { required: false },
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      pricing: { unit: 'hour', rate: 1000, deposit: 0, waivers: [] },
    },
  });
  if (category.status !== 201)
    throw new Error(`category: ${category.status} ${JSON.stringify(category.body)}`);
  const asset = await approver.call('POST', '/api/assets', {
    categoryId: category.body.id,
    kind: 'space',
    name: { ko: '훈련실', en: 'Drill room' },
    capacity: 10,
  });
  if (asset.status !== 201) throw new Error(`asset: ${asset.status} ${JSON.stringify(asset.body)}`);
  const t0 = Date.UTC(new Date().getUTCFullYear() + 1, 0, 4, 0, 0, 0);
  const hour = (h) => new Date(t0 + h * 3_600_000).toISOString();

  // 1. Conflict storm, half to each process (one session: sessions live in the shared database).
  const resident = await new Client(bases[0]).login('resident@madang.local');
  const body = {
    items: [{ assetId: asset.body.id }],
    start: hour(1),
    end: hour(2),
    purpose: 'storm',
    attendees: 1,
  };
  const storm = await Promise.all(
    Array.from({ length: STORM }, (_, i) => resident.at(bases[i % 2]).call('POST', '/api/bookings', body)),
  );
  const by = (s) => storm.filter((r) => r.status === s).length;
  const fiveXX = storm.filter((r) => r.status >= 500).length;
  console.log('\nconflict storm');
  figure(`requests (half to each process)`, STORM);
  figure('winners (201)', by(201), by(201) === 1);
  figure('refused as taken (409)', by(409), by(409) === STORM - 1);
  figure('server errors (5xx)', fiveXX, fiveXX === 0);

  // 2. E-mail burst: distinct slots, alternating processes, two residents.
  const neighbour = await new Client(bases[1]).login('resident2@madang.local');
  const people = [resident, neighbour];
  const made = await Promise.all(
    Array.from({ length: MAIL_BOOKINGS }, (_, i) =>
      people[i % 2].at(bases[(i >> 1) % 2]).call('POST', '/api/bookings', {
        items: [{ assetId: asset.body.id }],
        start: hour(10 + i * 2),
        end: hour(11 + i * 2),
        purpose: `burst ${i}`,
        attendees: 1,
      }),
    ),
  );
  const created = made.filter((r) => r.status === 201).length;
  const queued = async () =>
    (
      await db.query(
        `SELECT count(*) FILTER (WHERE email_state <> 'none')::int AS mailed,
                count(*) FILTER (WHERE email_state = 'queued')::int AS queued,
                count(*) FILTER (WHERE email_state = 'sent')::int AS sent,
                count(*) FILTER (WHERE email_state = 'failed')::int AS failed
           FROM notifications`,
      )
    ).rows[0];
  const started = Date.now();
  const outbox = await until(async () => {
    const o = await queued();
    return o.queued === 0 && smtp.received.length >= o.sent && o;
  }, 'every queued e-mail delivered');
  await new Promise((r) => setTimeout(r, 1500)); // anything sent twice would arrive by now
  const ids = smtp.received.map((m) => m.messageId);
  const unique = new Set(ids);
  const { rows: notified } = await db.query(`SELECT id FROM notifications WHERE email_state = 'sent'`);
  const missing = notified.filter((n) => ![...unique].some((id) => id.startsWith(`<${n.id}@`))).length;
  console.log('\ne-mail burst');
  figure('bookings made through both processes', `${created} of ${MAIL_BOOKINGS}`, created === MAIL_BOOKINGS);
  figure('e-mails queued (notifications with e-mail)', outbox.mailed);
  figure('e-mails sent (recorded) / given up', `${outbox.sent} / ${outbox.failed}`, outbox.failed === 0);
  figure('e-mails received by the SMTP listener', smtp.received.length, smtp.received.length === outbox.sent);
  figure('duplicates received (same Message-ID)', ids.length - unique.size, ids.length === unique.size);
  figure('sent but never received', missing, missing === 0);
  figure('time to drain the outbox', `${((Date.now() - started) / 1000).toFixed(1)} s`);

  // 3. Jobs: started more than once, overlapping flush runs (stately: never two at once).
  const everyJob = `(SELECT name, id, state, retry_count, started_on, completed_on, output FROM pgboss.job
                     UNION ALL SELECT name, id, state, retry_count, started_on, completed_on, output FROM pgboss.archive)`;
  const { rows: jobs } = await db.query(
    `SELECT count(*)::int AS runs,
            count(*) FILTER (WHERE retry_count > 0)::int AS twice,
            count(*) FILTER (WHERE state = 'failed')::int AS failed
       FROM ${everyJob} j WHERE name NOT LIKE '\\_\\_pgboss%' AND started_on IS NOT NULL`,
  );
  const { rows: overlaps } = await db.query(
    `SELECT count(*)::int AS n FROM ${everyJob} a, ${everyJob} b
      WHERE a.name = 'mail.flush' AND b.name = 'mail.flush' AND a.id < b.id
        AND a.started_on < coalesce(b.completed_on, now()) AND b.started_on < coalesce(a.completed_on, now())`,
  );
  const { rows: workers } = await db.query(
    `SELECT output->>'worker' AS worker, count(*)::int AS n FROM ${everyJob} j
      WHERE state = 'completed' AND name NOT LIKE '\\_\\_pgboss%' GROUP BY 1`,
  );
  const perProcess = apis
    .map((api) => {
      const row = workers.find((w) => w.worker?.endsWith(`:${api.child.pid}`));
      return `${api.name} ${row?.n ?? 0}`;
    })
    .join(', ');
  console.log('\njobs');
  figure('job runs (mail.flush, either process)', jobs[0].runs, jobs[0].runs > 0);
  figure('completed runs per process', perProcess);
  figure('jobs run twice', jobs[0].twice, jobs[0].twice === 0);
  figure('failed jobs', jobs[0].failed, jobs[0].failed === 0);
  figure('overlapping mail.flush runs', overlaps[0].n, overlaps[0].n === 0);

  // 4. Graceful stop of both.
  console.log('\nshutdown');
  const stops = await Promise.all(apis.map((api) => api.stop()));
  apis.forEach((api, i) =>
    figure(`${api.name} exits after SIGTERM`, `${(stops[i] / 1000).toFixed(1)} s`, stops[i] <= 10_000),
  );
} catch (error) {
  failed = true;
  console.error(`drill failed: ${error?.stack ?? error}`);
} finally {
  agent.destroy();
  await cleanUp();
  clearTimeout(watchdog);
}
console.log(failed ? '\nDRILL FAILED' : '\nDRILL PASSED');
process.exit(failed ? 1 : 0);
