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

export interface UserListQuery {
  q?: string;
  role?: Role;
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface RoleChangeRequest {
  role: Role;
}
