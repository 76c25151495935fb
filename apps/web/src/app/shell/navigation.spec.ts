import { PERMISSIONS, type Permission, permissionsFor } from '@madang/contracts';
import { NAV_ITEMS, type NavItem, visibleNavItems, visibleNavSections } from './navigation';
import { routes } from '../app.routes';

const ids = (signedIn: boolean, permissions: readonly Permission[]) =>
  visibleNavItems(signedIn, new Set(permissions)).map((item) => item.id);

describe('visibleNavItems', () => {
  it('offers anonymous visitors home, the catalogue, sign-in, sign-up and the public living-lab pages only', () => {
    expect(ids(false, [])).toEqual([
      'home',
      'catalogue',
      'recruitment-calls',
      'sign-in',
      'sign-up',
      'labs-observations',
      'labs-archive',
    ]);
  });

  it('never shows permission pages to an anonymous visitor, whatever the set says', () => {
    expect(ids(false, [PERMISSIONS.AUDIT_READ, PERMISSIONS.SELF])).toEqual([
      'home',
      'catalogue',
      'recruitment-calls',
      'sign-in',
      'sign-up',
      'labs-observations',
      'labs-archive',
    ]);
  });

  it('shows a resident home, the catalogue, their bookings and profile, the living-lab pages, and no admin page', () => {
    expect(ids(true, permissionsFor(['resident']))).toEqual([
      'home',
      'catalogue',
      'recruitment-calls',
      'bookings',
      'recruitment-applications',
      'profile',
      'labs-observations',
      'labs-post',
      'labs-archive',
      'labs-projects',
    ]);
  });

  it('shows an approver the queue, day calendar, catalogue editor, users, groups and the living-lab staff pages but not the audit log', () => {
    expect(ids(true, permissionsFor(['resident', 'approver']))).toEqual([
      'home',
      'catalogue',
      'recruitment-calls',
      'bookings',
      'recruitment-applications',
      'profile',
      'recruitment-manage',
      'recruitment-obligations',
      'labs-observations',
      'labs-post',
      'labs-archive',
      'labs-projects',
      'labs-inbox',
      'labs-dashboard',
      'approvals',
      'approvals-day',
      'desk',
      'catalogue-admin',
      'users',
      'groups',
    ]);
  });

  it('shows an administrator the user, group, audit and job pages, and the period reopen', () => {
    expect(ids(true, permissionsFor(['resident', 'admin']))).toEqual([
      'home',
      'catalogue',
      'recruitment-calls',
      'bookings',
      'recruitment-applications',
      'profile',
      'settlement-periods',
      'labs-observations',
      'labs-post',
      'labs-archive',
      'labs-projects',
      'users',
      'groups',
      'audit',
      'jobs',
    ]);
  });

  it('shows operations (with the settlement scope) the whole settlement section, and a resident none of it', () => {
    const settlement = new Set(['settlement'] as const);
    expect(
      visibleNavItems(true, new Set(permissionsFor(['resident', 'operations'])), NAV_ITEMS, settlement).map(
        (item) => item.id,
      ),
    ).toEqual([
      'home',
      'catalogue',
      'recruitment-calls',
      'bookings',
      'recruitment-applications',
      'profile',
      'settlement',
      'settlement-request',
      'settlement-expenses',
      'settlement-bank',
      'settlement-income',
      'settlement-report',
      'labs-observations',
      'labs-post',
      'labs-archive',
      'labs-projects',
      'approvals-day',
      'groups',
    ]);
    expect(ids(true, permissionsFor(['resident'])).filter((id) => id.startsWith('settlement'))).toEqual([]);
    expect(
      visibleNavSections(
        true,
        new Set(permissionsFor(['resident', 'operations'])),
        NAV_ITEMS,
        settlement,
      ).map((section) => section.id),
    ).toEqual(['main', 'settlement', 'labs', 'admin']);
  });

  it('follows the permission: jobs:read alone shows the job health page', () => {
    expect(ids(true, [PERMISSIONS.JOBS_READ])).toEqual([
      'home',
      'catalogue',
      'recruitment-calls',
      'labs-observations',
      'labs-archive',
      'jobs',
    ]);
  });

  it('shows a resident with a settlement scope (a lead-group manager) the request, expenses and report only', () => {
    expect(
      visibleNavItems(
        true,
        new Set(permissionsFor(['resident'])),
        NAV_ITEMS,
        new Set(['settlement'] as const),
      )
        .map((item) => item.id)
        .filter((id) => id.startsWith('settlement')),
    ).toEqual(['settlement-request', 'settlement-expenses', 'settlement-report']);
  });

  it('never shows scope entries to an anonymous visitor, whatever the scopes say', () => {
    expect(
      visibleNavItems(false, new Set(), NAV_ITEMS, new Set(['settlement'] as const)).map((item) => item.id),
    ).toEqual([
      'home',
      'catalogue',
      'recruitment-calls',
      'sign-in',
      'sign-up',
      'labs-observations',
      'labs-archive',
    ]);
  });

  it('follows the permission, not the role: audit:read alone shows the audit log', () => {
    expect(ids(true, [PERMISSIONS.AUDIT_READ])).toEqual([
      'home',
      'catalogue',
      'recruitment-calls',
      'labs-observations',
      'labs-archive',
      'audit',
    ]);
  });

  it('links only to routes that exist', () => {
    const paths = new Set(routes.map((route) => `/${route.path ?? ''}`));
    for (const item of NAV_ITEMS) expect(paths.has(item.path)).toBe(true);
  });
});

describe('visibleNavSections', () => {
  const sections = (signedIn: boolean, permissions: readonly Permission[], items?: readonly NavItem[]) =>
    visibleNavSections(signedIn, new Set(permissions), items).map((section) => ({
      id: section.id,
      heading: section.heading,
      items: section.items.map((item) => item.id),
    }));

  it('gives an anonymous visitor the main section without a heading, and the public living-lab pages', () => {
    expect(sections(false, [])).toEqual([
      { id: 'main', heading: null, items: ['home', 'catalogue', 'recruitment-calls', 'sign-in', 'sign-up'] },
      { id: 'labs', heading: 'nav.labsHeading', items: ['labs-observations', 'labs-archive'] },
    ]);
  });

  it('adds the admin section, with its heading, when one of its pages may be opened', () => {
    expect(sections(true, [PERMISSIONS.AUDIT_READ])).toEqual([
      { id: 'main', heading: null, items: ['home', 'catalogue', 'recruitment-calls'] },
      { id: 'labs', heading: 'nav.labsHeading', items: ['labs-observations', 'labs-archive'] },
      { id: 'admin', heading: 'nav.adminHeading', items: ['audit'] },
    ]);
  });

  it('hides a section whose entries all need a permission the visitor lacks', () => {
    const items: NavItem[] = [
      ...NAV_ITEMS,
      {
        id: 'users-extra',
        path: '/users',
        label: 'nav.users',
        icon: 'shield',
        section: 'admin',
        audience: { kind: 'permission', permission: PERMISSIONS.USERS_MANAGE_ROLES },
      },
    ];
    expect(sections(true, [PERMISSIONS.SELF], items).map((section) => section.id)).toEqual(['main', 'labs']);
  });
});
