import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApprovalNotices, Locale, Role } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { UserRoleEntity } from '../auth/user-role.entity';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  locale: Locale;
  roles: string[];
  created_at: Date;
}

export interface UserFilter {
  /** Matches e-mail or display name, case-insensitively, as a plain substring. */
  text: string | null;
  role: Role | null;
}

const SELECT_USER = `SELECT u.id, u.email, u.display_name, u.locale, u.created_at,
  coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles`;

const MATCHING = `FROM users u
  WHERE ($1::text IS NULL OR u.email ILIKE $1 OR u.display_name ILIKE $1)
    AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $2))`;

/** Accounts and their roles. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(filter: UserFilter, limit: number, offset: number): Promise<UserRow[]> {
    return (await this.db.query(
      `${SELECT_USER} ${MATCHING} ORDER BY u.created_at DESC, u.id LIMIT $3 OFFSET $4`,
      [...params(filter), limit, offset],
    )) as UserRow[];
  }

  async count(filter: UserFilter): Promise<number> {
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total ${MATCHING}`,
      params(filter),
    )) as {
      total: number;
    }[];
    return total;
  }

  async find(userId: string, tx?: EntityManager): Promise<UserRow | undefined> {
    const rows = (await (tx ?? this.db.manager).query(`${SELECT_USER} FROM users u WHERE u.id = $1`, [
      userId,
    ])) as UserRow[];
    return rows[0];
  }

  async grant(tx: EntityManager, userId: string, role: Role, grantedBy: string): Promise<void> {
    await tx.insert(UserRoleEntity, { userId, role, grantedBy });
  }

  async revoke(tx: EntityManager, userId: string, role: Role): Promise<void> {
    await tx.delete(UserRoleEntity, { userId, role });
  }

  /** Users holding any of these roles who chose this way of hearing about requests. */
  async withRolesAndNotices(
    tx: EntityManager,
    roles: readonly Role[],
    notices: ApprovalNotices,
  ): Promise<{ id: string; locale: Locale }[]> {
    return (await tx.query(
      `SELECT u.id, u.locale FROM users u
        WHERE u.approval_notices = $2 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ANY($1::text[]))
        ORDER BY u.id`,
      [roles, notices],
    )) as { id: string; locale: Locale }[];
  }
}

function params(f: UserFilter): (string | null)[] {
  const pattern = f.text ? `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return [pattern, f.role];
}
