import type { GroupDetail, GroupSummary, MeResponse } from '@madang/contracts';
import { startTestApp, TestApp } from '../test/test-app';

describe('groups (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('seeds the demo resident team with the resident as its manager', async () => {
    const resident = await t.signIn('resident@madang.local');
    const me = (await resident.get<MeResponse>('/api/auth/me')).body;
    expect(me.groups).toEqual([
      expect.objectContaining({ groupName: '함께걷는 제주 주민팀', kind: 'resident_team', isManager: true }),
    ]);
  });

  it('lets an admin create a group, add, promote and remove members — each change audited', async () => {
    const admin = await t.signIn('admin@madang.local');
    const created = await admin.post<GroupDetail>('/api/groups', {
      name: '제주 메이커 협동조합',
      kind: 'partner_org',
      description: '지역 제조 협력',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const added = await admin.post<GroupDetail>(`/api/groups/${id}/members`, {
      email: 'RESIDENT2@madang.local',
    });
    expect(added.body.members).toEqual([
      expect.objectContaining({ email: 'resident2@madang.local', isManager: false }),
    ]);
    const userId = added.body.members[0].userId;
    const promoted = await admin.patch<GroupDetail>(`/api/groups/${id}/members/${userId}`, {
      isManager: true,
    });
    expect(promoted.body.members[0].isManager).toBe(true);
    const removed = await admin.delete<GroupDetail>(`/api/groups/${id}/members/${userId}`);
    expect(removed.body.members).toEqual([]);
    expect((await admin.delete(`/api/groups/${id}/members/${userId}`)).status).toBe(404);

    const actions = (await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      id,
    ])) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      'group.created',
      'group.member_added',
      'group.member_updated',
      'group.member_removed',
    ]);
    const list = await admin.get<GroupSummary[]>('/api/groups');
    expect(list.body.map((g) => g.name)).toContain('제주 메이커 협동조합');
  });

  it('refuses duplicates, unknown members and non-admin changes, leaving nothing half-written', async () => {
    const admin = await t.signIn('admin@madang.local', 'en');
    const dup = await admin.post('/api/groups', { name: '함께걷는 제주 주민팀', kind: 'resident_team' });
    expect(dup.status).toBe(409);
    const groups = await admin.get<GroupSummary[]>('/api/groups');
    const team = groups.body.find((g) => g.kind === 'resident_team') as GroupSummary;
    const unknown = await admin.post(`/api/groups/${team.id}/members`, { email: 'ghost@example.kr' });
    expect(unknown.status).toBe(400);
    expect(unknown.problem.errors?.[0]).toMatchObject({ field: 'email' });
    const badKind = await admin.post('/api/groups', { name: 'X', kind: 'company' });
    expect(badKind.status).toBe(400);
    const resident = await t.signIn('resident@madang.local');
    expect((await resident.post('/api/groups', { name: 'Mine', kind: 'ngo' })).status).toBe(403);
    expect((await resident.get('/api/groups')).status).toBe(403);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM groups WHERE name IN ('X', 'Mine')`)).toEqual([
      { n: 0 },
    ]);
  });
});
