import type { ApprovalNotices } from './notifications';
import type { Locale } from './locale';
import type { Permission } from './permissions';
import type { GroupKind, Role } from './roles';

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface UpdateProfileRequest {
  displayName?: string;
  locale?: Locale;
  /** How to hear of booking requests waiting for your decision (approvers). */
  approvalNotices?: ApprovalNotices;
}

export interface MembershipSummary {
  groupId: string;
  groupName: string;
  kind: GroupKind;
  isManager: boolean;
}

export interface MeResponse {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  roles: Role[];
  permissions: Permission[];
  groups: MembershipSummary[];
  /** How this user hears of booking requests waiting for their decision. */
  approvalNotices: ApprovalNotices;
}

/**
 * `GET /api/auth/session`: who this browser is signed in as, or `user: null`. Always 200, so a visitor who
 * is not signed in causes no failed request (a 401 is logged as an error in the browser's console).
 */
export interface SessionResponse {
  user: MeResponse | null;
}

/** Name of the session cookie (HttpOnly) and of the CSRF double-submit cookie and header. */
export const SESSION_COOKIE = 'madang_session';
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
