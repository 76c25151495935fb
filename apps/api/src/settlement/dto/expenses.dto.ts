import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateExpenseRequest,
  DisallowExpenseRequest,
  PayExpenseRequest,
  ProvideEvidenceRequest,
  ReasonRequest,
  SETTLEMENT_EVIDENCE_TYPES,
  SETTLEMENT_EXPENSE_STATES,
  SettlementEvidenceType,
  SettlementExpenseState,
  VerifyExpenseRequest,
} from '@madang/contracts';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, IsUUID } from 'class-validator';
import { IntRange, NestedEach, OneOf, Text } from '../../core/validators';
import { AmountBySourceDto } from './budget.dto';
import { DateOnly, QueryInt, WonAmount } from './common';

export class CreateExpenseDto implements CreateExpenseRequest {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  budgetLineId!: string;

  @ApiProperty({ example: '11월 운영위원회 회의비' })
  @IsDefined()
  @Text(1, 300)
  title!: string;

  @ApiProperty({ example: 180_000 })
  @IsDefined()
  @WonAmount(1)
  amount!: number;

  @ApiProperty({ example: '2027-11-12' })
  @IsDefined()
  @DateOnly()
  expenseDate!: string;

  @ApiProperty({ example: '제주밥상' })
  @IsDefined()
  @Text(1, 200)
  payeeName!: string;

  @ApiPropertyOptional({ example: '농협 351-1234-5678-91' })
  @IsOptional()
  @Text(1, 100)
  payeeAccount?: string;

  @ApiProperty({ enum: SETTLEMENT_EVIDENCE_TYPES })
  @IsDefined()
  @OneOf(SETTLEMENT_EVIDENCE_TYPES)
  evidenceType!: SettlementEvidenceType;

  @ApiPropertyOptional({ type: [AmountBySourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10, { context: { max: 10 } })
  @NestedEach(() => AmountBySourceDto)
  split?: AmountBySourceDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  bookingId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agreementId?: string;
}

export class ExpenseQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  programmeId?: string;

  @ApiPropertyOptional({ enum: SETTLEMENT_EXPENSE_STATES })
  @IsOptional()
  @OneOf(SETTLEMENT_EXPENSE_STATES)
  state?: SettlementExpenseState;

  @ApiPropertyOptional({ default: 200 })
  @IsOptional()
  @QueryInt()
  @IntRange(1, 1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @QueryInt()
  @IntRange(0, 1_000_000)
  offset?: number;
}

export class ReasonDto implements ReasonRequest {
  @ApiProperty()
  @IsDefined()
  @Text(2, 2000)
  reason!: string;
}

export class PayExpenseDto implements PayExpenseRequest {
  @ApiPropertyOptional({ example: '2027-11-15' })
  @IsOptional()
  @DateOnly()
  paidOn?: string;
}

export class ProvideEvidenceDto implements ProvideEvidenceRequest {
  @ApiProperty({ example: 'minutes' })
  @IsDefined()
  @Text(1, 60)
  item!: string;

  @ApiPropertyOptional({ description: 'A file id from the file service' })
  @IsOptional()
  @IsUUID()
  fileId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text(1, 1000)
  note?: string;
}

export class VerifyExpenseDto implements VerifyExpenseRequest {
  @ApiProperty({ enum: ['substantive', 'financial'] })
  @IsDefined()
  @OneOf(['substantive', 'financial'])
  kind!: 'substantive' | 'financial';
}

export class DisallowExpenseDto implements DisallowExpenseRequest {
  @ApiProperty({ example: 30_000 })
  @IsDefined()
  @WonAmount(1)
  amount!: number;

  @ApiProperty({ example: '참석자 명단과 인원 불일치' })
  @IsDefined()
  @Text(2, 2000)
  reason!: string;
}
