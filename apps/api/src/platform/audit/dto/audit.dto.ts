import { ApiPropertyOptional } from '@nestjs/swagger';
import { AuditQuery } from '@madang/contracts';
import { PageQueryDto } from '../../../core/pagination';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { QueryInstant } from '../../../core/validators';

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @ApiPropertyOptional({ example: 'user.role_granted' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  action?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' })
  @IsOptional()
  @QueryInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' })
  @IsOptional()
  @QueryInstant()
  to?: string;
}
