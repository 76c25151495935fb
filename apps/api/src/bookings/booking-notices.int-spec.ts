import type { AssetSummary, BookingDto, MeResponse, NotificationDto, Page } from '@madang/contracts';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../test/test-app';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';

const SEOUL = 'Asia/Seoul';
const slot = (weeks: number, weekday: number, hour: number, minutes = 60) => {
  const start = DateTime.now()
    .setZone(SEOUL)
    .startOf('week')
    .plus({ weeks, days: weekday - 1, hours: hour });
  return { start: start.toISO() as string, end: start.plus({ minutes }).toISO() as string };
};

describe('booking notices, the booking insert and typed transitions (real PostgreSQL)', () => {
  let t: TestApp;
  let hall: string;
  let room: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    const assets = (await t.client().get<AssetSummary[]>('/api/assets')).body;
    const named = (en: string) => (assets.find((a) => a.name.en === en) as AssetSummary).id;
    hall = named('Hall');
    room = named('Meeting Room B');
  });
  afterAll(() => t.close());

  it('writes every field of the named booking record to its column, items included', async () => {
    const resident = await t.signIn('resident@madang.local');
    const when = slot(5, 2, 10, 90);
    const created = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: room }],
      ...when,
      purpose: '기록 확인',
      purposeTag: 'public_interest',
      attendees: 4,
    });
    expect(created.status).toBe(201);
    const [row] = (await t.db.query(
      `SELECT b.requester_id, b.group_id, b.purpose, b.purpose_tag, b.attendees, b.start_at, b.end_at, b.holds_slot,
              b.decision, b.payment_status, b.quoted_total, b.quote, b.approval_required, b.request_hash,
              i.asset_id, i.asset_kind, i.quantity, i.rules_version, lower(i.during) AS during_start, i.holds_slot AS item_holds
         FROM bookings b JOIN booking_items i ON i.booking_id = b.id WHERE b.id = $1`,
      [created.body.id],
    )) as Record<string, unknown>[];
    expect(row).toMatchObject({
      requester_id: created.body.requester.id,
      group_id: null,
      purpose: '기록 확인',
      purpose_tag: 'public_interest',
      attendees: 4,
      holds_slot: true,
      decision: created.body.decision,
      payment_status: created.body.payment.status,
      quoted_total: created.body.payment.quotedTotal,
      quote: created.body.quote,
      approval_required: created.body.approvalRequired,
      asset_id: room,
      asset_kind: 'space',
      quantity: 1,
      rules_version: created.body.items[0].rulesVersion,
      item_holds: true,
    });
    expect((row['start_at'] as Date).toISOString()).toBe(new Date(when.start).toISOString());
    expect((row['end_at'] as Date).toISOString()).toBe(new Date(when.end).toISOString());
    expect(row['request_hash']).toMatch(/^[0-9a-f]{64}$/);
    expect((row['during_start'] as Date).getTime()).toBeLessThanOrEqual(Date.parse(when.start));
  });

  it('tells approvers who want each request, not those who chose the daily digest, and the digest tells those', async () => {
    const approver = await t.signIn('approver@madang.local');
    const admin = await t.signIn('admin@madang.local');
    const me = await admin.get<MeResponse>('/api/auth/me');
    expect((await admin.put(`/api/users/${me.body.id}/roles/approver`)).status).toBe(200);
    const digest = await admin.patch<MeResponse>('/api/auth/me', { approvalNotices: 'daily_digest' });
    expect(digest.status).toBe(200);
    expect(digest.body.approvalNotices).toBe('daily_digest');
    const resident = await t.signIn('resident@madang.local');
    const requested = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: hall }],
      ...slot(6, 3, 14, 120),
      purpose: '주민 총회',
      attendees: 50,
    });
    expect(requested.body.decision).toBe('pending');

    const forApprover = (await approver.get<NotificationDto[]>('/api/notifications')).body.filter(
      (n) => n.subject.type === 'booking' && n.subject.id === requested.body.id,
    );
    expect(forApprover.map((n) => n.kind)).toEqual(['booking.awaiting_decision']);
    expect(forApprover[0].body.ko).toContain(requested.body.requester.displayName);
    expect(forApprover[0].body.en).toMatch(/Hall/);
    const forAdmin = (await admin.get<NotificationDto[]>('/api/notifications')).body;
    expect(forAdmin.filter((n) => n.subject.id === requested.body.id)).toEqual([]);

    const notified = await t.app.get(BookingsService).sendApprovalDigest();
    expect(notified).toBeGreaterThanOrEqual(1);
    const digests = (await admin.get<NotificationDto[]>('/api/notifications')).body.filter(
      (n) => n.kind === 'booking.approval_digest',
    );
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toEqual({ type: 'approval_queue', id: null });
    expect(digests[0].title.en).toMatch(/^\d+ booking requests waiting$/);
    // Approvers who want each request get no digest.
    const approverDigests = (await approver.get<NotificationDto[]>('/api/notifications')).body.filter(
      (n) => n.kind === 'booking.approval_digest',
    );
    expect(approverDigests).toEqual([]);
  });

  it('decides from the state read under the lock: a cancel racing an approval leaves one consistent outcome', async () => {
    const resident = await t.signIn('resident@madang.local');
    const approver = await t.signIn('approver@madang.local');
    for (const week of [3, 4, 5]) {
      const requested = await resident.post<BookingDto>('/api/bookings', {
        items: [{ assetId: hall }],
        ...slot(week, 2, 16, 60),
        purpose: '경합',
        attendees: 10,
      });
      expect(requested.body).toMatchObject({ decision: 'pending' });
      const [approve, cancel] = await Promise.all([
        approver.post<BookingDto>(`/api/bookings/${requested.body.id}/approve`, {}),
        resident.post<BookingDto>(`/api/bookings/${requested.body.id}/cancel`, {}),
      ]);
      expect(cancel.body).toMatchObject({ decision: 'cancelled' });
      expect([200, 409]).toContain(approve.status);
      const audit = (await t.db.query(
        `SELECT action, before->>'decision' AS before FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [requested.body.id],
      )) as { action: string; before: string | null }[];
      // Whichever ran second saw, under the lock, the state the first one left.
      expect(audit).toEqual(
        approve.status === 200
          ? [
              { action: 'booking.requested', before: null },
              { action: 'booking.approved', before: 'pending' },
              { action: 'booking.cancelled', before: 'approved' },
            ]
          : [
              { action: 'booking.requested', before: null },
              { action: 'booking.cancelled', before: 'pending' },
            ],
      );
    }
  });

  it('keeps who decided a booking (RESTRICT) and lets a role grant outlive its granter (SET NULL)', async () => {
    const person = async (email: string) => {
      const [{ id }] = (await t.db.query(
        `INSERT INTO users (email, email_normalized, display_name, password_hash) VALUES ($1, $1, 'x', 'x') RETURNING id`,
        [email],
      )) as { id: string }[];
      return id;
    };
    const decider = await person('decider@example.org');
    const [{ id: booking }] = (await t.db.query(`SELECT id FROM bookings LIMIT 1`)) as { id: string }[];
    await t.db.query(`UPDATE bookings SET decided_by = $1 WHERE id = $2`, [decider, booking]);
    await expect(t.db.query(`DELETE FROM users WHERE id = $1`, [decider])).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'bookings_decided_by_fkey' }),
    });
    const granter = await person('granter@example.org');
    const grantee = await person('grantee@example.org');
    await t.db.query(`INSERT INTO user_roles (user_id, role, granted_by) VALUES ($1, 'reviewer', $2)`, [
      grantee,
      granter,
    ]);
    await t.db.query(`DELETE FROM users WHERE id = $1`, [granter]);
    const [role] = (await t.db.query(`SELECT granted_by FROM user_roles WHERE user_id = $1`, [grantee])) as {
      granted_by: string | null;
    }[];
    expect(role).toEqual({ granted_by: null });
  });

  it('counts a locked booking as found and an unknown id as not found', async () => {
    const repository = t.app.get(BookingsRepository);
    const [{ id }] = (await t.db.query(`SELECT id FROM bookings LIMIT 1`)) as { id: string }[];
    await t.db.transaction(async (tx) => {
      expect(await repository.lock(tx, id)).toBe(true);
      expect(await repository.lock(tx, '00000000-0000-4000-8000-000000000000')).toBe(false);
    });
  });

  it('keeps page totals right past the last page (users, audit, bookings)', async () => {
    const admin = await t.signIn('admin@madang.local');
    const approver = await t.signIn('approver@madang.local');
    for (const [client, path] of [
      [admin, '/api/users'],
      [admin, '/api/audit'],
      [approver, '/api/bookings?scope=all'],
    ] as const) {
      const first = await client.get<Page<unknown>>(`${path}${path.includes('?') ? '&' : '?'}limit=1`);
      expect(first.body.total).toBeGreaterThan(0);
      const past = await client.get<Page<unknown>>(
        `${path}${path.includes('?') ? '&' : '?'}limit=1&offset=${first.body.total + 5}`,
      );
      expect(past.status).toBe(200);
      expect(past.body.items).toEqual([]);
      expect(past.body.total).toBe(first.body.total);
    }
  });
});

describe('the approval queue pages past 500 requests (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('counts and pages every pending request, in waiting order', async () => {
    const [{ id: requester }] = (await t.db.query(
      `SELECT id FROM users WHERE email = 'resident@madang.local'`,
    )) as { id: string }[];
    await t.db.query(
      `INSERT INTO bookings (requester_id, purpose, attendees, start_at, end_at, holds_slot, decision, payment_status,
                             quoted_total, quote, approval_required, created_at)
       SELECT $1, 'bulk ' || i, 1, now() + make_interval(days => 30, hours => i), now() + make_interval(days => 30, hours => i, mins => 30),
              false, 'pending', 'quoted', 0, '{"currency":"KRW","lines":[],"subtotal":0,"waived":0,"deposit":0,"total":0}',
              true, now() - make_interval(mins => 1000 - i)
         FROM generate_series(1, 520) i`,
      [requester],
    );
    const approver = await t.signIn('approver@madang.local');
    const first = await approver.get<Page<{ id: string; purpose: string }>>('/api/approvals/queue?limit=200');
    expect(first.status).toBe(200);
    expect(first.body.total).toBeGreaterThanOrEqual(520);
    expect(first.body.items).toHaveLength(200);
    const pages = [first.body.items];
    for (let offset = 200; offset < first.body.total; offset += 200) {
      const page = await approver.get<Page<{ id: string; purpose: string }>>(
        `/api/approvals/queue?limit=200&offset=${offset}`,
      );
      expect(page.body.total).toBe(first.body.total);
      pages.push(page.body.items);
    }
    const all = pages.flat();
    expect(all).toHaveLength(first.body.total);
    expect(new Set(all.map((b) => b.id)).size).toBe(all.length);
    const bulk = all.filter((b) => b.purpose.startsWith('bulk ')).map((b) => Number(b.purpose.slice(5)));
    expect(bulk).toEqual([...bulk].sort((a, b) => a - b));
    expect((await approver.get('/api/approvals/queue?limit=201')).status).toBe(400);
  });
});
