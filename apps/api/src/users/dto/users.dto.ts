import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES, type UserListQuery } from '@madang/contracts';
import { PageQueryDto } from '../../core/pagination';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { OneOf } from '../../core/validators';

export class UserListQueryDto extends PageQueryDto implements UserListQuery {
  @ApiPropertyOptional({ description: 'Matches e-mail or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @OneOf(ROLES)
  role?: Role;
}
