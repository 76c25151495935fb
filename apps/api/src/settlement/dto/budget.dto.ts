import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AmendmentItemInput,
  AmountBySource,
  CreateAmendmentRequest,
  CreateBudgetLineRequest,
  CreateFiscalYearRequest,
  CreateProgrammeRequest,
  DecideAmendmentRequest,
  FUNDING_SOURCE_KINDS,
  FundingSourceInput,
  FundingSourceKind,
  PROGRAMME_KINDS,
  ProgrammeKind,
  ReopenPeriodRequest,
  SetApproversRequest,
  UpdateProgrammeRequest,
} from '@madang/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  NotEquals,
  ValidateIf,
} from 'class-validator';
import { IntRange, NestedEach, OneOf, Text } from '../../core/validators';
import { DateOnly, QueryInt, WonAmount } from './common';

export class CreateFiscalYearDto implements CreateFiscalYearRequest {
  @ApiProperty({ example: 2027 })
  @IsDefined()
  @IntRange(2000, 2100)
  year!: number;
}

export class YearQueryDto {
  @ApiPropertyOptional({ example: 2027 })
  @IsOptional()
  @QueryInt()
  @IntRange(2000, 2100)
  year?: number;
}

export class ReopenPeriodDto implements ReopenPeriodRequest {
  @ApiProperty({ example: '감사 지적으로 11월 지출 정정' })
  @IsDefined()
  @Text(5, 1000)
  reason!: string;
}

export class FundingSourceDto implements FundingSourceInput {
  @ApiProperty({ enum: FUNDING_SOURCE_KINDS })
  @IsDefined()
  @OneOf(FUNDING_SOURCE_KINDS)
  kind!: FundingSourceKind;

  @ApiProperty({ example: '국비' })
  @IsDefined()
  @Text(1, 100)
  name!: string;

  @ApiProperty({ example: 4500, description: 'Share in basis points; all shares sum to 10000' })
  @IsDefined()
  @IntRange(0, 10000)
  shareBp!: number;
}

export class CreateProgrammeDto implements CreateProgrammeRequest {
  @ApiProperty({ example: 2027 })
  @IsDefined()
  @IntRange(2000, 2100)
  year!: number;

  @ApiProperty({ example: 'REGIONAL-HUB' })
  @IsDefined()
  @Text(1, 40)
  @Matches(/^[A-Za-z0-9_-]+$/, { context: { code: 'invalid' } })
  code!: string;

  @ApiProperty({ example: '2027 지역거점별 소통협력공간 운영' })
  @IsDefined()
  @Text(1, 200)
  name!: string;

  @ApiProperty({ enum: PROGRAMME_KINDS })
  @IsDefined()
  @OneOf(PROGRAMME_KINDS)
  kind!: ProgrammeKind;

  @ApiProperty({ example: '2027-12-15' })
  @IsDefined()
  @DateOnly()
  executionDeadline!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  leadGroupId?: string | null;

  @ApiPropertyOptional({ example: 9000 })
  @IsOptional()
  @IntRange(0, 10000)
  warnThresholdBp?: number;

  @ApiPropertyOptional({ example: 10000 })
  @IsOptional()
  @IntRange(0, 20000)
  refuseThresholdBp?: number;

  @ApiProperty({ type: [FundingSourceDto] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(10, { context: { max: 10 } })
  @NestedEach(() => FundingSourceDto)
  sources!: FundingSourceDto[];
}

export class UpdateProgrammeDto implements UpdateProgrammeRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Text(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @DateOnly()
  executionDeadline?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  leadGroupId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IntRange(0, 10000)
  warnThresholdBp?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IntRange(0, 20000)
  refuseThresholdBp?: number;
}

export class SetApproversDto implements SetApproversRequest {
  @ApiProperty({ type: [String] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @IsUUID(undefined, { each: true })
  userIds!: string[];
}

export class AmountBySourceDto implements AmountBySource {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  fundingSourceId!: string;

  @ApiProperty({ example: 5_000_000 })
  @IsDefined()
  @WonAmount(0)
  amount!: number;
}

export class CreateBudgetLineDto implements CreateBudgetLineRequest {
  @ApiProperty({ example: '200-06' })
  @IsDefined()
  @Text(1, 20)
  categoryCode!: string;

  @ApiProperty({ example: '운영위원회 회의비' })
  @IsDefined()
  @Text(1, 200)
  name!: string;

  @ApiProperty({ type: [AmountBySourceDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(10, { context: { max: 10 } })
  @NestedEach(() => AmountBySourceDto)
  amounts!: AmountBySourceDto[];
}

export class AmendmentItemDto implements AmendmentItemInput {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  budgetLineId!: string;

  @ApiProperty()
  @IsDefined()
  @IsUUID()
  fundingSourceId!: string;

  @ApiProperty({ example: -500_000, description: 'Signed change of the line amount for this source' })
  @IsDefined()
  @IsInt()
  @Min(-Number.MAX_SAFE_INTEGER, { context: { min: -Number.MAX_SAFE_INTEGER } })
  @Max(Number.MAX_SAFE_INTEGER, { context: { max: Number.MAX_SAFE_INTEGER } })
  @NotEquals(0, { context: { code: 'invalid' } })
  delta!: number;
}

export class CreateAmendmentDto implements CreateAmendmentRequest {
  @ApiProperty({ example: '강사료 절감분을 회의비로 전용' })
  @IsDefined()
  @Text(5, 2000)
  reason!: string;

  @ApiProperty({ type: [AmendmentItemDto] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(200, { context: { max: 200 } })
  @NestedEach(() => AmendmentItemDto)
  items!: AmendmentItemDto[];
}

export class DecideAmendmentDto implements DecideAmendmentRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Text(1, 2000)
  note?: string;
}
