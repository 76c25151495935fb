import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGGREGATION_METHODS,
  CALL_KINDS,
  CALL_PHASES,
  FORM_FIELD_TYPES,
  type CallKind,
  type CallListQuery,
  type CallPhase,
  type CallPrivileges,
  type FormFieldType,
  type PublicCallQuery,
  type RecruitmentAggregation,
} from '@madang/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { LocalizedLongTextDto, LocalizedTextDto } from '../../catalogue/dto/catalogue.dto';
import { PageQueryDto } from '../../core/pagination';
import {
  Instant,
  IntRange,
  Nested,
  NestedEach,
  Nullable,
  OneOf,
  Optional,
  Text,
} from '../../core/validators';
import { DateOnly, WonAmount } from '../../settlement/dto/common';

const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

export class CallPrivilegesDto implements Partial<CallPrivileges> {
  @ApiPropertyOptional({ type: [String], example: ['resident_base'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10, { context: { max: 10 } })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { each: true, context: { code: 'invalid' } })
  tags?: string[];

  @ApiPropertyOptional()
  @Optional()
  @IntRange(0, 365)
  extraAdvanceDays?: number;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20, { context: { max: 20 } })
  @IsUUID(undefined, { each: true })
  feeWaiverCategoryIds?: string[];
}

export class CallOfferDto {
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @IsUUID(undefined, { each: true })
  assetIds?: string[];

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IntRange(1, 1000)
  seatCount?: number | null;

  @ApiPropertyOptional()
  @Optional()
  @IntRange(1, 1000)
  places?: number;

  @ApiProperty({ example: '2027-03-01' })
  @IsDefined()
  @DateOnly()
  termStart!: string;

  @ApiProperty({ example: '2029-02-28' })
  @IsDefined()
  @DateOnly()
  termEnd!: string;

  @ApiProperty({ example: 150000 })
  @IsDefined()
  @WonAmount(0)
  monthlyFee!: number;

  @ApiProperty({ example: 500000 })
  @IsDefined()
  @WonAmount(0)
  deposit!: number;

  @ApiPropertyOptional({ type: CallPrivilegesDto })
  @Optional()
  @Nested(() => CallPrivilegesDto)
  privileges?: CallPrivilegesDto;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsUUID()
  partnerCategoryId?: string | null;
}

/** The instant each phase starts; `null` or absent = moved by hand. */
export class PhaseScheduleDto {
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Instant() open?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Instant() closed?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Instant() screening?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Instant() review_document?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Instant() review_interview?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Instant() provisional_results?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Instant() objection_window?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Instant() final_results?: string | null;
  @ApiPropertyOptional({ nullable: true }) @Nullable() @Instant() agreements?: string | null;
}

export class CreateCallDto {
  @ApiProperty({ enum: CALL_KINDS })
  @IsDefined()
  @OneOf(CALL_KINDS)
  kind!: CallKind;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @Nested(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @ApiProperty({ type: LocalizedLongTextDto })
  @IsDefined()
  @Nested(() => LocalizedLongTextDto)
  summary!: LocalizedLongTextDto;

  @ApiProperty({ type: LocalizedLongTextDto })
  @IsDefined()
  @Nested(() => LocalizedLongTextDto)
  body!: LocalizedLongTextDto;

  @ApiProperty({ type: LocalizedLongTextDto })
  @IsDefined()
  @Nested(() => LocalizedLongTextDto)
  eligibility!: LocalizedLongTextDto;

  @ApiProperty({ type: CallOfferDto })
  @IsDefined()
  @Nested(() => CallOfferDto)
  offer!: CallOfferDto;

  @ApiProperty({ example: '2027-01-31T18:00:00+09:00' })
  @IsDefined()
  @Instant()
  deadline!: string;

  @ApiPropertyOptional({ type: PhaseScheduleDto })
  @Optional()
  @Nested(() => PhaseScheduleDto)
  schedule?: PhaseScheduleDto;

  @ApiPropertyOptional() @Optional() @IsBoolean() blind?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() hasInterview?: boolean;

  @ApiPropertyOptional({ enum: AGGREGATION_METHODS })
  @Optional()
  @OneOf(AGGREGATION_METHODS)
  aggregation?: RecruitmentAggregation;

  @ApiPropertyOptional() @Optional() @IntRange(1, 20) reviewersPerApplication?: number;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsUUID()
  budgetLineId?: string | null;
}

export class UpdateCallDto {
  @ApiPropertyOptional({ enum: CALL_KINDS }) @Optional() @OneOf(CALL_KINDS) kind?: CallKind;

