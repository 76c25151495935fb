import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES, type UserListQuery } from '@madang/contracts';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IntRange, OneOf } from '../../core/validators';

export class UserListQueryDto implements UserListQuery {
  @ApiPropertyOptional({ description: 'Matches e-mail or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @OneOf(ROLES)
  role?: Role;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IntRange(1, 200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IntRange(0, 1_000_000)
  offset?: number;
}
