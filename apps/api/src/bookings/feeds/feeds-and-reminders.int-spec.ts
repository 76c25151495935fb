import type {
  AssetSummary,
  BookingDto,
  CalendarFeedInfo,
  MeResponse,
  NotificationDto,
  ProblemDetails,
  ReminderPreferences,
} from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { startSmtpListener, type SmtpListener } from '../../test/smtp-listener';
import { startTestApp, TestApp } from '../../test/test-app';
import { RemindersService } from '../reminders/reminders.service';

const SEOUL = 'Asia/Seoul';
const slot = (weeks: number, weekday: number, hour: number, minutes = 60) => {
  const start = DateTime.now()
    .setZone(SEOUL)
    .startOf('week')
    .plus({ weeks, days: weekday - 1, hours: hour });
  return { start: start.toISO() as string, end: start.plus({ minutes }).toISO() as string };
};

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  start: DateTime;
  end: DateTime;
  raw: string;
}

/** Parses a feed with ical.js; every event's times as instants, shown in Seoul. */
function parse(text: string): { events: ParsedEvent[]; calendar: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: (c.getFirstPropertyValue('status') as string | null) ?? null,
      summary: event.summary,
      start: DateTime.fromJSDate(event.startDate.toJSDate()).setZone(SEOUL),
      end: DateTime.fromJSDate(event.endDate.toJSDate()).setZone(SEOUL),
      raw: c.toString(),
    };
  });
  return { events, calendar };
}

