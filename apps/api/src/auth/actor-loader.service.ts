import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApprovalNotices,
  GroupKind,
  isRole,
  Locale,
  MeResponse,
  permissionsFor,
  Role,
} from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, RequestMeta } from '../core/actor';

/** The columns every actor read needs, for a `users u` in scope. */
export const ACTOR_COLUMNS = `u.id, u.email, u.display_name, u.locale, u.approval_notices,
  coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles,
  coalesce((SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'kind', g.kind, 'isManager', m.is_manager) ORDER BY g.name)
              FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.user_id = u.id), '[]') AS groups`;

export interface ActorRow {
  id: string;
  email: string;
  display_name: string;
  locale: Locale;
  approval_notices: ApprovalNotices;
  roles: string[];
  groups: { id: string; name: string; kind: GroupKind; isManager: boolean }[];
}

/** Loads who a user is — roles, permissions, groups — in one query. */
@Injectable()
export class ActorLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private async row(userId: string, manager: EntityManager = this.db.manager): Promise<ActorRow | undefined> {
    const rows = (await manager.query(`SELECT ${ACTOR_COLUMNS} FROM users u WHERE u.id = $1`, [
      userId,
    ])) as ActorRow[];
    return rows[0];
  }

  async load(userId: string, sessionId: string, meta: RequestMeta): Promise<Actor | undefined> {
    const row = await this.row(userId);
    return row ? this.toActor(row, sessionId, meta) : undefined;
  }

  toActor(row: ActorRow, sessionId: string, meta: RequestMeta): Actor {
    const roles = row.roles.filter(isRole) as Role[];
    return {
      userId: row.id,
      sessionId,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      roles,
      permissions: permissionsFor(roles),
      groups: row.groups.map((g) => ({ id: g.id, kind: g.kind, isManager: g.isManager })),
      requestId: meta.requestId,
      ip: meta.ip,
    };
  }

  /** `manager` lets a transaction read its own uncommitted rows. */
  async me(userId: string, manager?: EntityManager): Promise<MeResponse> {
    const row = await this.row(userId, manager);
    if (!row) throw new Error(`user ${userId} vanished`);
    const roles = row.roles.filter(isRole) as Role[];
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      roles,
      permissions: permissionsFor(roles),
      groups: row.groups.map((g) => ({
        groupId: g.id,
        groupName: g.name,
        kind: g.kind,
        isManager: g.isManager,
      })),
      approvalNotices: row.approval_notices,
    };
  }
}
