import { PERMISSIONS, type Permission } from '@madang/contracts';
import type { MessageKey } from '@madang/web/i18n';
import type { IconName } from '@madang/web/ui';

/**
 * The menu's sections, in order. A new domain (settlement, recruitment, living labs) adds one
 * section here, with a heading message in the shell's messages, and its entries to NAV_ITEMS
 * with their permissions; the shell shows a section only when the visitor may open one of its
 * entries, and needs no other change.
 */
export const NAV_SECTIONS = [
  { id: 'main', heading: null },
  { id: 'settlement', heading: 'nav.settlementHeading' },
  { id: 'recruitment', heading: 'nav.recruitmentHeading' },
  { id: 'labs', heading: 'nav.labsHeading' },
  { id: 'admin', heading: 'nav.adminHeading' },
] as const satisfies readonly { id: string; heading: MessageKey | null }[];

export type NavSectionId = (typeof NAV_SECTIONS)[number]['id'];

export interface NavSection {
  id: NavSectionId;
  /** Shown above the section's entries; the main section has none. */
  heading: MessageKey | null;
  items: NavItem[];
}

/**
 * A reach the server decides per user beyond permissions: `settlement` is any settlement scope
 * (`GET /api/settlement/me` → `visible`: operations, programme approvers, lead-group managers).
 */
export type NavScope = 'settlement';

/**
 * Who sees a menu entry: everyone, only visitors who are not signed in, holders of a permission,
 * or signed-in users with a scope.
 */
export type NavAudience =
  | { kind: 'everyone' }
  | { kind: 'anonymous' }
  | { kind: 'permission'; permission: Permission }
  | { kind: 'scope'; scope: NavScope };

export interface NavItem {
  /** Stable id, used in `data-testid="nav-<id>"`. */
  id: string;
  path: string;
  label: MessageKey;
  icon: IconName;
  section: NavSectionId;
  audience: NavAudience;
  /** Highlight only on this exact path (not on pages below it). */
  exact?: boolean;
}

