import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { ExpenseCreated, ExpenseView, PERMISSIONS } from '@madang/contracts';
import type { Actor } from '../core/actor';
import { SettlementScopeGuard } from './settlement-scope.guard';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import {
  CreateExpenseDto,
  DisallowExpenseDto,
  ExpenseQueryDto,
  PayExpenseDto,
  ProvideEvidenceDto,
  ReasonDto,
  VerifyExpenseDto,
} from './dto/expenses.dto';
import { ExpensesService } from './expenses.service';

@ApiTags('settlement')
@ApiCookieAuth()
@UseGuards(SettlementScopeGuard)
@Controller('settlement/expenses')
export class SettlementExpensesController {
  constructor(private readonly expenses: ExpensesService) {}

  @Get()
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  list(@CurrentActor() actor: Actor, @Query() query: ExpenseQueryDto): Promise<ExpenseView[]> {
    return this.expenses.list(actor, query);
  }

  @Post()
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  request(@CurrentActor() actor: Actor, @Body() dto: CreateExpenseDto): Promise<ExpenseCreated> {
    return this.expenses.request(actor, dto);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<ExpenseView> {
    return this.expenses.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  approve(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<ExpenseView> {
    return this.expenses.approve(actor, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ExpenseView> {
    return this.expenses.reject(actor, id, dto.reason);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  pay(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: PayExpenseDto,
  ): Promise<ExpenseView> {
    return this.expenses.pay(actor, id, dto.paidOn);
  }

  @Post(':id/evidence')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_PARTICIPATE)
  evidence(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: ProvideEvidenceDto,
  ): Promise<ExpenseView> {
    return this.expenses.provideEvidence(actor, id, dto);
  }

  @Post(':id/evidence-missing')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  evidenceMissing(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ExpenseView> {
    return this.expenses.flagEvidenceMissing(actor, id, dto.reason);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  verify(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: VerifyExpenseDto,
  ): Promise<ExpenseView> {
    return this.expenses.verify(actor, id, dto.kind);
  }

  @Post(':id/disallow')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.SETTLEMENT_MANAGE)
  disallow(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: DisallowExpenseDto,
  ): Promise<ExpenseView> {
    return this.expenses.disallow(actor, id, dto);
  }
}
