import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  AutoMatchResult,
  BankImportResult,
  BankLineView,
  ColumnMappingView,
  EntryView,
  PaymentView,
  PERMISSIONS,
  RentScheduleView,
  SettlementSummary,
  WaiverView,
} from '@madang/contracts';
import type { Request } from 'express';
import type { Actor } from '../core/actor';
import { SettlementScopeGuard } from './settlement-scope.guard';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import { BankService } from './bank.service';
import {
  BankLineQueryDto,
  ColumnMappingDto,
  ImportQueryDto,
  MatchBankLineDto,
  PaymentQueryDto,
  PostDueRentDto,
  RecordPaymentDto,
  RecordWaiverDto,
  RentScheduleDto,
  ReverseEntryDto,
  SetIncomeMappingDto,
} from './dto/money.dto';
import { IncomeService } from './income.service';
import { LedgerService } from './ledger.service';
import { ReportService } from './report.service';
import { readFileBody } from './settlement-params';

@ApiTags('settlement')
@ApiCookieAuth()
@UseGuards(SettlementScopeGuard)
@Controller('settlement')
export class SettlementMoneyController {
  constructor(
    private readonly income: IncomeService,
    private readonly bank: BankService,
    private readonly ledger: LedgerService,
    private readonly reports: ReportService,
  ) {}

  @Get('summary')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  summary(@CurrentActor() actor: Actor): Promise<SettlementSummary> {
    return this.reports.summary(actor);
  }

  @Post('payments')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  recordPayment(@CurrentActor() actor: Actor, @Body() dto: RecordPaymentDto): Promise<PaymentView> {
    return this.income.recordPaymentByHand(actor, dto);
  }

  @Get('payments')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  payments(@Query() query: PaymentQueryDto): Promise<PaymentView[]> {
    return this.income.payments(query.bookingId);
  }

  @Post('waivers')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  recordWaiver(@CurrentActor() actor: Actor, @Body() dto: RecordWaiverDto): Promise<WaiverView> {
    return this.income.recordWaiverByHand(actor, dto);
  }

  @Get('income-mappings')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  mappings(): Promise<{ assetCategoryId: string; budgetLineId: string }[]> {
    return this.income.mappings();
  }

  @Put('income-mappings/:assetCategoryId')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  setMapping(
    @CurrentActor() actor: Actor,
    @Param('assetCategoryId', uuidPipe('assetCategoryId')) assetCategoryId: string,
    @Body() dto: SetIncomeMappingDto,
  ): Promise<void> {
    return this.income.setMapping(actor, assetCategoryId, dto.budgetLineId);
  }

  @Get('rent-schedules')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  schedules(): Promise<RentScheduleView[]> {
    return this.income.schedules();
  }

  @Post('rent-schedules')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  scheduleRent(@CurrentActor() actor: Actor, @Body() dto: RentScheduleDto): Promise<RentScheduleView> {
    return this.income.scheduleRent(actor, dto);
  }

  @Post('rent-schedules/post-due')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  postDueRent(
    @CurrentActor() actor: Actor,
    @Body() dto: PostDueRentDto,
  ): Promise<{ posted: number; skippedClosed: number }> {
    return this.income.postDueRent(actor, dto.asOf);
  }

  @Get('bank/mappings')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  bankMappings(): Promise<{ bank: string; mapping: ColumnMappingView }[]> {
    return this.bank.mappings();
  }

  @Put('bank/mappings/:bank')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  saveBankMapping(
    @CurrentActor() actor: Actor,
    @Param() params: Pick<ImportQueryDto, 'bank'>,
    @Body() dto: ColumnMappingDto,
  ): Promise<void> {
    return this.bank.saveMapping(actor, params.bank, dto);
  }

  /** The statement file is the raw body (CSV or XLSX); `?bank=` picks the saved column mapping. */
  @Post('bank/imports')
  @ApiConsumes('text/csv', 'application/octet-stream')
  @ApiBody({
    required: true,
    description: 'The statement file as downloaded from the bank: CSV (UTF-8 or EUC-KR) or XLSX',
    schema: { type: 'string', format: 'binary' },
  })
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  async importStatement(
    @CurrentActor() actor: Actor,
    @Query() query: ImportQueryDto,
    @Req() req: Request,
  ): Promise<BankImportResult> {
    return this.bank.import(actor, query.bank, query.fileName ?? 'statement', await readFileBody(req));
  }

  @Get('bank/lines')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  bankLines(@Query() query: BankLineQueryDto): Promise<BankLineView[]> {
    return this.bank.lines(query);
  }

  @Post('bank/lines/:id/match')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  match(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: MatchBankLineDto,
  ): Promise<BankLineView> {
    return this.bank.match(actor, id, dto);
  }

  @Post('bank/auto-match')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  autoMatch(@CurrentActor() actor: Actor): Promise<AutoMatchResult> {
    return this.bank.autoMatch(actor);
  }

  @Get('entries/:id')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  entry(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<EntryView> {
    return this.ledger.entry(actor, id);
  }

  @Post('entries/:id/reverse')
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  reverse(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: ReverseEntryDto,
  ): Promise<EntryView> {
    return this.ledger.reverse(actor, id, dto);
  }
}
