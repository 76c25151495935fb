import type { LocalizedText } from './locale';

export const ROLES = ['resident', 'approver', 'operations', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an admin may grant or revoke; every registered person is a resident. */
export const GRANTABLE_ROLES: readonly Role[] = ['approver', 'operations', 'reviewer', 'admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Readonly<Record<Role, LocalizedText>> = {
  resident: { ko: '주민', en: 'Resident' },
  approver: { ko: '승인 담당 (재단발전팀)', en: 'Approver (Foundation Development Team)' },
  operations: { ko: '운영 (경영지원팀)', en: 'Operations (Finance)' },
  reviewer: { ko: '심사위원', en: 'Reviewer' },
  admin: { ko: '관리자', en: 'Administrator' },
};

export const GROUP_KINDS = ['resident_team', 'partner_org', 'ngo'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const GROUP_KIND_LABELS: Readonly<Record<GroupKind, LocalizedText>> = {
  resident_team: { ko: '주민 팀', en: 'Resident team' },
  partner_org: { ko: '협력 기관', en: 'Partner organisation' },
  ngo: { ko: '비영리 단체', en: 'NGO' },
};
