import type {
  AssetSummary,
  BookingDto,
  MeResponse,
  NotificationDto,
  ProblemDetails,
  WaitlistEntryDto,
} from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../../test/test-app';
import { BookingEvents, SlotFreed } from '../booking-events';
import { WaitlistService } from './waitlist.service';

const SEOUL = 'Asia/Seoul';
/** A weekday slot `weeks` ahead, in Seoul wall-clock time. */
const slot = (weeks: number, weekday: number, hour: number, minutes = 60) => {
  const start = DateTime.now()
    .setZone(SEOUL)
    .startOf('week')
    .plus({ weeks, days: weekday - 1, hours: hour });
  return { start: start.toISO() as string, end: start.plus({ minutes }).toISO() as string };
};

describe('waitlist: slot freed, timed offers, accept and expiry (real PostgreSQL)', () => {
  let t: TestApp;
  let room: string;
  let hall: string;
  let a: MadangClient;
  let b: MadangClient;
  let c: MadangClient;
  let approver: MadangClient;
  const freed: SlotFreed[] = [];

  beforeAll(async () => {
    t = await startTestApp({ demo: true, env: { JOBS_ENABLED: 'false' } });
    const assets = (await t.client().get<AssetSummary[]>('/api/assets')).body;
    const named = (en: string) => (assets.find((x) => x.name.en === en) as AssetSummary).id;
    room = named('Meeting Room A');
    hall = named('Hall');
    a = await t.signIn('resident@madang.local');
    b = await t.signIn('resident2@madang.local');
    c = await t.signIn('operations@madang.local');
    approver = await t.signIn('approver@madang.local');
    t.app.get(BookingEvents).onSlotFreed(async (_tx, event) => {
      freed.push(event);
    });
  });
  afterAll(() => t.close());

  const book = async (client: MadangClient, when: { start: string; end: string }, assetId = room) => {
    const r = await client.post<BookingDto>('/api/bookings', {
      items: [{ assetId }],
      ...when,
      purpose: '대기열 시험',
      attendees: 3,
    });
    expect(r.status).toBe(201);
    return r.body;
  };
  const join = (client: MadangClient, when: { start: string; end: string }, assetId = room) =>
    client.post<WaitlistEntryDto>(`/api/assets/${assetId}/waitlist`, {
      ...when,
      purpose: '기다립니다',
      attendees: 2,
    });
  const entryOf = async (client: MadangClient, id: string) =>
    (await client.get<WaitlistEntryDto[]>('/api/waitlist')).body.find((e) => e.id === id) as WaitlistEntryDto;

  it('fires SlotFreed exactly once, in the transition, for a cancel and for a reject — not for an approval', async () => {
    const cancelled = await book(a, slot(3, 2, 10));
    freed.length = 0;
    expect((await a.post(`/api/bookings/${cancelled.id}/cancel`, {})).status).toBe(200);
    expect(freed).toEqual([{ bookingId: cancelled.id, cause: 'cancel' }]);

    const pending = await book(a, slot(3, 3, 14), hall);
    expect(pending.decision).toBe('pending');
    freed.length = 0;
    expect((await approver.post(`/api/bookings/${pending.id}/reject`, { reason: '행사 준비' })).status).toBe(
      200,
    );
    expect(freed).toEqual([{ bookingId: pending.id, cause: 'reject' }]);

    const approved = await book(a, slot(3, 4, 14), hall);
    freed.length = 0;
    expect((await approver.post(`/api/bookings/${approved.id}/approve`, {})).status).toBe(200);
    expect(freed).toEqual([]);
    // Cancelling twice frees once: the second is a state conflict and fires nothing.
    expect((await a.post(`/api/bookings/${approved.id}/cancel`, {})).status).toBe(200);
    expect((await a.post(`/api/bookings/${approved.id}/cancel`, {})).status).toBe(409);
    expect(freed).toEqual([{ bookingId: approved.id, cause: 'cancel' }]);
  });

  it('refuses a free slot (409 slot_free), lines people up, offers the first, and books on accept', async () => {
    const when = slot(4, 2, 10);
    const free = await join(b, slot(4, 2, 13));
    expect(free.status).toBe(409);
    expect((free.body as unknown as ProblemDetails).code).toBe('slot_free');

    const held = await book(a, when);
    const first = await join(b, when);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'waiting', position: 1, offer: null });
    expect((await join(b, when)).status).toBe(409); // one place in line per person and slot
    const second = await join(c, when);
    expect(second.body.position).toBe(2);

    expect((await a.post(`/api/bookings/${held.id}/cancel`, {})).status).toBe(200);
    const offered = await entryOf(b, first.body.id);
    expect(offered.state).toBe('offered');
    expect(offered.offer?.state).toBe('open');
    const minutes =
      (Date.parse(offered.offer?.expiresAt ?? '') - Date.parse(offered.offer?.createdAt ?? '')) / 60_000;
    expect(minutes).toBeCloseTo(30, 1); // the default waitlistOfferMinutes
    expect((await entryOf(c, second.body.id)).state).toBe('waiting');
    const notes = (await b.get<NotificationDto[]>('/api/notifications')).body.filter(
      (n) => n.kind === 'waitlist.offered' && n.subject.id === offered.offer?.id,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0].body.en).toContain('Meeting Room A');

    // Someone else's offer is not found.
    expect((await c.post(`/api/waitlist/offers/${offered.offer?.id}/accept`)).status).toBe(404);
    const accepted = await b.post<BookingDto>(`/api/waitlist/offers/${offered.offer?.id}/accept`);
    expect(accepted.status).toBe(201);
    expect(accepted.body.requester.displayName).toBeTruthy();
    expect(accepted.body.start).toBe(new Date(when.start).toISOString());
    expect(accepted.body.holdsSlot).toBe(true);
    const done = await entryOf(b, first.body.id);
    expect(done.state).toBe('booked');
    expect(done.offer).toMatchObject({ state: 'accepted', bookingId: accepted.body.id });
    // Accepting again is a state conflict, not a second booking.
    expect((await b.post(`/api/waitlist/offers/${offered.offer?.id}/accept`)).status).toBe(409);
  });

  it('expires an offer left too long and passes the slot to the next in line; the late accept is refused', async () => {
    const when = slot(5, 2, 10);
    const held = await book(a, when);
    const first = (await join(b, when)).body;
    const second = (await join(c, when)).body;
    expect((await a.post(`/api/bookings/${held.id}/cancel`, {})).status).toBe(200);
    const offer = (await entryOf(b, first.id)).offer;
    expect(offer?.state).toBe('open');

    // Not yet due: the sweep leaves it.
    expect(await t.app.get(WaitlistService).expireDue()).toBe(0);
    await t.db.query(
      `UPDATE waitlist_offers SET created_at = now() - interval '31 minutes', expires_at = now() - interval '1 minute' WHERE id = $1`,
      [offer?.id],
    );
    // The database itself refuses to accept an expired offer, whatever code tries.
    await expect(
      t.db.query(`UPDATE waitlist_offers SET state = 'accepted', booking_id = $2 WHERE id = $1`, [
        offer?.id,
        held.id,
      ]),
    ).rejects.toThrow(/not open or has expired/);
    const late = await b.post<ProblemDetails>(`/api/waitlist/offers/${offer?.id}/accept`);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('offer_expired');

    expect(await t.app.get(WaitlistService).expireDue()).toBe(1);
    const lapsed = await entryOf(b, first.id);
    expect(lapsed.state).toBe('lapsed');
    expect(lapsed.offer?.state).toBe('expired');
    const next = await entryOf(c, second.id);
    expect(next.state).toBe('offered');
    expect(next.offer?.state).toBe('open');
    const kinds = (await b.get<NotificationDto[]>('/api/notifications')).body
      .filter((n) => n.subject.id === offer?.id)
      .map((n) => n.kind)
      .sort();
    expect(kinds).toEqual(['waitlist.offer_expired', 'waitlist.offered']);
    expect((await b.post(`/api/waitlist/offers/${offer?.id}/accept`)).status).toBe(409);
    const booked = await c.post<BookingDto>(`/api/waitlist/offers/${next.offer?.id}/accept`);
    expect(booked.status).toBe(201);
  });

  it('one open offer per slot: leaving with an open offer passes it on; the index refuses a second open offer', async () => {
    const when = slot(6, 2, 10);
    const held = await book(a, when);
    const first = (await join(b, when)).body;
    const second = (await join(c, when)).body;
    expect((await a.post(`/api/bookings/${held.id}/cancel`, {})).status).toBe(200);
    const open = (await entryOf(b, first.id)).offer;
    await expect(
      t.db.query(
        `INSERT INTO waitlist_offers (entry_id, user_id, asset_id, start_at, end_at, expires_at)
         SELECT id, user_id, asset_id, start_at, end_at, now() + interval '5 minutes' FROM waitlist_entries WHERE id = $1`,
        [second.id],
      ),
    ).rejects.toThrow(/waitlist_offers_one_open_per_slot/);
    expect((await c.delete(`/api/waitlist/${first.id}`)).status).toBe(404);
    expect((await b.delete(`/api/waitlist/${first.id}`)).status).toBe(204);
    expect((await entryOf(b, first.id)).offer?.state).toBe('withdrawn');
    expect(open?.id).toBeTruthy();
    expect((await entryOf(c, second.id)).state).toBe('offered');
  });

  it('the sweep offers a waiting entry whose slot came free without an offer (e.g. two releases at once)', async () => {
    const when = slot(6, 4, 10);
    const held = await book(a, when);
    const entry = (await join(b, when)).body;
    // Freed behind the waitlist's back: as when each of two concurrent releases saw the other still holding.
    await t.db.query(
      `UPDATE bookings SET decision = 'cancelled', holds_slot = false, cancelled_at = now() WHERE id = $1`,
      [held.id],
    );
    expect((await entryOf(b, entry.id)).state).toBe('waiting');
    await t.app.get(WaitlistService).expireDue();
    const offered = await entryOf(b, entry.id);
    expect(offered.state).toBe('offered');
    expect(offered.offer?.state).toBe('open');
    // Run again: still one open offer, nothing more.
    await t.app.get(WaitlistService).expireDue();
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM waitlist_offers WHERE entry_id = $1`, [
      entry.id,
    ])) as { n: number }[];
    expect(n).toBe(1);
  });

  it('answers 4xx naming the field for bad input, and 422 for a slot the rules refuse anyway', async () => {
    const bad = await b.post<ProblemDetails>(`/api/assets/${room}/waitlist`, {
      start: 'soon',
      purpose: '',
      attendees: -1,
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors ?? []).map((e) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['attendees', 'end', 'purpose', 'start']));
    expect(
      (await b.post(`/api/assets/not-a-uuid/waitlist`, { ...slot(4, 2, 10), purpose: 'x', attendees: 1 }))
        .status,
    ).toBe(400);
    const past = await join(b, { start: '2020-01-07T10:00:00+09:00', end: '2020-01-07T11:00:00+09:00' });
    expect(past.status).toBe(422);
    const me = (await b.get<MeResponse>('/api/auth/me')).body;
    expect(me.id).toBeTruthy();
    expect((await t.client().get('/api/waitlist')).status).toBe(401);
  });
});
