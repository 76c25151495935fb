import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type ExperimentDetail,
  type ExperimentMetric,
  type ExperimentParticipant,
  type Page,
  type ProjectBudgetView,
  type ProjectDetail,
  type ProjectMilestone,
  type ProjectOutcome,
  type ProjectPartner,
  type ProjectSummary,
  type TimelineEvent,
} from '@madang/contracts';
import { CreateBookingDto } from '../bookings/dto/bookings.dto';
import type { Actor } from '../core/actor';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import {
  AddReadingDto,
  ChangeStageDto,
  CreateCommitmentDto,
  CreateExperimentDto,
  CreateMetricDto,
  CreateMilestoneDto,
  CreateOutcomeDto,
  CreatePartnerDto,
  CreateProjectDto,
  LinkBookingDto,
  LinkObservationDto,
  ProjectListQueryDto,
  RecordConsentDto,
  RecordVerdictDto,
  UpdateCommitmentDto,
  UpdateExperimentDto,
  UpdateMilestoneDto,
  UpdatePartnerDto,
  UpdateProjectDto,
} from './dto/projects.dto';
import { ExperimentsService } from './experiments.service';
import { ProjectPartsService } from './project-parts.service';
import { ProjectsService } from './projects.service';

const id = () => Param('id', uuidPipe('id'));

/**
 * Living-lab projects for their team (lead, members, the lead group) and labs:manage. A project
 * outside the caller's scope answers 404 on every route, whatever the route.
 */
