import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGREEMENT_STATES,
  APPLICATION_STATES,
  ELIGIBILITY_STATES,
  SELECTION_DECISIONS,
  type AgreementListQuery,
  type AgreementState,
  type ApplicationListQuery,
  type ApplicationState,
  type EligibilityState,
  type FormAnswers,
  type SelectionDecision,
} from '@madang/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '../../core/pagination';
import { Instant, IntRange, NestedEach, Nullable, OneOf, Optional, Text } from '../../core/validators';
import { DateOnly, WonAmount } from '../../settlement/dto/common';
import { BoundedRecord, commentValue, scoreValue } from './common';

const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

export class CreateApplicationDto {
  @ApiProperty() @IsDefined() @IsUUID() groupId!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Optional()
  @BoundedRecord(200, 200_000)
  answers?: FormAnswers;
}

export class SaveAnswersDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsDefined()
  @BoundedRecord(200, 200_000)
  answers!: FormAnswers;
}

export class ScreenApplicationDto {
  @ApiProperty() @IsDefined() @IsBoolean() eligible!: boolean;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20, { context: { max: 20 } })
  @IsString({ each: true })
  @MaxLength(1000, { each: true, context: { max: 1000 } })
  reasons?: string[];
}

export class RequestSupplementDto {
  @ApiProperty({ type: [String] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(50, { context: { max: 50 } })
  @Matches(KEY, { each: true, context: { code: 'invalid' } })
  fieldIds!: string[];

  @ApiProperty() @IsDefined() @Text(1, 2000) message!: string;
  @ApiProperty() @IsDefined() @Instant() dueAt!: string;
}

export class DecideApplicationDto {
  @ApiProperty({ enum: SELECTION_DECISIONS })
  @IsDefined()
  @OneOf(SELECTION_DECISIONS)
  decision!: SelectionDecision;

  @ApiProperty() @IsDefined() @Text(1, 4000) rationale!: string;
}

export class ApplicationListQueryDto extends PageQueryDto implements ApplicationListQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATES })
  @IsOptional()
  @OneOf(APPLICATION_STATES)
  state?: ApplicationState;

  @ApiPropertyOptional({ enum: ELIGIBILITY_STATES })
  @IsOptional()
  @OneOf(ELIGIBILITY_STATES)
  eligibility?: EligibilityState;
}

// ── reviews ─────────────────────────────────────────────────────────────────

export class SetReviewersDto {
  @ApiProperty({ type: [String] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(100, { context: { max: 100 } })
  @IsUUID(undefined, { each: true })
  userIds!: string[];
}

export class AssignReviewerDto {
  @ApiProperty() @IsDefined() @IsUUID() reviewerId!: string;
  @ApiProperty() @IsDefined() @IsUUID() applicationId!: string;
}

export class BalancedAssignmentDto {
  @ApiPropertyOptional() @Optional() @IntRange(1, 20) k?: number;
  @ApiPropertyOptional() @Optional() @Text(1, 200) seed?: string;
}

export class DeclareConflictDto {
  @ApiProperty() @IsDefined() @IsBoolean() hasConflict!: boolean;
  @ApiPropertyOptional() @Optional() @Text(1, 2000) note?: string;
}

export class SaveReviewSheetDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', nullable: true } })
  @IsDefined()
  @BoundedRecord(30, 5_000, scoreValue)
  scores!: Record<string, number | null>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @Optional()
  @BoundedRecord(30, 130_000, commentValue)
  comments?: Record<string, string>;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(8000, { context: { max: 8000 } })
  overallComment?: string | null;
}

// ── results ─────────────────────────────────────────────────────────────────

export class FileObjectionDto {
  @ApiProperty() @IsDefined() @Text(1, 8000) reasons!: string;
}

export class AnswerObjectionDto {
  @ApiProperty({ enum: ['upheld', 'dismissed'] })
  @IsDefined()
  @OneOf(['upheld', 'dismissed'])
  outcome!: 'upheld' | 'dismissed';

  @ApiProperty() @IsDefined() @Text(1, 8000) answer!: string;
}

// ── agreements ──────────────────────────────────────────────────────────────

export class ObligationDto {
  @ApiProperty({ example: '분기별 활동 보고서 / Quarterly activity report' })
  @IsDefined()
  @Text(1, 300)
  title!: string;

  @ApiProperty() @IsDefined() @DateOnly() dueOn!: string;
  @ApiPropertyOptional() @Optional() @IntRange(0, 365) remindDaysBefore?: number;
}

export class CreateAgreementDto {
  @ApiPropertyOptional() @Optional() @DateOnly() termStart?: string;
  @ApiPropertyOptional() @Optional() @DateOnly() termEnd?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @IsUUID(undefined, { each: true })
  assetIds?: string[];

  @ApiPropertyOptional({ nullable: true }) @Nullable() @IntRange(1, 1000) seatCount?: number | null;
  @ApiPropertyOptional() @Optional() @WonAmount(0) monthlyFee?: number;
  @ApiPropertyOptional() @Optional() @WonAmount(0) deposit?: number;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @DateOnly() renewalOn?: string | null;

  @ApiPropertyOptional({ type: [ObligationDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @NestedEach(() => ObligationDto)
  obligations?: ObligationDto[];
}

export class AgreementListQueryDto extends PageQueryDto implements AgreementListQuery {
  @ApiPropertyOptional({ enum: AGREEMENT_STATES })
  @IsOptional()
  @OneOf(AGREEMENT_STATES)
  state?: AgreementState;
}

export class CompleteObligationDto {
  @ApiPropertyOptional() @Optional() @Text(1, 2000) note?: string;
}
