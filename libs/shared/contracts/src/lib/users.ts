import type { Locale } from './locale';
import type { Role } from './roles';

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  roles: Role[];
  createdAt: string;
}

export interface UserListQuery extends PageQuery {
  q?: string;
  role?: Role;
}

/** Paging of every list: at most PAGE_LIMIT_MAX items from `offset` (defaults 50 and 0). */
export interface PageQuery {
  limit?: number;
  offset?: number;
}
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;
export const PAGE_OFFSET_MAX = 10_000_000;

/** One page of a list; `total` counts every match, whichever page is asked for. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface RoleChangeRequest {
  role: Role;
}
