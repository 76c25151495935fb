import type {
  AssetDetail,
  BookingDto,
  BookingSeriesDto,
  CategoryDto,
  CreateSeriesResponse,
  EditSeriesResponse,
  Page,
  RentalRulesOverride,
  SeriesCancelResult,
  SeriesDecisionResult,
  SeriesPreview,
  SeriesSummaryDto,
} from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../../test/test-app';

const EVERY_DAY = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
  weekday,
  open: '00:00',
  close: '24:00',
}));
/** Rules that leave only what a test is about: open always, no holidays, a year ahead, no buffers. */
const OPEN_RULES: RentalRulesOverride = {
  openingHours: EVERY_DAY,
  closures: [],
  slotStepMinutes: 30,
  minDurationMinutes: 30,
  maxDurationMinutes: 240,
  minNoticeMinutes: 0,
  maxAdvanceDays: 400,
  approval: { required: false },
  pricing: { unit: 'hour', rate: 10000, deposit: 0, waivers: [] },
  cancellation: { freeUntilHoursBefore: 24, feePercent: 0 },
};

let categoryCount = 0;
/** A fresh category with one room under `rules`, made by the approver. */
async function roomWith(approver: MadangClient, rules: RentalRulesOverride, name: string): Promise<string> {
  categoryCount += 1;
  const category = await approver.post<CategoryDto>('/api/categories', {
    code: `series-${categoryCount}`,
    name: { ko: `반복 ${categoryCount}`, en: `Series ${categoryCount}` },
    rules: { ...OPEN_RULES, ...rules },
  });
  expect(category.status).toBe(201);
  const asset = await approver.post<AssetDetail>('/api/assets', {
    categoryId: category.body.id,
    kind: 'space',
    name: { ko: name, en: name },
    capacity: 20,
  });
  expect(asset.status).toBe(201);
  return asset.body.id;
}

/** The local date of the next `weekday` (1 = Monday) at least `afterDays` from today, in `zone`. */
function nextWeekday(zone: string, weekday: number, afterDays = 1): string {
  let d = DateTime.now().setZone(zone).startOf('day').plus({ days: afterDays });
  while (d.weekday !== weekday) d = d.plus({ days: 1 });
  return d.toISODate() as string;
}

const localOf = (iso: string, zone: string) => DateTime.fromISO(iso).setZone(zone).toFormat('HH:mm');

