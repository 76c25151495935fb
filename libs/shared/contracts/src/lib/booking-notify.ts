import type { BookingItem } from './rental-rules';
import type { LocalizedText } from './locale';

/** Where an entry stands: waiting in line, holding an open offer, booked through it, or out of line. */
export const WAITLIST_STATES = ['waiting', 'offered', 'booked', 'lapsed', 'withdrawn'] as const;
export type WaitlistState = (typeof WAITLIST_STATES)[number];

export const WAITLIST_OFFER_STATES = ['open', 'accepted', 'expired', 'withdrawn'] as const;
export type WaitlistOfferState = (typeof WAITLIST_OFFER_STATES)[number];

/** `POST /api/assets/:id/waitlist`: the booking one would have made, for a slot someone else holds. */
export interface JoinWaitlistRequest {
  start: string;
  end: string;
  /** The items as a booking would have them; must include the asset of the path. Default: that asset, 1 unit. */
  items?: BookingItem[];
  purpose: string;
  attendees: number;
  groupId?: string | null;
}

export interface WaitlistOfferDto {
  id: string;
  state: WaitlistOfferState;
  createdAt: string;
  /** After this instant the offer cannot be accepted (checked by the database). */
  expiresAt: string;
  bookingId: string | null;
}

export interface WaitlistEntryDto {
  id: string;
  asset: { id: string; name: LocalizedText };
  start: string;
  end: string;
  items: BookingItem[];
  purpose: string;
  attendees: number;
  groupId: string | null;
  state: WaitlistState;
  /** 1 = first in line for this slot (waiting entries only). */
  position: number | null;
  createdAt: string;
  /** The newest offer made to this entry, if any. */
  offer: WaitlistOfferDto | null;
}

/** Reminder lead times a person can choose; null = no reminders. */
export const REMINDER_HOURS = [1, 3, 24] as const;
export type ReminderHours = (typeof REMINDER_HOURS)[number];

/** `GET/PUT /api/reminder-preferences`: reminders before a booking starts and before equipment is due back. */
export interface ReminderPreferences {
  hoursBefore: ReminderHours | null;
  email: boolean;
  inApp: boolean;
}

/** `GET /api/feeds/me`: the person's secret calendar (iCal) feed. */
export interface CalendarFeedInfo {
  /** Absolute path of the feed (`/api/feeds/me/<secret>.ics`); prefix it with the site's origin. */
  path: string;
  /** `webcal:`-free https/http URL when the server knows its origin from the request. */
  url: string;
  rotatedAt: string;
}
