import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GRANTABLE_ROLES, isRole, Page, Role, UserSummary } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import { UserRoleEntity } from '../auth/user-role.entity';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { UserListQueryDto } from './dto/users.dto';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  locale: UserSummary['locale'];
  roles: string[];
  created_at: Date;
  total?: string;
}

const SELECT_USER = `SELECT u.id, u.email, u.display_name, u.locale, u.created_at,
  coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles`;

const toSummary = (row: UserRow): UserSummary => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  locale: row.locale,
  roles: row.roles.filter(isRole),
  createdAt: row.created_at.toISOString(),
});

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(_actor: Actor, query: UserListQueryDto): Promise<Page<UserSummary>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = (await this.db.query(
      `${SELECT_USER}, count(*) OVER () AS total FROM users u
        WHERE ($1::text IS NULL OR u.email ILIKE $1 OR u.display_name ILIKE $1)
          AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $2))
        ORDER BY u.created_at DESC, u.id LIMIT $3 OFFSET $4`,
      [pattern, query.role ?? null, limit, offset],
    )) as UserRow[];
    return { items: rows.map(toSummary), total: rows.length ? Number(rows[0].total) : 0, limit, offset };
  }

  async get(userId: string, manager: EntityManager = this.db.manager): Promise<UserSummary> {
    const rows = (await manager.query(`${SELECT_USER} FROM users u WHERE u.id = $1`, [userId])) as UserRow[];
    if (!rows[0]) throw notFound();
    return toSummary(rows[0]);
  }

  async grantRole(actor: Actor, userId: string, role: Role): Promise<UserSummary> {
    this.assertGrantable(role);
    return this.db.transaction(async (manager) => {
      const before = await this.get(userId, manager);
      if (before.roles.includes(role)) return before;
      await manager.insert(UserRoleEntity, { userId, role, grantedBy: actor.userId });
      const after = await this.get(userId, manager);
      await this.audit.record(manager, actor, {
        action: 'user.role_granted',
        entityType: 'user',
        entityId: userId,
        before: { roles: before.roles },
        after: { roles: after.roles, granted: role },
      });
      return after;
    });
  }

  async revokeRole(actor: Actor, userId: string, role: Role): Promise<UserSummary> {
    this.assertGrantable(role);
    if (role === 'admin' && userId === actor.userId) {
      // An admin cannot lock the centre out by removing their own admin role.
      throw new DomainError('state_conflict', { reason: 'cannot_revoke_own_admin' });
    }
    return this.db.transaction(async (manager) => {
      const before = await this.get(userId, manager);
      if (!before.roles.includes(role)) return before;
      await manager.delete(UserRoleEntity, { userId, role });
      const after = await this.get(userId, manager);
      await this.audit.record(manager, actor, {
        action: 'user.role_revoked',
        entityType: 'user',
        entityId: userId,
        before: { roles: before.roles },
        after: { roles: after.roles, revoked: role },
      });
      return after;
    });
  }

  private assertGrantable(role: Role): void {
    if (!GRANTABLE_ROLES.includes(role))
      throw invalidField('role', 'not_in', { values: GRANTABLE_ROLES.join(', ') });
  }
}
