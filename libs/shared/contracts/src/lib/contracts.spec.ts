import { ERROR_CODES, ERROR_MESSAGES, FIELD_ERROR_CODES, FIELD_ERROR_MESSAGES } from './errors';
import { interpolate, negotiateLocale } from './locale';
import { ALL_PERMISSIONS, PERMISSIONS, permissionsFor, ROLE_PERMISSIONS } from './permissions';
import { ROLE_LABELS, ROLES } from './roles';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'ko'],
    ['', 'ko'],
    ['en-US,en;q=0.9', 'en'],
    ['ko-KR', 'ko'],
    ['fr-FR, en;q=0.5, ko;q=0.8', 'ko'],
    ['de, fr', 'ko'],
    ['en;q=0, ko;q=0.1', 'ko'],
    ['*', 'ko'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('interpolate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{min}자 이상, {missing}', { min: 10 })).toBe('10자 이상, {missing}');
  });
});

describe('messages', () => {
  it('say every error code and field reason in Korean and English', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES[code].ko.trim()).not.toBe('');
      expect(ERROR_MESSAGES[code].en.trim()).not.toBe('');
    }
    for (const code of FIELD_ERROR_CODES) {
      expect(FIELD_ERROR_MESSAGES[code].ko.trim()).not.toBe('');
      expect(FIELD_ERROR_MESSAGES[code].en.trim()).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const m of [...Object.values(ERROR_MESSAGES), ...Object.values(FIELD_ERROR_MESSAGES)]) {
      expect(placeholders(m.ko)).toEqual(placeholders(m.en));
    }
  });

  it('label every role', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role].en).toBeTruthy();
  });
});

describe('permissions', () => {
  it('give every role at least the resident permissions', () => {
    for (const role of ROLES)
      expect(permissionsFor([role])).toEqual(expect.arrayContaining([...ROLE_PERMISSIONS.resident]));
  });

  it('keep administration with admins and decisions with approvers', () => {
    expect(permissionsFor(['resident'])).not.toContain(PERMISSIONS.USERS_MANAGE_ROLES);
    expect(permissionsFor(['approver'])).toContain(PERMISSIONS.BOOKINGS_DECIDE);
    expect(permissionsFor(['approver'])).not.toContain(PERMISSIONS.AUDIT_READ);
    expect(permissionsFor(['admin'])).toContain(PERMISSIONS.AUDIT_READ);
    expect(permissionsFor(['admin'])).not.toContain(PERMISSIONS.BOOKINGS_DECIDE);
  });

  it('merge several roles without duplicates, in a stable order', () => {
    const merged = permissionsFor(['admin', 'approver']);
    expect(new Set(merged).size).toBe(merged.length);
    expect(merged).toEqual(ALL_PERMISSIONS.filter((p) => merged.includes(p)));
  });
});
