import type { GroupKind, Locale, Permission, Role } from '@madang/contracts';

/** Who is acting, resolved once per request by the auth guard and handed to services first. */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
  locale: Locale;
  roles: Role[];
  permissions: Permission[];
  groups: { id: string; kind: GroupKind; isManager: boolean }[];
  requestId: string;
  ip: string;
}

/** Request facts every handler may need, signed in or not. */
export interface RequestMeta {
  requestId: string;
  locale: Locale;
  ip: string;
  userAgent: string;
  /** The CSRF cookie as the client sent it (undefined when it had none yet). */
  csrfCookie?: string;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}
