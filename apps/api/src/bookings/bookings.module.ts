import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { AuditModule } from '../platform/audit/audit.module';
import { NotificationsModule } from '../platform/notifications/notifications.module';
import { BookingsQueryService } from './bookings-query.service';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';

/** Booking requests, decisions and availability. Exports BookingsService (create a booking on someone's behalf). */
@Module({
  imports: [CatalogueModule, AuditModule, NotificationsModule],
  controllers: [BookingsController],
  providers: [BookingsService, BookingsQueryService],
  exports: [BookingsService],
})
export class BookingsModule {}