/** Every page that exists, in menu order. Add a page here and to the routes, nowhere else. */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'home', path: '/', label: 'nav.home', icon: 'home', section: 'main', audience: { kind: 'everyone' } },
  {
    id: 'catalogue',
    path: '/catalogue',
    label: 'nav.catalogue',
    icon: 'meetingRoom',
    section: 'main',
    audience: { kind: 'everyone' },
  },
  {
    id: 'recruitment-calls',
    path: '/calls',
    label: 'nav.recruitmentCalls',
    icon: 'campaign',
    section: 'main',
    audience: { kind: 'everyone' },
  },
  {
    id: 'bookings',
    path: '/bookings',
    label: 'nav.bookings',
    icon: 'event',
    section: 'main',
    audience: { kind: 'permission', permission: PERMISSIONS.BOOKINGS_READ_OWN },
  },
  {
    id: 'recruitment-applications',
    path: '/recruitment/applications',
    label: 'nav.recruitmentApplications',
    icon: 'description',
    section: 'main',
    audience: { kind: 'permission', permission: PERMISSIONS.SELF },
  },
  {
    id: 'sign-in',
    path: '/sign-in',
    label: 'nav.signIn',
    icon: 'login',
    section: 'main',
    audience: { kind: 'anonymous' },
  },
  {
    id: 'sign-up',
    path: '/sign-up',
    label: 'nav.signUp',
    icon: 'personAdd',
    section: 'main',
    audience: { kind: 'anonymous' },
  },
  {
    id: 'profile',
    path: '/profile',
    label: 'nav.profile',
    icon: 'person',
    section: 'main',
    audience: { kind: 'permission', permission: PERMISSIONS.SELF },
  },
  {
    id: 'settlement',
    path: '/settlement',
    exact: true,
    label: 'nav.settlement',
    icon: 'accountBalance',
    section: 'settlement',
    audience: { kind: 'permission', permission: PERMISSIONS.SETTLEMENT_MANAGE },
  },
  {
    id: 'settlement-request',
    path: '/settlement/request',
    label: 'nav.settlementRequest',
    icon: 'add',
    section: 'settlement',
    audience: { kind: 'scope', scope: 'settlement' },
  },
  {
    id: 'settlement-expenses',
    path: '/settlement/expenses',
    label: 'nav.settlementExpenses',
    icon: 'receipt',
    section: 'settlement',
    audience: { kind: 'scope', scope: 'settlement' },
  },
  {
    id: 'settlement-bank',
    path: '/settlement/bank',
    label: 'nav.settlementBank',
    icon: 'compareArrows',
    section: 'settlement',
    audience: { kind: 'permission', permission: PERMISSIONS.SETTLEMENT_MANAGE },
  },
  {
    id: 'settlement-income',
    path: '/settlement/income',
    label: 'nav.settlementIncome',
    icon: 'accountBalance',
    section: 'settlement',
    audience: { kind: 'permission', permission: PERMISSIONS.SETTLEMENT_MANAGE },
  },
  {
    id: 'settlement-report',
    path: '/settlement/report',
    label: 'nav.settlementReport',
    icon: 'description',
    section: 'settlement',
    audience: { kind: 'scope', scope: 'settlement' },
  },
  {
    id: 'settlement-periods',
    path: '/settlement/periods',
    label: 'nav.settlementPeriods',
    icon: 'lockOpen',
    section: 'settlement',
    audience: { kind: 'permission', permission: PERMISSIONS.SETTLEMENT_REOPEN },
  },
  {
    id: 'recruitment-reviews',
    path: '/recruitment/reviews',
    label: 'nav.recruitmentReviews',
    icon: 'rateReview',
    section: 'recruitment',
    audience: { kind: 'permission', permission: PERMISSIONS.RECRUITMENT_REVIEW },
  },
  {
    id: 'recruitment-manage',
    path: '/recruitment/manage',
    exact: true,
    label: 'nav.recruitmentManage',
    icon: 'edit',
    section: 'recruitment',
    audience: { kind: 'permission', permission: PERMISSIONS.RECRUITMENT_MANAGE },
  },
  {
    id: 'recruitment-obligations',
    path: '/recruitment/manage/obligations',
    label: 'nav.recruitmentObligations',
    icon: 'schedule',
    section: 'recruitment',
    audience: { kind: 'permission', permission: PERMISSIONS.RECRUITMENT_MANAGE },
  },
  {
    id: 'labs-observations',
    path: '/observations',
    exact: true,
    label: 'nav.labsObservations',
    icon: 'visibility',
    section: 'labs',
    audience: { kind: 'everyone' },
  },
  {
    id: 'labs-post',
    path: '/observations/new',
    label: 'nav.labsPost',
    icon: 'add',
    section: 'labs',
    audience: { kind: 'permission', permission: PERMISSIONS.LABS_PARTICIPATE },
  },
  {
    id: 'labs-archive',
    path: '/labs',
    exact: true,
    label: 'nav.labsArchive',
    icon: 'description',
    section: 'labs',
    audience: { kind: 'everyone' },
  },
  {
    id: 'labs-projects',
    path: '/labs/projects',
    label: 'nav.labsProjects',
    icon: 'groups',
    section: 'labs',
    audience: { kind: 'permission', permission: PERMISSIONS.LABS_PARTICIPATE },
  },
  {
    id: 'labs-inbox',
    path: '/labs/inbox',
    label: 'nav.labsInbox',
    icon: 'approval',
    section: 'labs',
    audience: { kind: 'permission', permission: PERMISSIONS.LABS_MANAGE },
  },
  {
    id: 'labs-dashboard',
    path: '/labs/dashboard',
    label: 'nav.labsDashboard',
    icon: 'schedule',
    section: 'labs',
    audience: { kind: 'permission', permission: PERMISSIONS.LABS_MANAGE },
  },
  {
    id: 'approvals',
    path: '/approvals',
    exact: true,
    label: 'nav.approvals',
    icon: 'approval',
    section: 'admin',
    audience: { kind: 'permission', permission: PERMISSIONS.BOOKINGS_DECIDE },
  },
  {
    id: 'approvals-day',
    path: '/approvals/day',
    label: 'nav.approvalsDay',
    icon: 'today',
    section: 'admin',
    audience: { kind: 'permission', permission: PERMISSIONS.BOOKINGS_READ_ALL },
  },
  {
    id: 'desk',
    path: '/desk',
    exact: true,
    label: 'nav.desk',
    icon: 'today',
    section: 'admin',
    audience: { kind: 'permission', permission: PERMISSIONS.BOOKINGS_DECIDE },
  },
  {
    id: 'catalogue-admin',
    path: '/catalogue-admin',
    label: 'nav.catalogueAdmin',
    icon: 'edit',
    section: 'admin',
    audience: { kind: 'permission', permission: PERMISSIONS.CATALOGUE_MANAGE },
  },
  {
    id: 'users',
    path: '/users',
    label: 'nav.users',
    icon: 'shield',
    section: 'admin',
    audience: { kind: 'permission', permission: PERMISSIONS.USERS_READ },
  },
  {
    id: 'groups',
    path: '/groups',
    label: 'nav.groups',
    icon: 'groups',
    section: 'admin',
    audience: { kind: 'permission', permission: PERMISSIONS.GROUPS_READ },
  },
  {
    id: 'audit',
    path: '/audit',
    label: 'nav.audit',
    icon: 'history',
    section: 'admin',
    audience: { kind: 'permission', permission: PERMISSIONS.AUDIT_READ },
  },
  {
    id: 'jobs',
    path: '/admin/jobs',
    label: 'nav.jobs',
    icon: 'schedule',
    section: 'admin',
    audience: { kind: 'permission', permission: PERMISSIONS.JOBS_READ },
  },
];

/**
 * The menu entries this visitor may open, in order. `permissions` and `scopes` are empty for
 * anonymous visitors.
 */
export function visibleNavItems(
  signedIn: boolean,
  permissions: ReadonlySet<Permission>,
  items: readonly NavItem[] = NAV_ITEMS,
  scopes: ReadonlySet<NavScope> = new Set(),
): NavItem[] {
  return items.filter((item) => {
    switch (item.audience.kind) {
      case 'everyone':
        return true;
      case 'anonymous':
        return !signedIn;
      case 'permission':
        return signedIn && permissions.has(item.audience.permission);
      case 'scope':
        return signedIn && scopes.has(item.audience.scope);
    }
  });
}

/** The sections with at least one entry this visitor may open, each with those entries in order. */
export function visibleNavSections(
  signedIn: boolean,
  permissions: ReadonlySet<Permission>,
  items: readonly NavItem[] = NAV_ITEMS,
  scopes: ReadonlySet<NavScope> = new Set(),
): NavSection[] {
  const visible = visibleNavItems(signedIn, permissions, items, scopes);
  return NAV_SECTIONS.map((section) => ({
    id: section.id,
    heading: section.heading,
    items: visible.filter((item) => item.section === section.id),
  })).filter((section) => section.items.length > 0);
}
