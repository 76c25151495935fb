#!/usr/bin/env node
// npm run bench:booking — booking figures from one run, on a fresh embedded PostgreSQL and the built API:
//  1. conflict storm over HTTP: 100 concurrent requests for one slot → how many win (target: exactly 1)
//  2. create-booking throughput over HTTP ÷ raw SQL insert rate on the same constrained tables (target ≥ 0.25),
//     both measured warm (after a warm-up of each) in alternating rounds
//  4. a weekly series of 52 occurrences over HTTP (one request, set-based insert) ÷ 52 single creates over HTTP,
//     one client waiting for each answer, alternating rounds (target ≤ 0.2: a series is not 52 round trips)
//  3. 7-day free map for 200 assets × one year of bookings: Madang's multirange query vs a naive slot-grid
//     query on the same data, p50/p99 (target: p99 < 25 ms and ≥ 50× faster); plus the HTTP endpoint for one asset.
// Every timing is a median or percentile over several rounds in this one run; ratios compare like with like.
// The load generator is node:http with keep-alive sockets, as light as the pg client on the SQL side.
// Investigation switches: BENCH_QUICK=1 (throughput and series only), BENCH_SERIES_ONLY=1 (the series figure only), BENCH_CONCURRENCY=n, BENCH_CPU_PROF=dir (API
// CPU profile), BENCH_PG_STATS=1 (PostgreSQL's per-statement plan and execution times for the HTTP path).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../db/embedded-pg.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ASSETS = 200;
const WARM_UP_N = 2000;
const THROUGHPUT_N = 600;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = 5;
const PG_STATS = Boolean(process.env.BENCH_PG_STATS);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (n) => `${n.toFixed(2)} ms`;

async function pool(n, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

class Client {
  cookies = new Map();
  constructor(base) {
    this.base = new URL(base);
  }
  call(method, path, body) {
    const headers = { 'content-type': 'application/json', 'accept-language': 'en' };
    if (method !== 'GET') headers['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN') ?? '';
    headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload);
    return new Promise((resolveCall, reject) => {
      const req = http.request(
        { host: this.base.hostname, port: this.base.port, path, method, headers, agent },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const [pair] = line.split(';');
              const i = pair.indexOf('=');
              this.cookies.set(pair.slice(0, i), decodeURIComponent(pair.slice(i + 1)));
            }
            const text = Buffer.concat(chunks).toString('utf8');
            resolveCall({ status: res.statusCode, body: text ? JSON.parse(text) : undefined });
          });
        },
      );
      req.on('error', reject);
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

const dataDir = mkdtempSync(join(tmpdir(), 'madang-bench-'));
chmodSync(dataDir, 0o755);
const database = await startEmbeddedPostgres({
  dataDir,
  database: 'madang',
  flags: PG_STATS
    ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track_planning=on']
    : [],
});
const port = await freePort();
const profile = process.env.BENCH_CPU_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
  : [];
