import type { AssetSummary, BookingDto, JobsHealth } from '@madang/contracts';
import { DateTime } from 'luxon';
import { startSmtpListener, type SmtpListener } from '../../test/smtp-listener';
import { startTestApp, type TestApp } from '../../test/test-app';
import { loadConfig } from '../../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { MAIL_FLUSH_JOB, MailerService } from './mailer.service';

const SEOUL = 'Asia/Seoul';
/** A weekday `weeks` weeks ahead (1 = Monday), at a local hour. */
const slot = (weeks: number, weekday: number, hour: number) => {
  const start = DateTime.now()
    .setZone(SEOUL)
    .startOf('week')
    .plus({ weeks, days: weekday - 1, hours: hour });
  return { start: start.toISO() as string, end: start.plus({ hours: 1 }).toISO() as string };
};

/**
 * E-mail over a real SMTP listener, on the job runner: every 100 ms the API checks the outbox and queues
 * the `mail.flush` job when something is due; workers poll every 500 ms.
 */
describe('e-mail notifications (real SMTP listener)', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let room: string;

  /** The delivery state of a notification (found by id: nothing here depends on what it is about). */
  const outboxOf = async (notificationId: string) =>
    (
      (await t.db.query(
        `SELECT email_state AS state, email_attempts AS attempts, email_sent_at AS sent_at, email_last_error AS last_error
           FROM notifications WHERE id = $1`,
        [notificationId],
      )) as { state: string; attempts: number; sent_at: Date | null; last_error: string | null }[]
    )[0];
  /** The newest notification of a recipient. */
  const latestFor = async (email: string) =>
    (
      (await t.db.query(
        `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE u.email = $1 ORDER BY n.created_at DESC, n.id LIMIT 1`,
        [email],
      )) as { id: string }[]
    )[0].id;
  const until = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached within 10 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  beforeAll(async () => {
    smtp = await startSmtpListener();
    t = await startTestApp({
      demo: true,
      env: {
        SMTP_URL: smtp.url,
        MAIL_POLL_MS: '100',
        JOBS_POLL_MS: '500',
        JOBS_MAINTENANCE_SECONDS: '1',
        MAIL_FROM: '마당 <no-reply@madang.example.kr>',
        PUBLIC_URL: 'https://madang.example.kr/',
      },
    });
    const assets = (await t.client().get<AssetSummary[]>('/api/assets')).body;
    room = (assets.find((a) => a.name.en === 'Meeting Room B') as AssetSummary).id;
    // The demo data's own notifications go out first; each test starts from a quiet outbox.
    await until(async () => {
      const [{ n }] = (await t.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE email_state = 'queued'`,
      )) as { n: number }[];
      return n === 0;
    });
    smtp.received.length = 0;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const book = (client: Awaited<ReturnType<TestApp['signIn']>>, when: { start: string; end: string }) =>
    client.post<BookingDto>('/api/bookings', {
      items: [{ assetId: room }],
      ...when,
      purpose: '메일 시험',
      attendees: 2,
    });

  it("e-mails a decision to the requester in the requester's language, with a link and the sender", async () => {
    const resident = await t.signIn('resident@madang.local');
    const booked = await book(resident, slot(3, 2, 10));
    expect(booked.status).toBe(201);
    const [mail] = (await smtp.waitFor((m) => m.some((x) => x.to.includes('resident@madang.local')))).filter(
      (x) => x.to.includes('resident@madang.local'),
    );
    expect(mail.subject).toBe('예약이 승인되었습니다');
    expect(mail.text).toContain('회의실 B');
    expect(mail.text).toContain('https://madang.example.kr/bookings');
    expect(mail.text).toContain('마당 · 제주 사회혁신센터');
    expect(mail.from).toContain('no-reply@madang.example.kr');
    // The SMTP server has the mail before the sender records it: wait for the state, do not race it.
    const notification = await latestFor('resident@madang.local');
    await until(async () => (await outboxOf(notification))?.state === 'sent');
    expect(await outboxOf(notification)).toMatchObject({ state: 'sent', attempts: 1, last_error: null });

    const neighbour = await t.signIn('resident2@madang.local');
    expect((await neighbour.patch('/api/auth/me', { locale: 'en' })).status).toBe(200);
    const english = await book(neighbour, slot(3, 2, 12));
    expect(english.status).toBe(201);
    const [theirs] = (
      await smtp.waitFor((m) => m.some((x) => x.to.includes('resident2@madang.local')))
    ).filter((x) => x.to.includes('resident2@madang.local'));
    expect(theirs.subject).toBe('Booking approved');
    expect(theirs.text).toContain('Meeting Room B');
    expect(theirs.text).toContain('Open in Madang: https://madang.example.kr/bookings');
  });

  it('retries a busy server (451) and delivers exactly once', async () => {
    const resident = await t.signIn('resident@madang.local');
    smtp.received.length = 0;
    smtp.refuseNext(451);
    const booked = await book(resident, slot(3, 3, 10));
    expect(booked.status).toBe(201);
    const notification = await latestFor('resident@madang.local');
    await until(async () => (await outboxOf(notification))?.last_error !== null);
    const refused = await outboxOf(notification);
    expect(refused).toMatchObject({ state: 'queued', attempts: 1, sent_at: null });
    expect(refused.last_error).toMatch(/^451/);
    expect(smtp.received).toEqual([]);

    // The retry is due in 30 s; bring it forward rather than wait.
    await t.db.query(`UPDATE notifications SET email_next_attempt_at = now() WHERE id = $1`, [notification]);
    await smtp.waitFor((m) => m.length === 1);
    await until(async () => (await outboxOf(notification)).sent_at !== null);
    expect(await outboxOf(notification)).toMatchObject({ state: 'sent', attempts: 2, last_error: null });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received).toHaveLength(1);
  });

  it('gives up at once on a permanent refusal (550) and keeps the message', async () => {
    const resident = await t.signIn('resident@madang.local');
    smtp.received.length = 0;
    smtp.refuseNext(550);
    const booked = await book(resident, slot(3, 4, 10));
    expect(booked.status).toBe(201);
    const notification = await latestFor('resident@madang.local');
    await until(async () => (await outboxOf(notification))?.state === 'failed');
    const row = await outboxOf(notification);
    expect(row).toMatchObject({ attempts: 1, sent_at: null });
    expect(row.last_error).toMatch(/^550/);
    expect(smtp.received).toEqual([]);
  });

  it('queues nothing for a request that did not commit', async () => {
    const neighbour = await t.signIn('resident2@madang.local');
    const count = async () =>
      (
        (await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE email_state <> 'none'`)) as {
          n: number;
        }[]
      )[0].n;
    const before = await count();
    const taken = await book(neighbour, slot(3, 2, 10)); // resident's slot from the first test
    expect(taken.status).toBe(409);
    expect(await count()).toBe(before);
  });

  it('lets two API processes share the outbox without sending any message twice', async () => {
    smtp.received.length = 0;
    const [{ id: userId }] = (await t.db.query(
      `SELECT id FROM users WHERE email = 'admin@madang.local'`,
    )) as {
      id: string;
    }[];
    // A second process: its own job runner and mailer on the same database, both polling the outbox.
    const jobs = new JobsService(
      t.db,
      loadConfig({ DATABASE_URL: t.config.DATABASE_URL, LOG_LEVEL: 'error', JOBS_POLL_MS: '500' }),
    );
    const second = new MailerService(t.db, t.config, jobs);
    second.onModuleInit();
    await jobs.start();
    second.onApplicationBootstrap();
    try {
      await t.db.query(
        `INSERT INTO notifications (user_id, kind, title_ko, title_en, body_ko, body_en, subject_type, email_state)
         SELECT $1, 'booking.approved', '묶음 ' || i, 'bulk ' || i, '본문', 'body', 'booking', 'queued' FROM generate_series(1, 40) i`,
        [userId],
      );
      // Besides the flush jobs, drain directly from both at once: each message is claimed by one sender.
      await Promise.all([second.drain(), t.app.get(MailerService).drain(), second.drain()]);
      await smtp.waitFor((m) => m.length >= 40);
      await new Promise((r) => setTimeout(r, 500));
      const subjects = smtp.received.map((m) => m.subject);
      expect(subjects).toHaveLength(40);
      expect(new Set(subjects).size).toBe(40);
      // Every row ends `sent` (the SMTP server may have the last message a moment before its row says so).
      await until(async () => {
        const [{ queued }] = (await t.db.query(
          `SELECT count(*)::int AS queued FROM notifications WHERE email_state = 'queued'`,
        )) as { queued: number }[];
        return queued === 0;
      });
    } finally {
      second.onModuleDestroy();
      await jobs.stop();
    }
  });

  it('runs the flush as a job the admin health view shows', async () => {
    const admin = await t.signIn('admin@madang.local');
    const res = await admin.get<JobsHealth>('/api/admin/jobs');
    expect(res.status).toBe(200);
    const flush = res.body.queues.find((q) => q.name === MAIL_FLUSH_JOB);
    expect(flush).toMatchObject({ policy: 'stately', lastRun: { state: 'completed' } });
  });
});
