import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import {
  AmendmentView,
  BudgetCategoryView,
  BudgetLineView,
  ExecutionView,
  FiscalYearView,
  PERMISSIONS,
  ProgrammeView,
  SettlementReport,
} from '@madang/contracts';
import type { Actor } from '../core/actor';
import { SettlementScopeGuard } from './settlement-scope.guard';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import { BudgetService } from './budget.service';
import {
  CreateAmendmentDto,
  CreateBudgetLineDto,
  CreateFiscalYearDto,
  CreateProgrammeDto,
  DecideAmendmentDto,
  ReopenPeriodDto,
  SetApproversDto,
  UpdateProgrammeDto,
  YearQueryDto,
} from './dto/budget.dto';
import { ReportQueryDto } from './dto/money.dto';
import { LedgerService } from './ledger.service';
import { ReportService } from './report.service';
import { monthPipe, yearPipe } from './settlement-params';

@ApiTags('settlement')
@ApiCookieAuth()
@UseGuards(SettlementScopeGuard)
@Controller('settlement')
export class SettlementBudgetController {
  constructor(
    private readonly budget: BudgetService,
    private readonly ledger: LedgerService,
    private readonly reports: ReportService,
  ) {}

  @Get('fiscal-years')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  years(@CurrentActor() actor: Actor): Promise<FiscalYearView[]> {
    return this.ledger.years(actor);
  }

  @Post('fiscal-years')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  createYear(@CurrentActor() actor: Actor, @Body() dto: CreateFiscalYearDto): Promise<FiscalYearView> {
    return this.ledger.createYear(actor, dto.year);
  }

  @Post('fiscal-years/:year/periods/:month/close')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  close(
    @CurrentActor() actor: Actor,
    @Param('year', yearPipe()) year: number,
    @Param('month', monthPipe()) month: number,
  ): Promise<FiscalYearView> {
    return this.ledger.closePeriod(actor, year, month);
  }

  @Post('fiscal-years/:year/periods/:month/reopen')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_REOPEN)
  reopen(
    @CurrentActor() actor: Actor,
    @Param('year', yearPipe()) year: number,
    @Param('month', monthPipe()) month: number,
    @Body() dto: ReopenPeriodDto,
  ): Promise<FiscalYearView> {
    return this.ledger.reopenPeriod(actor, year, month, dto.reason);
  }

  @Get('categories')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  categories(@CurrentActor() actor: Actor): Promise<BudgetCategoryView[]> {
    return this.budget.categories(actor);
  }

  @Get('programmes')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  programmes(@CurrentActor() actor: Actor, @Query() query: YearQueryDto): Promise<ProgrammeView[]> {
    return this.budget.list(actor, query.year);
  }

  @Post('programmes')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  createProgramme(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto): Promise<ProgrammeView> {
    return this.budget.create(actor, dto);
  }

  @Get('programmes/:id')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  programme(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<ProgrammeView> {
    return this.budget.get(actor, id);
  }

  @Patch('programmes/:id')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  updateProgramme(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: UpdateProgrammeDto,
  ): Promise<ProgrammeView> {
    return this.budget.update(actor, id, dto);
  }

  @Put('programmes/:id/approvers')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  setApprovers(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: SetApproversDto,
  ): Promise<ProgrammeView> {
    return this.budget.setApprovers(actor, id, dto.userIds);
  }

  @Get('programmes/:id/lines')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  lines(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<BudgetLineView[]> {
    return this.budget.lines(actor, id);
  }

  @Post('programmes/:id/lines')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  createLine(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: CreateBudgetLineDto,
  ): Promise<BudgetLineView> {
    return this.budget.createLine(actor, id, dto);
  }

  @Get('programmes/:id/amendments')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  amendments(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<AmendmentView[]> {
    return this.budget.amendments(actor, id);
  }

  @Post('programmes/:id/amendments')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  requestAmendment(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: CreateAmendmentDto,
  ): Promise<AmendmentView> {
    return this.budget.requestAmendment(actor, id, dto);
  }

  @Post('amendments/:id/approve')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  approveAmendment(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: DecideAmendmentDto,
  ): Promise<AmendmentView> {
    return this.budget.decideAmendment(actor, id, 'approved', dto.note);
  }

  @Post('amendments/:id/reject')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  rejectAmendment(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: DecideAmendmentDto,
  ): Promise<AmendmentView> {
    return this.budget.decideAmendment(actor, id, 'rejected', dto.note);
  }

  @Get('programmes/:id/execution')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  execution(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<ExecutionView> {
    return this.budget.execution(actor, id);
  }

  @Get('programmes/:id/report')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  report(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: ReportQueryDto,
  ): Promise<SettlementReport> {
    return this.reports.report(actor, id, query.from, query.to);
  }

  @Get('programmes/:id/report.xlsx')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  async reportXlsx(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: ReportQueryDto,
  ): Promise<StreamableFile> {
    const { file, fileName } = await this.reports.reportXlsx(actor, id, query.from, query.to);
    return new StreamableFile(file, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="${fileName}"`,
    });
  }
}
