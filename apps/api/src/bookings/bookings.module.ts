import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { AuditModule } from '../platform/audit/audit.module';
import { NotificationsModule } from '../platform/notifications/notifications.module';
import { BookingsJobs } from './bookings-jobs';
import { BookingsQueryService } from './bookings-query.service';
import { BookingsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { UsersModule } from '../users/users.module';
import { SettlementModule } from '../settlement/settlement.module';
import { BookingPaymentsController } from './booking-payments.controller';
import { BookingPaymentsService } from './booking-payments.service';
import { BookingBlocksRepository } from './blocks/booking-blocks.repository';
import { BookingBlocksService } from './blocks/booking-blocks.service';
import { OutOfServiceController } from './blocks/out-of-service.controller';

/**
 * Booking requests, decisions and availability. Exports BookingsService (create a booking on someone's
 * behalf) and BookingBlocksService (block assets' time: out of service, residency, experiments).
 */
@Module({
  imports: [CatalogueModule, UsersModule, AuditModule, NotificationsModule, SettlementModule],
  controllers: [BookingsController, BookingPaymentsController, OutOfServiceController],
  providers: [
    BookingsService,
    BookingsQueryService,
    BookingsRepository,
    BookingsJobs,
    BookingPaymentsService,
    BookingBlocksService,
    BookingBlocksRepository,
  ],
  exports: [BookingsService, BookingBlocksService],
})
export class BookingsModule {}
