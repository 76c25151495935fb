import type { Role } from './roles';

/**
 * Every permission Madang knows. The API guard checks these; the web app uses the same
 * constants to show only what a user may do.
 */
export const PERMISSIONS = {
  /** Read and edit one's own profile, change password, sign out. */
  SELF: 'self',
  USERS_READ: 'users:read',
  USERS_MANAGE_ROLES: 'users:manage-roles',
  GROUPS_READ: 'groups:read',
  GROUPS_MANAGE: 'groups:manage',
  AUDIT_READ: 'audit:read',
  BOOKINGS_CREATE: 'bookings:create',
  BOOKINGS_READ_OWN: 'bookings:read-own',
  BOOKINGS_READ_ALL: 'bookings:read-all',
  BOOKINGS_DECIDE: 'bookings:decide',
  CATALOGUE_MANAGE: 'catalogue:manage',
  RULES_MANAGE: 'rules:manage',
  NOTIFICATIONS_READ: 'notifications:read',
  /** The background-job health view. */
  JOBS_READ: 'jobs:read',
  /** Settlement routes scoped by programme: approvers assigned to it and its lead group's managers. */
  SETTLEMENT_PARTICIPATE: 'settlement:participate',
  /** Everything in settlement (operations). */
  SETTLEMENT_MANAGE: 'settlement:manage',
  /** Reopen a closed fiscal period (admin, with a reason). */
  SETTLEMENT_REOPEN: 'settlement:reopen',
  /** Living labs: post, support and comment on observations; work on projects one leads or is a member of. */
  LABS_PARTICIPATE: 'labs:participate',
  /** Living labs, staff: answer and merge observations, create and manage every project, verify outcomes. */
  LABS_MANAGE: 'labs:manage',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);

const RESIDENT: readonly Permission[] = [
  PERMISSIONS.SELF,
  PERMISSIONS.BOOKINGS_CREATE,
  PERMISSIONS.BOOKINGS_READ_OWN,
  PERMISSIONS.NOTIFICATIONS_READ,
  // Scoped in the service: without an assigned programme or a lead group, every route answers 403.
  PERMISSIONS.SETTLEMENT_PARTICIPATE,
  PERMISSIONS.LABS_PARTICIPATE,
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  resident: RESIDENT,
  approver: [
    ...RESIDENT,
    PERMISSIONS.BOOKINGS_READ_ALL,
    PERMISSIONS.BOOKINGS_DECIDE,
    PERMISSIONS.CATALOGUE_MANAGE,
    PERMISSIONS.RULES_MANAGE,
    PERMISSIONS.GROUPS_READ,
    PERMISSIONS.USERS_READ,
    PERMISSIONS.LABS_MANAGE,
  ],
  operations: [
    ...RESIDENT,
    PERMISSIONS.BOOKINGS_READ_ALL,
    PERMISSIONS.GROUPS_READ,
    PERMISSIONS.SETTLEMENT_MANAGE,
  ],
  reviewer: [...RESIDENT],
  admin: [
    ...RESIDENT,
    PERMISSIONS.USERS_READ,
    PERMISSIONS.USERS_MANAGE_ROLES,
    PERMISSIONS.GROUPS_READ,
    PERMISSIONS.GROUPS_MANAGE,
    PERMISSIONS.AUDIT_READ,
    PERMISSIONS.JOBS_READ,
    PERMISSIONS.SETTLEMENT_REOPEN,
  ],
};

export function permissionsFor(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role]) set.add(permission);
  return ALL_PERMISSIONS.filter((p) => set.has(p));
}
