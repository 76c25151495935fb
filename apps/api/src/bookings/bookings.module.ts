import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { AuditModule } from '../platform/audit/audit.module';
import { NotificationsModule } from '../platform/notifications/notifications.module';
import { BookingEvents } from './booking-events';
import { BookingsJobs } from './bookings-jobs';
import { BookingsQueryService } from './bookings-query.service';
import { BookingsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { UsersModule } from '../users/users.module';
import { SettlementModule } from '../settlement/settlement.module';
import { BookingPaymentsController } from './booking-payments.controller';
import { BookingPaymentsService } from './booking-payments.service';

/** Booking requests, decisions and availability. Exports BookingsService (create a booking on someone's behalf). */
@Module({
  imports: [CatalogueModule, UsersModule, AuditModule, NotificationsModule, SettlementModule],
  controllers: [BookingsController, BookingPaymentsController],
  providers: [
    BookingsService,
    BookingsQueryService,
    BookingsRepository,
    BookingsJobs,
    BookingPaymentsService,
    BookingEvents,
  ],
  exports: [BookingsService, BookingEvents],
})
export class BookingsModule {}
