import { Module, OnModuleInit } from '@nestjs/common';
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
import { BookingBlocksRepository } from './blocks/booking-blocks.repository';
import { BookingBlocksService } from './blocks/booking-blocks.service';
import { OutOfServiceController } from './blocks/out-of-service.controller';
import { AssetPartsService } from './desk/asset-parts.service';
import { CheckInService } from './desk/check-in.service';
import { CustodyFilesPolicy, CUSTODY_OWNER } from './desk/custody-files.policy';
import { CustodyService } from './desk/custody.service';
import { DeskJobs } from './desk/desk-jobs';
import { DeskController } from './desk/desk.controller';
import { DeskRepository } from './desk/desk.repository';
import { FilesService } from '../platform/files/files.service';
import { SeriesChangesService } from './series/series-changes.service';
import { SeriesChecker } from './series/series-checker';
import { SeriesController } from './series/series.controller';
import { SeriesRepository } from './series/series.repository';
import { SeriesService } from './series/series.service';

/**
 * Booking requests, decisions and availability. Exports BookingsService (create a booking on someone's
 * behalf) and BookingBlocksService (block assets' time: out of service, residency, experiments).
 */
@Module({
  imports: [CatalogueModule, UsersModule, AuditModule, NotificationsModule, SettlementModule],
  // SeriesController first: otherwise `bookings/:id` would catch `bookings/series`.
  controllers: [
    SeriesController,
    BookingsController,
    BookingPaymentsController,
    OutOfServiceController,
    DeskController,
  ],
  providers: [
    BookingsService,
    BookingsQueryService,
    BookingsRepository,
    BookingsJobs,
    BookingPaymentsService,
    BookingBlocksService,
    BookingBlocksRepository,
    DeskRepository,
    AssetPartsService,
    CustodyService,
    CheckInService,
    CustodyFilesPolicy,
    DeskJobs,
    SeriesRepository,
    SeriesChecker,
    SeriesService,
    SeriesChangesService,
    BookingEvents,
  ],
  exports: [BookingsService, BookingBlocksService, BookingEvents],
})
export class BookingsModule implements OnModuleInit {
  constructor(
    private readonly files: FilesService,
    private readonly custodyFiles: CustodyFilesPolicy,
  ) {}

  onModuleInit(): void {
    this.files.registerOwner(CUSTODY_OWNER, this.custodyFiles);
  }
}
