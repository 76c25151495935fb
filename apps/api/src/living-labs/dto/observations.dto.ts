import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LAB_TEAMS,
  OBSERVATION_CATEGORIES,
  OBSERVATION_KINDS,
  OBSERVATION_REPLY_KINDS,
  OBSERVATION_RESPONSE_KINDS,
  OBSERVATION_STATES,
  type CreateCommentRequest,
  type CreateObservationRequest,
  type GeoPoint,
  type LabTeam,
  type MergeObservationRequest,
  type ObservationCategory,
  type ObservationKind,
  type ObservationListQuery,
  type ObservationReplyKind,
  type ObservationResponseKind,
  type ObservationState,
  type PublicObservationListQuery,
  type RespondToObservationRequest,
  type ResponseDashboardQuery,
  type TriageObservationRequest,
} from '@madang/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsNumber, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../core/pagination';
import { Nested, OneOf, Optional, Text } from '../../core/validators';
import { MonthOnly } from '../../settlement/dto/common';

export class GeoPointDto implements GeoPoint {
  @ApiProperty({ example: 33.4996 })
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90, { context: { min: -90 } })
  @Max(90, { context: { max: 90 } })
  lat!: number;

  @ApiProperty({ example: 126.5312 })
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180, { context: { min: -180 } })
  @Max(180, { context: { max: 180 } })
  lng!: number;
}

export class CreateObservationDto implements CreateObservationRequest {
  @ApiProperty({ enum: OBSERVATION_KINDS })
  @IsDefined()
  @OneOf(OBSERVATION_KINDS)
  kind!: ObservationKind;

  @ApiProperty({ enum: OBSERVATION_CATEGORIES })
  @IsDefined()
  @OneOf(OBSERVATION_CATEGORIES)
  category!: ObservationCategory;

  @ApiProperty({ example: '버스 정류장에 그늘이 없어요' })
  @IsDefined()
  @Text(2, 200)
  title!: string;

  @ApiProperty({ example: '한여름 오후에 정류장에서 기다리기가 너무 힘듭니다.' })
  @IsDefined()
  @Text(1, 5000)
  body!: string;

  @ApiPropertyOptional({ example: '제주시청 버스 정류장' })
  @Optional()
  @Text(1, 200)
  placeName?: string;

  @ApiPropertyOptional({ type: GeoPointDto })
  @Optional()
  @Nested(() => GeoPointDto)
  point?: GeoPointDto;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  isPublic?: boolean;

  @ApiPropertyOptional({ default: false })
  @Optional()
  @IsBoolean()
  anonymous?: boolean;
}

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class PublicObservationListQueryDto extends PageQueryDto implements PublicObservationListQuery {
  @ApiPropertyOptional({ enum: OBSERVATION_KINDS })
  @Optional()
  @OneOf(OBSERVATION_KINDS)
  kind?: ObservationKind;

  @ApiPropertyOptional({ enum: OBSERVATION_CATEGORIES })
  @Optional()
  @OneOf(OBSERVATION_CATEGORIES)
  category?: ObservationCategory;

  @ApiPropertyOptional({ enum: OBSERVATION_STATES })
  @Optional()
  @OneOf(OBSERVATION_STATES)
  state?: ObservationState;

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: ['recent', 'supported'] })
  @Optional()
  @OneOf(['recent', 'supported'])
  sort?: 'recent' | 'supported';
}

export class ObservationListQueryDto extends PublicObservationListQueryDto implements ObservationListQuery {
  @ApiPropertyOptional({ enum: ['mine', 'all'] })
  @Optional()
  @OneOf(['mine', 'all'])
  scope?: 'mine' | 'all';

  @ApiPropertyOptional({ enum: LAB_TEAMS })
  @Optional()
  @OneOf(LAB_TEAMS)
  team?: LabTeam;

  @ApiPropertyOptional()
  @Optional()
  @Transform(toBool)
  @IsBoolean()
  late?: boolean;
}

export class CreateCommentDto implements CreateCommentRequest {
  @ApiProperty({ example: '저도 같은 생각입니다.' })
  @IsDefined()
  @Text(1, 2000)
  body!: string;
}

export class TriageObservationDto implements TriageObservationRequest {
  @ApiPropertyOptional({ enum: OBSERVATION_RESPONSE_KINDS })
  @Optional()
  @OneOf(OBSERVATION_RESPONSE_KINDS)
  responseKind?: ObservationResponseKind;

  @ApiPropertyOptional({ enum: LAB_TEAMS })
  @Optional()
  @OneOf(LAB_TEAMS)
  team?: LabTeam;

  @ApiPropertyOptional({ enum: OBSERVATION_CATEGORIES })
  @Optional()
  @OneOf(OBSERVATION_CATEGORIES)
  category?: ObservationCategory;
}

export class RespondToObservationDto implements RespondToObservationRequest {
  @ApiProperty({ enum: OBSERVATION_REPLY_KINDS })
  @IsDefined()
  @OneOf(OBSERVATION_REPLY_KINDS)
  kind!: ObservationReplyKind;

  @ApiProperty({ example: '소중한 관찰 감사합니다. 담당 팀이 살펴보고 있습니다.' })
  @IsDefined()
  @Text(1, 5000)
  body!: string;
}

export class MergeObservationDto implements MergeObservationRequest {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  intoId!: string;

  @ApiProperty({ example: '같은 정류장에 대한 관찰입니다.' })
  @IsDefined()
  @Text(1, 1000)
  reason!: string;
}

export class ResponseDashboardQueryDto implements ResponseDashboardQuery {
  @ApiPropertyOptional({ example: '2026-01' })
  @Optional()
  @MonthOnly()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12' })
  @Optional()
  @MonthOnly()
  to?: string;

  @ApiPropertyOptional({ enum: LAB_TEAMS })
  @Optional()
  @OneOf(LAB_TEAMS)
  team?: LabTeam;
}