  @ApiPropertyOptional({ type: LocalizedTextDto })
  @Optional()
  @Nested(() => LocalizedTextDto)
  title?: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @Optional()
  @Nested(() => LocalizedLongTextDto)
  summary?: LocalizedLongTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @Optional()
  @Nested(() => LocalizedLongTextDto)
  body?: LocalizedLongTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @Optional()
  @Nested(() => LocalizedLongTextDto)
  eligibility?: LocalizedLongTextDto;

  @ApiPropertyOptional({ type: CallOfferDto })
  @Optional()
  @Nested(() => CallOfferDto)
  offer?: CallOfferDto;

  @ApiPropertyOptional() @Optional() @Instant() deadline?: string;

  @ApiPropertyOptional({ type: PhaseScheduleDto })
  @Optional()
  @Nested(() => PhaseScheduleDto)
  schedule?: PhaseScheduleDto;

  @ApiPropertyOptional() @Optional() @IsBoolean() blind?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() hasInterview?: boolean;

  @ApiPropertyOptional({ enum: AGGREGATION_METHODS })
  @Optional()
  @OneOf(AGGREGATION_METHODS)
  aggregation?: RecruitmentAggregation;

  @ApiPropertyOptional() @Optional() @IntRange(1, 20) reviewersPerApplication?: number;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsUUID()
  budgetLineId?: string | null;
}

export class SetScheduleDto {
  @ApiPropertyOptional() @Optional() @Instant() deadline?: string;

  @ApiProperty({ type: PhaseScheduleDto })
  @IsDefined()
  @Nested(() => PhaseScheduleDto)
  schedule!: PhaseScheduleDto;
}

export class MovePhaseDto {
  @ApiProperty({ enum: CALL_PHASES })
  @IsDefined()
  @OneOf(CALL_PHASES)
  to!: CallPhase;

  @ApiPropertyOptional() @Optional() @Text(1, 1000) reason?: string;
}

export class CallListQueryDto extends PageQueryDto implements CallListQuery {
  @ApiPropertyOptional({ enum: CALL_PHASES }) @IsOptional() @OneOf(CALL_PHASES) phase?: CallPhase;
  @ApiPropertyOptional({ enum: CALL_KINDS }) @IsOptional() @OneOf(CALL_KINDS) kind?: CallKind;
}

export class PublicCallQueryDto extends PageQueryDto implements PublicCallQuery {
  @ApiPropertyOptional({ enum: ['open', 'current', 'past'] })
  @IsOptional()
  @OneOf(['open', 'current', 'past'])
  scope?: 'open' | 'current' | 'past';
}

// ── forms ───────────────────────────────────────────────────────────────────

export class FormOptionDto {
  @ApiProperty() @IsDefined() @Text(1, 100) value!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @Nested(() => LocalizedTextDto)
  label!: LocalizedTextDto;
}

export class FormFieldDto {
  @ApiProperty({ example: 'plan' })
  @IsDefined()
  @Matches(KEY, { context: { code: 'invalid' } })
  id!: string;

  @ApiProperty({ enum: FORM_FIELD_TYPES })
  @IsDefined()
  @OneOf(FORM_FIELD_TYPES)
  type!: FormFieldType;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @Nested(() => LocalizedTextDto)
  label!: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedLongTextDto })
  @Optional()
  @Nested(() => LocalizedLongTextDto)
  help?: LocalizedLongTextDto;

  @ApiProperty() @IsDefined() @IsBoolean() required!: boolean;
  @ApiPropertyOptional() @Optional() @IntRange(1, 20000) maxLength?: number;

  @ApiPropertyOptional({ type: [FormOptionDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @NestedEach(() => FormOptionDto)
  options?: FormOptionDto[];

  @ApiPropertyOptional() @Optional() @IsBoolean() multiple?: boolean;
  @ApiPropertyOptional() @Optional() @IsBoolean() hiddenWhenBlind?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12, { context: { min: -1e12 } })
  @Max(1e12, { context: { max: 1e12 } })
  min?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12, { context: { min: -1e12 } })
  @Max(1e12, { context: { max: 1e12 } })
  max?: number;
}

