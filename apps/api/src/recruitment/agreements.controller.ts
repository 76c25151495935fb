import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type AgreementConflictView,
  type AgreementView,
  type ObligationView,
  type Page,
} from '@madang/contracts';
import type { Actor } from '../core/actor';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import { AgreementsService } from './agreements.service';
import {
  AgreementListQueryDto,
  CompleteObligationDto,
  CreateAgreementDto,
  ObligationDto,
} from './dto/applications.dto';

/** Agreements and their obligations. */
@ApiTags('recruitment')
@ApiCookieAuth()
@Controller('recruitment')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Post('applications/:id/agreement')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  create(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) applicationId: string,
    @Body() dto: CreateAgreementDto,
  ): Promise<AgreementView> {
    return this.agreements.create(actor, applicationId, dto);
  }

  @Get('agreements')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  list(@CurrentActor() actor: Actor, @Query() query: AgreementListQueryDto): Promise<Page<AgreementView>> {
    return this.agreements.list(actor, query);
  }

  @Get('obligations/overdue')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  overdue(@CurrentActor() actor: Actor): Promise<ObligationView[]> {
    return this.agreements.overdue(actor);
  }

  @Get('agreements/:id')
  @RequirePermission(PERMISSIONS.SELF)
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<AgreementView> {
    return this.agreements.get(actor, id);
  }

  @Patch('agreements/:id')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: CreateAgreementDto,
  ): Promise<AgreementView> {
    return this.agreements.update(actor, id, dto);
  }

  @Get('agreements/:id/conflicts')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  conflicts(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<AgreementConflictView[]> {
    return this.agreements.conflicts(actor, id);
  }

  @Post('agreements/:id/sign')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  sign(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<AgreementView> {
    return this.agreements.sign(actor, id);
  }

  @Post('agreements/:id/obligations')
  @RequirePermission(PERMISSIONS.RECRUITMENT_MANAGE)
  addObligation(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: ObligationDto,
  ): Promise<ObligationView> {
    return this.agreements.addObligation(actor, id, dto);
  }

  @Post('obligations/:id/complete')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SELF)
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: CompleteObligationDto,
  ): Promise<ObligationView> {
    return this.agreements.completeObligation(actor, id, dto);
  }
}
