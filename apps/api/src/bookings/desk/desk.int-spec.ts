import type {
  AssetPartDto,
  AssetSummary,
  BookingDto,
  CheckInDto,
  CustodyDto,
  DepositRetentionDto,
  DeskDayDto,
  DeskItem,
  FileUploadResult,
  JobsHealth,
  NotificationDto,
  ProblemDetails,
  PaymentView,
} from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { DateTime } from 'luxon';
import { QueryFailedError } from 'typeorm';
import { startTestApp, TestApp } from '../../test/test-app';
import { CheckInService } from './check-in.service';
import { CustodyService } from './custody.service';
import { NO_SHOW_CRON, OVERDUE_CRON } from './desk-jobs';

const SEOUL = 'Asia/Seoul';
const slot = (weeks: number, weekday: number, hour: number, minutes = 60) => {
  const start = DateTime.now()
    .setZone(SEOUL)
    .startOf('week')
    .plus({ weeks, days: weekday - 1, hours: hour });
  return { start: start.toISO() as string, end: start.plus({ minutes }).toISO() as string };
};
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const today = () => DateTime.now().setZone(SEOUL).toISODate() as string;
const pgError = (error: unknown) =>
  error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : {};

describe('the desk: kits, custody, deposit kept, check-in and no-shows (real PostgreSQL)', () => {
  let t: TestApp;
  let assets: AssetSummary[];
  let approver: MadangClient;
  let ops: MadangClient;
  let resident: MadangClient;
  let neighbour: MadangClient;
  const id = (nameEn: string) => (assets.find((a) => a.name.en === nameEn) as AssetSummary).id;

  /** Moves a booking (and its items, unbuffered) to start `minutes` from now — what time itself would do. */
  const moveTo = async (bookingId: string, minutesFromNow: number, lengthMinutes = 60) => {
    await t.db.query(
      `UPDATE booking_items SET during = tstzrange(now() + make_interval(mins => $2), now() + make_interval(mins => $2 + $3))
        WHERE booking_id = $1`,
      [bookingId, minutesFromNow, lengthMinutes],
    );
    await t.db.query(
      `UPDATE bookings SET start_at = now() + make_interval(mins => $2), end_at = now() + make_interval(mins => $2 + $3) WHERE id = $1`,
      [bookingId, minutesFromNow, lengthMinutes],
    );
  };

  /** A hand-out photo as the desk's browser sends it (multipart, through the files service). */
  const uploadPhoto = async (client: MadangClient, handoutId: string) => {
    const form = new FormData();
    form.append('ownerType', 'custody_handout');
    form.append('ownerId', handoutId);
    form.append('purpose', 'photo');
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'lens.png');
    if (!client.cookie('XSRF-TOKEN')) await client.get('/api/auth/csrf');
    const cookie = ['madang_session', 'XSRF-TOKEN'].map((n) => `${n}=${client.cookie(n)}`).join('; ');
    const response = await fetch(`${t.baseUrl}/api/files`, {
      method: 'POST',
      body: form,
      headers: { cookie, 'X-XSRF-TOKEN': client.cookie('XSRF-TOKEN') ?? '' },
    });
    return { status: response.status, body: (await response.json()) as FileUploadResult & ProblemDetails };
  };

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    assets = (await t.client().get<AssetSummary[]>('/api/assets')).body;
    approver = await t.signIn('approver@madang.local', 'en');
    ops = await t.signIn('operations@madang.local', 'en');
    resident = await t.signIn('resident@madang.local', 'en');
    neighbour = await t.signIn('resident2@madang.local', 'en');
  }, 60000);
  afterAll(() => t.close());

  it('kits: the demo camera kit has six parts; catalogue managers edit them as one ordered list', async () => {
    const kit = id('Camera kit');
    const parts = await t.client().get<AssetPartDto[]>(`/api/assets/${kit}/parts`);
    expect(parts.body.map((p) => p.name.en)).toEqual([
      'Camera body',
      'Lens 24–70mm',
      'Lens 50mm',
      'Tripod',
      'Battery 1',
      'Battery 2',
    ]);
    const pa = id('PA system');
    expect((await resident.put(`/api/assets/${pa}/parts`, { parts: [] })).status).toBe(403);
    const bad = await approver.put(`/api/assets/${pa}/parts`, {
      parts: [{ name: { ko: '', en: 'Mixer' }, quantity: 0 }],
    });
    expect(bad.status).toBe(400);
    expect((bad.problem.errors ?? []).map((e) => e.field).sort()).toEqual([
      'parts.0.name.ko',
      'parts.0.quantity',
    ]);
    const made = await approver.put<AssetPartDto[]>(`/api/assets/${pa}/parts`, {
      parts: [
        { name: { ko: '스피커', en: 'Speaker' }, quantity: 2 },
        { name: { ko: '믹서', en: 'Mixer' }, serial: 'MX-1' },
      ],
    });
    expect(made.status).toBe(200);
    const [speaker, mixer] = made.body;
    const edited = await approver.put<AssetPartDto[]>(`/api/assets/${pa}/parts`, {
      parts: [
        { id: mixer.id, name: { ko: '믹서', en: 'Mixer (8 ch)' }, serial: 'MX-1' },
        { name: { ko: '무선 마이크', en: 'Wireless mic' }, quantity: 2 },
      ],
    });
    expect(edited.body.map((p) => [p.name.en, p.quantity])).toEqual([
      ['Mixer (8 ch)', 1],
      ['Wireless mic', 2],
    ]);
    expect(edited.body[0].id).toBe(mixer.id);
    const gone = (await t.db.query(`SELECT count(*)::int AS n FROM asset_parts WHERE id = $1`, [
      speaker.id,
    ])) as {
      n: number;
    }[];
    expect(gone[0].n).toBe(0);
  });

  it('custody: the approver hands the kit out part by part, takes it back with a battery missing and keeps part of the deposit', async () => {
    const kit = id('Camera kit');
    const asked = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: kit }],
      ...slot(2, 2, 10, 8 * 60),
      purpose: '마을 기록 촬영',
      attendees: 2,
    });
    expect(asked.status).toBe(201);
    const bookingId = asked.body.id;
    expect(asked.body.quote.deposit).toBe(100_000);
    const parts = (await t.client().get<AssetPartDto[]>(`/api/assets/${kit}/parts`)).body;
    const all = parts.map((p) => ({ partId: p.id, state: 'ok' as const }));

    // Not before it is approved.
    const early = await approver.post(`/api/bookings/${bookingId}/handouts`, {
      assetId: kit,
      receivedBy: '김주민',
      parts: all,
    });
    expect(early.problem).toMatchObject({ status: 409, code: 'state_conflict' });
    expect((await approver.post(`/api/bookings/${bookingId}/approve`, {})).status).toBe(200);
    const paid = await ops.post(`/api/bookings/${bookingId}/payments`, {
      kind: 'deposit',
      method: 'bank_transfer',
      amount: 100_000,
      receivedOn: today(),
    });
    expect(paid.status).toBe(201);

    // Residents cannot; every part must be ticked exactly once.
    expect(
      (
        await resident.post(`/api/bookings/${bookingId}/handouts`, {
          assetId: kit,
          receivedBy: '김주민',
          parts: all,
        })
      ).status,
    ).toBe(403);
    const short = await approver.post(`/api/bookings/${bookingId}/handouts`, {
      assetId: kit,
      receivedBy: '김주민',
      parts: all.slice(1),
    });
    expect(short.status).toBe(400);
    expect(short.problem.errors?.[0]?.field).toBe('parts');
    const twice = await approver.post(`/api/bookings/${bookingId}/handouts`, {
      assetId: kit,
      receivedBy: '김주민',
      parts: [...all, all[0]],
    });
    expect(twice.problem.errors?.[0]?.field).toBe('parts.6.partId');

    const out = await approver.post<CustodyDto>(`/api/bookings/${bookingId}/handouts`, {
      assetId: kit,
      receivedBy: '김주민',
      condition: '렌즈 앞 작은 흠집',
      parts: all,
    });
    expect(out.status).toBe(201);
    expect(out.body).toMatchObject({
      receivedBy: '김주민',
      conditionOut: '렌즈 앞 작은 흠집',
      returnedAt: null,
    });
    expect(out.body.out).toHaveLength(6);
    const again = await approver.post(`/api/bookings/${bookingId}/handouts`, {
      assetId: kit,
      receivedBy: 'x',
      parts: all,
    });
    expect(again.problem).toMatchObject({ status: 409, code: 'state_conflict' });

    // The booker sees it; another resident does not.
    expect((await resident.get<CustodyDto[]>(`/api/bookings/${bookingId}/custody`)).body).toHaveLength(1);
    expect((await neighbour.get(`/api/bookings/${bookingId}/custody`)).status).toBe(404);

    const battery2 = parts.find((p) => p.name.en === 'Battery 2') as AssetPartDto;
    const back = await approver.post<CustodyDto>(`/api/handouts/${out.body.id}/return`, {
      condition: '배터리 1개 없음',
      parts: all.map((c) => (c.partId === battery2.id ? { ...c, state: 'missing', note: '분실' } : c)),
    });
    expect(back.status).toBe(201);
    expect(back.body.in.find((c) => c.partId === battery2.id)).toMatchObject({
      state: 'missing',
      note: '분실',
    });
    expect(back.body.returnedBy?.displayName).toBeTruthy();
    expect(
      (await approver.post(`/api/handouts/${out.body.id}/return`, { condition: '', parts: all })).status,
    ).toBe(409);

    const tooMuch = await approver.post(`/api/bookings/${bookingId}/deposit-retentions`, {
      amount: 100_001,
      reason: '배터리 분실',
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.problem.errors?.[0]).toMatchObject({ field: 'amount', code: 'too_large' });
    const kept = await approver.post<DepositRetentionDto>(`/api/bookings/${bookingId}/deposit-retentions`, {
      amount: 30_000,
      reason: '배터리 분실',
      handoutId: out.body.id,
    });
    expect(kept.status).toBe(201);
    expect(kept.body).toMatchObject({ amount: 30_000, reason: '배터리 분실', handoutId: out.body.id });
    const payments = await ops.get<PaymentView[]>(`/api/settlement/payments?bookingId=${bookingId}`);
    expect(payments.body.map((p) => [p.kind, p.amount]).sort()).toEqual([
      ['deposit', 100_000],
      ['deposit_kept', 30_000],
    ]);
    // Kept deposit leaves the liability (2010) for income (4020), on the same ledger.
    const ledger = (await t.db.query(
      `SELECT a.code, sum(l.amount)::bigint AS total FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
         JOIN ledger_accounts a ON a.id = l.account_id WHERE e.source_id = $1 GROUP BY a.code ORDER BY a.code`,
      [bookingId],
    )) as { code: string; total: string }[];
    expect(ledger).toEqual([
      { code: '1010', total: '100000' },
      { code: '2010', total: '-70000' },
      { code: '4020', total: '-30000' },
    ]);
    const rest = await approver.post(`/api/bookings/${bookingId}/deposit-retentions`, {
      amount: 70_001,
      reason: 'x',
    });
    expect(rest.problem.errors?.[0]).toMatchObject({ field: 'amount', code: 'too_large' });

    // The database keeps all of it as written.
    const [returned] = (await t.db.query(`SELECT id FROM custody_handouts WHERE id = $1`, [out.body.id])) as {
      id: string;
    }[];
    const rewrite = await t.db
      .query(`UPDATE custody_handouts SET condition_in = 'fine' WHERE id = $1`, [returned.id])
      .catch((e: unknown) => e);
    expect(pgError(rewrite)).toMatchObject({ code: '23514', constraint: 'custody_handouts_guard' });
    const reCheck = await t.db
      .query(`UPDATE custody_part_checks SET state = 'ok' WHERE handout_id = $1`, [returned.id])
      .catch((e: unknown) => e);
    expect(pgError(reCheck)).toMatchObject({ code: '23514', constraint: 'custody_part_checks_guard' });
    const unkeep = await t.db
      .query(`DELETE FROM deposit_retentions WHERE booking_id = $1`, [bookingId])
      .catch((e: unknown) => e);
    expect(pgError(unkeep)).toMatchObject({ code: '23514', constraint: 'deposit_retentions_guard' });
    const [approverRow] = (await t.db.query(
      `SELECT id FROM users WHERE email = 'approver@madang.local'`,
    )) as {
      id: string;
    }[];
    const overKeep = await t.db
      .query(
        `INSERT INTO deposit_retentions (booking_id, amount, reason, decided_by, payment_id) VALUES ($1, 70001, 'raw', $2, gen_random_uuid())`,
        [bookingId, approverRow.id],
      )
      .catch((e: unknown) => e);
    expect(pgError(overKeep)).toMatchObject({ code: '23514', constraint: 'deposit_retentions_guard' });
  });

  it('the database refuses a second open hand-out, a hand-out of a pending booking, and a part of another asset', async () => {
    const kit = id('Camera kit');
    const [approverRow] = (await t.db.query(
      `SELECT id FROM users WHERE email = 'approver@madang.local'`,
    )) as {
      id: string;
    }[];
    const asked = await neighbour.post<BookingDto>('/api/bookings', {
      items: [{ assetId: kit }],
      ...slot(3, 3, 10, 8 * 60),
      purpose: 'raw',
      attendees: 1,
    });
    expect(asked.body.decision).toBe('pending');
    const [item] = (await t.db.query(`SELECT id FROM booking_items WHERE booking_id = $1`, [
      asked.body.id,
    ])) as {
      id: string;
    }[];
    const raw = () =>
      t.db.query(
        `INSERT INTO custody_handouts (booking_id, booking_item_id, asset_id, handed_out_by, received_by) VALUES ($1, $2, $3, $4, 'raw') RETURNING id`,
        [asked.body.id, item.id, kit, approverRow.id],
      ) as Promise<{ id: string }[]>;
    expect(pgError(await raw().catch((e: unknown) => e))).toMatchObject({
      code: '23514',
      constraint: 'custody_handouts_guard',
    });
    expect((await approver.post(`/api/bookings/${asked.body.id}/approve`, {})).status).toBe(200);
    const [first] = await raw();
    expect(pgError(await raw().catch((e: unknown) => e))).toMatchObject({
      code: '23505',
      constraint: 'custody_handouts_one_open_idx',
    });
    const wrongAsset = await t.db
      .query(
        `INSERT INTO custody_handouts (booking_id, booking_item_id, asset_id, handed_out_by, received_by) VALUES ($1, $2, $3, $4, 'raw')`,
        [asked.body.id, item.id, id('PA system'), approverRow.id],
      )
      .catch((e: unknown) => e);
    expect(pgError(wrongAsset)).toMatchObject({ code: '23514', constraint: 'custody_handouts_guard' });
    const [foreignPart] = (await t.db.query(
      `INSERT INTO asset_parts (asset_id, name_ko, name_en) VALUES ($1, '케이블', 'Cable') RETURNING id`,
      [id('PA system')],
    )) as { id: string }[];
    const wrongPart = await t.db
      .query(
        `INSERT INTO custody_part_checks (handout_id, part_id, stage, state) VALUES ($1, $2, 'out', 'ok')`,
        [first.id, foreignPart.id],
      )
      .catch((e: unknown) => e);
    expect(pgError(wrongPart)).toMatchObject({ code: '23514', constraint: 'custody_part_checks_guard' });
    const [kitPart] = (await t.db.query(`SELECT id FROM asset_parts WHERE asset_id = $1 LIMIT 1`, [kit])) as {
      id: string;
    }[];
    const inBeforeReturn = await t.db
      .query(
        `INSERT INTO custody_part_checks (handout_id, part_id, stage, state) VALUES ($1, $2, 'in', 'ok')`,
        [first.id, kitPart.id],
      )
      .catch((e: unknown) => e);
    expect(pgError(inBeforeReturn)).toMatchObject({ code: '23514', constraint: 'custody_part_checks_guard' });
    const backInTime = await t.db
      .query(
        `UPDATE custody_handouts SET returned_at = handed_out_at - interval '1 hour', returned_by = handed_out_by, condition_in = '' WHERE id = $1`,
        [first.id],
      )
      .catch((e: unknown) => e);
    expect(pgError(backInTime)).toMatchObject({ code: '23514', constraint: 'custody_handouts_return_check' });
  });

  it('overdue: an item out past its end and grace is on the approver’s list; the borrower is reminded once', async () => {
    const kit = id('Camera kit');
    const asked = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: kit }],
      ...slot(4, 2, 10, 8 * 60),
      purpose: '촬영',
      attendees: 1,
    });
    await approver.post(`/api/bookings/${asked.body.id}/approve`, {});
    const parts = (await t.client().get<AssetPartDto[]>(`/api/assets/${kit}/parts`)).body;
    const out = await approver.post<CustodyDto>(`/api/bookings/${asked.body.id}/handouts`, {
      assetId: kit,
      receivedBy: '김주민',
      parts: parts.map((p) => ({ partId: p.id, state: 'ok' })),
    });
    expect(out.status).toBe(201);
    // Condition photos: the desk attaches them; the borrower sees them, nobody else does.
    expect((await uploadPhoto(resident, out.body.id)).status).toBe(403);
    const photo = await uploadPhoto(approver, out.body.id);
    expect(photo.status).toBe(201);
    const custody = await resident.get<CustodyDto[]>(`/api/bookings/${asked.body.id}/custody`);
    expect(custody.body[0].photoIds).toEqual([photo.body.id]);
    expect((await resident.get(`/api/files/${photo.body.id}`)).status).toBe(200);
    expect((await neighbour.get(`/api/files/${photo.body.id}`)).status).toBe(404);

    const before = await approver.get<DeskItem[]>('/api/desk/overdue');
    expect(before.body.map((i) => i.bookingId)).not.toContain(asked.body.id);
    // Time passes: it ended 2 hours ago (grace 30 minutes).
    await moveTo(asked.body.id, -10 * 60, 8 * 60);
    const list = await approver.get<DeskItem[]>('/api/desk/overdue');
    expect(list.body.find((i) => i.bookingId === asked.body.id)).toMatchObject({
      assetName: { en: 'Camera kit' },
      custody: { id: out.body.id, returnedAt: null },
    });
    expect((await resident.get('/api/desk/overdue')).status).toBe(403);
    const desk = await approver.get<DeskDayDto>(`/api/desk?date=${today()}`);
    expect(desk.body.overdue.map((i) => i.bookingId)).toContain(asked.body.id);
    expect((await approver.get('/api/desk?date=2026-02-30')).status).toBe(400);

    const custodyService = t.app.get(CustodyService);
    expect(await custodyService.remindOverdue()).toBe(1);
    expect(await custodyService.remindOverdue()).toBe(0);
    const notes = await resident.get<NotificationDto[]>('/api/notifications');
    expect(notes.body.filter((n) => n.kind === 'custody.overdue')).toHaveLength(1);
  });

  it('check-in: by the booker in the window around the start, with attendance; never twice, never by a stranger', async () => {
    const room = id('Meeting Room B');
    const booked = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: room }],
      ...slot(2, 4, 10),
      purpose: '회의',
      attendees: 6,
    });
    expect(booked.body.decision).toBe('approved');
    const info = await resident.get<CheckInDto>(`/api/bookings/${booked.body.id}/check-in`);
    const start = Date.parse(booked.body.start);
    expect(info.body).toMatchObject({
      opens: new Date(start - 15 * 60_000).toISOString(),
      closes: new Date(start + 15 * 60_000).toISOString(),
      noShowDeadline: new Date(start + 15 * 60_000).toISOString(),
      checkedInAt: null,
      path: `/bookings/${booked.body.id}/check-in`,
    });
    const early = await resident.post(`/api/bookings/${booked.body.id}/check-in`, { attendance: 5 });
    expect(early.problem).toMatchObject({ status: 409, reason: 'outside_check_in_window' });

    await moveTo(booked.body.id, 5);
    expect((await neighbour.post(`/api/bookings/${booked.body.id}/check-in`, {})).status).toBe(404);
    expect((await resident.post(`/api/bookings/${booked.body.id}/check-in`, { attendance: -1 })).status).toBe(
      400,
    );
    const done = await resident.post<CheckInDto>(`/api/bookings/${booked.body.id}/check-in`, {
      attendance: 5,
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ attendance: 5, checkedInBy: { displayName: expect.any(String) } });
    expect((await resident.post(`/api/bookings/${booked.body.id}/check-in`, {})).status).toBe(409);
    const view = await resident.get<BookingDto>(`/api/bookings/${booked.body.id}`);
    expect(view.body.checkIn).toMatchObject({ attendance: 5 });
  });

  it('no-show: the job releases a booking not checked in by its deadline through the normal transition, tells the booker, and the slot is free again', async () => {
    const room = id('Meeting Room C');
    const s = slot(3, 2, 14);
    const booked = await neighbour.post<BookingDto>('/api/bookings', {
      items: [{ assetId: room }],
      ...s,
      purpose: '회의',
      attendees: 3,
    });
    expect(booked.status).toBe(201);
    const checkIns = t.app.get(CheckInService);
    const start = Date.parse(booked.body.start);
    expect(await checkIns.markNoShows(new Date(start + 14 * 60_000))).toBe(0);
    expect(await checkIns.markNoShows(new Date(start + 16 * 60_000))).toBe(1);
    expect(await checkIns.markNoShows(new Date(start + 17 * 60_000))).toBe(0);
    const after = await neighbour.get<BookingDto>(`/api/bookings/${booked.body.id}`);
    expect(after.body).toMatchObject({
      decision: 'approved',
      holdsSlot: false,
      noShowAt: expect.any(String),
    });
    const notes = await neighbour.get<NotificationDto[]>('/api/notifications');
    expect(notes.body.some((n) => n.kind === 'booking.no_show')).toBe(true);
    const audit = (await t.db.query(
      `SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY at`,
      [booked.body.id],
    )) as { action: string; actor_id: string | null }[];
    expect(audit.at(-1)).toEqual({ action: 'booking.no_show', actor_id: null });
    // The freed slot can be booked by someone else; the no-show cannot be cancelled or checked in.
    expect(
      (
        await resident.post('/api/bookings', {
          items: [{ assetId: room }],
          ...s,
          purpose: '회의',
          attendees: 2,
        })
      ).status,
    ).toBe(201);
    expect((await neighbour.post(`/api/bookings/${booked.body.id}/cancel`, {})).status).toBe(409);
    expect((await neighbour.post(`/api/bookings/${booked.body.id}/check-in`, {})).status).toBe(409);
    // The database refuses a no-show that still holds its slot.
    const raw = await t.db
      .query(
        `UPDATE bookings SET no_show_at = now() WHERE id = (SELECT id FROM bookings WHERE holds_slot AND kind = 'request' LIMIT 1)`,
      )
      .catch((e: unknown) => e);
    expect(pgError(raw)).toMatchObject({ code: '23514', constraint: 'bookings_no_show_check' });
  });

  it('three no-shows in 90 days: the person’s next meeting-room request waits for approval (rule noShowLimit)', async () => {
    const checkIns = t.app.get(CheckInService);
    const room = id('Meeting Room A');
    const before = await neighbour.post<BookingDto>('/api/bookings/quote', {
      items: [{ assetId: room }],
      ...slot(5, 1, 10),
      purpose: '회의',
      attendees: 2,
    });
    expect(before.body).toMatchObject({ approvalRequired: false });
    // One no-show already (previous test); two more.
    for (const [weekday, hour] of [
      [3, 10],
      [4, 10],
    ]) {
      const b = await neighbour.post<BookingDto>('/api/bookings', {
        items: [{ assetId: room }],
        ...slot(5, weekday, hour),
        purpose: '회의',
        attendees: 2,
      });
      expect(b.status).toBe(201);
      expect(await checkIns.markNoShows(new Date(Date.parse(b.body.start) + 20 * 60_000))).toBe(1);
    }
    const next = await neighbour.post<BookingDto>('/api/bookings', {
      items: [{ assetId: room }],
      ...slot(5, 5, 10),
      purpose: '회의',
      attendees: 2,
    });
    expect(next.body).toMatchObject({ decision: 'pending', approvalRequired: true });
    // Others are not affected.
    const other = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: room }],
      ...slot(5, 5, 14),
      purpose: '회의',
      attendees: 2,
    });
    expect(other.body.decision).toBe('approved');
  });

  it('schedules the no-show and overdue jobs in the centre time zone', async () => {
    const admin = await t.signIn('admin@madang.local');
    const res = await admin.get<JobsHealth>('/api/admin/jobs');
    const byName = new Map(res.body.queues.map((q) => [q.name, q]));
    expect(byName.get('bookings.no_show')).toMatchObject({
      policy: 'stately',
      schedule: { cron: NO_SHOW_CRON, timezone: t.config.MADANG_TIMEZONE },
    });
    expect(byName.get('bookings.custody_overdue')).toMatchObject({
      policy: 'stately',
      schedule: { cron: OVERDUE_CRON, timezone: t.config.MADANG_TIMEZONE },
    });
  });
});
