import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type ApplicantResultView,
  type ApplicationDetail,
  type ApplicationSummary,
  type ObjectionView,
  type Page,
  type SupplementView,
} from '@madang/contracts';
import type { Actor } from '../core/actor';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import { ApplicationsService } from './applications.service';
import {
  ApplicationListQueryDto,
  CreateApplicationDto,
  DecideApplicationDto,
  FileObjectionDto,
  RequestSupplementDto,
  SaveAnswersDto,
  ScreenApplicationDto,
} from './dto/applications.dto';
import { ResultsService } from './results.service';

/** Applications: the applicant's side (scoped in the service) and staff screening, supplements, decisions. */
@ApiTags('recruitment')
@ApiCookieAuth()
@Controller('recruitment')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly results: ResultsService,
  ) {}

  @Get('my/applications')
  @RequirePermission(PERMISSIONS.SELF)
  mine(@CurrentActor() actor: Actor): Promise<ApplicationSummary[]> {
    return this.applications.mine(actor);
  }

  @Post('calls/:id/applications')
  @RequirePermission(PERMISSIONS.SELF)
  create(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) callId: string,
    @Body() dto: CreateApplicationDto,
  ): Promise<ApplicationDetail> {
    return this.applications.create(actor, callId, dto);
  }

  @Get('calls/:id/applications')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  ofCall(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) callId: string,
    @Query() query: ApplicationListQueryDto,
  ): Promise<Page<ApplicationSummary>> {
    return this.applications.ofCall(actor, callId, query);
  }

  @Get('applications/:id')
  @RequirePermission(PERMISSIONS.SELF)
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<ApplicationDetail> {
    return this.applications.get(actor, id);
  }

  @Patch('applications/:id')
  @RequirePermission(PERMISSIONS.SELF)
  save(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SaveAnswersDto,
  ): Promise<ApplicationDetail> {
    return this.applications.saveAnswers(actor, id, dto);
  }

  @Post('applications/:id/submit')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SELF)
  submit(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<ApplicationDetail> {
    return this.applications.submit(actor, id);
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SELF)
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<ApplicationDetail> {
    return this.applications.withdraw(actor, id);
  }

  @Patch('supplements/:id')
  @RequirePermission(PERMISSIONS.SELF)
  saveSupplement(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SaveAnswersDto,
  ): Promise<ApplicationDetail> {
    return this.applications.saveSupplement(actor, id, dto);
  }

  @Post('supplements/:id/submit')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SELF)
  submitSupplement(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<ApplicationDetail> {
    return this.applications.submitSupplement(actor, id);
  }

  @Get('applications/:id/result')
  @RequirePermission(PERMISSIONS.SELF)
  result(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<ApplicantResultView> {
    return this.results.result(actor, id);
  }

  @Post('applications/:id/objections')
  @RequirePermission(PERMISSIONS.SELF)
  object(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: FileObjectionDto,
  ): Promise<ObjectionView> {
    return this.results.fileObjection(actor, id, dto);
  }

  @Post('applications/:id/screening')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  screen(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: ScreenApplicationDto,
  ): Promise<ApplicationDetail> {
    return this.applications.screen(actor, id, dto);
  }

  @Post('applications/:id/supplements')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  requestSupplement(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: RequestSupplementDto,
  ): Promise<SupplementView> {
    return this.applications.requestSupplement(actor, id, dto);
  }

  @Put('applications/:id/decision')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: DecideApplicationDto,
  ): Promise<ApplicationDetail> {
    return this.applications.decide(actor, id, dto);
  }
}
