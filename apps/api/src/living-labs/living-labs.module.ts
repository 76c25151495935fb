import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { AuditModule } from '../platform/audit/audit.module';
import { FilesService } from '../platform/files/files.service';
import { NotificationsModule } from '../platform/notifications/notifications.module';
import { NotificationsService } from '../platform/notifications/notifications.service';
import { SettlementModule } from '../settlement/settlement.module';
import { ExperimentsRepository } from './experiments.repository';
import { ExperimentsService } from './experiments.service';
import { LabAccess } from './lab-access';
import { LabEvidencePolicy, ObservationFilesPolicy } from './lab-files.policy';
import { LAB_NOTICES } from './lab-notices';
import { LabsController } from './labs.controller';
import { ObservationsController } from './observations.controller';
import { ObservationsRepository } from './observations.repository';
import { ObservationsService } from './observations.service';
import { ProjectPartsService } from './project-parts.service';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';
import { PublicLabsController } from './public-labs.controller';
import { PublicLabsRepository } from './public-labs.repository';
import { PublicLabsService } from './public-labs.service';
import { LabResponsePromise } from './response-promise';
import { ResponseDashboardService } from './response-dashboard.service';
import { ProjectViewsService } from './project-views.service';

/**
 * Living labs (issue 11): observations and their response promise, projects through the centre's
 * four stages, experiments on real bookings, outcomes and the public archive. Calls other domains
 * only through what they export: `BookingsService` (book a site), `ReportService` (a programme's
 * execution), the house's files, audit and notifications. Exports its public lists (archive,
 * observations) for the sitemap.
 */
@Module({
  imports: [AuditModule, NotificationsModule, BookingsModule, SettlementModule],
  controllers: [ObservationsController, LabsController, PublicLabsController],
  providers: [
    LabResponsePromise,
    ObservationsRepository,
    ObservationsService,
    ProjectsRepository,
    ExperimentsRepository,
    PublicLabsRepository,
    LabAccess,
    ProjectsService,
    ProjectPartsService,
    ExperimentsService,
    PublicLabsService,
    ResponseDashboardService,
    ProjectViewsService,
    ObservationFilesPolicy,
  ],
  // The public lists, for the sitemap.
  exports: [PublicLabsService, ObservationsService],
})
export class LivingLabsModule {
  /**
   * Templates and file owners are registered when the module is built, not at init: the demo seeder
   * runs before the application initialises and attaches evidence through the file service.
   */
  constructor(
    files: FilesService,
    notifications: NotificationsService,
    observationFiles: ObservationFilesPolicy,
    projects: ProjectsRepository,
    archive: PublicLabsRepository,
  ) {
    notifications.registerTemplates(LAB_NOTICES);
    files.registerOwner('lab_observation', observationFiles);
    for (const kind of ['project', 'experiment', 'outcome'] as const)
      files.registerOwner(`lab_${kind}`, new LabEvidencePolicy(kind, projects, archive));
  }
}
