import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bufferedRange, DEFAULT_WAITLIST_OFFER_MINUTES, zoneNamed } from '@madang/booking-rules';
import type { BookingDto, LocalizedText, WaitlistEntryDto } from '@madang/contracts';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { AppConfig } from '../../config/app-config';
import type { Actor } from '../../core/actor';
import { DomainError, invalidField, notFound } from '../../core/domain-error';
import { NotificationsService } from '../../platform/notifications/notifications.service';
import { BookingEvents } from '../booking-events';
import { BookingsService } from '../bookings.service';
import type { CreateBookingDto } from '../dto/bookings.dto';
import type { JoinWaitlistDto } from './waitlist.dto';
import { BOOKING_NOTIFY_NOTICES, type BookingNotifyNotice } from './waitlist-notices';
import { EntryRow, EntryViewRow, FreedWindow, OfferRow, WaitlistRepository } from './waitlist.repository';

const pgError = (error: unknown) =>
  error instanceof QueryFailedError
    ? (error.driverError as { code?: string; constraint?: string })
    : undefined;

/**
 * Waitlists for taken slots. When a booking stops holding its slot (the bookings module's
 * SlotFreed event, in the same transaction), the first entry in line whose wanted slot is now free
 * gets a timed offer; accepting books through the normal create path (rules and the exclusion
 * constraint re-check everything); an offer left too long expires (scheduled sweep) and the slot
 * passes to the next in line.
 */
