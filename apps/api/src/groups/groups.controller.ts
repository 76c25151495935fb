import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { GroupDetail, GroupSummary, PERMISSIONS } from '@madang/contracts';
import type { Actor } from '../core/actor';
import { CurrentActor, RequirePermission } from '../core/decorators';
import { uuidPipe } from '../core/params';
import { AddMemberDto, CreateGroupDto, UpdateGroupDto, UpdateMemberDto } from './dto/groups.dto';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@ApiCookieAuth()
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.GROUPS_READ)
  list(@CurrentActor() actor: Actor): Promise<GroupSummary[]> {
    return this.groups.list(actor);
  }

  @Post()
  @RequirePermission(PERMISSIONS.GROUPS_MANAGE)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGroupDto): Promise<GroupDetail> {
    return this.groups.create(actor, dto);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.GROUPS_READ)
  get(@CurrentActor() actor: Actor, @Param('id', uuidPipe('id')) id: string): Promise<GroupDetail> {
    return this.groups.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.GROUPS_MANAGE)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: UpdateGroupDto,
  ): Promise<GroupDetail> {
    return this.groups.update(actor, id, dto);
  }

  @Post(':id/members')
  @RequirePermission(PERMISSIONS.GROUPS_MANAGE)
  addMember(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Body() dto: AddMemberDto,
  ): Promise<GroupDetail> {
    return this.groups.addMember(actor, id, dto);
  }

  @Patch(':id/members/:userId')
  @RequirePermission(PERMISSIONS.GROUPS_MANAGE)
  updateMember(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Param('userId', uuidPipe('userId')) userId: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<GroupDetail> {
    return this.groups.updateMember(actor, id, userId, dto);
  }

  @Delete(':id/members/:userId')
  @RequirePermission(PERMISSIONS.GROUPS_MANAGE)
  removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', uuidPipe('id')) id: string,
    @Param('userId', uuidPipe('userId')) userId: string,
  ): Promise<GroupDetail> {
    return this.groups.removeMember(actor, id, userId);
  }
}
