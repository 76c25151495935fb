import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  GRANTABLE_ROLES,
  isRole,
  Page,
  Permission,
  Role,
  ROLE_PERMISSIONS,
  ROLES,
  UserSummary,
  type ApprovalNotices,
  type Locale,
} from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { pageOf } from '../core/pagination';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { AuditService } from '../platform/audit/audit.service';
import { UserListQueryDto } from './dto/users.dto';
import { UserRow, UsersRepository } from './users.repository';

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
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(_actor: Actor, query: UserListQueryDto): Promise<Page<UserSummary>> {
    const { limit, offset } = pageOf(query);
    const filter = { text: query.q ?? null, role: query.role ?? null };
    const [rows, total] = await Promise.all([
      this.users.page(filter, limit, offset),
      this.users.count(filter),
    ]);
    return { items: rows.map(toSummary), total, limit, offset };
  }

  async get(userId: string, tx?: EntityManager): Promise<UserSummary> {
    const row = await this.users.find(userId, tx);
    if (!row) throw notFound();
    return toSummary(row);
  }

  /**
   * People who hold a permission through a role and chose this way of hearing about requests
   * (for other domains: e.g. bookings tells approvers of new requests). Read on the caller's transaction.
   */
  withPermission(
    tx: EntityManager,
    permission: Permission,
    notices: ApprovalNotices,
  ): Promise<{ id: string; locale: Locale }[]> {
    const roles = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission));
    return this.users.withRolesAndNotices(tx, roles, notices);
  }

  async grantRole(actor: Actor, userId: string, role: Role): Promise<UserSummary> {
    this.assertGrantable(role);
    return this.db.transaction(async (tx) => {
      const before = await this.get(userId, tx);
      if (before.roles.includes(role)) return before;
      await this.users.grant(tx, userId, role, actor.userId);
      const after = await this.get(userId, tx);
      await this.audit.record(tx, actor, {
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
    return this.db.transaction(async (tx) => {
      const before = await this.get(userId, tx);
      if (!before.roles.includes(role)) return before;
      await this.users.revoke(tx, userId, role);
      const after = await this.get(userId, tx);
      await this.audit.record(tx, actor, {
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