export class FormSectionDto {
  @ApiProperty() @IsDefined() @Matches(KEY, { context: { code: 'invalid' } }) id!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @Nested(() => LocalizedTextDto)
  title!: LocalizedTextDto;

  @ApiProperty({ type: [FormFieldDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(60, { context: { max: 60 } })
  @NestedEach(() => FormFieldDto)
  fields!: FormFieldDto[];
}

export class SaveFormDto {
  @ApiProperty({ type: [FormSectionDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(20, { context: { max: 20 } })
  @NestedEach(() => FormSectionDto)
  sections!: FormSectionDto[];
}

// ── rubric ──────────────────────────────────────────────────────────────────

export class ScaleLabelDto {
  @ApiProperty() @IsDefined() @IsNumber({ allowNaN: false, allowInfinity: false }) value!: number;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @Nested(() => LocalizedTextDto)
  label!: LocalizedTextDto;
}

export class CommentRuleDto {
  @ApiProperty({ enum: ['never', 'always', 'at-or-below'] })
  @IsDefined()
  @OneOf(['never', 'always', 'at-or-below'])
  required!: 'never' | 'always' | 'at-or-below';

  @ApiPropertyOptional() @Optional() @IsNumber({ allowNaN: false, allowInfinity: false }) score?: number;
}

export class RubricCriterionDto {
  @ApiProperty() @IsDefined() @Matches(KEY, { context: { code: 'invalid' } }) id!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @Nested(() => LocalizedTextDto)
  label!: LocalizedTextDto;

  @ApiProperty()
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  weight!: number;
  @ApiProperty() @IsDefined() @IsInt() @Min(-1000) @Max(1000) min!: number;
  @ApiProperty() @IsDefined() @IsInt() @Min(-1000) @Max(1000) max!: number;

  @ApiPropertyOptional()
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01, { context: { min: 0.01 } })
  @Max(1000, { context: { max: 1000 } })
  step?: number;

  @ApiPropertyOptional({ type: [ScaleLabelDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20, { context: { max: 20 } })
  @NestedEach(() => ScaleLabelDto)
  scaleLabels?: ScaleLabelDto[];

  @ApiPropertyOptional({ type: CommentRuleDto })
  @Optional()
  @Nested(() => CommentRuleDto)
  comment?: CommentRuleDto;
}

export class TieBreakDto {
  @ApiProperty({ enum: ['criterion', 'earlier-submission', 'lottery'] })
  @IsDefined()
  @OneOf(['criterion', 'earlier-submission', 'lottery'])
  kind!: 'criterion' | 'earlier-submission' | 'lottery';

  @ApiPropertyOptional() @Optional() @Matches(KEY, { context: { code: 'invalid' } }) criterionId?: string;

  @ApiPropertyOptional({ enum: ['higher', 'lower'] })
  @Optional()
  @OneOf(['higher', 'lower'])
  prefer?: 'higher' | 'lower';

  @ApiPropertyOptional() @Optional() @Text(1, 200) seed?: string;
}

export class SaveRubricDto {
  @ApiProperty({ type: [RubricCriterionDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(30, { context: { max: 30 } })
  @NestedEach(() => RubricCriterionDto)
  criteria!: RubricCriterionDto[];

  @ApiPropertyOptional() @Optional() @IsBoolean() overallCommentRequired?: boolean;

  @ApiPropertyOptional({ type: [TieBreakDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(5, { context: { max: 5 } })
  @NestedEach(() => TieBreakDto)
  tieBreaks?: TieBreakDto[];
}
