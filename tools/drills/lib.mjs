// Shared pieces of the drills (tools/drills/*.mjs): a durable embedded PostgreSQL, the built API as a
// child process, a cookie/CSRF-aware HTTP client on fresh connections, a booking load, and the
// integrity checks. Loopback only; every loop is bounded; everything started here is stopped here.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../db/embedded-pg.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apiMain = join(root, 'dist/apps/api/main.js');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A durable PostgreSQL (fsync on: what is acknowledged must survive a kill) in a fresh folder. */
export async function startDatabase() {
  if (!existsSync(apiMain)) {
    console.error('Build the API first: npx nx run api:build');
    process.exit(1);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'madang-drill-'));
  chmodSync(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir, database: 'madang' });
  return { ...database, dataDir };
}

/** Restarts PostgreSQL on the same files and port (crash recovery after a SIGKILL). */
export function restartDatabase(database) {
  return startEmbeddedPostgres({ dataDir: database.dataDir, database: 'madang', port: database.port });
}

/** The postmaster's pid, from its pid file. */
export function postmasterPid(dataDir) {
  return Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** SIGKILL of the postmaster and every backend it started (as a crash of the database host would). */
export function killDatabase(dataDir) {
  const postmaster = postmasterPid(dataDir);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter(Boolean);
  process.kill(postmaster, 'SIGKILL');
  for (const pid of children) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return postmaster;
}

/** Starts the built API on a free loopback port; resolves once it listens. */
export async function startApi(databaseUrl, extraEnv = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [apiMain], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      MADANG_DEMO: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: '',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((r) =>
    child.once('exit', (code, signal) => r({ code, signal, at: Date.now() })),
  );
  const started = Date.now();
  while (!output.includes('Madang is running')) {
    if (child.exitCode !== null) throw new Error(`API exited ${child.exitCode}:\n${output}`);
    if (Date.now() - started > 90_000) {
      child.kill('SIGKILL');
      throw new Error(`API did not start in 90 s:\n${output}`);
    }
    await sleep(100);
  }
  return { child, port, base: `http://127.0.0.1:${port}`, exited, output: () => output };
}

/** A browser-like client: cookies, CSRF echo, one fresh TCP connection per request (no keep-alive). */
export class Client {
  cookies = new Map();
  constructor(base) {
    this.setBase(base);
  }
  setBase(base) {
    this.base = new URL(base);
  }
  /** Resolves with { status, body } or { error: code } — never rejects. */
  call(method, path, body, timeoutMs = 15_000) {
    const headers = { 'content-type': 'application/json', 'accept-language': 'en', connection: 'close' };
    if (method !== 'GET') headers['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN') ?? '';
    headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload);
    return new Promise((done) => {
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method,
          headers,
          agent: false,
          timeout: timeoutMs,
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', (e) => done({ error: e.code ?? e.message }));
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
            done({ status: res.statusCode, body: parsed });
          });
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      req.on('error', (e) => done({ error: e.code ?? e.message }));
      req.end(payload);
    });
  }
  async login(email) {
    await this.call('GET', '/api/auth/csrf');
    const r = await this.call('POST', '/api/auth/login', { email, password: 'madang-demo' });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status ?? r.error}`);
    return this;
  }
}

/** A category open around the clock without approval, and `count` rooms in it. */
export async function prepareRooms(base, count) {
  const approver = await new Client(base).login('approver@madang.local');
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
  const category = await approver.call('POST', '/api/categories', {
    code: `drill-${Date.now()}`,
    name: { ko: '훈련', en: 'Drill' },
    rules: {
      openingHours: allDay,
      closures: [],
      slotStepMinutes: 60,
      minDurationMinutes: 60,
      maxDurationMinutes: 240,
      minNoticeMinutes: 0,
      maxAdvanceDays: 700,
      quotas: [],
      approval: { required: false },
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      pricing: { unit: 'hour', rate: 1000, deposit: 0, waivers: [] },
    },
  });
  if (category.status !== 201)
    throw new Error(`drill category: ${category.status} ${JSON.stringify(category.body)}`);
  const rooms = [];
  for (let i = 0; i < count; i++) {
    const r = await approver.call('POST', '/api/assets', {
      categoryId: category.body.id,
      kind: 'space',
      name: { ko: `훈련실 ${i}`, en: `Drill room ${i}` },
      capacity: 10,
    });
    if (r.status !== 201) throw new Error(`drill room: ${r.status}`);
    rooms.push(r.body.id);
  }
  return rooms;
}

/**
 * Booking load: `workers` residents' sessions creating bookings on distinct (room, hour) slots and
 * reading the catalogue, until `until()` says stop. Every outcome is recorded.
 */
export function bookingLoad({ clients, rooms, workers = 12, until, firstHour = 0 }) {
  const t0 = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 3);
  let next = firstHour * rooms.length;
  const outcomes = [];
  const acknowledged = [];
  const run = Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const client = clients[w % clients.length];
      for (let round = 0; !until() && round < 100_000; round++) {
        const sentAt = Date.now();
        if (round % 4 === 3) {
          const r = await client.call('GET', '/api/assets');
          outcomes.push({ kind: 'read', sentAt, at: Date.now(), ...r });
          continue;
        }
        const i = next++;
        const start = t0 + Math.floor(i / rooms.length) * 2 * 3_600_000;
        const r = await client.call('POST', '/api/bookings', {
          items: [{ assetId: rooms[i % rooms.length] }],
          start: new Date(start).toISOString(),
          end: new Date(start + 3_600_000).toISOString(),
          purpose: 'drill',
          attendees: 1,
        });
        outcomes.push({ kind: 'create', sentAt, at: Date.now(), ...r });
        if (r.status === 201) acknowledged.push(r.body.id);
        if (r.error === 'ECONNREFUSED') await sleep(50);
      }
    }),
  );
  return { run, outcomes, acknowledged, lastHour: () => Math.ceil(next / rooms.length) };
}

/** Tallies outcomes: "201", "500", "ECONNREFUSED", … */
export function tally(outcomes) {
  const counts = {};
  for (const o of outcomes) {
    const key = o.error ?? String(o.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.entries(counts)
    .sort()
    .map(([k, n]) => `${k}×${n}`)
    .join(' ');
}

const DRILL = `b.purpose = 'drill'`;

/** What a crash must not leave behind: lost acknowledged bookings, bookings without their items, audit or notice. */
export async function integrity(databaseUrl, acknowledged) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const present = await db.query('SELECT id FROM bookings WHERE id = ANY($1::uuid[])', [acknowledged]);
    const found = new Set(present.rows.map((r) => r.id));
    const lost = acknowledged.filter((id) => !found.has(id));
    const one = async (sql) => Number((await db.query(sql)).rows[0].n);
    return {
      acknowledged: acknowledged.length,
      lost: lost.length,
      lostIds: lost.slice(0, 5),
      bookings: await one(`SELECT count(*) AS n FROM bookings b WHERE ${DRILL}`),
      withoutItems: await one(
        `SELECT count(*) AS n FROM bookings b WHERE ${DRILL} AND NOT EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id)`,
      ),
      withoutAudit: await one(
        `SELECT count(*) AS n FROM bookings b WHERE ${DRILL} AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'booking' AND a.entity_id = b.id::text)`,
      ),
      withoutNotice: await one(
        `SELECT count(*) AS n FROM bookings b WHERE ${DRILL} AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.subject_type = 'booking' AND n.subject_id = b.id)`,
      ),
      holdMismatch: await one(
        'SELECT count(*) AS n FROM bookings b JOIN booking_items i ON i.booking_id = b.id WHERE i.holds_slot <> b.holds_slot',
      ),
      overlaps: await one(
        `SELECT count(*) AS n FROM booking_items x JOIN booking_items y ON x.asset_id = y.asset_id AND x.id < y.id
          AND x.during && y.during WHERE x.holds_slot AND y.holds_slot AND x.asset_kind <> 'equipment_pool'`,
      ),
    };
  } finally {
    await db.end();
  }
}

export function integrityOk(report) {
  return (
    report.lost === 0 &&
    report.withoutItems === 0 &&
    report.withoutAudit === 0 &&
    report.withoutNotice === 0 &&
    report.holdMismatch === 0 &&
    report.overlaps === 0
  );
}

export function printIntegrity(report) {
  console.log(
    `  acknowledged bookings ${report.acknowledged}, lost ${report.lost}${report.lost ? ` (e.g. ${report.lostIds.join(', ')})` : ''}; ` +
      `drill bookings in the database ${report.bookings} (${report.bookings - report.acknowledged + report.lost} committed but never acknowledged): without items ${report.withoutItems}, without audit row ${report.withoutAudit}, ` +
      `without notification ${report.withoutNotice}, hold flag differing from items ${report.holdMismatch}, overlapping held items ${report.overlaps}`,
  );
}

export async function cleanUp({ api, database }) {
  if (api && api.child.exitCode === null && api.child.signalCode === null) {
    api.child.kill('SIGTERM');
    await Promise.race([api.exited, sleep(15_000)]);
    if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
  }
  if (database) {
    await database.stop().catch(() => undefined);
    rmSync(database.dataDir, { recursive: true, force: true });
  }
}
