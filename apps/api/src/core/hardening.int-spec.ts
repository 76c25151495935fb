import type { AssetSummary, BookingDto, ProblemDetails, QuoteResponse } from '@madang/contracts';
import { DateTime } from 'luxon';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../test/test-app';

const SEOUL = 'Asia/Seoul';
const slot = (weeks: number, weekday: number, hour: number, minutes = 60) => {
  const start = DateTime.now()
    .setZone(SEOUL)
    .startOf('week')
    .plus({ weeks, days: weekday - 1, hours: hour });
  return { start: start.toISO() as string, end: start.plus({ minutes }).toISO() as string };
};
const fields = (body: unknown) => ((body as ProblemDetails).errors ?? []).map((e) => `${e.field}:${e.code}`);

/** The outside run's inputs, each answered with a 4xx naming the field — never a 5xx or a stall. */
describe('hardening (real PostgreSQL)', () => {
  let t: TestApp;
  let assets: AssetSummary[];
  const id = (nameEn: string) => (assets.find((a) => a.name.en === nameEn) as AssetSummary).id;
  const web = mkdtempSync(join(tmpdir(), 'madang-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><html><body><app-root></app-root></body></html>');
  writeFileSync(join(web, 'main-ABCDEF12.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
  mkdirSync(join(web, 'fonts/pretendard-1.3.9'), { recursive: true });
  writeFileSync(join(web, 'fonts/pretendard-1.3.9/PretendardVariable.subset.0.woff2'), 'wOF2');
  writeFileSync(join(web, 'fonts/loose.woff2'), 'wOF2');

  beforeAll(async () => {
    t = await startTestApp({ demo: true, env: { REGISTER_MAX_PER_ADDRESS: '4', WEB_DIST_DIR: web } });
    assets = (await t.client().get<AssetSummary[]>('/api/assets')).body;
  });
  afterAll(() => t.close());

  describe('bounded work per request', () => {
    it('refuses freeFrom/freeTo ten years apart with 422 naming freeTo, at once', async () => {
      const started = Date.now();
      const res = await t
        .client('en')
        .get('/api/assets?freeFrom=2026-12-01T00:00:00Z&freeTo=2036-12-01T00:00:00Z');
      expect(res.status).toBe(422);
      expect((res.body as ProblemDetails).code).toBe('range_too_long');
      expect(fields(res.body)).toEqual(['freeTo:span_too_long']);
      expect(Date.now() - started).toBeLessThan(2000);
      const ok = await t
        .client()
        .get('/api/assets?freeFrom=2026-12-01T00:00:00Z&freeTo=2026-12-08T00:00:00Z');
      expect(ok.status).toBe(200);
    });

    it('refuses a quote or booking whose end is centuries away with 422 naming end', async () => {
      const resident = await t.signIn('resident@madang.local', 'en');
      const body = {
        items: [{ assetId: id('Meeting Room B') }],
        start: '2026-12-01T10:00:00+09:00',
        end: '2626-12-01T10:00:00+09:00',
        purpose: 'x',
        attendees: 1,
      };
      for (const path of ['/api/bookings/quote', '/api/bookings']) {
        const started = Date.now();
        const res = await resident.post(path, body);
        expect(res.status).toBe(422);
        expect(fields(res.body)).toEqual(['end:span_too_long']);
        expect(Date.now() - started).toBeLessThan(2000);
      }
      expect((await t.client().get('/api/ready')).status).toBe(200);
    });

    it('refuses availability and list filters beyond their caps with 422', async () => {
      const availability = await t
        .client()
        .get('/api/availability?from=2026-01-01T00:00:00Z&to=2036-01-01T00:00:00Z');
      expect(availability.status).toBe(422);
      expect(fields(availability.body)).toEqual(['to:span_too_long']);
      const resident = await t.signIn('resident@madang.local');
      const list = await resident.get('/api/bookings?from=2026-01-01T00:00:00Z&to=2036-01-01T00:00:00Z');
      expect(list.status).toBe(422);
    });
  });

  describe('one input gate', () => {
    it('refuses JSON nested 5000 deep with 400 before parsing, on any JSON route', async () => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const deepObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
      for (const [path, raw] of [
        ['/api/auth/login', deep],
        ['/api/auth/register', deepObject],
      ]) {
        const res = await t.client('en').request('POST', path, undefined, { raw });
        expect(res.status).toBe(400);
        expect(fields(res.body)).toEqual(['body:too_deep']);
      }
      // 32 levels are fine (then the DTO decides).
      const ok = await t.client().request('POST', '/api/auth/login', undefined, {
        raw: '{"email":' + '['.repeat(31) + ']'.repeat(31) + '}',
      });
      expect(ok.status).toBe(400);
      expect(fields(ok.body)).not.toContain('body:too_deep');
    });

    it('refuses NUL in a name, in a nested key and in a query value with 400 naming the field', async () => {
      const admin = await t.signIn('admin@madang.local', 'en');
      const name = await admin.post('/api/groups', { name: 'bad\u0000name', kind: 'ngo' });
      expect(name.status).toBe(400);
      expect(fields(name.body)).toEqual(['name:nul_character']);
      const nestedKey = await admin.post('/api/groups', { name: 'ok', kind: 'ngo', x: { 'k\u0000': 1 } });
      expect(nestedKey.status).toBe(400);
      expect(fields(nestedKey.body)).toEqual(['x:nul_character']);
      const query = await t.client().get('/api/assets?tags=%00');
      expect(query.status).toBe(400);
      expect(fields(query.body)).toEqual(['tags:nul_character']);
    });

    it('refuses a lone surrogate in an e-mail with 400', async () => {
      const res = await t.client().post('/api/auth/login', { email: 'a\ud800@example.kr', password: 'x' });
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual(['email:lone_surrogate']);
    });

    it.each([
      ['basic format', '20261201T100000Z'],
      ['offset out of range', '2026-12-01T10:00:00-23:59'],
      ['basic offset', '2026-12-01T10:00:00+0900'],
      ['no zone', '2026-12-01T10:00:00'],
      ['impossible date', '2026-02-30T10:00:00Z'],
    ])('refuses instants in %s with 400 not_date', async (_name, instant) => {
      const resident = await t.signIn('resident@madang.local', 'en');
      const res = await resident.post('/api/bookings/quote', {
        items: [{ assetId: id('Meeting Room B') }],
        start: instant,
        end: '2026-12-01T12:00:00+09:00',
        purpose: 'x',
        attendees: 1,
      });
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual(['start:not_date']);
      const query = await t
        .client()
        .get(`/api/availability?from=${encodeURIComponent(instant)}&to=2026-12-02T00:00:00Z`);
      expect(query.status).toBe(400);
      expect(fields(query.body)).toEqual(['from:not_date']);
    });
  });

  describe('rules are data with a schema', () => {
    it.each([
      [{ eligibility: { roles: 'admin' } }, ['rules.eligibility.roles:not_array']],
      [
        { eligibility: { groupKinds: [1, 2] } },
        ['rules.eligibility.groupKinds[0]:not_in', 'rules.eligibility.groupKinds[1]:not_in'],
      ],
      [{ windowOverrides: [{ roles: 'resident' }] }, ['rules.windowOverrides[0].roles:not_array']],
    ])('refuses %j with 400 and the path, and later quotes still work', async (rules, expected) => {
      const admin = await t.signIn('approver@madang.local', 'en');
      const asset = await admin.put(`/api/assets/${id('Meeting Room B')}/rules`, { rules });
      expect(asset.status).toBe(400);
      expect(fields(asset.body)).toEqual(expected);
      const categoryId = assets.find((a) => a.name.en === 'Meeting Room B')?.categoryId;
      const category = await admin.put(`/api/categories/${categoryId}/rules`, { rules });
      expect(category.status).toBe(400);
      const resident = await t.signIn('resident@madang.local');
      const quote = await resident.post<QuoteResponse>('/api/bookings/quote', {
        items: [{ assetId: id('Meeting Room B') }],
        ...slot(2, 2, 10),
        purpose: 'x',
        attendees: 1,
      });
      expect(quote.status).toBe(200);
    });
  });

  describe('PATCH semantics', () => {
    it('refuses null for non-nullable fields and wrong JSON types with 400, clears nullable ones', async () => {
      const manager = await t.signIn('approver@madang.local', 'en');
      const room = id('Meeting Room B');
      const cases: [unknown, string][] = [
        [{ name: null }, 'name:not_null'],
        [{ location: null }, 'location:not_null'],
        [{ name: [] }, 'name:not_object'],
        [{ active: null }, 'active:not_null'],
      ];
      for (const [body, expected] of cases) {
        const res = await manager.patch(`/api/assets/${room}`, body);
        expect(res.status).toBe(400);
        expect(fields(res.body)).toContain(expected);
      }
      const cleared = await manager.patch<{ capacity: number | null }>(`/api/assets/${room}`, {
        capacity: null,
      });
      expect(cleared.status).toBe(200);
      expect(cleared.body.capacity).toBeNull();
      const admin = await t.signIn('admin@madang.local', 'en');
      const groups = await admin.get<{ id: string }[]>('/api/groups');
      const group = await admin.patch(`/api/groups/${groups.body[0].id}`, { name: null });
      expect(group.status).toBe(400);
      const resident = await t.signIn('resident@madang.local');
      expect((await resident.patch('/api/auth/me', { displayName: null })).status).toBe(400);
      expect((await resident.patch('/api/auth/me', { locale: [] })).status).toBe(400);
    });
  });

  describe('throttles that hold under concurrency', () => {
    it('answers 30 parallel wrong passwords with at most the limit of 401s, the rest 429', async () => {
      await t.client().register('parallel@example.kr', 'Parallel', 'parallel secret 123');
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          t.client().post('/api/auth/login', { email: 'parallel@example.kr', password: `wrong guess ${i}` }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(
        t.config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      );
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(
        30 - t.config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      );
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      // The right password is refused too while the account is locked.
      expect(
        (
          await t
            .client()
            .post('/api/auth/login', { email: 'parallel@example.kr', password: 'parallel secret 123' })
        ).status,
      ).toBe(429);
    });

    it('throttles the current-password check of a password change', async () => {
      const resident = await t.signIn('resident2@madang.local');
      const statuses: number[] = [];
      for (let i = 0; i < t.config.LOGIN_MAX_FAILURES_PER_ACCOUNT + 1; i++) {
        const res = await resident.post('/api/auth/password', {
          currentPassword: `wrong ${i}`,
          newPassword: 'a brand new secret 42',
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, -1).every((s) => s === 422)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    });

    it('throttles registration per address', async () => {
      // REGISTER_MAX_PER_ADDRESS=4 here; one registration above already counted.
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await t.client().post('/api/auth/register', {
          email: `many${i}@example.kr`,
          password: 'a fine secret 123',
          displayName: `Many ${i}`,
          locale: 'ko',
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    });
  });

  describe('headers and caching', () => {
    it('sends security headers and no-store on personal answers', async () => {
      const resident = await t.signIn('resident@madang.local');
      const me = await resident.get('/api/auth/me');
      expect(me.headers.get('cache-control')).toBe('no-store');
      const csp = me.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      expect(me.headers.get('x-content-type-options')).toBe('nosniff');
      expect(me.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(me.headers.get('permissions-policy')).toContain('camera=()');
      const audit = await (await t.signIn('admin@madang.local')).get('/api/audit');
      expect(audit.headers.get('cache-control')).toBe('no-store');
    });

    it('caches fonts in a versioned folder for a year, and revalidates other unhashed files', async () => {
      const font = await fetch(`${t.baseUrl}/fonts/pretendard-1.3.9/PretendardVariable.subset.0.woff2`);
      expect(font.status).toBe(200);
      expect(font.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const loose = await fetch(`${t.baseUrl}/fonts/loose.woff2`);
      expect(loose.status).toBe(200);
      expect(loose.headers.get('cache-control')).toBe('no-cache');
    });

    it('caches hashed static files for a year, revalidates index.html, and compresses', async () => {
      const asset = await fetch(`${t.baseUrl}/main-ABCDEF12.js`, { headers: { 'accept-encoding': 'br' } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
      // A built file carries no session, CSRF cookie or page policy: those come with the page.
      expect(asset.headers.get('set-cookie')).toBeNull();
      expect(asset.headers.get('content-encoding')).toBe('br');
      const gzip = await fetch(`${t.baseUrl}/main-ABCDEF12.js`, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      const index = await fetch(`${t.baseUrl}/bookings`, { headers: { accept: 'text/html' } });
      expect(index.status).toBe(200);
      expect(index.headers.get('cache-control')).toBe('no-cache');
      expect(index.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(index.headers.get('x-frame-options')).toBe('DENY');
    });
  });

  describe('separation of duties and fair holding', () => {
    it('does not let an approver decide their own request; another approver may, and the audit says who', async () => {
      // A second approver: the admin is given the approver role too.
      await t.db.query(
        `INSERT INTO user_roles (user_id, role) SELECT id, 'approver' FROM users WHERE email = 'admin@madang.local'`,
      );
      const admin = await t.signIn('admin@madang.local');
      const room = id('Meeting Room B');
      const rules = await admin.put(`/api/assets/${room}/rules`, {
        rules: { approval: { required: true, autoApproveRoles: [], autoApproveGroupKinds: [] } },
      });
      expect(rules.status).toBe(200);
      const approver = await t.signIn('approver@madang.local', 'en');
      const booking = await approver.post<BookingDto>('/api/bookings', {
        items: [{ assetId: room }],
        ...slot(3, 2, 10),
        purpose: 'team meeting',
        attendees: 3,
      });
      expect(booking.status).toBe(201);
      expect(booking.body.decision).toBe('pending');
      const own = await approver.post(`/api/bookings/${booking.body.id}/approve`, {});
      expect(own.status).toBe(403);
      expect((own.body as ProblemDetails).code).toBe('own_request');
      expect((await approver.post(`/api/bookings/${booking.body.id}/reject`, { reason: 'x' })).status).toBe(
        403,
      );
      const byOther = await admin.post<BookingDto>(`/api/bookings/${booking.body.id}/approve`, {});
      expect(byOther.status).toBe(200);
      const [row] = (await t.db.query(
        `SELECT a.actor_id, u.email FROM audit_log a JOIN users u ON u.id = a.actor_id
          WHERE a.entity_id = $1 AND a.action = 'booking.approved'`,
        [booking.body.id],
      )) as { email: string }[];
      expect(row.email).toBe('admin@madang.local');
    });

    it('caps pending slot-holding requests per person and asset with 422 and a rule sentence', async () => {
      const approver = await t.signIn('approver@madang.local');
      const room = id('Meeting Room B');
      await approver.put(`/api/assets/${room}/rules`, {
        rules: {
          approval: { required: true, autoApproveRoles: [], autoApproveGroupKinds: [] },
          maxPendingPerPerson: 1,
        },
      });
      const resident = await t.signIn('resident@madang.local', 'en');
      const first = await resident.post('/api/bookings', {
        items: [{ assetId: room }],
        ...slot(3, 3, 10),
        purpose: 'one',
        attendees: 2,
      });
      expect(first.status).toBe(201);
      const second = await resident.post('/api/bookings', {
        items: [{ assetId: room }],
        ...slot(3, 4, 10),
        purpose: 'two',
        attendees: 2,
      });
      expect(second.status).toBe(422);
      const violations = (
        second.body as { violations: { code: string; message: { ko: string; en: string } }[] }
      ).violations;
      expect(violations.map((v) => v.code)).toEqual(['too_many_pending']);
      expect(violations[0].message.ko).toContain('승인을 기다리는');
    });
  });

  describe('database down', () => {
    it('answers 503 with Retry-After and readiness false while the database cannot be reached', async () => {
      const pool = (t.db.driver as unknown as { master: { options: { connectionString: string } } }).master;
      const url = pool.options.connectionString;
      const name = url.slice(url.lastIndexOf('/') + 1);
      pool.options.connectionString = 'postgres://127.0.0.1:1/dead';
      const admin = new (await import('pg')).Client({
        connectionString: `${process.env['MADANG_TEST_SERVER_URL']}/postgres`,
      });
      await admin.connect();
      try {
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
          name,
        ]);
        await new Promise((r) => setTimeout(r, 200));
        for (const path of ['/api/ready', '/api/assets', '/api/categories']) {
          const res = await t.client().get(path);
          expect(res.status).toBe(503);
          expect(res.headers.get('retry-after')).toBe('5');
          expect((res.body as ProblemDetails).code).toBe('service_unavailable');
          expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|at .*\.js|postgres:/);
        }
      } finally {
        pool.options.connectionString = url;
        await admin.end();
      }
      expect((await t.client().get('/api/ready')).status).toBe(200);
    });
  });
});
