import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GroupDetail, GroupSummary } from '@madang/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { AddMemberDto, CreateGroupDto, UpdateGroupDto, UpdateMemberDto } from './dto/groups.dto';
import { GroupFields, GroupRow, GroupsRepository } from './groups.repository';

const toSummary = (row: GroupRow): GroupSummary => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  description: row.description,
  memberCount: row.member_count,
  createdAt: row.created_at.toISOString(),
});

function nameTaken(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { constraint?: string }).constraint === 'groups_name_key'
  );
}

@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly groups: GroupsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(_actor: Actor): Promise<GroupSummary[]> {
    return (await this.groups.all()).map(toSummary);
  }

  async get(_actor: Actor, id: string, tx?: EntityManager): Promise<GroupDetail> {
    const row = await this.groups.find(id, tx);
    if (!row) throw notFound();
    return { ...toSummary(row), members: await this.groups.members(id, tx) };
  }

  async create(actor: Actor, dto: CreateGroupDto): Promise<GroupDetail> {
    try {
      return await this.db.transaction(async (manager) => {
        const groupId = await this.groups.insert(manager, {
          name: dto.name.trim(),
          kind: dto.kind,
          description: dto.description?.trim() ?? '',
        });
        const after = await this.get(actor, groupId, manager);
        await this.audit.record(manager, actor, {
          action: 'group.created',
          entityType: 'group',
          entityId: groupId,
          after,
        });
        return after;
      });
    } catch (error) {
      if (nameTaken(error)) throw new DomainError('conflict', {}, {}, [{ field: 'name', code: 'invalid' }]);
      throw error;
    }
  }

  async update(actor: Actor, id: string, dto: UpdateGroupDto): Promise<GroupDetail> {
    try {
      return await this.change(actor, id, 'group.updated', async (manager) => {
        const patch: Partial<GroupFields> = {};
        if (dto.name !== undefined) patch.name = dto.name.trim();
        if (dto.description !== undefined) patch.description = dto.description.trim();
        await this.groups.update(manager, id, patch);
      });
    } catch (error) {
      if (nameTaken(error)) throw new DomainError('conflict', {}, {}, [{ field: 'name', code: 'invalid' }]);
      throw error;
    }
  }

  addMember(actor: Actor, id: string, dto: AddMemberDto): Promise<GroupDetail> {
    return this.change(actor, id, 'group.member_added', async (manager) => {
      const userId = await this.groups.userIdByEmail(manager, dto.email.trim().toLowerCase());
      if (!userId) throw invalidField('email', 'invalid');
      await this.groups.upsertMember(manager, id, userId, dto.isManager ?? false);
    });
  }

  updateMember(actor: Actor, id: string, userId: string, dto: UpdateMemberDto): Promise<GroupDetail> {
    return this.change(actor, id, 'group.member_updated', async (manager) => {
      if (!(await this.groups.setManager(manager, id, userId, dto.isManager))) throw notFound();
    });
  }

  removeMember(actor: Actor, id: string, userId: string): Promise<GroupDetail> {
    return this.change(actor, id, 'group.member_removed', async (manager) => {
      if (!(await this.groups.removeMember(manager, id, userId))) throw notFound();
    });
  }

  /** Locks the group, applies a change, and records before/after in the audit log, all in one transaction. */
  private change(
    actor: Actor,
    id: string,
    action: string,
    apply: (manager: EntityManager) => Promise<void>,
  ): Promise<GroupDetail> {
    return this.db.transaction(async (manager) => {
      if (!(await this.groups.lock(manager, id))) throw notFound();
      const before = await this.get(actor, id, manager);
      await apply(manager);
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, { action, entityType: 'group', entityId: id, before, after });
      return after;
    });
  }
}
