import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  EXPERIMENT_VERDICTS,
  METRIC_DIRECTIONS,
  MILESTONE_STATUSES,
  OBSERVATION_CATEGORIES,
  OUTCOME_TYPES,
  PARTNER_SECTORS,
  PARTNER_STATUSES,
  PROJECT_STAGES,
  type AddReadingRequest,
  type ArchiveQuery,
  type ChangeStageRequest,
  type CommitmentKind,
  type CommitmentStatus,
  type CreateCommitmentRequest,
  type CreateExperimentRequest,
  type CreateMetricRequest,
  type CreateMilestoneRequest,
  type CreateOutcomeRequest,
  type CreatePartnerRequest,
  type CreateProjectRequest,
  type ExperimentVerdict,
  type LinkBookingRequest,
  type LinkObservationRequest,
  type MetricDirection,
  type MilestoneStatus,
  type ObservationCategory,
  type OutcomeType,
  type PartnerSector,
  type PartnerStatus,
  type ProjectListQuery,
  type ProjectStage,
  type RecordConsentRequest,
  type RecordVerdictRequest,
  type UpdateCommitmentRequest,
  type UpdateExperimentRequest,
  type UpdateMilestoneRequest,
  type UpdatePartnerRequest,
  type UpdateProjectRequest,
} from '@madang/contracts';
import { ArrayMaxSize, IsArray, IsDefined, IsNumber, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../core/pagination';
import { IntRange, NestedEach, Nullable, OneOf, Optional, Text } from '../../core/validators';
import { DateOnly, QueryInt, WonAmount } from '../../settlement/dto/common';

/** A calendar date of this era (1900–2999): PostgreSQL has no year 0, and nothing here is older. */
const LabDate = () =>
  applyDecorators(DateOnly(), Matches(/^(19|2\d)\d{2}-/, { context: { code: 'not_date' } }));

/** A measured value (metric baseline, target, reading): a finite number within ±10¹². */
const MeasureValue = () =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(-1e12, { context: { min: -1e12 } }),
    Max(1e12, { context: { max: 1e12 } }),
  );

export class CreateProjectDto implements CreateProjectRequest {
  @ApiProperty({ example: '버스 정류장 그늘 실험' })
  @IsDefined()
  @Text(2, 200)
  title!: string;

  @ApiProperty({ example: '여름철 정류장 대기 환경을 바꾸는 리빙랩' })
  @IsDefined()
  @Text(1, 2000)
  summary!: string;

  @ApiProperty({ enum: OBSERVATION_CATEGORIES })
  @IsDefined()
  @OneOf(OBSERVATION_CATEGORIES)
  category!: ObservationCategory;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  leadGroupId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  leadUserId?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @IsUUID(undefined, { each: true })
  memberIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @IsUUID(undefined, { each: true })
  observationIds?: string[];

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 5000)
  problemStatement?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  programmeId?: string;
}

export class UpdateProjectDto implements UpdateProjectRequest {
  @ApiPropertyOptional()
  @Optional()
  @Text(2, 200)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 2000)
  summary?: string;

  @ApiPropertyOptional({ enum: OBSERVATION_CATEGORIES })
  @Optional()
  @OneOf(OBSERVATION_CATEGORIES)
  category?: ObservationCategory;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @Text(1, 5000)
  problemStatement?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @Text(1, 10000)
  resultsNote?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsUUID()
  programmeId?: string | null;
}

export class ProjectListQueryDto extends PageQueryDto implements ProjectListQuery {
  @ApiPropertyOptional({ enum: ['mine', 'all'] })
  @Optional()
  @OneOf(['mine', 'all'])
  scope?: 'mine' | 'all';

  @ApiPropertyOptional({ enum: PROJECT_STAGES })
  @Optional()
  @OneOf(PROJECT_STAGES)
  stage?: ProjectStage;

  @ApiPropertyOptional({ enum: OBSERVATION_CATEGORIES })
  @Optional()
  @OneOf(OBSERVATION_CATEGORIES)
  category?: ObservationCategory;

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 100)
  q?: string;
}

export class ArchiveQueryDto extends PageQueryDto implements ArchiveQuery {
  @ApiPropertyOptional({ enum: PROJECT_STAGES })
  @Optional()
  @OneOf(PROJECT_STAGES)
  stage?: ProjectStage;

