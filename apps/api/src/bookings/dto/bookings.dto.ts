import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AvailabilityQuery,
  BookingItem,
  BookingListQuery,
  BulkDecisionRequest,
  CancelRequest,
  CreateBookingRequest,
  Decision,
  RejectRequest,
} from '@madang/contracts';
import { PageQueryDto } from '../../core/pagination';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  Instant,
  IntRange,
  NestedEach,
  Nullable,
  OneOf,
  Optional,
  QueryInstant,
  Text,
} from '../../core/validators';

export class BookingItemDto implements Partial<BookingItem> {
  @ApiProperty()
  @IsDefined()
  @IsUUID()
  assetId!: string;

  @ApiPropertyOptional({ default: 1, description: 'Units, for quantity pools' })
  @Optional()
  @IntRange(1, 1000)
  quantity?: number;
}

export class CreateBookingDto implements CreateBookingRequest {
  @ApiProperty({ type: [BookingItemDto] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(10, { context: { max: 10 } })
  @NestedEach(() => BookingItemDto)
  items!: BookingItemDto[] & { assetId: string; quantity: number }[];

  @ApiProperty({ example: '2026-12-01T10:00:00+09:00', format: 'date-time' })
  @IsDefined()
  @Instant()
  start!: string;

  @ApiProperty({ example: '2026-12-01T12:00:00+09:00', format: 'date-time' })
  @IsDefined()
  @Instant()
  end!: string;

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

export class ReasonDto implements CancelRequest {
  @ApiPropertyOptional()
  @Optional()
  @Text(1, 1000)
  reason?: string;
}

export class RejectDto implements RejectRequest {
  @ApiProperty()
  @IsDefined()
  @Text(1, 1000)
  reason!: string;
}

export class BulkDecisionDto implements BulkDecisionRequest {
  @ApiProperty({ type: [String] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(100, { context: { max: 100 } })
  @IsUUID('all', { each: true })
  ids!: string[];

  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsDefined()
  @OneOf(['approve', 'reject'])
  action!: 'approve' | 'reject';

  @ApiPropertyOptional()
  @Optional()
  @Text(1, 1000)
  reason?: string;
}

export const DECISIONS = ['pending', 'approved', 'rejected', 'cancelled'] as const;

export class BookingListQueryDto extends PageQueryDto implements BookingListQuery {
  @ApiPropertyOptional({ enum: ['mine', 'all'] })
  @IsOptional()
  @OneOf(['mine', 'all'])
  scope?: 'mine' | 'all';

  @ApiPropertyOptional({ enum: DECISIONS })
  @IsOptional()
  @OneOf(DECISIONS)
  decision?: Decision;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  assetId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryInstant()
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryInstant()
  to?: string;
}

export class AvailabilityQueryDto implements AvailabilityQuery {
  @ApiProperty()
  @IsDefined()
  @QueryInstant()
  from!: string;

  @ApiProperty()
  @IsDefined()
  @QueryInstant()
  to!: string;

  @ApiPropertyOptional({ description: 'Comma-separated asset ids' })
  @IsOptional()
  @IsString()
  @MaxLength(4000, { context: { max: 4000 } })
  assetIds?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  categoryId?: string;
}
