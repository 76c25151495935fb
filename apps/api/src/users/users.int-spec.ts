import type { MeResponse, Page, UserSummary } from '@madang/contracts';
import { startTestApp, TestApp } from '../test/test-app';

describe('roles (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('lets an admin grant the approver role, which the user sees at once, and revoke it', async () => {
    const admin = await t.signIn('admin@madang.local');
    const user = t.client();
    const me = await user.register('newcomer@example.kr', 'Newcomer');
    expect(me).toMatchObject({ roles: ['resident'] });

    const found = await admin.get<Page<UserSummary>>('/api/users?q=newcomer');
    expect(found.body.items.map((u) => u.email)).toEqual(['newcomer@example.kr']);

    expect((await admin.put(`/api/users/${me.id}/roles/approver`)).status).toBe(200);
    const after = await user.get<MeResponse>('/api/auth/me');
    expect(after.body.roles).toEqual(['approver', 'resident']);
    expect(after.body.permissions).toContain('bookings:decide');

    const approvers = await admin.get<Page<UserSummary>>('/api/users?role=approver&limit=200');
    expect(approvers.body.items.map((u) => u.email)).toContain('newcomer@example.kr');

    expect((await admin.delete(`/api/users/${me.id}/roles/approver`)).status).toBe(200);
    expect((await user.get<MeResponse>('/api/auth/me')).body.permissions).not.toContain('bookings:decide');
  });

  it('refuses role changes by non-admins, unknown roles, the resident role, bad ids and unknown users', async () => {
    const approver = await t.signIn('approver@madang.local');
    const admin = await t.signIn('admin@madang.local', 'en');
    const target = (await (await t.signIn('resident2@madang.local')).get<MeResponse>('/api/auth/me')).body.id;
    expect((await approver.put(`/api/users/${target}/roles/admin`)).status).toBe(403);
    const unknownRole = await admin.put(`/api/users/${target}/roles/king`);
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.problem.errors?.[0]).toMatchObject({ field: 'role', code: 'not_in' });
    expect((await admin.delete(`/api/users/${target}/roles/resident`)).status).toBe(400);
    const badId = await admin.put(`/api/users/not-a-uuid/roles/reviewer`);
    expect(badId.status).toBe(400);
    expect(badId.problem.errors?.[0]).toMatchObject({ field: 'id', code: 'not_uuid' });
    expect((await admin.put(`/api/users/00000000-0000-4000-8000-000000000000/roles/reviewer`)).status).toBe(
      404,
    );
  });

  it('does not let an admin remove their own admin role', async () => {
    const admin = await t.signIn('admin@madang.local');
    const me = (await admin.get<MeResponse>('/api/auth/me')).body;
    const result = await admin.delete(`/api/users/${me.id}/roles/admin`);
    expect(result.status).toBe(409);
    expect((await admin.get<MeResponse>('/api/auth/me')).body.roles).toContain('admin');
  });
});