  @ApiPropertyOptional({ enum: OBSERVATION_CATEGORIES })
  @Optional()
  @OneOf(OBSERVATION_CATEGORIES)
  category?: ObservationCategory;

  @ApiPropertyOptional({ example: 2026 })
  @Optional()
  @QueryInt()
  @IntRange(2000, 2100)
  year?: number;

  @ApiPropertyOptional({ enum: OUTCOME_TYPES })
  @Optional()
  @OneOf(OUTCOME_TYPES)
  outcomeType?: OutcomeType;

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 100)
  q?: string;
}

export class ChangeStageDto implements ChangeStageRequest {
  @ApiProperty({ enum: PROJECT_STAGES })
  @IsDefined()
  @OneOf(PROJECT_STAGES)
  to!: ProjectStage;

  @ApiProperty({ example: '관찰 3건으로 문제를 정의했습니다.' })
  @IsDefined()
  @Text(1, 1000)
  reason!: string;
}

export class LinkObservationDto implements LinkObservationRequest {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  observationId!: string;
}

export class CreateCommitmentDto implements CreateCommitmentRequest {
  @ApiProperty({ enum: COMMITMENT_KINDS })
  @IsDefined()
  @OneOf(COMMITMENT_KINDS)
  kind!: CommitmentKind;

  @ApiProperty({ example: '정류장 그늘막 설치비' })
  @IsDefined()
  @Text(1, 1000)
  description!: string;

  @ApiPropertyOptional({ example: 3000000 })
  @Optional()
  @WonAmount(0)
  amount?: number;

  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES })
  @Optional()
  @OneOf(COMMITMENT_STATUSES)
  status?: CommitmentStatus;
}

export class UpdateCommitmentDto implements UpdateCommitmentRequest {
  @ApiPropertyOptional()
  @Optional()
  @Text(1, 1000)
  description?: string;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @WonAmount(0)
  amount?: number | null;

  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES })
  @Optional()
  @OneOf(COMMITMENT_STATUSES)
  status?: CommitmentStatus;
}

export class CreatePartnerDto implements CreatePartnerRequest {
  @ApiProperty({ example: '제주시 교통행정과' })
  @IsDefined()
  @Text(1, 200)
  name!: string;

  @ApiProperty({ enum: PARTNER_SECTORS })
  @IsDefined()
  @OneOf(PARTNER_SECTORS)
  sector!: PartnerSector;

  @ApiPropertyOptional({ enum: PARTNER_STATUSES })
  @Optional()
  @OneOf(PARTNER_STATUSES)
  status?: PartnerStatus;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 300)
  contact?: string;

  @ApiPropertyOptional({ type: [CreateCommitmentDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20, { context: { max: 20 } })
  @NestedEach(() => CreateCommitmentDto)
  commitments?: CreateCommitmentDto[];
}

export class UpdatePartnerDto implements UpdatePartnerRequest {
  @ApiPropertyOptional()
  @Optional()
  @Text(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: PARTNER_SECTORS })
  @Optional()
  @OneOf(PARTNER_SECTORS)
  sector?: PartnerSector;

  @ApiPropertyOptional({ enum: PARTNER_STATUSES })
  @Optional()
  @OneOf(PARTNER_STATUSES)
  status?: PartnerStatus;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @Text(1, 300)
  contact?: string | null;
}

export class CreateMilestoneDto implements CreateMilestoneRequest {
  @ApiProperty({ example: '그늘막 설치' })
  @IsDefined()
  @Text(1, 200)
  title!: string;

  @ApiProperty({ example: '2026-07-01' })
  @IsDefined()
  @LabDate()
  dueOn!: string;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES })
  @Optional()
  @OneOf(MILESTONE_STATUSES)
  status?: MilestoneStatus;
}

export class UpdateMilestoneDto implements UpdateMilestoneRequest {
  @ApiPropertyOptional()
  @Optional()
  @Text(1, 200)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @LabDate()
  dueOn?: string;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES })
  @Optional()
  @OneOf(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @LabDate()
  doneOn?: string | null;
}