describe('recurring booking series (real PostgreSQL)', () => {
  let t: TestApp;
  let approver: MadangClient;
  let resident: MadangClient;
  let neighbour: MadangClient;
  const SEOUL = 'Asia/Seoul';

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    approver = await t.signIn('approver@madang.local');
    resident = await t.signIn('resident@madang.local');
    neighbour = await t.signIn('resident2@madang.local', 'en');
  });
  afterAll(() => t.close());

  const series = (
    assetId: string,
    startDate: string,
    rrule: string,
    extra: Record<string, unknown> = {},
  ) => ({
    items: [{ assetId }],
    startDate,
    startTime: '19:00',
    durationMinutes: 120,
    rrule,
    purpose: '주민 팀 화요 모임',
    attendees: 6,
    ...extra,
  });

  /** Books a single 19:00–21:00 on a local date for `who`. */
  const single = (who: MadangClient, assetId: string, date: string, zone = SEOUL) => {
    const start = DateTime.fromISO(`${date}T19:00`, { zone });
    return who.post<BookingDto>('/api/bookings', {
      items: [{ assetId }],
      start: start.toISO(),
      end: start.plus({ hours: 2 }).toISO(),
      purpose: 'Knitting club',
      attendees: 3,
    });
  };

  it('previews 12 Tuesdays listing the 2 collisions, books the rest in one go, and all_or_nothing books none', async () => {
    const room = await roomWith(approver, {}, '화요 회의실');
    const first = nextWeekday(SEOUL, 2);
    const tuesdays = Array.from({ length: 12 }, (_, i) =>
      DateTime.fromISO(first).plus({ weeks: i }).toISODate(),
    );
    expect((await single(neighbour, room, tuesdays[3] as string)).status).toBe(201);
    expect((await single(neighbour, room, tuesdays[8] as string)).status).toBe(201);

    const request = series(room, first, 'FREQ=WEEKLY;BYDAY=TU;COUNT=12');
    const preview = await resident.post<SeriesPreview>('/api/bookings/series/preview', request);
    expect(preview.status).toBe(200);
    expect(preview.body.summary).toEqual({ ok: 10, conflict: 2, violation: 0 });
    expect(preview.body.occurrences.map((o) => o.date)).toEqual(tuesdays);
    expect(preview.body.occurrences.every((o) => o.localStart.endsWith('T19:00'))).toBe(true);
    const collisions = preview.body.occurrences.filter((o) => o.check === 'conflict');
    expect(collisions.map((o) => o.date)).toEqual([tuesdays[3], tuesdays[8]]);
    expect(collisions[0].conflicts[0]).toMatchObject({ assetId: room, assetName: { ko: '화요 회의실' } });
    expect(JSON.stringify(preview.body)).not.toContain('박이웃');
    expect(preview.body.rruleText).toContain('DTSTART;TZID=Asia/Seoul');

    const none = await resident.post('/api/bookings/series', { ...request, mode: 'all_or_nothing' });
    expect(none.status).toBe(409);
    expect(none.problem.code).toBe('slot_taken');
    expect((none.problem['occurrences'] as { date: string }[]).map((o) => o.date)).toEqual([
      tuesdays[3],
      tuesdays[8],
    ]);
    const [{ n: afterRefusal }] = (await t.db.query(
      `SELECT count(*)::int AS n FROM bookings b JOIN booking_items i ON i.booking_id = b.id WHERE i.asset_id = $1`,
      [room],
    )) as { n: number }[];
    expect(afterRefusal).toBe(2);

    const created = await resident.post<CreateSeriesResponse>('/api/bookings/series', {
      ...request,
      mode: 'free_only',
    });
    expect(created.status).toBe(201);
    expect(created.body.skipped.map((s) => s.date)).toEqual([tuesdays[3], tuesdays[8]]);
    const occurrences = created.body.series.occurrences;
    expect(occurrences).toHaveLength(12);
    expect(occurrences.filter((o) => o.state === 'booked')).toHaveLength(10);
    expect(occurrences.filter((o) => o.state === 'not_booked').map((o) => o.date)).toEqual([
      tuesdays[3],
      tuesdays[8],
    ]);
    expect(occurrences.find((o) => o.state === 'booked')).toMatchObject({
      decision: 'approved',
      holdsSlot: true,
    });

    // Each occurrence is a normal booking: readable on its own, in the requester's list.
    const one = occurrences[0];
    const booking = await resident.get<BookingDto>(`/api/bookings/${one.bookingId}`);
    expect(booking.status).toBe(200);
    expect(booking.body).toMatchObject({ decision: 'approved', payment: { quotedTotal: 20000 } });
    const list = await resident.get<Page<SeriesSummaryDto>>('/api/bookings/series');
    expect(list.body.items.find((s) => s.id === created.body.series.id)).toMatchObject({ booked: 10 });
    expect((await neighbour.get(`/api/bookings/series/${created.body.series.id}`)).status).toBe(404);
    expect((await approver.get(`/api/bookings/series/${created.body.series.id}`)).status).toBe(200);
  });

  it('keeps a moved occurrence through an edit of the series time, and splits "this and following"', async () => {
    const room = await roomWith(approver, {}, '편집 회의실');
    const first = nextWeekday(SEOUL, 2);
    const created = await resident.post<CreateSeriesResponse>('/api/bookings/series', {
      ...series(room, first, 'FREQ=WEEKLY;BYDAY=TU;COUNT=8'),
      mode: 'free_only',
    });
    expect(created.status).toBe(201);
    const id = created.body.series.id;
    const moved = created.body.series.occurrences[2];
    const movedStart = DateTime.fromISO(`${moved.date}T15:00`, { zone: SEOUL });
    const move = await resident.patch<BookingSeriesDto>(
      `/api/bookings/series/${id}/occurrences/${moved.date}`,
      {
        action: 'move',
        start: movedStart.toISO(),
        end: movedStart.plus({ hours: 2 }).toISO(),
      },
    );
    expect(move.status).toBe(200);
    expect(move.body.occurrences[2]).toMatchObject({ exception: 'moved', localStart: `${moved.date}T15:00` });

    const edit = await resident.patch<EditSeriesResponse>(`/api/bookings/series/${id}`, {
      scope: 'all',
      startTime: '18:30',
    });
    expect(edit.status).toBe(200);
    const after = edit.body.series.occurrences;
    expect(after[2]).toMatchObject({
      date: moved.date,
      exception: 'moved',
      localStart: `${moved.date}T15:00`,
    });
    for (const o of after.filter((x) => x.date !== moved.date)) expect(o.localStart).toBe(`${o.date}T18:30`);
    expect(edit.body.series.startTime).toBe('18:30');
    // The database holds what the answer says: item ranges follow the booking times.
    const rows = (await t.db.query(
      `SELECT b.start_at, lower(i.during) AS during_start FROM bookings b JOIN booking_items i ON i.booking_id = b.id
        WHERE b.series_id = $1 ORDER BY b.occurrence_date`,
      [id],
    )) as { start_at: Date; during_start: Date }[];
    expect(rows.every((r) => r.start_at.getTime() === r.during_start.getTime())).toBe(true);

    // This and following: from the 6th, 20:00. The first five stay; the rest become a new series.
    const from = after[5].date;
    const split = await resident.patch<EditSeriesResponse>(`/api/bookings/series/${id}`, {
      scope: 'this_and_following',
      from,
      startTime: '20:00',
    });
    expect(split.status).toBe(200);
    expect(split.body.series.id).not.toBe(id);
    expect(split.body.series.splitFrom).toBe(id);
    expect(split.body.series.occurrences.map((o) => o.localStart)).toEqual(
      after.slice(5).map((o) => `${o.date}T20:00`),
    );
    expect(split.body.head?.occurrences.map((o) => o.date)).toEqual(after.slice(0, 5).map((o) => o.date));
    expect(split.body.head?.occurrences[2]).toMatchObject({
      exception: 'moved',
      localStart: `${moved.date}T15:00`,
    });
    expect(split.body.head?.occurrences[4].localStart).toBe(`${after[4].date}T18:30`);

    const atFirst = await resident.patch(`/api/bookings/series/${id}`, {
      scope: 'this_and_following',
      from: after[0].date,
      startTime: '17:00',
    });
    expect(atFirst.status).toBe(400);
    expect(atFirst.problem.errors?.[0]).toMatchObject({ field: 'from' });
    // Only the requester edits.
    expect(
      (await approver.patch(`/api/bookings/series/${id}`, { scope: 'all', startTime: '10:00' })).status,
    ).toBe(403);
  });

  it('puts one occurrence in another room and cancels another; both survive an edit', async () => {
    const room = await roomWith(approver, {}, '본 회의실');
    const other = await roomWith(approver, {}, '다른 회의실');
    const first = nextWeekday(SEOUL, 4);
    const created = await resident.post<CreateSeriesResponse>('/api/bookings/series', {
      ...series(room, first, 'FREQ=WEEKLY;BYDAY=TH;COUNT=4'),
      mode: 'free_only',
    });
    const id = created.body.series.id;
    const [, second, third] = created.body.series.occurrences;
    const moved = await resident.patch<BookingSeriesDto>(
      `/api/bookings/series/${id}/occurrences/${second.date}`,
      {
        action: 'other_room',
        items: [{ assetId: other }],
      },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.occurrences[1]).toMatchObject({
      exception: 'other_room',
      assets: [{ assetId: other }],
    });
    const cancelled = await resident.patch<BookingSeriesDto>(
      `/api/bookings/series/${id}/occurrences/${third.date}`,
      {
        action: 'cancel',
      },
    );
    expect(cancelled.body.occurrences[2]).toMatchObject({ exception: 'cancelled', state: 'cancelled' });
    const edit = await resident.patch<EditSeriesResponse>(`/api/bookings/series/${id}`, {
      scope: 'all',
      startTime: '10:00',
    });
    expect(edit.status).toBe(200);
    const [a, b, c] = edit.body.series.occurrences;
    expect(a.localStart).toBe(`${a.date}T10:00`);
    // Another room: follows the series time, stays in its room.
    expect(b).toMatchObject({
      exception: 'other_room',
      localStart: `${b.date}T10:00`,
      assets: [{ assetId: other }],
    });
    expect(c).toMatchObject({ exception: 'cancelled', state: 'cancelled' });
    // A move onto a held slot is refused by the database's judgement, naming the window.
    const clash = DateTime.fromISO(`${edit.body.series.occurrences[3].date}T10:00`, { zone: SEOUL });
    const onto = await resident.patch(`/api/bookings/series/${id}/occurrences/${a.date}`, {
      action: 'move',
      start: clash.toISO(),
      end: clash.plus({ hours: 1 }).toISO(),
    });
    expect(onto.status).toBe(409);
  });

  it('never double-books when a series and single bookings race for the same slots', async () => {
    const room = await roomWith(approver, {}, '경쟁 회의실');
    const first = nextWeekday(SEOUL, 3);
    const wednesdays = Array.from({ length: 6 }, (_, i) =>
      DateTime.fromISO(first).plus({ weeks: i }).toISODate(),
    );
    const [s, ...singles] = await Promise.all([
      resident.post<CreateSeriesResponse>('/api/bookings/series', {
        ...series(room, first, 'FREQ=WEEKLY;BYDAY=WE;COUNT=6'),
        mode: 'free_only',
      }),
      ...wednesdays.map((d) => single(neighbour, room, d as string)),
    ]);
    expect([200, 201, 409]).toContain(s.status);
    const singleWins = singles.filter((r) => r.status === 201).length;
    const seriesWins =
      s.status === 201
        ? (s.body as CreateSeriesResponse).series.occurrences.filter((o) => o.state === 'booked').length
        : 0;
    expect(singleWins + seriesWins).toBe(6);
    const [{ overlaps }] = (await t.db.query(
      `SELECT count(*)::int AS overlaps FROM booking_items x JOIN booking_items y
          ON x.asset_id = y.asset_id AND x.id < y.id AND x.during && y.during
       WHERE x.asset_id = $1 AND x.holds_slot AND y.holds_slot`,
      [room],
    )) as { overlaps: number }[];
    expect(overlaps).toBe(0);
  });

  it('is approved as a whole or per occurrence, with separation of duties', async () => {
    const room = await roomWith(approver, { approval: { required: true } }, '승인 회의실');
    const first = nextWeekday(SEOUL, 5);
    const created = await resident.post<CreateSeriesResponse>('/api/bookings/series', {
      ...series(room, first, 'FREQ=WEEKLY;BYDAY=FR;COUNT=5'),
      mode: 'all_or_nothing',
    });
    expect(created.status).toBe(201);
    const id = created.body.series.id;
    const dates = created.body.series.occurrences.map((o) => o.date);
    expect(created.body.series.occurrences.every((o) => o.decision === 'pending')).toBe(true);
    // The pending cap counts the series as one request, not five.
    expect((await resident.post(`/api/bookings/series/${id}/decision`, { action: 'approve' })).status).toBe(
      403,
    );

    const some = await approver.post<SeriesDecisionResult>(`/api/bookings/series/${id}/decision`, {
      action: 'approve',
      dates: [dates[0], dates[1]],
    });
    expect(some.status).toBe(200);
    expect(some.body.results.map((r) => [r.date, r.ok, r.decision])).toEqual([
      [dates[0], true, 'approved'],
      [dates[1], true, 'approved'],
    ]);
    const noReason = await approver.post(`/api/bookings/series/${id}/decision`, {
      action: 'reject',
      dates: [dates[2]],
    });
    expect(noReason.status).toBe(400);
    expect(noReason.problem.errors?.[0].field).toBe('reason');
    const reject = await approver.post<SeriesDecisionResult>(`/api/bookings/series/${id}/decision`, {
      action: 'reject',
      dates: [dates[2]],
      reason: '행사 준비',
    });
    expect(reject.body.results[0]).toMatchObject({ ok: true, decision: 'rejected' });
    const rest = await approver.post<SeriesDecisionResult>(`/api/bookings/series/${id}/decision`, {
      action: 'approve',
    });
    expect(rest.body.results.map((r) => r.date)).toEqual([dates[3], dates[4]]);
    const view = await resident.get<BookingSeriesDto>(`/api/bookings/series/${id}`);
    expect(view.body.occurrences.map((o) => o.decision)).toEqual([
      'approved',
      'approved',
      'rejected',
      'approved',
      'approved',
    ]);
    const again = await approver.post<SeriesDecisionResult>(`/api/bookings/series/${id}/decision`, {
      action: 'approve',
      dates: [dates[2], '2020-01-07'],
    });
    expect(again.body.results.map((r) => r.status)).toEqual([409, 404]);

    // An approver's own series is decided by another approver.
    const own = await approver.post<CreateSeriesResponse>('/api/bookings/series', {
      ...series(room, nextWeekday(SEOUL, 1), 'FREQ=WEEKLY;BYDAY=MO;COUNT=2'),
      mode: 'free_only',
    });
    expect(own.status).toBe(201);
    const self = await approver.post<SeriesDecisionResult>(
      `/api/bookings/series/${own.body.series.id}/decision`,
      {
        action: 'approve',
      },
    );
    expect(self.body.results.map((r) => [r.ok, r.status, r.code])).toEqual([
      [false, 403, 'own_request'],
      [false, 403, 'own_request'],
    ]);
  });

  it('cancels a series under each occurrence’s own cancellation terms', async () => {
    const room = await roomWith(
      approver,
      { cancellation: { freeUntilHoursBefore: 100, feePercent: 50 } },
      '취소 회의실',
    );
    const tomorrow = DateTime.now().setZone(SEOUL).plus({ days: 1 });
    const created = await resident.post<CreateSeriesResponse>('/api/bookings/series', {
      ...series(
        room,
        tomorrow.toISODate() as string,
        `FREQ=WEEKLY;COUNT=3;BYDAY=${['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][tomorrow.weekday - 1]}`,
      ),
      startTime: '10:00',
      mode: 'free_only',
    });
    expect(created.status).toBe(201);
    const cancel = await resident.post<SeriesCancelResult>(
      `/api/bookings/series/${created.body.series.id}/cancel`,
      {},
    );
    expect(cancel.status).toBe(200);
    // The first is within 100 hours (half of its 20,000 won); the next two are a week and more away.
    expect(cancel.body.results.map((r) => [r.ok, r.fee])).toEqual([
      [true, 10000],
      [true, 0],
      [true, 0],
    ]);
    expect(cancel.body.totalFee).toBe(10000);
    const view = await resident.get<BookingSeriesDto>(`/api/bookings/series/${created.body.series.id}`);
    expect(view.body.status).toBe('cancelled');
    const audit = (await t.db.query(
      `SELECT after FROM audit_log WHERE action = 'booking_series.cancelled' AND entity_id = $1`,
      [created.body.series.id],
    )) as { after: { totalFee: number } }[];
    expect(audit.map((a) => a.after.totalFee)).toEqual([10000]);
    expect(view.body.occurrences.every((o) => o.decision === 'cancelled' && !o.holdsSlot)).toBe(true);
  });

  it('counts quotas per occurrence', async () => {
    const room = await roomWith(
      approver,
      { quotas: [{ scope: 'person', period: 'month', maxBookings: 2 }] },
      '한도 회의실',
    );
    const preview = await resident.post<SeriesPreview>(
      '/api/bookings/series/preview',
      series(room, nextWeekday(SEOUL, 2), 'FREQ=WEEKLY;BYDAY=TU;COUNT=10'),
    );
    expect(preview.status).toBe(200);
    const perMonth = new Map<string, number>();
    for (const o of preview.body.occurrences) {
      const month = o.date.slice(0, 7);
      if (o.check === 'ok') perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
      else expect(o.violations.map((v) => v.code)).toEqual(['quota_bookings_exceeded']);
    }
    const months = new Set(preview.body.occurrences.map((o) => o.date.slice(0, 7)));
    for (const month of months) expect(perMonth.get(month)).toBe(2);
    expect(preview.body.summary.violation).toBe(10 - 2 * months.size);
  });

  it('answers a bad rule or too many occurrences with 400 naming the field, in Korean and English', async () => {
    const room = await roomWith(approver, {}, '입력 회의실');
    const start = nextWeekday(SEOUL, 2);
    const bad = await resident.post(
      '/api/bookings/series/preview',
      series(room, start, 'FREQ=HOURLY;COUNT=3'),
    );
    expect(bad.status).toBe(400);
    expect(bad.problem.errors?.[0]).toMatchObject({ field: 'rrule', code: 'invalid' });
    expect(bad.problem.detail).toBe('입력한 값을 확인해 주세요.');
    const tooMany = await neighbour.post(
      '/api/bookings/series/preview',
      series(room, start, 'FREQ=WEEKLY;BYDAY=TU;COUNT=500'),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.problem.errors?.[0]).toMatchObject({
      field: 'rrule',
      code: 'too_large',
      message: 'Must be at most 260.',
    });
    expect(
      (tooMany.problem['seriesProblems'] as { code: string; message: { ko: string } }[])[0],
    ).toMatchObject({ code: 'invalid_count', message: { ko: '횟수는 1 이상 260 이하의 정수여야 합니다.' } });
    const withZone = await resident.post('/api/bookings/series', {
      ...series(room, start, 'DTSTART;TZID=Europe/Paris:20270105T190000\nRRULE:FREQ=WEEKLY;COUNT=2'),
      mode: 'free_only',
    });
    expect(withZone.status).toBe(400);
    expect(withZone.problem.errors?.[0].field).toBe('rrule');
    const fields = await resident.post('/api/bookings/series', {
      ...series(room, '2027-02-30', 'FREQ=WEEKLY;COUNT=2'),
      startTime: '25:00',
      mode: 'sometimes',
    });
    expect(fields.status).toBe(400);
    const sixItems = await resident.post('/api/bookings/series/preview', {
      ...series(room, start, 'FREQ=WEEKLY;BYDAY=TU;COUNT=2'),
      items: Array.from({ length: 6 }, () => ({ assetId: room })),
    });
    expect(sixItems.status).toBe(400);
    expect(sixItems.problem.errors?.[0]).toMatchObject({ field: 'items', code: 'too_many' });
    expect((fields.problem.errors ?? []).map((e) => e.field).sort()).toEqual([
      'mode',
      'startDate',
      'startTime',
    ]);
    const badDate = await resident.patch(
      `/api/bookings/series/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/occurrences/tuesday`,
      {
        action: 'cancel',
      },
    );
    expect(badDate.status).toBe(400);
  });
});