@Injectable()
export class WaitlistService {
  private readonly logger = new Logger('Waitlist');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly waitlist: WaitlistRepository,
    private readonly bookings: BookingsService,
    private readonly catalogue: CatalogueService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    events: BookingEvents,
  ) {
    this.notifications.registerTemplates(BOOKING_NOTIFY_NOTICES);
    events.onSlotFreed((tx, event) => this.onSlotFreed(tx, event.bookingId));
  }

  /** Joins the line for a slot someone else holds; a free slot is 409 (book it instead). */
  async join(actor: Actor, assetId: string, dto: JoinWaitlistDto): Promise<WaitlistEntryDto> {
    const items = dto.items?.length ? dto.items : [{ assetId, quantity: 1 }];
    if (!items.some((i) => i.assetId === assetId)) throw invalidField('items', 'invalid');
    const request: CreateBookingDto = {
      items: items.map((i) => ({ assetId: i.assetId, quantity: i.quantity ?? 1 })),
      start: dto.start,
      end: dto.end,
      purpose: dto.purpose,
      attendees: dto.attendees,
      groupId: dto.groupId ?? null,
    };
    const quote = await this.bookings.quote(actor, request);
    if (quote.violations.length) throw new DomainError('rule_violation', { violations: quote.violations });
    if (quote.conflicts.length === 0) throw new DomainError('slot_free');
    try {
      const id = await this.db.transaction((tx) =>
        this.waitlist.insertEntry(tx, {
          user_id: actor.userId,
          asset_id: assetId,
          group_id: request.groupId ?? null,
          start_at: new Date(request.start).toISOString(),
          end_at: new Date(request.end).toISOString(),
          items: request.items,
          purpose: request.purpose.trim(),
          attendees: request.attendees,
        }),
      );
      return this.one(actor, id);
    } catch (error) {
      if (pgError(error)?.constraint === 'waitlist_entries_one_per_person_slot')
        throw new DomainError('conflict', { reason: 'already_waiting' });
      throw error;
    }
  }

  async list(actor: Actor): Promise<WaitlistEntryDto[]> {
    return (await this.waitlist.listFor(actor.userId)).map(toDto);
  }

  /** Leaves the line; an open offer is withdrawn and passes on at once. */
  async leave(actor: Actor, entryId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const entry = await this.waitlist.lockEntry(tx, entryId);
      if (!entry || entry.user_id !== actor.userId) throw notFound();
      if (entry.state !== 'waiting' && entry.state !== 'offered')
        throw new DomainError('state_conflict', { state: entry.state });
      const offer = await this.waitlist.lockOpenOfferOf(tx, entry.id);
      await this.waitlist.setEntryState(tx, [entry.id], 'withdrawn');
      if (offer) {
        await this.waitlist.withdrawOffer(tx, offer.id);
        await this.offerFreed(tx, [{ assetId: offer.asset_id, start: offer.start_at, end: offer.end_at }]);
      }
    });
  }

  /**
   * Accepts an open offer: books the entry's request through the normal path (rules re-checked,
   * exclusion constraint), with the offer as idempotency key so a retry replays the same booking.
   * The offer is locked meanwhile; the database refuses the acceptance once it has expired.
   */
  async accept(actor: Actor, offerId: string): Promise<BookingDto> {
    try {
      return await this.db.transaction(async (tx) => {
        const offer = await this.waitlist.lockOffer(tx, offerId);
        if (!offer || offer.user_id !== actor.userId) throw notFound();
        if (offer.state === 'expired' || (offer.state === 'open' && !offer.live))
          throw new DomainError('offer_expired');
        if (offer.state !== 'open') throw new DomainError('state_conflict', { state: offer.state });
        const entry = await this.waitlist.lockEntry(tx, offer.entry_id);
        if (!entry) throw notFound();
        const { booking } = await this.bookings.create(actor, requestOf(entry), `waitlist-offer:${offer.id}`);
        await this.waitlist.accept(tx, offer, booking.id);
        return booking;
      });
    } catch (error) {
      if (pgError(error)?.constraint === 'waitlist_offers_accept_before_expiry')
        throw new DomainError('offer_expired');
      throw error;
    }
  }

  /**
   * The scheduled sweep: expires overdue offers (each passes to the next in line), lapses entries
   * whose slot has started, and offers any waiting entry whose slot is free without an offer.
   */
  async expireDue(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const expired = await this.waitlist.expireDue(tx);
      for (const offer of expired) await this.notifyExpired(tx, offer);
      if (expired.length)
        await this.offerFreed(
          tx,
          expired.map((o) => ({ assetId: o.asset_id, start: o.start_at, end: o.end_at })),
        );
      await this.waitlist.lapseStarted(tx);
      // Safety net: a slot freed by two transactions at once looked taken to each of them.
      await this.offerTo(tx, await this.waitlist.waitingAll(tx));
      if (expired.length) this.logger.log(`${expired.length} waitlist offer(s) expired`);
      return expired.length;
    });
  }

  // ── internals ─────────────────────────────────────────────────────────────

  private async onSlotFreed(tx: EntityManager, bookingId: string): Promise<void> {
    await this.offerFreed(tx, await this.waitlist.windowsOfBooking(tx, bookingId));
  }

  /**
   * Offers freed windows down the line: each waiting entry that wants part of them, in line order,
   * gets an offer if every item of its request is free now (as this transaction sees it) and no open
   * offer covers its time on the asset already.
   */
  private async offerFreed(tx: EntityManager, windows: FreedWindow[]): Promise<void> {
    await this.offerTo(tx, await this.waitlist.waitingFor(tx, windows));
  }

  /** Offers each candidate (in line order) whose whole request is free now and not already on offer. */
  private async offerTo(tx: EntityManager, candidates: EntryRow[]): Promise<void> {
    if (!candidates.length) return;
    const assetIds = [...new Set(candidates.flatMap((c) => c.items.map((i) => i.assetId)))];
    const assets = new Map((await this.catalogue.forRules(assetIds, tx)).map((a) => [a.id, a]));
    for (const entry of candidates) {
      let free = true;
      for (const item of entry.items) {
        const asset = assets.get(item.assetId);
        if (!asset) {
          free = false;
          break;
        }
        const range = bufferedRange(entry.start_at.toISOString(), entry.end_at.toISOString(), asset.rules);
        const held = await this.waitlist.heldOver(tx, asset.id, range.start, range.end);
        const fits =
          asset.kind === 'equipment_pool'
            ? held.units + item.quantity <= (asset.poolSize ?? 0)
            : held.items === 0;
        if (!fits || (item.assetId === entry.asset_id && held.offered)) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      const main = assets.get(entry.asset_id);
      const minutes = main?.rules.waitlistOfferMinutes ?? DEFAULT_WAITLIST_OFFER_MINUTES;
      const offer = await this.waitlist.openOffer(tx, entry, minutes);
      if (!offer) continue;
      await this.notifications.notify(tx, [
        {
          recipientId: entry.user_id,
          kind: 'waitlist.offered' satisfies BookingNotifyNotice,
          subject: { type: 'waitlist_offer', id: offer.id },
          values: (locale) => ({
            ...this.facts(entry, names(entry, assets), locale),
            expires: this.local(offer.expires_at, 'HH:mm'),
          }),
        },
      ]);
    }
  }

  private async notifyExpired(tx: EntityManager, offer: OfferRow): Promise<void> {
    const entry = await this.waitlist.lockEntry(tx, offer.entry_id);
    if (!entry) return;
    const assets = new Map((await this.catalogue.forRules([entry.asset_id], tx)).map((a) => [a.id, a]));
    await this.notifications.notify(tx, [
      {
        recipientId: offer.user_id,
        kind: 'waitlist.offer_expired' satisfies BookingNotifyNotice,
        subject: { type: 'waitlist_offer', id: offer.id },
        values: (locale) => this.facts(entry, names(entry, assets), locale),
      },
    ]);
  }

  private facts(entry: EntryRow, assetNames: LocalizedText[], locale: 'ko' | 'en') {
    return {
      assets: assetNames.map((n) => n[locale]).join(', '),
      when: `${this.local(entry.start_at, 'yyyy-MM-dd HH:mm')}–${this.local(entry.end_at, 'HH:mm')}`,
    };
  }

  private local(at: Date, format: string): string {
    return DateTime.fromJSDate(at, { zone: zoneNamed(this.config.MADANG_TIMEZONE) }).toFormat(format);
  }

  private async one(actor: Actor, id: string): Promise<WaitlistEntryDto> {
    const [row] = await this.waitlist.listFor(actor.userId, id);
    if (!row) throw notFound();
    return toDto(row);
  }
}

function names(entry: EntryRow, assets: Map<string, { name: LocalizedText }>): LocalizedText[] {
  return entry.items.map((i) => assets.get(i.assetId)?.name ?? { ko: '?', en: '?' });
}

function requestOf(entry: EntryRow): CreateBookingDto {
  return {
    items: entry.items.map((i) => ({ assetId: i.assetId, quantity: i.quantity })),
    start: entry.start_at.toISOString(),
    end: entry.end_at.toISOString(),
    purpose: entry.purpose,
    attendees: entry.attendees,
    groupId: entry.group_id,
  };
}

function toDto(r: EntryViewRow): WaitlistEntryDto {
  return {
    id: r.id,
    asset: { id: r.asset_id, name: { ko: r.name_ko, en: r.name_en } },
    start: r.start_at.toISOString(),
    end: r.end_at.toISOString(),
    items: r.items,
    purpose: r.purpose,
    attendees: r.attendees,
    groupId: r.group_id,
    state: r.state,
    position: r.position,
    createdAt: r.created_at.toISOString(),
    offer:
      r.offer_id && r.offer_state && r.offer_created_at && r.offer_expires_at
        ? {
            id: r.offer_id,
            state: r.offer_state,
            createdAt: r.offer_created_at.toISOString(),
            expiresAt: r.offer_expires_at.toISOString(),
            bookingId: r.offer_booking_id,
          }
        : null,
  };
}