describe('reminders and calendar feeds (real PostgreSQL, real SMTP listener, ical.js)', () => {
  let t: TestApp;
  let smtp: SmtpListener;
  let room: string;
  let projector: string;
  let a: MadangClient;
  let b: MadangClient;
  let meA: MeResponse;

  beforeAll(async () => {
    smtp = await startSmtpListener();
    t = await startTestApp({
      demo: true,
      env: { JOBS_ENABLED: 'true', SMTP_URL: smtp.url, MAIL_POLL_MS: '200', JOBS_POLL_MS: '500' },
    });
    const assets = (await t.client().get<AssetSummary[]>('/api/assets')).body;
    const named = (en: string) => (assets.find((x) => x.name.en === en) as AssetSummary).id;
    room = named('Meeting Room C');
    projector = named('Projector');
    a = await t.signIn('resident@madang.local');
    b = await t.signIn('resident2@madang.local');
    meA = (await a.get<MeResponse>('/api/auth/me')).body;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const book = async (client: MadangClient, when: { start: string; end: string }, assetId = room) => {
    const r = await client.post<BookingDto>('/api/bookings', {
      items: [{ assetId }],
      ...when,
      purpose: '비밀 회의 안건',
      attendees: 3,
    });
    expect(r.status).toBe(201);
    return r.body;
  };
  /** Moves a booking (rules bypassed: only the reminder window matters here) to start/end around now. */
  const moveTo = (id: string, startHours: number, endHours: number) =>
    t.db.query(
      `WITH b AS (UPDATE bookings SET start_at = now() + make_interval(secs => $2::float8 * 3600), end_at = now() + make_interval(secs => $3::float8 * 3600) WHERE id = $1)
       UPDATE booking_items SET during = tstzrange(now() + make_interval(secs => $2::float8 * 3600), now() + make_interval(secs => $3::float8 * 3600)) WHERE booking_id = $1`,
      [id, startHours, endHours],
    );

  describe('reminder preferences', () => {
    it('default to none, are stored with the user, and refuse an unknown lead time or no channel', async () => {
      expect((await a.get<ReminderPreferences>('/api/reminder-preferences')).body).toEqual({
        hoursBefore: null,
        email: true,
        inApp: true,
      });
      const bad = await a.put<ProblemDetails>('/api/reminder-preferences', {
        hoursBefore: 2,
        email: true,
        inApp: true,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field)).toEqual(['hoursBefore']);
      const missing = await a.put<ProblemDetails>('/api/reminder-preferences', { email: true, inApp: true });
      expect(missing.status).toBe(400);
      const silent = await a.put<ProblemDetails>('/api/reminder-preferences', {
        hoursBefore: 3,
        email: false,
        inApp: false,
      });
      expect(silent.status).toBe(400);
      expect(silent.body.errors?.map((e) => e.field)).toEqual(['inApp']);
      const set = await a.put<ReminderPreferences>('/api/reminder-preferences', {
        hoursBefore: 3,
        email: true,
        inApp: true,
      });
      expect(set.body).toEqual({ hoursBefore: 3, email: true, inApp: true });
      const [row] = (await t.db.query(
        `SELECT reminder_hours, reminder_email, reminder_in_app FROM users WHERE id = $1`,
        [meA.id],
      )) as Record<string, unknown>[];
      expect(row).toEqual({ reminder_hours: 3, reminder_email: true, reminder_in_app: true });
      await expect(t.db.query(`UPDATE users SET reminder_hours = 5 WHERE id = $1`, [meA.id])).rejects.toThrow(
        /users_reminder_hours_check/,
      );
    });
  });

  describe('reminders', () => {
    // The demo's own bookings around now (theirs and on the test assets) would be reminded too.
    beforeAll(() =>
      t.db.query(
        `UPDATE bookings b SET decision = 'cancelled', holds_slot = false, cancelled_at = now()
          WHERE b.holds_slot AND b.end_at > now() - interval '2 days' AND b.start_at < now() + interval '3 days'
            AND (b.requester_id IN (SELECT id FROM users WHERE email IN ('resident@madang.local', 'resident2@madang.local'))
                 OR EXISTS (SELECT 1 FROM booking_items i WHERE i.booking_id = b.id AND i.asset_id IN ($1, $2)))`,
        [room, projector],
      ),
    );

    it('remind once within the chosen window (e-mail and in-app), before the start and before equipment is due back', async () => {
      await a.put('/api/reminder-preferences', { hoursBefore: 3, email: true, inApp: true });
      await b.put('/api/reminder-preferences', { hoursBefore: null, email: true, inApp: true });
      const soon = await book(a, slot(7, 2, 10));
      const later = await book(a, slot(7, 3, 10));
      const notMine = await book(b, slot(7, 4, 10));
      const kit = await book(a, slot(7, 5, 10), projector);
      await moveTo(soon.id, 2, 3); // starts within 3 h
      await moveTo(later.id, 5, 6); // outside the window
      await moveTo(notMine.id, 0.5, 1.5); // b wants no reminders
      await moveTo(kit.id, -1, 2); // equipment out, due back within 3 h
      const service = t.app.get(RemindersService);
      const sent = await Promise.all([service.sendDue(), service.sendDue()]);
      // Two concurrent sweeps (and the scheduled one, which may run meanwhile) send each reminder once.
      expect(sent.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(2);
      expect(await service.sendDue()).toBe(0);
      const rows = (await t.db.query(`SELECT booking_id, kind FROM booking_reminders ORDER BY kind`)) as {
        booking_id: string;
        kind: string;
      }[];
      expect(rows).toEqual([
        { booking_id: kit.id, kind: 'return_due' },
        { booking_id: soon.id, kind: 'start' },
      ]);
      const mine = (await a.get<NotificationDto[]>('/api/notifications')).body.filter(
        (n) => n.kind === 'booking.reminder' || n.kind === 'booking.return_due',
      );
      expect(mine.map((n) => `${n.kind}:${n.subject.id}`).sort()).toEqual(
        [`booking.reminder:${soon.id}`, `booking.return_due:${kit.id}`].sort(),
      );
      expect(mine.find((n) => n.kind === 'booking.return_due')?.body.en).toMatch(
        /^Projector: please return it by /,
      );
      const mail = await smtp.waitFor(
        (m) =>
          m.filter(
            (x) =>
              x.to.includes('resident@madang.local') &&
              /곧 예약 시간|starts soon|반납|due back/.test(x.subject),
          ).length >= 2,
        15_000,
      );
      expect(
        mail.filter((x) => x.to.includes('resident2@madang.local') && /곧 예약|starts soon/.test(x.subject)),
      ).toEqual([]);
      await expect(
        t.db.query(`INSERT INTO booking_reminders (booking_id, kind, user_id) VALUES ($1, 'start', $2)`, [
          soon.id,
          meA.id,
        ]),
      ).rejects.toThrow(/booking_reminders_pkey/);
    });

    it('sends e-mail-only reminders without an unread in-app notice, and in-app-only ones without e-mail', async () => {
      await a.put('/api/reminder-preferences', { hoursBefore: 24, email: true, inApp: false });
      await t.app.get(RemindersService).sendDue(); // what the wider window catches from the test before
      const booking = await book(a, slot(8, 2, 10));
      await moveTo(booking.id, 20, 21);
      await t.app.get(RemindersService).sendDue();
      const [row] = (await t.db.query(
        `SELECT read_at IS NOT NULL AS read, email_state FROM notifications WHERE subject_id = $1 AND kind = 'booking.reminder'`,
        [booking.id],
      )) as { read: boolean; email_state: string }[];
      expect(row.read).toBe(true);
      expect(row.email_state).not.toBe('none');

      await a.put('/api/reminder-preferences', { hoursBefore: 24, email: false, inApp: true });
      const other = await book(a, slot(8, 3, 10));
      await moveTo(other.id, 22, 23);
      await t.app.get(RemindersService).sendDue();
      expect(await t.app.get(RemindersService).sendDue()).toBe(0);
      const [second] = (await t.db.query(
        `SELECT read_at IS NOT NULL AS read, email_state FROM notifications WHERE subject_id = $1 AND kind = 'booking.reminder'`,
        [other.id],
      )) as { read: boolean; email_state: string }[];
      expect(second).toEqual({ read: false, email_state: 'none' });
      await a.put('/api/reminder-preferences', { hoursBefore: null, email: true, inApp: true });
    });
  });

  describe('calendar feeds', () => {
    const fetchText = async (path: string) => {
      const r = await fetch(`${t.baseUrl}${path}`, { headers: { 'accept-language': 'en' } });
      return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
    };

    it("serves the person's bookings with local times, stable UIDs, growing SEQUENCE and cancellations", async () => {
      const info = (await a.get<CalendarFeedInfo>('/api/feeds/me')).body;
      expect(info.path).toMatch(/^\/api\/feeds\/me\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(info.url).toBe(`${t.baseUrl}${info.path}`);
      expect((await a.get<CalendarFeedInfo>('/api/feeds/me')).body.path).toBe(info.path); // stable until rotated

      const kept = await book(a, slot(5, 2, 10, 90));
      const dropped = await book(a, slot(5, 3, 19, 120));
      const first = await fetchText(info.path);
      expect(first.status).toBe(200);
      expect(first.type).toMatch(/^text\/calendar/);
      const before = parse(first.text);
      const keptEvent = before.events.find((e) => e.uid === `booking-${kept.id}@madang`) as ParsedEvent;
      expect(keptEvent.start.toFormat('yyyy-MM-dd HH:mm')).toBe(
        DateTime.fromISO(slot(5, 2, 10).start)
          .setZone(SEOUL)
          .toFormat('yyyy-MM-dd HH:mm'),
      );
      expect(keptEvent.start.hour).toBe(10);
      expect(keptEvent.end.diff(keptEvent.start, 'minutes').minutes).toBe(90);
      expect(keptEvent.start.toUTC().toISO()).toBe(DateTime.fromISO(kept.start).toUTC().toISO());
      expect(keptEvent.status).toBe('CONFIRMED');
      // In the person's own language (resident@ reads Korean), whatever the calendar app asks for.
      expect(keptEvent.summary).toBe('회의실 C · 비밀 회의 안건');
      const droppedBefore = before.events.find(
        (e) => e.uid === `booking-${dropped.id}@madang`,
      ) as ParsedEvent;
      expect(droppedBefore.start.hour).toBe(19);
      expect(droppedBefore.sequence).toBe(0);
      expect(before.calendar.getFirstPropertyValue('x-wr-timezone')).toBe(SEOUL);

      expect((await a.post(`/api/bookings/${dropped.id}/cancel`, {})).status).toBe(200);
      const after = parse((await fetchText(info.path)).text);
      const droppedAfter = after.events.find((e) => e.uid === `booking-${dropped.id}@madang`) as ParsedEvent;
      expect(droppedAfter.status).toBe('CANCELLED');
      expect(droppedAfter.sequence).toBeGreaterThan(droppedBefore.sequence);
      expect(droppedAfter.start.toISO()).toBe(droppedBefore.start.toISO());
      const keptAfter = after.events.find((e) => e.uid === `booking-${kept.id}@madang`) as ParsedEvent;
      expect(keptAfter.sequence).toBe(keptEvent.sequence);
      // Only the person's own bookings.
      const others = await book(b, slot(5, 4, 10));
      expect(parse((await fetchText(info.path)).text).events.map((e) => e.uid)).not.toContain(
        `booking-${others.id}@madang`,
      );
    });

    it('rotates: the old secret answers 404 at once, the new one works; a wrong secret is 404', async () => {
      const old = (await a.get<CalendarFeedInfo>('/api/feeds/me')).body;
      const rotated = await a.post<CalendarFeedInfo>('/api/feeds/me/rotate');
      expect(rotated.status).toBe(200);
      expect(rotated.body.path).not.toBe(old.path);
      expect((await fetchText(old.path)).status).toBe(404);
      expect((await fetchText(rotated.body.path)).status).toBe(200);
      expect((await a.get<CalendarFeedInfo>('/api/feeds/me')).body.path).toBe(rotated.body.path);
      expect((await fetchText(`/api/feeds/me/${'A'.repeat(43)}.ics`)).status).toBe(404);
      expect((await fetchText(`/api/feeds/me/nonsense`)).status).toBe(404);
      const [stored] = (await t.db.query(`SELECT token_hash FROM calendar_feeds WHERE user_id = $1`, [
        meA.id,
      ])) as {
        token_hash: string;
      }[];
      const secret = rotated.body.path.split('/').pop()?.replace('.ics', '') ?? '';
      expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.token_hash).not.toContain(secret);
      // Another person's feed is theirs alone.
      const other = (await b.get<CalendarFeedInfo>('/api/feeds/me')).body;
      expect(other.path).not.toBe(rotated.body.path);
    });

    it("serves an asset's busy times with no names, purposes or e-mails", async () => {
      const held = await book(a, slot(6, 2, 14, 60));
      const feed = await fetchText(`/api/feeds/assets/${room}/public.ics`);
      expect(feed.status).toBe(200);
      const { events } = parse(feed.text);
      const busy = events.find(
        (e) => e.start.toUTC().toISO() === DateTime.fromISO(held.start).toUTC().toISO(),
      );
      expect(busy).toBeDefined();
      expect(busy?.summary).toBe('사용 중 · Busy');
      // The room has a 15-minute buffer after: busy until 15:15.
      expect(busy?.end.toFormat('HH:mm')).toBe('15:15');
      for (const e of events) expect(e.uid).toMatch(/^busy-[0-9a-f-]{36}@madang$/);
      expect(feed.text).not.toMatch(/비밀 회의|resident|@madang\.local|ORGANIZER|ATTENDEE|DESCRIPTION/);
      expect(feed.text).not.toContain(meA.displayName);
      expect((await fetchText(`/api/feeds/assets/${room}/secret.ics`)).status).toBe(404);
      expect(
        (await fetchText(`/api/feeds/assets/00000000-0000-4000-8000-000000000000/public.ics`)).status,
      ).toBe(404);
      expect((await fetchText(`/api/feeds/assets/not-a-uuid/public.ics`)).status).toBe(400);
    });
  });
});
