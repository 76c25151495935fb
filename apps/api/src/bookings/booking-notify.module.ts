import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { AuditModule } from '../platform/audit/audit.module';
import { NotificationsModule } from '../platform/notifications/notifications.module';
import { BookingsModule } from './bookings.module';
import { FeedsController } from './feeds/feeds.controller';
import { FeedsRepository } from './feeds/feeds.repository';
import { FeedsService } from './feeds/feeds.service';
import { RemindersController } from './reminders/reminders.controller';
import { RemindersRepository } from './reminders/reminders.repository';
import { RemindersService } from './reminders/reminders.service';
import { WaitlistController } from './waitlist/waitlist.controller';
import { WaitlistJobs } from './waitlist/waitlist-jobs';
import { WaitlistRepository } from './waitlist/waitlist.repository';
import { WaitlistService } from './waitlist/waitlist.service';

/**
 * What follows a booking (issue 12): waitlists with timed offers, reminders and calendar feeds.
 * Uses only what BookingsModule exports (BookingsService to book, BookingEvents to hear of freed slots).
 */
@Module({
  imports: [BookingsModule, CatalogueModule, AuditModule, NotificationsModule],
  controllers: [WaitlistController, RemindersController, FeedsController],
  providers: [
    WaitlistService,
    WaitlistRepository,
    WaitlistJobs,
    RemindersService,
    RemindersRepository,
    FeedsService,
    FeedsRepository,
  ],
  exports: [WaitlistService, RemindersService],
})
export class BookingNotifyModule {}
