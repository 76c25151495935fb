import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarFeedInfo, Decision } from '@madang/contracts';
import ical, {
  ICalCalendarMethod,
  ICalEventBusyStatus,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import { createHash, createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { Actor } from '../../core/actor';
import { notFound } from '../../core/domain-error';
import { FeedRow, FeedsRepository } from './feeds.repository';

/** 32 bytes of HMAC-SHA256 in base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** The literal the asset feed takes in place of a secret: busy times are public (like availability). */
export const PUBLIC_FEED = 'public';

const STATUS: Readonly<Record<Decision, ICalEventStatus>> = {
  pending: ICalEventStatus.TENTATIVE,
  approved: ICalEventStatus.CONFIRMED,
  rejected: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * iCal feeds. A person's feed lives at a secret URL derived (HMAC) from a server key, the person and
 * the feed's generation; only the SHA-256 of the secret is stored and looked up, and rotating moves
 * to the next generation, so the old URL stops working at once. Times are written in UTC (with
 * X-WR-TIMEZONE naming the centre's zone), which every calendar shows in its own local time. Each
 * booking keeps its UID for life; SEQUENCE counts its changes (a database trigger), and a cancelled
 * or rejected booking stays in the feed as STATUS:CANCELLED so subscribed calendars drop it.
 */
@Injectable()
export class FeedsService {
  private readonly key: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly feeds: FeedsRepository,
    private readonly config: AppConfig,
  ) {
    if (config.FEED_TOKEN_SECRET) this.key = config.FEED_TOKEN_SECRET;
    else {
      // Not stored in the database, so a copy of the database alone cannot rebuild a feed URL.
      this.key = sha256(`madang-calendar-feed:${config.DATABASE_URL}`);
      if (config.NODE_ENV === 'production')
        new Logger('Feeds').warn('FEED_TOKEN_SECRET is not set: feed URLs are derived from DATABASE_URL');
    }
  }

  /** The person's feed, created on first use. */
  async mine(actor: Actor, origin: string): Promise<CalendarFeedInfo> {
    return this.db.transaction(async (tx) => {
      const feed = (await this.feeds.lockFeed(tx, actor.userId)) ?? (await this.save(tx, actor.userId, 1));
      return this.info(feed, origin);
    });
  }

  /** A new secret URL; the old one answers 404 from now on. */
  async rotate(actor: Actor, origin: string): Promise<CalendarFeedInfo> {
    return this.db.transaction(async (tx) => {
      const feed = await this.feeds.lockFeed(tx, actor.userId);
      return this.info(await this.save(tx, actor.userId, (feed?.generation ?? 0) + 1), origin);
    });
  }

  /**
   * The person's calendar for a secret, or 404 for any secret that is not current. Written in the
   * person's own language (calendar apps send no Accept-Language worth following).
   */
  async personCalendar(file: string): Promise<string> {
    const token = tokenOf(file);
    const owner = token ? await this.feeds.ownerOfToken(sha256(token)) : undefined;
    if (!owner) throw notFound();
    const { user_id: userId, locale } = owner;
    const calendar = this.calendar(locale === 'ko' ? '마당 · 내 예약' : 'Madang · My bookings');
    for (const b of await this.feeds.personEvents(userId)) {
      calendar.createEvent({
        id: `booking-${b.id}@madang`,
        start: b.start_at,
        end: b.end_at,
        stamp: b.updated_at,
        created: b.created_at,
        lastModified: b.updated_at,
        sequence: b.sequence,
        status: STATUS[b.decision],
        summary: `${b.names.map((n) => n[locale]).join(', ')} · ${b.purpose}`,
        busystatus: b.decision === 'approved' ? ICalEventBusyStatus.BUSY : ICalEventBusyStatus.TENTATIVE,
      });
    }
    return calendar.toString();
  }

  /** Busy times of an asset: no names, purposes or e-mails — the same facts as public availability. */
  async assetCalendar(assetId: string, file: string): Promise<string> {
    if (file !== `${PUBLIC_FEED}.ics` || !(await this.feeds.assetExists(assetId))) throw notFound();
    const calendar = this.calendar('Madang · busy');
    for (const b of await this.feeds.busy(assetId)) {
      calendar.createEvent({
        id: `busy-${b.id}@madang`,
        start: b.start,
        end: b.end,
        stamp: b.changed_at,
        sequence: b.sequence,
        summary: '사용 중 · Busy',
        transparency: ICalEventTransparency.OPAQUE,
        status: ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  }

  // ── internals ─────────────────────────────────────────────────────────────

  private calendar(name: string) {
    const calendar = ical({
      name,
      prodId: { company: 'Madang', product: 'bookings', language: 'KO' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 15 * 60,
    });
    calendar.x('X-WR-TIMEZONE', this.config.MADANG_TIMEZONE);
    return calendar;
  }

  private token(userId: string, generation: number): string {
    return createHmac('sha256', this.key).update(`${userId}:${generation}`).digest('base64url');
  }

  private save(
    tx: Parameters<FeedsRepository['save']>[0],
    userId: string,
    generation: number,
  ): Promise<FeedRow> {
    return this.feeds.save(tx, userId, generation, sha256(this.token(userId, generation)));
  }

  private info(feed: FeedRow, origin: string): CalendarFeedInfo {
    const path = `/api/feeds/me/${this.token(feed.user_id, feed.generation)}.ics`;
    const base = this.config.PUBLIC_URL?.replace(/\/+$/, '') ?? origin;
    return { path, url: `${base}${path}`, rotatedAt: feed.rotated_at.toISOString() };
  }
}

function tokenOf(file: string): string | undefined {
  if (!file.endsWith('.ics')) return undefined;
  const token = file.slice(0, -4);
  return TOKEN.test(token) ? token : undefined;
}
