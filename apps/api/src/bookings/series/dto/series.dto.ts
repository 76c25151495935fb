import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_SERIES_OCCURRENCES,
  SERIES_EDIT_SCOPES,
  SERIES_MODES,
  type CreateSeriesRequest,
  type EditSeriesRequest,
  type OccurrenceChangeRequest,
  type SeriesCancelRequest,
  type SeriesDecisionRequest,
  type SeriesEditScope,
  type SeriesListQuery,
  type SeriesMode,
  type SeriesRequest,
} from '@madang/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { PageQueryDto } from '../../../core/pagination';
import { Instant, IntRange, NestedEach, Nullable, OneOf, Optional, Text } from '../../../core/validators';
import { BookingItemDto } from '../../dto/bookings.dto';

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A week: no occurrence of a series is longer. */
const MAX_DURATION_MINUTES = 7 * 24 * 60;

const isLocalDate = (value: unknown) =>
  typeof value === 'string' &&
  LOCAL_DATE.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
/** A real calendar date, `yyyy-MM-dd` (not 2027-02-30). */
const LocalDate = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'localDate', validator: { validate: isLocalDate } },
    { ...options, context: { code: 'not_date' } },
  );
const WallTime = () => Matches(WALL_TIME, { context: { code: 'invalid' } });

/**
 * Assets of one series: a room and up to four pieces of equipment. Every occurrence judges every
 * asset, so 260 occurrences × 5 assets bounds the work of one request (a single booking takes 10).
 */
export const MAX_SERIES_ITEMS = 5;

class SeriesItemsDto {
  @ApiProperty({ type: [BookingItemDto], maxItems: MAX_SERIES_ITEMS })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(MAX_SERIES_ITEMS, { context: { max: MAX_SERIES_ITEMS } })
  @NestedEach(() => BookingItemDto)
  items!: BookingItemDto[] & { assetId: string; quantity: number }[];
}

export class SeriesRequestDto extends SeriesItemsDto implements SeriesRequest {
  @ApiProperty({ example: '2026-12-08', description: 'First local date the rule may match' })
  @IsDefined()
  @IsString()
  @LocalDate()
  startDate!: string;

  @ApiProperty({ example: '19:00', description: 'Local start time of every occurrence' })
  @IsDefined()
  @IsString()
  @WallTime()
  startTime!: string;

  @ApiProperty({ example: 120 })
  @IsDefined()
  @IntRange(1, MAX_DURATION_MINUTES)
  durationMinutes!: number;

  @ApiProperty({
    example: 'FREQ=WEEKLY;BYDAY=TU;COUNT=12',
    description: `RFC 5545 RRULE part: FREQ=WEEKLY|MONTHLY, INTERVAL, BYDAY, BYMONTHDAY, BYSETPOS, COUNT (≤ ${MAX_SERIES_OCCURRENCES}) or UNTIL`,
  })
  @IsDefined()
  @Text(1, 300)
  rrule!: string;

  @ApiProperty({ example: '주민 팀 정기 회의' })
  @IsDefined()
  @Text(1, 500)
  purpose!: string;

  @ApiPropertyOptional({ example: 'public_interest' })
  @Optional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { context: { code: 'invalid' } })
  purposeTag?: string;

  @ApiProperty({ example: 8 })
  @IsDefined()
  @IntRange(0, 10000)
  attendees!: number;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsUUID()
  groupId?: string | null;
}

export class CreateSeriesDto extends SeriesRequestDto implements CreateSeriesRequest {
  @ApiProperty({ enum: SERIES_MODES })
  @IsDefined()
  @OneOf(SERIES_MODES)
  mode!: SeriesMode;
}

export class SeriesListQueryDto extends PageQueryDto implements SeriesListQuery {
  @ApiPropertyOptional({ enum: ['mine', 'all'] })
  @IsOptional()
  @OneOf(['mine', 'all'])
  scope?: 'mine' | 'all';
}

export class EditSeriesDto implements EditSeriesRequest {
  @ApiProperty({ enum: SERIES_EDIT_SCOPES })
  @IsDefined()
  @OneOf(SERIES_EDIT_SCOPES)
  scope!: SeriesEditScope;

  @ApiPropertyOptional({
    example: '2027-01-12',
    description: 'With this_and_following: the first occurrence date to change',
  })
  @Optional()
  @IsString()
  @LocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '18:30' })
  @Optional()
  @IsString()
  @WallTime()
  startTime?: string;

  @ApiPropertyOptional({ example: 90 })
  @Optional()
  @IntRange(1, MAX_DURATION_MINUTES)
  durationMinutes?: number;

  @ApiPropertyOptional({ example: 'FREQ=WEEKLY;BYDAY=TU;COUNT=12' })
  @Optional()
  @Text(1, 300)
  rrule?: string;
}

export class OccurrenceChangeDto implements OccurrenceChangeRequest {
  @ApiProperty({ enum: ['move', 'other_room', 'cancel'] })
  @IsDefined()
  @OneOf(['move', 'other_room', 'cancel'])
  action!: 'move' | 'other_room' | 'cancel';

  @ApiPropertyOptional({
    type: [BookingItemDto],
    description: 'other_room: the assets instead of the series’ own',
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(10, { context: { max: 10 } })
  @NestedEach(() => BookingItemDto)
  items?: BookingItemDto[] & { assetId: string; quantity: number }[];

  @ApiPropertyOptional({ format: 'date-time' })
  @Optional()
  @Instant()
  start?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @Optional()
  @Instant()
  end?: string;

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 1000)
  reason?: string;
}

export class SeriesDecisionDto implements SeriesDecisionRequest {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsDefined()
  @OneOf(['approve', 'reject'])
  action!: 'approve' | 'reject';

  @ApiPropertyOptional({ type: [String], description: 'Occurrence dates; all pending ones when left out' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(MAX_SERIES_OCCURRENCES, { context: { max: MAX_SERIES_OCCURRENCES } })
  @IsString({ each: true })
  @LocalDate({ each: true })
  dates?: string[];

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 1000)
  reason?: string;
}

export class SeriesCancelDto implements SeriesCancelRequest {
  @ApiPropertyOptional()
  @Optional()
  @Text(1, 1000)
  reason?: string;

  @ApiPropertyOptional({ example: '2027-01-12' })
  @Optional()
  @IsString()
  @LocalDate()
  from?: string;
}
