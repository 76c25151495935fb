import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type ObservationComment,
  type ObservationDetail,
  type ObservationSummary,
  type Page,
  type PublicObservationDetail,
  type PublicObservationSummary,
  type ResponseDashboard,
  type ResponsePromiseView,
  type SupportState,
} from '@madang/contracts';
import type { Actor } from '../core/actor';
import { CurrentActor, Public, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import {
  CreateCommentDto,
  CreateObservationDto,
  MergeObservationDto,
  ObservationListQueryDto,
  PublicObservationListQueryDto,
  RespondToObservationDto,
  ResponseDashboardQueryDto,
  TriageObservationDto,
} from './dto/observations.dto';
import { ObservationsService } from './observations.service';
import { LabResponsePromise } from './response-promise';

/** Observations for everyone: the public reads, residents post and support, staff answer and merge. */
@ApiTags('living-labs')
@Controller()
export class ObservationsController {
  constructor(
    private readonly observations: ObservationsService,
    private readonly promise: LabResponsePromise,
  ) {}

  @Get('public/observations')
  @Public()
  listPublic(@Query() query: PublicObservationListQueryDto): Promise<Page<PublicObservationSummary>> {
    return this.observations.listPublic(query);
  }

  @Get('public/observations/:id')
  @Public()
  getPublic(@Param('id', uuidPipe('id')) id: string): Promise<PublicObservationDetail> {
    return this.observations.getPublic(id);
  }

  @Get('public/labs/response-promise')
  @Public()
  responsePromise(): ResponsePromiseView {
    return this.promise.view();
  }

  @Post('observations')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  @ApiCookieAuth()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateObservationDto): Promise<ObservationDetail> {
    return this.observations.create(actor, dto);
  }

  @Get('observations')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  @ApiCookieAuth()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ObservationListQueryDto,
  ): Promise<Page<ObservationSummary>> {
    return this.observations.list(actor, query);
  }

  @Get('observations/:id')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  @ApiCookieAuth()
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<ObservationDetail> {
    return this.observations.get(actor, id);
  }

  @Put('observations/:id/support')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  @ApiCookieAuth()
  support(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<SupportState> {
    return this.observations.setSupport(actor, id, true);
  }

  @Delete('observations/:id/support')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  @ApiCookieAuth()
  unsupport(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<SupportState> {
    return this.observations.setSupport(actor, id, false);
  }

  @Post('observations/:id/comments')
  @RequirePermission(PERMISSIONS.LABS_PARTICIPATE)
  @ApiCookieAuth()
  comment(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<ObservationComment> {
    return this.observations.comment(actor, id, dto);
  }

  @Patch('observations/:id/triage')
  @RequirePermission(PERMISSIONS.LABS_MANAGE)
  @ApiCookieAuth()
  triage(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: TriageObservationDto,
  ): Promise<ObservationDetail> {
    return this.observations.triage(actor, id, dto);
  }

  @Post('observations/:id/responses')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.LABS_MANAGE)
  @ApiCookieAuth()
  respond(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: RespondToObservationDto,
  ): Promise<ObservationDetail> {
    return this.observations.respond(actor, id, dto);
  }

  @Post('observations/:id/merge')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.LABS_MANAGE)
  @ApiCookieAuth()
  merge(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: MergeObservationDto,
  ): Promise<ObservationDetail> {
    return this.observations.merge(actor, id, dto);
  }

  @Get('labs/response-dashboard')
  @RequirePermission(PERMISSIONS.LABS_MANAGE)
  @ApiCookieAuth()
  dashboard(
    @CurrentActor() actor: Actor,
    @Query() query: ResponseDashboardQueryDto,
  ): Promise<ResponseDashboard> {
    return this.observations.dashboard(actor, query);
  }
}