describe('recurring series across a DST change (America/New_York)', () => {
  let t: TestApp;
  const ZONE = 'America/New_York';
  beforeAll(async () => {
    t = await startTestApp({ demo: true, env: { MADANG_TIMEZONE: ZONE } });
  });
  afterAll(() => t.close());

  it('keeps 19:00 local on both sides of the spring change', async () => {
    const approver = await t.signIn('approver@madang.local');
    const resident = await t.signIn('resident@madang.local');
    const room = await roomWith(approver, {}, 'DST room');
    // The Tuesday two weeks before the next second Sunday of March (DST starts then in New York).
    const now = DateTime.now().setZone(ZONE);
    let year = now.year;
    const secondSunday = (y: number) => {
      let d = DateTime.fromObject({ year: y, month: 3, day: 8 }, { zone: ZONE });
      while (d.weekday !== 7) d = d.plus({ days: 1 });
      return d;
    };
    if (secondSunday(year).minus({ days: 14 }) <= now) year += 1;
    const start = secondSunday(year).minus({ days: 12 }).toISODate() as string; // a Tuesday
    const created = await resident.post<CreateSeriesResponse>('/api/bookings/series', {
      items: [{ assetId: room }],
      startDate: start,
      startTime: '19:00',
      durationMinutes: 120,
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      purpose: 'DST',
      attendees: 2,
      mode: 'all_or_nothing',
    });
    expect(created.status).toBe(201);
    const occurrences = created.body.series.occurrences;
    expect(created.body.series.timeZone).toBe(ZONE);
    expect(occurrences.map((o) => localOf(o.start, ZONE))).toEqual(['19:00', '19:00', '19:00', '19:00']);
    expect(occurrences.map((o) => DateTime.fromISO(o.start, { zone: 'utc' }).toFormat('HH:mm'))).toEqual([
      '00:00',
      '00:00',
      '23:00',
      '23:00',
    ]);
    const rows = (await t.db.query(`SELECT start_at FROM bookings WHERE series_id = $1 ORDER BY start_at`, [
      created.body.series.id,
    ])) as { start_at: Date }[];
    expect(rows.map((r) => localOf(r.start_at.toISOString(), ZONE))).toEqual([
      '19:00',
      '19:00',
      '19:00',
      '19:00',
    ]);
  });
});
