import { Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { Page, PERMISSIONS, Role, ROLES, UserSummary } from '@madang/contracts';
import type { Actor } from '../core/actor';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { RoleParamPipe, uuidPipe } from '../core/params';
import { UserListQueryDto } from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiCookieAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(PERMISSIONS.USERS_READ)
  list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto): Promise<Page<UserSummary>> {
    return this.users.list(actor, query);
  }

  @Put(':id/roles/:role')
  @RequirePermission(PERMISSIONS.USERS_MANAGE_ROLES)
  @ApiParam({ name: 'role', enum: ROLES })
  grant(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Param('role', RoleParamPipe) role: Role,
  ): Promise<UserSummary> {
    return this.users.grantRole(actor, id, role);
  }

  @Delete(':id/roles/:role')
  @RequirePermission(PERMISSIONS.USERS_MANAGE_ROLES)
  @ApiParam({ name: 'role', enum: ROLES })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Param('role', RoleParamPipe) role: Role,
  ): Promise<UserSummary> {
    return this.users.revokeRole(actor, id, role);
  }
}
