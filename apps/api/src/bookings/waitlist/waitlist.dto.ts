import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JoinWaitlistRequest } from '@madang/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsUUID } from 'class-validator';
import { Instant, IntRange, NestedEach, Nullable, Optional, Text } from '../../core/validators';
import { BookingItemDto } from '../dto/bookings.dto';

/** The booking one would have made, for a slot someone else holds. */
export class JoinWaitlistDto implements JoinWaitlistRequest {
  @ApiProperty({ example: '2026-12-01T10:00:00+09:00', format: 'date-time' })
  @IsDefined()
  @Instant()
  start!: string;

  @ApiProperty({ example: '2026-12-01T12:00:00+09:00', format: 'date-time' })
  @IsDefined()
  @Instant()
  end!: string;

  @ApiPropertyOptional({ type: [BookingItemDto], description: 'Default: the asset of the path, 1 unit' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(10, { context: { max: 10 } })
  @NestedEach(() => BookingItemDto)
  items?: (BookingItemDto & { quantity: number })[];

  @ApiProperty({ example: '주민 팀 정기 회의' })
  @IsDefined()
  @Text(1, 500)
  purpose!: string;

  @ApiProperty({ example: 8 })
  @IsDefined()
  @IntRange(0, 10000)
  attendees!: number;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsUUID()
  groupId?: string | null;
}
