import type {
  ApprovalQueueItem,
  MeResponse,
  Page,
  ProblemDetails,
  AssetDetail,
  AssetSummary,
  AvailabilityResponse,
  BookingDto,
  CancellationTerms,
  NotificationDto,
  QuoteResponse,
} from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../test/test-app';

const SEOUL = 'Asia/Seoul';
/** A weekday `weeks` weeks ahead (1 = Monday), at a local hour. */
const slot = (weeks: number, weekday: number, hour: number, minutes = 60) => {
  const start = DateTime.now()
    .setZone(SEOUL)
    .startOf('week')
    .plus({ weeks, days: weekday - 1, hours: hour });
  return { start: start.toISO() as string, end: start.plus({ minutes }).toISO() as string };
};

describe('booking core (real PostgreSQL)', () => {
  let t: TestApp;
  let assets: AssetSummary[];
  const id = (nameEn: string) => (assets.find((a) => a.name.en === nameEn) as AssetSummary).id;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    assets = (await t.client().get<AssetSummary[]>('/api/assets')).body;
  });
  afterAll(() => t.close());

  it('lists the demo catalogue to the public, with filters', async () => {
    expect(assets.length).toBe(30);
    const spaces = await t.client().get<AssetSummary[]>('/api/assets?kind=space&minCapacity=10');
    expect(spaces.body.map((a) => a.name.en).sort()).toEqual([
      'Community Kitchen',
      'Hall',
      'Maker Space',
      'Meeting Room B',
    ]);
    const stepFree = await t.client().get<AssetSummary[]>('/api/assets?tags=hearing-loop');
    expect(stepFree.body.map((a) => a.name.en)).toEqual(['Hall']);
    const hall = await t.client().get<AssetDetail>(`/api/assets/${id('Hall')}`);
    expect(hall.body).toMatchObject({
      capacity: 80,
      approvalRequired: true,
      price: { unit: 'hour', rate: 30000 },
    });
    expect(hall.body.rules.closures.some((c) => c.from === '2026-12-25')).toBe(true);
    const bad = await t.client('en').get('/api/assets?minCapacity=lots&kind=castle');
    expect(bad.status).toBe(400);
    expect((bad.problem.errors ?? []).map((e) => e.field).sort()).toEqual(['kind', 'minCapacity']);
  });

  it('books a meeting room at once (auto-approved), and a second resident gets 409 naming the window, not the holder', async () => {
    const resident = await t.signIn('resident@madang.local');
    const { start, end } = slot(2, 1, 10);
    const created = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: id('Meeting Room B') }],
      start,
      end,
      purpose: '골목 지도 회의',
      attendees: 5,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      decision: 'approved',
      holdsSlot: true,
      payment: { status: 'quoted', quotedTotal: 10000 },
    });
    expect(created.body.quote.lines[0].label.ko).toContain('10,000원');

    const neighbour = await t.signIn('resident2@madang.local', 'en');
    const taken = await neighbour.post('/api/bookings', {
      items: [{ assetId: id('Meeting Room B') }],
      start,
      end,
      purpose: 'Knitting club',
      attendees: 4,
    });
    expect(taken.status).toBe(409);
    expect(taken.problem.code).toBe('slot_taken');
    expect(taken.problem.detail).toBe('That time is already taken.');
    const conflicts = taken.problem['conflicts'] as {
      start: string;
      end: string;
      assetName: { en: string };
    }[];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].assetName.en).toBe('Meeting Room B');
    // The 15-minute cleaning buffer after the booking is part of the held window.
    expect(Date.parse(conflicts[0].end) - Date.parse(end)).toBe(15 * 60_000);
    expect(JSON.stringify(taken.body)).not.toContain('김주민');

    // Inside the buffer is taken too; after it is free.
    const inBuffer = await neighbour.post('/api/bookings', {
      items: [{ assetId: id('Meeting Room B') }],
      start: end,
      end: DateTime.fromISO(end).plus({ hours: 1 }).toISO(),
      purpose: 'Right after',
      attendees: 2,
    });
    expect(inBuffer.status).toBe(409);
  });

  it('answers rule violations with 422 and every broken rule, in the reader’s language', async () => {
    const resident = await t.signIn('resident@madang.local', 'ko');
    const sunday = slot(2, 7, 10, 30);
    const result = await resident.post('/api/bookings', {
      items: [{ assetId: id('Meeting Room C') }],
      ...sunday,
      purpose: '일요일 회의',
      attendees: 9,
    });
    expect(result.status).toBe(422);
    expect(result.problem.code).toBe('rule_violation');
    const violations = result.problem['violations'] as {
      code: string;
      message: { ko: string; en: string };
    }[];
    expect(violations.map((v) => v.code).sort()).toEqual([
      'outside_opening_hours',
      'over_capacity',
      'too_short',
    ]);
    expect(violations.find((v) => v.code === 'over_capacity')?.message.ko).toContain('회의실 C');

    const backwards = await resident.post('/api/bookings', {
      items: [{ assetId: id('Meeting Room C') }],
      start: sunday.end,
      end: sunday.start,
      purpose: 'x',
      attendees: 1,
    });
    expect(backwards.status).toBe(422);
    expect((backwards.problem['violations'] as { code: string }[]).map((v) => v.code)).toContain(
      'invalid_range',
    );

    const unknown = await resident.post('/api/bookings', {
      items: [{ assetId: '00000000-0000-4000-8000-000000000000' }],
      ...slot(2, 2, 10),
      purpose: 'x',
      attendees: 1,
    });
    expect(unknown.status).toBe(422);
    expect((unknown.problem['violations'] as { code: string }[]).map((v) => v.code)).toEqual([
      'asset_unknown',
    ]);
  });

  it.each([
    [
      'wrong types',
      { items: 'room', start: 5, end: true, purpose: [], attendees: 'many' },
      ['attendees', 'end', 'items', 'purpose', 'start'],
    ],
    ['missing everything', {}, ['attendees', 'end', 'items', 'purpose', 'start']],
    [
      'no time zone',
      {
        items: [{ assetId: '00000000-0000-4000-8000-000000000000' }],
        start: '2026-12-01T10:00:00',
        end: '2026-12-01T11:00:00',
        purpose: 'x',
        attendees: 1,
      },
      ['end', 'start'],
    ],
    [
      'bad item',
      {
        items: [{ assetId: 'x', quantity: 0 }],
        start: '2026-12-01T10:00:00Z',
        end: '2026-12-01T11:00:00Z',
        purpose: 'x',
        attendees: 1,
      },
      ['items.0.assetId', 'items.0.quantity'],
    ],
    [
      'unknown field',
      {
        items: [{ assetId: '00000000-0000-4000-8000-000000000000' }],
        start: '2026-12-01T10:00:00Z',
        end: '2026-12-01T11:00:00Z',
        purpose: 'x',
        attendees: 1,
        price: 0,
      },
      ['price'],
    ],
  ])('rejects %s with 400 naming each field', async (_name, body, fields) => {
    const resident = await t.signIn('resident@madang.local', 'en');
    const result = await resident.post('/api/bookings', body);
    expect(result.status).toBe(400);
    expect([...new Set((result.problem.errors ?? []).map((e) => e.field))].sort()).toEqual(fields);
  });

  it('hides other people’s bookings (404) and needs a session (401)', async () => {
    const resident = await t.signIn('resident@madang.local');
    const mine = await resident.get<Page<BookingDto>>('/api/bookings');
    const other = await t.signIn('resident2@madang.local');
    for (const booking of mine.body.items.filter((b) => b.requester.displayName === '김주민')) {
      expect((await other.get(`/api/bookings/${booking.id}`)).status).toBe(404);
      expect((await other.post(`/api/bookings/${booking.id}/cancel`, {})).status).toBe(404);
    }
    expect((await t.client().get('/api/bookings')).status).toBe(401);
    expect((await other.get('/api/bookings?scope=all')).status).toBe(403);
    expect((await other.post(`/api/bookings/${mine.body.items[0].id}/approve`, {})).status).toBe(403);
  });

  it('runs the hall journey: pending, approved by the approver, seen approved with a notification', async () => {
    const resident = await t.signIn('resident@madang.local');
    const when = slot(2, 3, 14, 120);
    const requested = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: id('Hall') }],
      ...when,
      purpose: '마을 포럼',
      attendees: 60,
    });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ decision: 'pending', holdsSlot: true, approvalRequired: true });
    expect(requested.body.payment.quotedTotal).toBe(2 * 30000 + 50000);

    const approver = await t.signIn('approver@madang.local');
    const queue = await approver.get<Page<ApprovalQueueItem>>('/api/approvals/queue?limit=200');
    const queued = queue.body.items.find((q) => q.id === requested.body.id);
    expect(queued).toMatchObject({ overdue: false });
    expect(queued?.waitingMinutes).toBeGreaterThanOrEqual(0);
    expect(queued?.requesterHistory.approved).toBeGreaterThanOrEqual(1);

    const noReason = await approver.post(`/api/bookings/${requested.body.id}/reject`, {});
    expect(noReason.status).toBe(400);
    const approved = await approver.post<BookingDto>(`/api/bookings/${requested.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      decision: 'approved',
      decidedBy: { displayName: '이승인 (재단발전팀)' },
    });
    const again = await approver.post(`/api/bookings/${requested.body.id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.problem.code).toBe('state_conflict');

    const seen = await resident.get<BookingDto>(`/api/bookings/${requested.body.id}`);
    expect(seen.body.decision).toBe('approved');
    const notes = await resident.get<NotificationDto[]>('/api/notifications');
    expect(
      notes.body
        .filter((n) => n.bookingId === requested.body.id)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['booking.approved', 'booking.requested']);
    const audit = (await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      requested.body.id,
    ])) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['booking.requested', 'booking.approved']);
  });

  it('waives the hall fee for the resident team, keeps the deposit line at 0, and says so in the quote', async () => {
    const resident = await t.signIn('resident@madang.local');
    const me = (await resident.get<MeResponse>('/api/auth/me')).body;
    const quote = await resident.post<QuoteResponse>('/api/bookings/quote', {
      items: [{ assetId: id('Hall') }],
      ...slot(3, 2, 10, 180),
      purpose: '주민 팀 발표회',
      attendees: 50,
      groupId: me.groups[0].groupId,
    });
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({
      ok: true,
      approvalRequired: true,
      quote: { subtotal: 90000, waived: 90000, total: 0 },
    });
  });

  it('makes a retry with the same Idempotency-Key return the first answer, and refuses the key for another body', async () => {
    const resident = await t.signIn('resident@madang.local');
    const body = {
      items: [{ assetId: id('Desk 05') }],
      ...slot(2, 4, 9, 8 * 60),
      purpose: '원격 근무',
      attendees: 1,
    };
    const headers = { 'Idempotency-Key': `desk-${Date.now()}` };
    const first = await resident.post<BookingDto>('/api/bookings', body, { headers });
    const retry = await resident.post<BookingDto>('/api/bookings', body, { headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const other = await resident.post('/api/bookings', { ...body, purpose: '다른 목적' }, { headers });
    expect(other.status).toBe(422);
    expect(other.problem.code).toBe('idempotency_key_reused');
    expect(
      await t.db.query(`SELECT count(*)::int AS n FROM bookings WHERE idempotency_key = $1`, [
        headers['Idempotency-Key'],
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('lets 100 residents race for one room: exactly one wins, the rest get 409, none a 5xx', async () => {
    const racers: MadangClient[] = [];
    for (let i = 0; i < 100; i++) {
      const client = t.client();
      await client.get('/api/auth/csrf');
      racers.push(client);
    }
    const login = await t.signIn('resident2@madang.local');
    const session = login.cookie('madang_session') as string;
    for (const r of racers) r.setCookie('madang_session', session);
    const body = {
      items: [{ assetId: id('Meeting Room A') }],
      ...slot(3, 3, 15),
      purpose: 'storm',
      attendees: 2,
    };
    const results = await Promise.all(racers.map((r) => r.post('/api/bookings', body)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const held = await t.db.query(
      `SELECT count(*)::int AS n FROM booking_items WHERE asset_id = $1 AND holds_slot AND during && tstzrange($2, $3)`,
      [id('Meeting Room A'), body.start, body.end],
    );
    expect(held).toEqual([{ n: 1 }]);
  });

  it('never approves two overlapping requests, even when approvals race', async () => {
    // Two pending requests for the same hour that do not hold their slot (as after a release):
    // approving claims the slot, and the database lets exactly one claim through.
    const approver = await t.signIn('approver@madang.local');
    const resident = await t.signIn('resident@madang.local');
    const when = slot(4, 2, 16);
    const ids: string[] = [];
    for (const purpose of ['first', 'second', 'third']) {
      const created = await resident.post<BookingDto>('/api/bookings', {
        items: [{ assetId: id('Maker Space') }],
        ...when,
        purpose,
        attendees: 3,
      });
      expect(created.status).toBe(201);
      expect(created.body.decision).toBe('pending');
      ids.push(created.body.id);
      await t.db.query(`UPDATE bookings SET holds_slot = false WHERE id = $1`, [created.body.id]);
    }
    const racers = await Promise.all(
      ids.flatMap((bookingId) =>
        [0, 1, 2].map(() => approver.post(`/api/bookings/${bookingId}/approve`, {})),
      ),
    );
    expect(racers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(racers.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const approved = await t.db.query(
      `SELECT count(*)::int AS n FROM bookings WHERE id = ANY($1::uuid[]) AND decision = 'approved'`,
      [ids],
    );
    expect(approved).toEqual([{ n: 1 }]);
  });

  it('never over-commits a pool: 20 concurrent requests for 3 of 10 laptops → 3 succeed', async () => {
    const resident = await t.signIn('resident@madang.local');
    const when = slot(5, 2, 10, 240);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        resident.post('/api/bookings', {
          items: [{ assetId: id('Laptop'), quantity: 3 }],
          ...when,
          purpose: `workshop ${i}`,
          attendees: 3,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(17);
    const [{ held }] = await t.db.query(
      `SELECT coalesce(sum(quantity), 0)::int AS held FROM booking_items WHERE asset_id = $1 AND holds_slot AND during && tstzrange($2, $3)`,
      [id('Laptop'), when.start, when.end],
    );
    expect(held).toBeLessThanOrEqual(10);
    expect(held).toBe(9);
    // One more unit fits; two do not.
    expect(
      (
        await resident.post('/api/bookings', {
          items: [{ assetId: id('Laptop'), quantity: 2 }],
          ...when,
          purpose: 'two more',
          attendees: 2,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await resident.post('/api/bookings', {
          items: [{ assetId: id('Laptop'), quantity: 1 }],
          ...when,
          purpose: 'one more',
          attendees: 1,
        })
      ).status,
    ).toBe(201);
  });

  it('books several items all or nothing', async () => {
    const resident = await t.signIn('resident@madang.local');
    const when = slot(5, 4, 10, 120);
    const first = await resident.post('/api/bookings', {
      items: [{ assetId: id('PA system') }],
      ...when,
      purpose: 'PA only',
      attendees: 1,
    });
    expect(first.status).toBe(201);
    const both = await resident.post('/api/bookings', {
      items: [{ assetId: id('Meeting Room C') }, { assetId: id('PA system') }],
      ...when,
      purpose: 'room and PA',
      attendees: 4,
    });
    expect(both.status).toBe(409);
    const room = await t.db.query(
      `SELECT count(*)::int AS n FROM booking_items WHERE asset_id = $1 AND during && tstzrange($2, $3)`,
      [id('Meeting Room C'), when.start, when.end],
    );
    expect(room).toEqual([{ n: 0 }]);
  });

  it('keeps a booking’s terms when the rules change later', async () => {
    const approver = await t.signIn('approver@madang.local');
    const resident = await t.signIn('resident@madang.local');
    const booked = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: id('Community Kitchen') }],
      ...slot(6, 2, 10, 120),
      purpose: '김장 나눔',
      attendees: 10,
    });
    expect(booked.status).toBe(201);
    const changed = await approver.put<AssetDetail>(`/api/assets/${id('Community Kitchen')}/rules`, {
      rules: { pricing: { unit: 'hour', rate: 99000, deposit: 0, waivers: [] } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.rulesVersion).toBe(booked.body.items[0].rulesVersion + 1);
    const after = await resident.get<BookingDto>(`/api/bookings/${booked.body.id}`);
    expect(after.body.quote).toEqual(booked.body.quote);
    expect(after.body.items[0].rulesVersion).toBe(booked.body.items[0].rulesVersion);
    const badRules = await approver.put(`/api/assets/${id('Community Kitchen')}/rules`, {
      rules: { slotStepMinutes: -5, colour: 'red' },
    });
    expect(badRules.status).toBe(400);
  });

  it('cancels under the policy and frees the slot for someone else', async () => {
    const resident = await t.signIn('resident@madang.local');
    const neighbour = await t.signIn('resident2@madang.local');
    const when = slot(6, 3, 18);
    const booked = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: id('Meeting Room A') }],
      ...when,
      purpose: '저녁 모임',
      attendees: 4,
    });
    const cancelled = await resident.post<BookingDto>(`/api/bookings/${booked.body.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      decision: 'cancelled',
      holdsSlot: false,
      payment: { cancellationFee: 0 },
    });
    expect((await resident.post(`/api/bookings/${booked.body.id}/cancel`, {})).status).toBe(409);
    expect(
      (
        await neighbour.post('/api/bookings', {
          items: [{ assetId: id('Meeting Room A') }],
          ...when,
          purpose: 'taken over',
          attendees: 2,
        })
      ).status,
    ).toBe(201);
  });

  it('states the cancellation terms of the booked rule version, and cancelling charges exactly them', async () => {
    const requester = await t.signIn('resident2@madang.local');
    const stranger = await t.signIn('resident@madang.local');
    const approver = await t.signIn('approver@madang.local');
    const studio = id('Media Studio');
    const booked = await requester.post<BookingDto>('/api/bookings', {
      items: [{ assetId: studio }],
      ...slot(8, 2, 14, 120),
      purpose: '마을 라디오 녹음',
      attendees: 3,
    });
    expect(booked.status).toBe(201);
    const terms = `/api/bookings/${booked.body.id}/cancellation`;
    const early = await requester.get<CancellationTerms>(terms);
    expect(early.status).toBe(200);
    expect(early.body).toEqual({
      allowed: true,
      fee: 0,
      freeUntil: DateTime.fromISO(booked.body.start).minus({ hours: 24 }).toUTC().toISO(),
      violation: null,
      reasonRequired: false,
    });
    expect((await stranger.get(terms)).status).toBe(404);
    expect((await approver.get<CancellationTerms>(terms)).body).toMatchObject({
      fee: 0,
      reasonRequired: true,
    });

    // The studio's policy changes after booking; then the start comes within the 24-hour window.
    const changed = await approver.put(`/api/assets/${studio}/rules`, {
      rules: { cancellation: { freeUntilHoursBefore: 48, feePercent: 100 } },
    });
    expect(changed.status).toBe(200);
    await t.db.query(
      `UPDATE bookings SET start_at = now() + interval '3 hours', end_at = now() + interval '5 hours' WHERE id = $1`,
      [booked.body.id],
    );
    const rental = booked.body.quote.lines
      .filter((l) => l.kind !== 'deposit')
      .reduce((sum, l) => sum + l.amount, 0);
    expect(rental).toBeGreaterThan(0);
    const late = await requester.get<CancellationTerms>(terms);
    expect(late.body).toMatchObject({ allowed: true, fee: Math.round(rental * 0.3), violation: null });
    const cancelled = await requester.post<BookingDto>(`/api/bookings/${booked.body.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.payment).toMatchObject({ status: 'invoiced', cancellationFee: late.body.fee });
    expect((await requester.get(terms)).status).toBe(409);

    const started = await requester.post<BookingDto>('/api/bookings', {
      items: [{ assetId: studio }],
      ...slot(8, 3, 14, 60),
      purpose: '녹음 2회차',
      attendees: 2,
    });
    await t.db.query(
      `UPDATE bookings SET start_at = now() - interval '10 minutes', end_at = now() + interval '50 minutes' WHERE id = $1`,
      [started.body.id],
    );
    const refused = await requester.get<CancellationTerms>(`/api/bookings/${started.body.id}/cancellation`);
    expect(refused.body).toMatchObject({ allowed: false, fee: 0, violation: { code: 'cancel_after_start' } });
    expect((await requester.post(`/api/bookings/${started.body.id}/cancel`, {})).status).toBe(422);
    expect(
      (await approver.post(`/api/bookings/${started.body.id}/cancel`, { reason: '시설 점검' })).status,
    ).toBe(200);
  });

  it('computes free time per asset from opening hours, holidays and held (buffered) ranges', async () => {
    const day = DateTime.fromISO('2026-12-25T00:00:00', { zone: SEOUL });
    const christmas = await t
      .client()
      .get<AvailabilityResponse>(
        `/api/availability?from=${encodeURIComponent(day.toISO() as string)}&to=${encodeURIComponent(day.plus({ days: 1 }).toISO() as string)}&assetIds=${id('Meeting Room B')}`,
      );
    expect(christmas.status).toBe(200);
    expect(christmas.body.assets[0].open).toEqual([]);

    const monday = DateTime.fromISO(slot(2, 1, 0).start, { zone: SEOUL });
    const result = await t
      .client()
      .get<AvailabilityResponse>(
        `/api/availability?from=${encodeURIComponent(monday.toISO() as string)}&to=${encodeURIComponent(monday.plus({ days: 1 }).toISO() as string)}&assetIds=${id('Meeting Room B')}`,
      );
    const room = result.body.assets[0];
    const local = (iso: string) => DateTime.fromISO(iso, { zone: SEOUL }).toFormat('HH:mm');
    expect(room.open.map((i) => [local(i.start), local(i.end)])).toEqual([['09:00', '22:00']]);
    expect(room.free.map((i) => [local(i.start), local(i.end)])).toEqual([
      ['09:00', '10:00'],
      ['11:15', '22:00'],
    ]);
    // `+09:00` sent without encoding arrives as ` 09:00`; it is read as the offset it was.
    const unencoded = await t
      .client()
      .get<AvailabilityResponse>(
        `/api/availability?from=${monday.toISO()}&to=${monday.plus({ days: 1 }).toISO()}&assetIds=${id('Meeting Room B')}`,
      );
    expect(monday.toISO()).toContain('+09:00');
    expect(unencoded.status).toBe(200);
    expect(unencoded.body.assets[0].free).toEqual(room.free);
    const tooLong = await t
      .client('en')
      .get(`/api/availability?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z`);
    // Bounded work per request: a range past the cap is 422 range_too_long naming the field (issue 7).
    expect(tooLong.status).toBe(422);
    expect((tooLong.body as ProblemDetails).code).toBe('range_too_long');
    expect((tooLong.body as ProblemDetails).errors?.[0].field).toBe('to');
  });
});