const api = spawn(process.execPath, [...profile, join(root, 'dist/apps/api/main.js')], {
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    MADANG_DEMO: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '20',
    WEB_DIST_DIR: '',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((ok, fail) => {
  let out = '';
  api.stdout.on('data', (c) => {
    out += c;
    if (out.includes('Madang is running')) ok();
  });
  api.on('exit', (code) => fail(new Error(`API exited ${code}`)));
});
const db = new pg.Pool({ connectionString: database.url, max: CONCURRENCY + 2 });
const base = `http://127.0.0.1:${port}`;
async function cleanUp() {
  await db.end();
  agent.destroy();
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

try {
  const approver = await new Client(base).login('approver@madang.local');
  const resident = await new Client(base).login('resident@madang.local');
  const residentId = (await resident.call('GET', '/api/auth/me')).body.id;

  // A bench category open around the clock, no quotas or approval, so the figures measure the booking path itself.
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
  const category = await approver.call('POST', '/api/categories', {
    code: 'bench',
    name: { ko: '벤치마크', en: 'Benchmark' },
    rules: {
      openingHours: allDay,
      closures: [],
      slotStepMinutes: 15,
      minDurationMinutes: 15,
      maxDurationMinutes: 1440,
      minNoticeMinutes: 0,
      maxAdvanceDays: 730, // the schema's limit (MAX_ADVANCE_LIMIT_DAYS); 800 was refused, leaving the bench without assets
      quotas: [],
      approval: { required: false },
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      pricing: { unit: 'hour', rate: 1000, deposit: 0, waivers: [] },
    },
  });
  const assetIds = [];
  for (let i = 0; i < ASSETS; i++) {
    const a = await approver.call('POST', '/api/assets', {
      categoryId: category.body.id,
      kind: 'space',
      name: { ko: `벤치 ${i}`, en: `Bench ${i}` },
      capacity: 10,
    });
    assetIds.push(a.body.id);
  }
  const hourFrom = (base, h) => new Date(base + h * 3_600_000).toISOString();
  const t0 = Date.UTC(2027, 0, 4, 0, 0, 0); // bookings are placed relative to fixed instants, well inside the window

  // 1. Conflict storm.
  const stormers = await Promise.all(
    Array.from({ length: 100 }, async () => {
      const c = new Client(base);
      c.cookies = new Map(resident.cookies);
      return c;
    }),
  );
  const stormBody = {
    items: [{ assetId: assetIds[0] }],
    start: hourFrom(t0, 1),
    end: hourFrom(t0, 2),
    purpose: 'storm',
    attendees: 1,
  };
  const storm = await Promise.all(stormers.map((c) => c.call('POST', '/api/bookings', stormBody)));
  const count = (s) => storm.filter((r) => r.status === s).length;
  const fiveXX = storm.filter((r) => r.status >= 500).length;

  // 2. Throughput: HTTP create vs raw SQL insert of the same rows into the same constrained tables.
  // Each run books fresh hours: every asset once per two-hour slot, so nothing conflicts.
  let nextHour = 100;
  const slotsFor = (n) => {
    const first = nextHour;
    nextHour += Math.ceil(n / ASSETS) * 2 + 2;
    return (i) => [
      hourFrom(t0, first + Math.floor(i / ASSETS) * 2),
      hourFrom(t0, first + Math.floor(i / ASSETS) * 2 + 1),
    ];
  };
  const rate = async (n, work) => {
    const started = performance.now();
    await pool(n, CONCURRENCY, work);
    return n / ((performance.now() - started) / 1000);
  };
  const httpCreates = (n) => {
    const slot = slotsFor(n);
    return rate(n, async (i) => {
      const [start, end] = slot(i);
      const r = await resident.call('POST', '/api/bookings', {
        items: [{ assetId: assetIds[i % ASSETS] }],
        start,
        end,
        purpose: 'throughput',
        attendees: 1,
      });
      if (r.status !== 201) throw new Error(`HTTP create answered ${r.status}: ${JSON.stringify(r.body)}`);
    });
  };
  const sqlInserts = (n) => {
    const slot = slotsFor(n);
    return rate(n, async (i) => {
      const [s, e] = slot(i);
      const client = await db.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(
          `INSERT INTO bookings (requester_id, purpose, attendees, start_at, end_at, holds_slot, decision, payment_status, quoted_total, quote, approval_required)
           VALUES ($1, 'raw', 1, $2, $3, true, 'approved', 'quoted', 1000, '{}', false) RETURNING id`,
          [residentId, s, e],
        );
        await client.query(
          `INSERT INTO booking_items (booking_id, asset_id, asset_kind, quantity, rules_version, during, holds_slot)
           VALUES ($1, $2, 'space', 1, 1, tstzrange($3, $4), true)`,
          [rows[0].id, assetIds[i % ASSETS], s, e],
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
  };
  // 4. A weekly series of 52 in one request vs the same 52 bookings as single requests, one after another
  // (what a resident waits for). Each round books fresh assets, Mondays 10:00 Seoul from 2027-02-01.
  const SERIES_N = 52;
  const week = (k) => Date.UTC(2027, 1, 1, 1, 0) + k * 7 * 86_400_000;
  let seriesAsset = 120;
  const timed = async (work) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  const seriesOnce = () =>
    timed(async () => {
      const r = await resident.call('POST', '/api/bookings/series', {
        items: [{ assetId: assetIds[seriesAsset++] }],
        startDate: '2027-02-01',
        startTime: '10:00',
        durationMinutes: 60,
        rrule: `FREQ=WEEKLY;BYDAY=MO;COUNT=${SERIES_N}`,
        purpose: 'series bench',
        attendees: 1,
        mode: 'all_or_nothing',
      });
      if (r.status !== 201) throw new Error(`series answered ${r.status}: ${JSON.stringify(r.body)}`);
    });
  const singlesOnce = () =>
    timed(async () => {
      const assetId = assetIds[seriesAsset++];
      for (let k = 0; k < SERIES_N; k++) {
        const r = await resident.call('POST', '/api/bookings', {
          items: [{ assetId }],
          start: new Date(week(k)).toISOString(),
          end: new Date(week(k) + 3_600_000).toISOString(),
          purpose: 'series bench single',
          attendees: 1,
        });
        if (r.status !== 201)
          throw new Error(`single create answered ${r.status}: ${JSON.stringify(r.body)}`);
      }
    });
  await seriesOnce(); // warm-up of both paths
  await singlesOnce();
  const seriesMs = [];
  const singlesMs = [];
  const seriesRatios = [];
  for (let round = 0; round < ROUNDS; round++) {
    let c;
    let d;
    if (round % 2 === 0) {
      c = await seriesOnce();
      d = await singlesOnce();
    } else {
      d = await singlesOnce();
      c = await seriesOnce();
    }
    seriesMs.push(c);
    singlesMs.push(d);
    seriesRatios.push(c / d);
  }
  const seriesRatio = median(seriesRatios);
  const seriesLines = [
    `4. Weekly series of ${SERIES_N} over HTTP vs ${SERIES_N} single creates over HTTP, ${ROUNDS} alternating rounds after a warm-up:`,
    `   one series request: median ${ms(median(seriesMs))}  [rounds: ${seriesMs.map((x) => x.toFixed(0)).join(', ')} ms]`,
    `   ${SERIES_N} single creates: median ${ms(median(singlesMs))}  [rounds: ${singlesMs.map((x) => x.toFixed(0)).join(', ')} ms]`,
    `   ratio series / singles: median ${seriesRatio.toFixed(3)}  [rounds: ${seriesRatios.map((x) => x.toFixed(3)).join(', ')}]   [target ≤ 0.2]`,
  ];
  if (process.env.BENCH_SERIES_ONLY) {
    console.log(seriesLines.join('\n'));
    await cleanUp();
    process.exit(seriesRatio <= 0.2 ? 0 : 1);
  }

  // Warm both paths first (JIT, connection pools, prepared plans), then alternate which goes first.
  const warmHttp = await httpCreates(WARM_UP_N);
  const warmSql = await sqlInserts(WARM_UP_N);
  if (PG_STATS) {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await db.query('SELECT pg_stat_statements_reset()');
  }
  const httpRates = [];
  const sqlRates = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      httpRates.push(await httpCreates(THROUGHPUT_N));
      sqlRates.push(await sqlInserts(THROUGHPUT_N));
    } else {
      sqlRates.push(await sqlInserts(THROUGHPUT_N));
      httpRates.push(await httpCreates(THROUGHPUT_N));
    }
  }
  if (PG_STATS) {
    const { rows } = await db.query(
      `SELECT calls, round((total_plan_time / calls)::numeric, 3) AS plan_ms, round((total_exec_time / calls)::numeric, 3) AS exec_ms,
              left(regexp_replace(query, '\\s+', ' ', 'g'), 80) AS statement
         FROM pg_stat_statements WHERE calls > 0 ORDER BY total_plan_time + total_exec_time DESC LIMIT 10`,
    );
    console.table(rows);
  }

  if (process.env.BENCH_QUICK) {
    console.log(
      `warm-up HTTP ${warmHttp.toFixed(0)}/s raw ${warmSql.toFixed(0)}/s; rounds HTTP ${httpRates.map((r) => r.toFixed(0))} raw ${sqlRates.map((r) => r.toFixed(0))}; ratio ${(median(httpRates) / median(sqlRates)).toFixed(2)}`,
    );
    console.log(seriesLines.join('\n'));
    await cleanUp();
    process.exit(0);
  }
  // 3. One year of bookings on all 200 assets: two a day each (≈146,000), straight into the tables.
  await db.query(
    `WITH slots AS (
       SELECT a.id AS asset_id, d + make_interval(hours => h) AS s
         FROM unnest($1::uuid[]) a(id), generate_series($2::timestamptz, $2::timestamptz + interval '364 days', interval '1 day') d, unnest(ARRAY[9, 14]) h),
     made AS (
       INSERT INTO bookings (requester_id, purpose, attendees, start_at, end_at, holds_slot, decision, payment_status, quoted_total, quote, approval_required)
       SELECT $3, 'year:' || asset_id, 1, s, s + interval '2 hours', true, 'approved', 'quoted', 0, '{}', false FROM slots
       RETURNING id, purpose, start_at, end_at)
     INSERT INTO booking_items (booking_id, asset_id, asset_kind, quantity, rules_version, during, holds_slot)
     SELECT id, substr(purpose, 6)::uuid, 'space', 1, 1, tstzrange(start_at, end_at), true FROM made`,
    [assetIds, new Date(Date.UTC(2028, 0, 1)).toISOString(), residentId],
  );
  await db.query('ANALYZE bookings; ANALYZE booking_items');
  const [{ n: yearItems }] = (
    await db.query(
      `SELECT count(*)::int AS n FROM booking_items WHERE during && tstzrange('2028-01-01', '2029-01-01')`,
    )
  ).rows;

  const windowAt = (k) => {
    const from = new Date(Date.UTC(2028, 0, 1) + ((k * 37) % 350) * 86_400_000);
    return [from.toISOString(), new Date(from.getTime() + 7 * 86_400_000).toISOString()];
  };
  // Madang's query (the service's shape): open time minus the union of held ranges, per asset, on the GiST index.
  const multirangeSql = `WITH req AS (SELECT * FROM unnest($1::uuid[]) AS r(asset_id)), w AS (SELECT tstzrange($2::timestamptz, $3::timestamptz) AS win)
    SELECT req.asset_id, tstzmultirange(w.win) - coalesce((SELECT range_agg(b.during) FROM booking_items b
             WHERE b.asset_id = req.asset_id AND b.holds_slot AND b.during && w.win), '{}'::tstzmultirange) AS free
      FROM req, w`;
  // The naive way: a 15-minute slot grid, each slot tested against the bookings with plain comparisons.
  const naiveSql = `SELECT a.asset_id, s.t FROM unnest($1::uuid[]) a(asset_id)
      CROSS JOIN generate_series($2::timestamptz, $3::timestamptz - interval '15 minutes', interval '15 minutes') s(t)
     WHERE NOT EXISTS (SELECT 1 FROM booking_items b WHERE b.asset_id = a.asset_id AND b.holds_slot
                        AND lower(b.during) < s.t + interval '15 minutes' AND upper(b.during) > s.t)`;
  const time = async (sql, params) => {
    const started = performance.now();
    await db.query(sql, params);
    return performance.now() - started;
  };
  for (let k = 0; k < 5; k++) await time(multirangeSql, [assetIds, ...windowAt(k)]); // warm-up
  const fast = [];
  for (let k = 0; k < 200; k++) fast.push(await time(multirangeSql, [assetIds, ...windowAt(k)]));
  const naive = [];
  for (let k = 0; k < 12; k++) naive.push(await time(naiveSql, [assetIds, ...windowAt(k)]));
  const http = [];
  for (let k = 0; k < 100; k++) {
    const [from, to] = windowAt(k);
    const started = performance.now();
    const r = await resident.call(
      'GET',
      `/api/availability?from=${from}&to=${to}&assetIds=${assetIds[k % ASSETS]}`,
    );
    http.push(performance.now() - started);
    if (r.status !== 200) throw new Error(`availability ${r.status}`);
  }

  const ratio = median(httpRates) / median(sqlRates);
  const speedup = percentile(naive, 50) / percentile(fast, 50);
  const lines = [
    '',
    'Madang booking benchmark (one run; embedded PostgreSQL 18 on this machine)',
    '',
    `1. Conflict storm over HTTP, 100 concurrent requests for one slot: ${count(201)} created, ${count(409)} conflicts (409), ${fiveXX} server errors   [target: exactly 1]`,
    `2. Create-booking throughput, ${THROUGHPUT_N} bookings × ${ROUNDS} alternating rounds at concurrency ${CONCURRENCY}, after ${WARM_UP_N} of each to warm up:`,
    `   HTTP (validation, rules engine, quote, audit, notification): median ${median(httpRates).toFixed(0)} bookings/s  [rounds: ${httpRates.map((r) => r.toFixed(0)).join(', ')}]`,
    `   raw SQL insert (booking + item, same constraint):            median ${median(sqlRates).toFixed(0)} bookings/s  [rounds: ${sqlRates.map((r) => r.toFixed(0)).join(', ')}]`,
    `   ratio HTTP / raw SQL: ${ratio.toFixed(2)}   [target ≥ 0.25]`,
    `3. 7-day free map for ${ASSETS} assets over one year of bookings (${yearItems} booking items):`,
    `   multirange query (GiST):  p50 ${ms(percentile(fast, 50))}  p99 ${ms(percentile(fast, 99))}  (${fast.length} runs)   [target p99 < 25 ms]`,
    `   naive slot-grid query:    p50 ${ms(percentile(naive, 50))}  p99 ${ms(percentile(naive, 99))}  (${naive.length} runs)`,
    `   speed-up at p50: ${speedup.toFixed(0)}×   [target ≥ 50×]`,
    `   GET /api/availability, one asset, 7 days, over HTTP: p50 ${ms(percentile(http, 50))}  p99 ${ms(percentile(http, 99))}  (${http.length} runs)`,
    ...seriesLines,
    '',
  ];
  console.log(lines.join('\n'));
  const ok =
    count(201) === 1 &&
    fiveXX === 0 &&
    ratio >= 0.25 &&
    percentile(fast, 99) < 25 &&
    speedup >= 50 &&
    seriesRatio <= 0.2;
  console.log(ok ? 'All targets met.' : 'Some targets were NOT met.');
  process.exitCode = ok ? 0 : 1;
} finally {
  await cleanUp();
}
