import { Module, OnModuleInit } from '@nestjs/common';
import { APPLICATION_FILE_OWNER } from '@madang/contracts';
import { BookingsModule } from '../bookings/bookings.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { AuditModule } from '../platform/audit/audit.module';
import { NotificationsModule } from '../platform/notifications/notifications.module';
import { FilesService } from '../platform/files/files.service';
import { NotificationsService } from '../platform/notifications/notifications.service';
import { SettlementModule } from '../settlement/settlement.module';
import { ApplicationFilesPolicy } from './application-access';
import { AgreementsController } from './agreements.controller';
import { AgreementsRepository } from './agreements.repository';
import { AgreementsService } from './agreements.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { CallsController, PublicCallsController } from './calls.controller';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import { ConflictFacts } from './conflict-facts';
import { RecruitmentJobs } from './recruitment-jobs';
import { RECRUITMENT_NOTICES } from './recruitment-notices';
import { ResultsService } from './results.service';
import { ReviewPanelController, ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/**
 * Recruitment (open calls): calls and their phases, forms, applications, reviews, results,
 * objections and agreements. It blocks rooms through bookings (`BookingBlocksService`), schedules
 * rent through settlement (`IncomeService`) and adds partner spaces through the catalogue.
 * Exports `AgreementsService` (overdue obligations for the approver's home).
 */
@Module({
  imports: [AuditModule, NotificationsModule, CatalogueModule, BookingsModule, SettlementModule],
  controllers: [
    PublicCallsController,
    CallsController,
    ApplicationsController,
    ReviewPanelController,
    ReviewsController,
    AgreementsController,
  ],
  providers: [
    CallsRepository,
    ApplicationsRepository,
    ReviewsRepository,
    AgreementsRepository,
    CallsService,
    ApplicationsService,
    ReviewsService,
    ResultsService,
    AgreementsService,
    ConflictFacts,
    ApplicationFilesPolicy,
    RecruitmentJobs,
  ],
  exports: [AgreementsService, CallsService],
})
export class RecruitmentModule implements OnModuleInit {
  constructor(
    private readonly files: FilesService,
    private readonly notifications: NotificationsService,
    private readonly applicationFiles: ApplicationFilesPolicy,
  ) {}

  onModuleInit(): void {
    this.files.registerOwner(APPLICATION_FILE_OWNER, this.applicationFiles);
    this.notifications.registerTemplates(RECRUITMENT_NOTICES);
  }
}