@ApiTags('living-labs')
@ApiCookieAuth()
@Controller('labs')
export class LabsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly parts: ProjectPartsService,
    private readonly experiments: ExperimentsService,
  ) {}

  @Post('projects')
  @RequirePermission(PERMISSIONS.LABS_MANAGE)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProjectDto): Promise<ProjectDetail> {
    return this.projects.create(actor, dto);
  }

  @Get('projects')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  list(@CurrentActor() actor: Actor, @Query() query: ProjectListQueryDto): Promise<Page<ProjectSummary>> {
    return this.projects.list(actor, query);
  }

  @Get('projects/:id')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  get(@CurrentActor() actor: Actor, @id() projectId: string): Promise<ProjectDetail> {
    return this.projects.get(actor, projectId);
  }

  @Patch('projects/:id')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  update(
    @CurrentActor() actor: Actor,
    @id() projectId: string,
    @Body() dto: UpdateProjectDto,
  ): Promise<ProjectDetail> {
    return this.projects.update(actor, projectId, dto);
  }

  @Post('projects/:id/stage')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  stage(
    @CurrentActor() actor: Actor,
    @id() projectId: string,
    @Body() dto: ChangeStageDto,
  ): Promise<ProjectDetail> {
    return this.projects.changeStage(actor, projectId, dto);
  }

  @Post('projects/:id/publish')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  publish(@CurrentActor() actor: Actor, @id() projectId: string): Promise<ProjectDetail> {
    return this.projects.setPublished(actor, projectId, true);
  }

  @Post('projects/:id/unpublish')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  unpublish(@CurrentActor() actor: Actor, @id() projectId: string): Promise<ProjectDetail> {
    return this.projects.setPublished(actor, projectId, false);
  }

  @Get('projects/:id/timeline')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  timeline(@CurrentActor() actor: Actor, @id() projectId: string): Promise<TimelineEvent[]> {
    return this.projects.timeline(actor, projectId);
  }

  @Get('projects/:id/budget')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  budget(@CurrentActor() actor: Actor, @id() projectId: string): Promise<ProjectBudgetView> {
    return this.projects.budget(actor, projectId);
  }

  @Put('projects/:id/members/:userId')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  addMember(
    @CurrentActor() actor: Actor,
    @id() projectId: string,
    @Param('userId', uuidPipe('userId')) userId: string,
  ): Promise<ProjectDetail> {
    return this.projects.setMember(actor, projectId, userId, true);
  }

  @Delete('projects/:id/members/:userId')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  removeMember(
    @CurrentActor() actor: Actor,
    @id() projectId: string,
    @Param('userId', uuidPipe('userId')) userId: string,
  ): Promise<ProjectDetail> {
    return this.projects.setMember(actor, projectId, userId, false);
  }

  @Post('projects/:id/observations')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  linkObservation(
    @CurrentActor() actor: Actor,
    @id() projectId: string,
    @Body() dto: LinkObservationDto,
  ): Promise<ProjectDetail> {
    return this.projects.linkObservation(actor, projectId, dto.observationId);
  }

  @Delete('projects/:id/observations/:observationId')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  unlinkObservation(
    @CurrentActor() actor: Actor,
    @id() projectId: string,
    @Param('observationId', uuidPipe('observationId')) observationId: string,
  ): Promise<ProjectDetail> {
    return this.projects.unlinkObservation(actor, projectId, observationId);
  }

  @Post('projects/:id/partners')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  addPartner(
    @CurrentActor() actor: Actor,
    @id() projectId: string,
    @Body() dto: CreatePartnerDto,
  ): Promise<ProjectPartner> {
    return this.parts.addPartner(actor, projectId, dto);
  }

  @Patch('partners/:id')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  updatePartner(
    @CurrentActor() actor: Actor,
    @id() partnerId: string,
    @Body() dto: UpdatePartnerDto,
  ): Promise<ProjectPartner> {
    return this.parts.updatePartner(actor, partnerId, dto);
  }

  @Post('partners/:id/commitments')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  addCommitment(
    @CurrentActor() actor: Actor,
    @id() partnerId: string,
    @Body() dto: CreateCommitmentDto,
  ): Promise<ProjectPartner> {
    return this.parts.addCommitment(actor, partnerId, dto);
  }

  @Patch('commitments/:id')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  updateCommitment(
    @CurrentActor() actor: Actor,
    @id() commitmentId: string,
    @Body() dto: UpdateCommitmentDto,
  ): Promise<ProjectPartner> {
    return this.parts.updateCommitment(actor, commitmentId, dto);
  }

  @Post('projects/:id/milestones')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  addMilestone(
    @CurrentActor() actor: Actor,
    @id() projectId: string,
    @Body() dto: CreateMilestoneDto,
  ): Promise<ProjectMilestone> {
    return this.parts.addMilestone(actor, projectId, dto);
  }

  @Patch('milestones/:id')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  updateMilestone(
    @CurrentActor() actor: Actor,
    @id() milestoneId: string,
    @Body() dto: UpdateMilestoneDto,
  ): Promise<ProjectMilestone> {
    return this.parts.updateMilestone(actor, milestoneId, dto);
  }

  @Post('projects/:id/outcomes')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  addOutcome(
    @CurrentActor() actor: Actor,
    @id() projectId: string,
    @Body() dto: CreateOutcomeDto,
  ): Promise<ProjectOutcome> {
    return this.parts.addOutcome(actor, projectId, dto);
  }

  @Post('outcomes/:id/verify')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.LABS_MANAGE)
  verifyOutcome(@CurrentActor() actor: Actor, @id() outcomeId: string): Promise<ProjectOutcome> {
    return this.parts.verifyOutcome(actor, outcomeId);
  }

  @Post('projects/:id/experiments')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  addExperiment(
    @CurrentActor() actor: Actor,
    @id() projectId: string,
    @Body() dto: CreateExperimentDto,
  ): Promise<ExperimentDetail> {
    return this.experiments.create(actor, projectId, dto);
  }

  @Get('experiments/:id')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  experiment(@CurrentActor() actor: Actor, @id() experimentId: string): Promise<ExperimentDetail> {
    return this.experiments.get(actor, experimentId);
  }

  @Patch('experiments/:id')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  updateExperiment(
    @CurrentActor() actor: Actor,
    @id() experimentId: string,
    @Body() dto: UpdateExperimentDto,
  ): Promise<ExperimentDetail> {
    return this.experiments.update(actor, experimentId, dto);
  }

  @Post('experiments/:id/bookings')
  @RequirePermission(PERMISSIONS.BOOKINGS_CREATE)
  book(
    @CurrentActor() actor: Actor,
    @id() experimentId: string,
    @Body() dto: CreateBookingDto,
  ): Promise<ExperimentDetail> {
    return this.experiments.book(actor, experimentId, dto);
  }

  @Post('experiments/:id/linked-bookings')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  linkBooking(
    @CurrentActor() actor: Actor,
    @id() experimentId: string,
    @Body() dto: LinkBookingDto,
  ): Promise<ExperimentDetail> {
    return this.experiments.linkBooking(actor, experimentId, dto);
  }

  @Delete('experiments/:id/bookings/:bookingId')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  unlinkBooking(
    @CurrentActor() actor: Actor,
    @id() experimentId: string,
    @Param('bookingId', uuidPipe('bookingId')) bookingId: string,
  ): Promise<ExperimentDetail> {
    return this.experiments.unlinkBooking(actor, experimentId, bookingId);
  }

  @Get('experiments/:id/participants')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  participants(@CurrentActor() actor: Actor, @id() experimentId: string): Promise<ExperimentParticipant[]> {
    return this.experiments.participants(actor, experimentId);
  }

  @Post('experiments/:id/participants')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  recordConsent(
    @CurrentActor() actor: Actor,
    @id() experimentId: string,
    @Body() dto: RecordConsentDto,
  ): Promise<ExperimentParticipant> {
    return this.experiments.recordConsent(actor, experimentId, dto);
  }

  @Post('participants/:id/withdraw')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  withdraw(@CurrentActor() actor: Actor, @id() participantId: string): Promise<ExperimentParticipant> {
    return this.experiments.withdraw(actor, participantId);
  }

  @Post('experiments/:id/metrics')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  addMetric(
    @CurrentActor() actor: Actor,
    @id() experimentId: string,
    @Body() dto: CreateMetricDto,
  ): Promise<ExperimentMetric> {
    return this.experiments.addMetric(actor, experimentId, dto);
  }

  @Post('metrics/:id/readings')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  addReading(
    @CurrentActor() actor: Actor,
    @id() metricId: string,
    @Body() dto: AddReadingDto,
  ): Promise<ExperimentMetric> {
    return this.experiments.addReading(actor, metricId, dto);
  }

  @Post('experiments/:id/verdict')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  verdict(
    @CurrentActor() actor: Actor,
    @id() experimentId: string,
    @Body() dto: RecordVerdictDto,
  ): Promise<ExperimentDetail> {
    return this.experiments.recordVerdict(actor, experimentId, dto);
  }
}
