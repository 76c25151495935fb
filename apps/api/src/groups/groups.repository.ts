import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GroupKind, GroupMemberSummary } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { GroupMemberEntity } from './group-member.entity';
import { GroupEntity } from './group.entity';

export interface GroupRow {
  id: string;
  name: string;
  kind: GroupKind;
  description: string;
  created_at: Date;
  member_count: number;
}

export type GroupFields = Pick<GroupEntity, 'name' | 'kind' | 'description'>;

const SELECT_GROUP = `SELECT g.id, g.name, g.kind, g.description, g.created_at,
  (SELECT count(*)::int FROM group_members m WHERE m.group_id = g.id) AS member_count FROM groups g`;

/** Groups and their members. */
@Injectable()
export class GroupsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private on(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  async all(): Promise<GroupRow[]> {
    return (await this.db.query(`${SELECT_GROUP} ORDER BY g.name`)) as GroupRow[];
  }

  async find(id: string, tx?: EntityManager): Promise<GroupRow | undefined> {
    const rows = (await this.on(tx).query(`${SELECT_GROUP} WHERE g.id = $1`, [id])) as GroupRow[];
    return rows[0];
  }

  async members(id: string, tx?: EntityManager): Promise<GroupMemberSummary[]> {
    return (await this.on(tx).query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", m.is_manager AS "isManager"
         FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.group_id = $1 ORDER BY u.display_name`,
      [id],
    )) as GroupMemberSummary[];
  }

  /** Locks the group for the rest of the transaction; false when there is none. */
  async lock(tx: EntityManager, id: string): Promise<boolean> {
    const rows = (await tx.query('SELECT id FROM groups WHERE id = $1 FOR UPDATE', [id])) as unknown[];
    return rows.length > 0;
  }

  async insert(tx: EntityManager, fields: GroupFields): Promise<string> {
    const group = await tx.save(tx.create(GroupEntity, fields));
    return group.id;
  }

  async update(tx: EntityManager, id: string, patch: Partial<GroupFields>): Promise<void> {
    if (Object.keys(patch).length > 0) await tx.update(GroupEntity, { id }, patch);
  }

  async userIdByEmail(tx: EntityManager, emailNormalized: string): Promise<string | undefined> {
    const user = await tx.findOne(UserEntity, { select: { id: true }, where: { emailNormalized } });
    return user?.id;
  }

  /** Adds a member, or changes whether an existing one manages the group. */
  async upsertMember(tx: EntityManager, groupId: string, userId: string, isManager: boolean): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(GroupMemberEntity)
      .values({ groupId, userId, isManager })
      .orUpdate(['is_manager'], ['group_id', 'user_id'])
      .execute();
  }

  /** false when the user is not a member. */
  async setManager(tx: EntityManager, groupId: string, userId: string, isManager: boolean): Promise<boolean> {
    const result = await tx.update(GroupMemberEntity, { groupId, userId }, { isManager });
    return Boolean(result.affected);
  }

  /** false when the user is not a member. */
  async removeMember(tx: EntityManager, groupId: string, userId: string): Promise<boolean> {
    const result = await tx.delete(GroupMemberEntity, { groupId, userId });
    return Boolean(result.affected);
  }
}
