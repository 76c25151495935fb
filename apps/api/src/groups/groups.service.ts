import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GroupDetail, GroupSummary } from '@madang/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { UserEntity } from '../auth/user.entity';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { AddMemberDto, CreateGroupDto, UpdateGroupDto, UpdateMemberDto } from './dto/groups.dto';
import { GroupMemberEntity } from './group-member.entity';
import { GroupEntity } from './group.entity';

interface GroupRow {
  id: string;
  name: string;
  kind: GroupSummary['kind'];
  description: string;
  created_at: Date;
  member_count: number;
}

const SELECT_GROUP = `SELECT g.id, g.name, g.kind, g.description, g.created_at,
  (SELECT count(*)::int FROM group_members m WHERE m.group_id = g.id) AS member_count FROM groups g`;

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
    private readonly audit: AuditService,
  ) {}

  async list(_actor: Actor): Promise<GroupSummary[]> {
    const rows = (await this.db.query(`${SELECT_GROUP} ORDER BY g.name`)) as GroupRow[];
    return rows.map(toSummary);
  }

  async get(_actor: Actor, id: string, manager: EntityManager = this.db.manager): Promise<GroupDetail> {
    const rows = (await manager.query(`${SELECT_GROUP} WHERE g.id = $1`, [id])) as GroupRow[];
    if (!rows[0]) throw notFound();
    const members = (await manager.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", m.is_manager AS "isManager"
         FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 ORDER BY u.display_name`,
      [id],
    )) as GroupDetail['members'];
    return { ...toSummary(rows[0]), members };
  }

  async create(actor: Actor, dto: CreateGroupDto): Promise<GroupDetail> {
    try {
      return await this.db.transaction(async (manager) => {
        const group = await manager.save(
          manager.create(GroupEntity, {
            name: dto.name.trim(),
            kind: dto.kind,
            description: dto.description?.trim() ?? '',
          }),
        );
        const after = await this.get(actor, group.id, manager);
        await this.audit.record(manager, actor, {
          action: 'group.created',
          entityType: 'group',
          entityId: group.id,
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
        const patch: Partial<GroupEntity> = {};
        if (dto.name !== undefined) patch.name = dto.name.trim();
        if (dto.description !== undefined) patch.description = dto.description.trim();
        if (Object.keys(patch).length > 0) await manager.update(GroupEntity, { id }, patch);
      });
    } catch (error) {
      if (nameTaken(error)) throw new DomainError('conflict', {}, {}, [{ field: 'name', code: 'invalid' }]);
      throw error;
    }
  }

  addMember(actor: Actor, id: string, dto: AddMemberDto): Promise<GroupDetail> {
    return this.change(actor, id, 'group.member_added', async (manager) => {
      const user = await manager.findOneBy(UserEntity, { emailNormalized: dto.email.trim().toLowerCase() });
      if (!user) throw invalidField('email', 'invalid');
      await manager
        .createQueryBuilder()
        .insert()
        .into(GroupMemberEntity)
        .values({ groupId: id, userId: user.id, isManager: dto.isManager ?? false })
        .orUpdate(['is_manager'], ['group_id', 'user_id'])
        .execute();
    });
  }

  updateMember(actor: Actor, id: string, userId: string, dto: UpdateMemberDto): Promise<GroupDetail> {
    return this.change(actor, id, 'group.member_updated', async (manager) => {
      const result = await manager.update(
        GroupMemberEntity,
        { groupId: id, userId },
        { isManager: dto.isManager },
      );
      if (!result.affected) throw notFound();
    });
  }

  removeMember(actor: Actor, id: string, userId: string): Promise<GroupDetail> {
    return this.change(actor, id, 'group.member_removed', async (manager) => {
      const result = await manager.delete(GroupMemberEntity, { groupId: id, userId });
      if (!result.affected) throw notFound();
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
      const locked = (await manager.query('SELECT id FROM groups WHERE id = $1 FOR UPDATE', [
        id,
      ])) as unknown[];
      if (locked.length === 0) throw notFound();
      const before = await this.get(actor, id, manager);
      await apply(manager);
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, { action, entityType: 'group', entityId: id, before, after });
      return after;
    });
  }
}
