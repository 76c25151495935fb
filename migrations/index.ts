import { Foundation1764000000000 } from './1764000000000-foundation';
import { Bookings1764100000000 } from './1764100000000-bookings';
import { EmailDelivery1764200000000 } from './1764200000000-email-delivery';
import { NotificationSubjects1765000000000 } from './1765000000000-notification-subjects';
import { PersonForeignKeys1765010000000 } from './1765010000000-person-foreign-keys';
import { FilesAndExports1765200000000 } from './1765200000000-files-and-exports';
import { AttemptKinds1765300000000 } from './1765300000000-attempt-kinds';
import { RulesSchema1765310000000 } from './1765310000000-rules-schema';
import { Settlement1765400000000 } from './1765400000000-settlement';
import { AssetPhotosToFiles1765500000000 } from './1765500000000-asset-photos-to-files';
import { BookingBlocks1765610000000 } from './1765610000000-booking-blocks';
import { Desk1765611000000 } from './1765611000000-desk';
import { BookingSeries1765600000000 } from './1765600000000-booking-series';
import { LivingLabs1765800000000 } from './1765800000000-living-labs';
import { Recruitment1765700000000 } from './1765700000000-recruitment';
import { BookingNotify1765620000000 } from './1765620000000-booking-notify';
import { PhotoVariants1765900000000 } from './1765900000000-photo-variants';

/** Every migration in order, as a class list (the API is bundled; globs would find nothing). */
export const MIGRATIONS = [
  Foundation1764000000000,
  Bookings1764100000000,
  EmailDelivery1764200000000,
  NotificationSubjects1765000000000,
  PersonForeignKeys1765010000000,
  FilesAndExports1765200000000,
  AttemptKinds1765300000000,
  RulesSchema1765310000000,
  Settlement1765400000000,
  AssetPhotosToFiles1765500000000,
  BookingBlocks1765610000000,
  Desk1765611000000,
  BookingSeries1765600000000,
  LivingLabs1765800000000,
  Recruitment1765700000000,
  BookingNotify1765620000000,
  PhotoVariants1765900000000,
];
