import type { AuditEntry, Page, UserSummary } from '@madang/contracts';
import { startTestApp, TestApp } from '../../test/test-app';

describe('audit log (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('cannot be updated, deleted or truncated, even by the database owner', async () => {
    const [{ id }] = await t.db.query(`SELECT id FROM audit_log ORDER BY id LIMIT 1`);
    await expect(t.db.query(`UPDATE audit_log SET action = 'forged' WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'forged'`)).toEqual([
      { n: 0 },
    ]);
  });

  it('records a role change with actor, before, after and request id, and admins can filter it', async () => {
    const admin = await t.signIn('admin@madang.local');
    const resident = await t.signIn('resident@madang.local');
    const residentId = (await resident.get<{ id: string }>('/api/auth/me')).body.id;
    const granted = await admin.request<UserSummary>(
      'PUT',
      `/api/users/${residentId}/roles/reviewer`,
      undefined,
      {
        headers: { 'X-Request-Id': 'req-audit-test-1' },
      },
    );
    expect(granted.status).toBe(200);
    expect(granted.body.roles).toEqual(['resident', 'reviewer']);

    const page = await admin.get<Page<AuditEntry>>(
      `/api/audit?action=user.role_granted&entityId=${residentId}`,
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(1);
    expect(page.body.items[0]).toMatchObject({
      action: 'user.role_granted',
      entityType: 'user',
      entityId: residentId,
      actorEmail: 'admin@madang.local',
      requestId: 'req-audit-test-1',
      before: { roles: ['resident'] },
      after: { roles: ['resident', 'reviewer'], granted: 'reviewer' },
    });
    const byPrefix = await admin.get<Page<AuditEntry>>(`/api/audit?action=user&limit=200`);
    expect(byPrefix.body.items.every((e) => e.action.startsWith('user.'))).toBe(true);
    const future = await admin.get<Page<AuditEntry>>(`/api/audit?from=2999-01-01T00:00:00Z`);
    expect(future.body.total).toBe(0);
  });

  it('is closed to everyone but admins', async () => {
    const resident = await t.signIn('resident@madang.local');
    expect((await resident.get('/api/audit')).status).toBe(403);
    expect((await t.client().get('/api/audit')).status).toBe(401);
  });

  it('rejects bad filters with field errors', async () => {
    const admin = await t.signIn('admin@madang.local', 'en');
    const bad = await admin.get(`/api/audit?from=yesterday&limit=5000&actorId=abc`);
    expect(bad.status).toBe(400);
    expect((bad.problem.errors ?? []).map((e) => e.field).sort()).toEqual(['actorId', 'from', 'limit']);
  });
});
