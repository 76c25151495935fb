import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type CallDetail,
  type CallFormView,
  type CallSummary,
  type Page,
  type PublicCallDetail,
  type PublicCallSummary,
  type RubricView,
} from '@madang/contracts';
import type { Actor } from '../core/actor';
import { CurrentActor, Public, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import { CallsService } from './calls.service';
import {
  CallListQueryDto,
  CreateCallDto,
  MovePhaseDto,
  PublicCallQueryDto,
  SaveFormDto,
  SaveRubricDto,
  SetScheduleDto,
  UpdateCallDto,
} from './dto/calls.dto';

/** The public list and pages of calls: no sign-in, no personal data. */
@ApiTags('recruitment')
@Controller('public/calls')
export class PublicCallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @Public()
  list(@Query() query: PublicCallQueryDto): Promise<Page<PublicCallSummary>> {
    return this.calls.publicList(query);
  }

  @Get(':id')
  @Public()
  get(@Param('id', uuidPipe('id')) id: string): Promise<PublicCallDetail> {
    return this.calls.publicDetail(id);
  }
}

@ApiTags('recruitment')
@ApiCookieAuth()
@Controller('recruitment/calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  list(@CurrentActor() actor: Actor, @Query() query: CallListQueryDto): Promise<Page<CallSummary>> {
    return this.calls.list(actor, query);
  }

  @Post()
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCallDto): Promise<CallDetail> {
    return this.calls.create(actor, dto);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.SELF)
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<CallDetail> {
    return this.calls.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: UpdateCallDto,
  ): Promise<CallDetail> {
    return this.calls.update(actor, id, dto);
  }

  @Put(':id/schedule')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  schedule(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SetScheduleDto,
  ): Promise<CallDetail> {
    return this.calls.setSchedule(actor, id, dto);
  }

  @Post(':id/phase')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  move(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: MovePhaseDto,
  ): Promise<CallDetail> {
    return this.calls.movePhase(actor, id, dto);
  }

  @Get(':id/form')
  @RequirePermission(PERMISSIONS.SELF)
  form(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<CallFormView> {
    return this.calls.form(actor, id);
  }

  @Put(':id/form')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  saveForm(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SaveFormDto,
  ): Promise<CallFormView> {
    return this.calls.saveForm(actor, id, dto);
  }

  @Get(':id/rubric')
  @RequirePermission(PERMISSIONS.SELF)
  rubric(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<RubricView> {
    return this.calls.rubric(actor, id);
  }

  @Put(':id/rubric')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  saveRubric(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SaveRubricDto,
  ): Promise<RubricView> {
    return this.calls.saveRubric(actor, id, dto as Parameters<CallsService['saveRubric']>[2]);
  }
}
