import { PERMISSIONS, type Permission, permissionsFor } from '@madang/contracts';
import { NAV_ITEMS, visibleNavItems } from './navigation';
import { routes } from '../app.routes';

const ids = (signedIn: boolean, permissions: readonly Permission[]) =>
  visibleNavItems(signedIn, new Set(permissions)).map((item) => item.id);

describe('visibleNavItems', () => {
  it('offers anonymous visitors home, the catalogue, sign-in and sign-up only', () => {
    expect(ids(false, [])).toEqual(['home', 'catalogue', 'sign-in', 'sign-up']);
  });

  it('never shows permission pages to an anonymous visitor, whatever the set says', () => {
    expect(ids(false, [PERMISSIONS.AUDIT_READ, PERMISSIONS.SELF])).toEqual([
      'home',
      'catalogue',
      'sign-in',
      'sign-up',
    ]);
  });

  it('shows a resident home, the catalogue, their bookings and profile, and no admin page', () => {
    expect(ids(true, permissionsFor(['resident']))).toEqual(['home', 'catalogue', 'bookings', 'profile']);
  });

  it('shows an approver the queue, day calendar, catalogue editor, users and groups but not the audit log', () => {
    expect(ids(true, permissionsFor(['resident', 'approver']))).toEqual([
      'home',
      'catalogue',
      'bookings',
      'profile',
      'approvals',
      'approvals-day',
      'catalogue-admin',
      'users',
      'groups',
    ]);
  });

  it('shows an administrator the user, group and audit pages', () => {
    expect(ids(true, permissionsFor(['resident', 'admin']))).toEqual([
      'home',
      'catalogue',
      'bookings',
      'profile',
      'users',
      'groups',
      'audit',
    ]);
  });

  it('follows the permission, not the role: audit:read alone shows the audit log', () => {
    expect(ids(true, [PERMISSIONS.AUDIT_READ])).toEqual(['home', 'catalogue', 'audit']);
  });

  it('links only to routes that exist', () => {
    const paths = new Set(routes.map((route) => `/${route.path ?? ''}`));
    for (const item of NAV_ITEMS) expect(paths.has(item.path)).toBe(true);
  });
});
