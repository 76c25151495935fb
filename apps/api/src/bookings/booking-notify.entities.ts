import { BookingFeedSequenceEntity } from './feeds/booking-feed-sequence.entity';
import { CalendarFeedEntity } from './feeds/calendar-feed.entity';
import { BookingReminderEntity } from './reminders/booking-reminder.entity';
import { WaitlistEntryEntity } from './waitlist/waitlist-entry.entity';
import { WaitlistOfferEntity } from './waitlist/waitlist-offer.entity';

/** Waitlists, reminders and calendar feeds (issue 12). */
export const BOOKING_NOTIFY_ENTITIES = [
  WaitlistEntryEntity,
  WaitlistOfferEntity,
  BookingReminderEntity,
  CalendarFeedEntity,
  BookingFeedSequenceEntity,
];
