import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OUT_OF_SERVICE_REASONS,
  type CreateOutOfServiceRequest,
  type OutOfServiceReason,
} from '@madang/contracts';
import { IsDefined, IsIn } from 'class-validator';
import { Instant, OneOf, Optional, Text } from '../../core/validators';

export class CreateOutOfServiceDto implements CreateOutOfServiceRequest {
  @ApiProperty({ example: '2026-12-01T09:00:00+09:00', format: 'date-time' })
  @IsDefined()
  @Instant()
  start!: string;

  @ApiProperty({ example: '2026-12-03T18:00:00+09:00', format: 'date-time' })
  @IsDefined()
  @Instant()
  end!: string;

  @ApiProperty({ enum: OUT_OF_SERVICE_REASONS })
  @IsDefined()
  @OneOf(OUT_OF_SERVICE_REASONS)
  reason!: OutOfServiceReason;

  @ApiPropertyOptional({ example: '렌즈 교체' })
  @Optional()
  @Text(1, 500)
  note?: string;
}

export class OutOfServiceQueryDto {
  @ApiPropertyOptional({ description: 'Include released blocks', enum: ['true', 'false'] })
  @Optional()
  @IsIn(['true', 'false'], { context: { values: 'true, false' } })
  released?: 'true' | 'false';
}