export class CreateOutcomeDto implements CreateOutcomeRequest {
  @ApiProperty({ enum: OUTCOME_TYPES })
  @IsDefined()
  @OneOf(OUTCOME_TYPES)
  type!: OutcomeType;

  @ApiProperty({ example: '버스 정류장 그늘막 설치 조례 개정' })
  @IsDefined()
  @Text(1, 200)
  title!: string;

  @ApiProperty()
  @IsDefined()
  @Text(1, 5000)
  description!: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsDefined()
  @LabDate()
  occurredOn!: string;

  @ApiProperty({ example: '제주특별자치도의회' })
  @IsDefined()
  @Text(1, 200)
  responsibleBody!: string;
}

export class CreateExperimentDto implements CreateExperimentRequest {
  @ApiProperty({ example: '정류장 그늘막 4주 실험' })
  @IsDefined()
  @Text(1, 200)
  title!: string;

  @ApiProperty({ example: '그늘막이 있으면 한낮 대기 승객의 체감 온도가 낮아지고 이용이 늘어난다.' })
  @IsDefined()
  @Text(1, 5000)
  hypothesis!: string;

  @ApiProperty({ example: '정류장 2곳에 이동식 그늘막 설치' })
  @IsDefined()
  @Text(1, 5000)
  intervention!: string;

  @ApiProperty({ example: '2026-07-01' })
  @IsDefined()
  @LabDate()
  startsOn!: string;

  @ApiProperty({ example: '2026-07-31' })
  @IsDefined()
  @LabDate()
  endsOn!: string;

  @ApiPropertyOptional({ example: 120 })
  @Optional()
  @IntRange(0, 1_000_000)
  participantCount?: number;
}

export class UpdateExperimentDto implements UpdateExperimentRequest {
  @ApiPropertyOptional()
  @Optional()
  @Text(1, 200)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 5000)
  hypothesis?: string;

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 5000)
  intervention?: string;

  @ApiPropertyOptional()
  @Optional()
  @LabDate()
  startsOn?: string;

  @ApiPropertyOptional()
  @Optional()
  @LabDate()
  endsOn?: string;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IntRange(0, 1_000_000)
  participantCount?: number | null;
}

export class LinkBookingDto implements LinkBookingRequest {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  bookingId!: string;
}

export class RecordConsentDto implements RecordConsentRequest {
  @ApiProperty({ example: '홍길동' })
  @IsDefined()
  @Text(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: '010-0000-0000' })
  @Optional()
  @Text(1, 200)
  contact?: string;

  @ApiProperty({ example: '설문 응답 및 사진 촬영 동의' })
  @IsDefined()
  @Text(1, 1000)
  consentNote!: string;
}

export class CreateMetricDto implements CreateMetricRequest {
  @ApiProperty({ example: '정류장 체감 온도' })
  @IsDefined()
  @Text(1, 200)
  name!: string;

  @ApiProperty({ example: '°C' })
  @IsDefined()
  @Text(1, 30)
  unit!: string;

  @ApiProperty({ example: 34.5 })
  @IsDefined()
  @MeasureValue()
  baseline!: number;

  @ApiProperty({ example: 30 })
  @IsDefined()
  @MeasureValue()
  target!: number;

  @ApiProperty({ enum: METRIC_DIRECTIONS })
  @IsDefined()
  @OneOf(METRIC_DIRECTIONS)
  direction!: MetricDirection;
}

export class AddReadingDto implements AddReadingRequest {
  @ApiProperty({ example: '2026-07-08' })
  @IsDefined()
  @LabDate()
  measuredOn!: string;

  @ApiProperty({ example: 31.2 })
  @IsDefined()
  @MeasureValue()
  value!: number;

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 500)
  note?: string;
}

export class RecordVerdictDto implements RecordVerdictRequest {
  @ApiProperty({ enum: EXPERIMENT_VERDICTS })
  @IsDefined()
  @OneOf(EXPERIMENT_VERDICTS)
  verdict!: ExperimentVerdict;

  @ApiProperty({ example: '그늘막은 체감 온도를 낮췄지만 바람이 강한 날은 철거가 필요했다.' })
  @IsDefined()
  @Text(1, 5000)
  lesson!: string;
}
