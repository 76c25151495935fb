import type {
  AssetDetail,
  AssetSummary,
  BookingDto,
  BulkDecisionResult,
  CategoryDto,
  UpdateCategoryRequest,
} from '@madang/contracts';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../test/test-app';

// The smallest valid PNG (1×1 transparent pixel).
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

async function upload(
  t: TestApp,
  client: ReturnType<TestApp['client']>,
  assetId: string,
  bytes: Buffer,
  type: string,
) {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(bytes)], { type }), 'photo');
  if (!client.cookie('XSRF-TOKEN')) await client.get('/api/auth/csrf');
  const cookies = ['madang_session', 'XSRF-TOKEN'].map((n) => `${n}=${client.cookie(n)}`).join('; ');
  const response = await fetch(`${t.baseUrl}/api/assets/${assetId}/photos`, {
    method: 'POST',
    body: form,
    headers: { cookie: cookies, 'X-XSRF-TOKEN': client.cookie('XSRF-TOKEN') ?? '', 'accept-language': 'en' },
  });
  return { status: response.status, body: (await response.json()) as AssetDetail & { code?: string } };
}

describe('catalogue management (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('saves a category from the editor (code, name, description) and refuses a code another category has', async () => {
    const approver = await t.signIn('approver@madang.local');
    const first = await approver.post<CategoryDto>('/api/categories', {
      code: 'sound-rooms-old',
      name: { ko: '스튜디오', en: 'Studios' },
    });
    const other = await approver.post<CategoryDto>('/api/categories', {
      code: 'test-kitchens',
      name: { ko: '부엌', en: 'Kitchens' },
    });
    expect([first.status, other.status]).toEqual([201, 201]);
    const edited: UpdateCategoryRequest = {
      code: 'sound_rooms',
      name: { ko: '녹음 스튜디오', en: 'Recording studios' },
      description: { ko: '방음', en: 'Sound-proofed' },
    };
    const saved = await approver.patch<CategoryDto>(`/api/categories/${first.body.id}`, edited);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject(edited);
    const taken = await approver.patch<{ code: string; errors: { field: string }[] }>(
      `/api/categories/${first.body.id}`,
      { code: 'test-kitchens' },
    );
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
  });

  it('lets an approver create a category and an asset, retire it, and hides retired assets from the public', async () => {
    const approver = await t.signIn('approver@madang.local');
    const category = await approver.post<CategoryDto>('/api/categories', {
      code: 'garden',
      name: { ko: '텃밭', en: 'Garden plots' },
      rules: { approval: { required: true } },
    });
    expect(category.status).toBe(201);
    const asset = await approver.post<AssetDetail>('/api/assets', {
      categoryId: category.body.id,
      kind: 'space',
      name: { ko: '옥상 텃밭', en: 'Rooftop garden' },
      capacity: 10,
      accessibility: ['step-free'],
    });
    expect(asset.status).toBe(201);
    expect(asset.body).toMatchObject({
      approvalRequired: true,
      rulesVersion: 1,
      rules: { timeZone: 'Asia/Seoul' },
      categoryCode: 'garden',
      categoryName: { ko: '텃밭', en: 'Garden plots' },
    });
    // The public list says each asset's category code too (a page picks its icon without the categories).
    const listed = await t.client().get<AssetSummary[]>('/api/assets');
    expect(listed.body.find((a) => a.id === asset.body.id)).toMatchObject({ categoryCode: 'garden' });

    const pool = await approver.post('/api/assets', {
      categoryId: category.body.id,
      kind: 'equipment_pool',
      name: { ko: '호미', en: 'Hoe' },
    });
    expect(pool.status).toBe(400);
    expect(pool.problem.errors?.[0]).toMatchObject({ field: 'poolSize', code: 'required' });
    const dupCode = await approver.post('/api/categories', { code: 'garden', name: { ko: 'x', en: 'x' } });
    expect(dupCode.status).toBe(409);

    expect((await approver.patch(`/api/assets/${asset.body.id}`, { active: false })).status).toBe(200);
    expect((await t.client().get(`/api/assets/${asset.body.id}`)).status).toBe(404);
    expect((await approver.get(`/api/assets/${asset.body.id}`)).status).toBe(200);
    const withRetired = await approver.get<{ id: string }[]>('/api/assets?includeRetired=true');
    expect(withRetired.body.map((a) => a.id)).toContain(asset.body.id);

    const resident = await t.signIn('resident@madang.local');
    expect(
      (
        await resident.post('/api/assets', {
          categoryId: category.body.id,
          kind: 'space',
          name: { ko: 'x', en: 'x' },
        })
      ).status,
    ).toBe(403);
    const actions = (await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      asset.body.id,
    ])) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['asset.created', 'asset.updated']);
  });

  it('accepts real images as photos and refuses anything else or anything too large', async () => {
    const approver = await t.signIn('approver@madang.local');
    const assets = (await t.client().get<{ id: string; name: { en: string } }[]>('/api/assets')).body;
    const hall = assets.find((a) => a.name.en === 'Hall') as { id: string };
    const ok = await upload(t, approver, hall.id, PNG, 'image/png');
    expect(ok.status).toBe(201);
    expect(ok.body.photoIds).toHaveLength(1);
    const served = await fetch(`${t.baseUrl}/api/assets/${hall.id}/photos/${ok.body.photoIds[0]}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    const lie = await upload(t, approver, hall.id, Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(lie.status).toBe(415);
    const huge = await upload(
      t,
      approver,
      hall.id,
      Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]),
      'image/png',
    );
    expect(huge.status).toBe(413);
    const resident = await t.signIn('resident@madang.local');
    expect((await upload(t, resident, hall.id, PNG, 'image/png')).status).toBe(403);
    expect(
      (await approver.delete<AssetDetail>(`/api/assets/${hall.id}/photos/${ok.body.photoIds[0]}`)).body
        .photoIds,
    ).toEqual([]);
  });

  it('keeps photos as asset files: 12 at most, per asset, readable as the asset is, audited as files', async () => {
    const approver = await t.signIn('approver@madang.local');
    const [category] = (await t.client().get<CategoryDto[]>('/api/categories')).body;
    const created = await approver.post<AssetDetail>('/api/assets', {
      categoryId: category.id,
      kind: 'space',
      name: { ko: '사진방', en: 'Photo room' },
    });
    expect(created.status).toBe(201);
    const room = created.body.id;
    const hall = (
      (await t.client().get<{ id: string; name: { en: string } }[]>('/api/assets')).body.find(
        (a) => a.name.en === 'Hall',
      ) as { id: string }
    ).id;

    let photoIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const added = await upload(t, approver, room, Buffer.concat([PNG, Buffer.from([i])]), 'image/png');
      expect(added.status).toBe(201);
      photoIds = added.body.photoIds;
    }
    expect(photoIds).toHaveLength(12);
    const thirteenth = await upload(t, approver, room, Buffer.concat([PNG, Buffer.from([99])]), 'image/png');
    expect(thirteenth.status).toBe(400);
    expect(thirteenth.body).toMatchObject({ errors: [{ field: 'photo', code: 'too_many' }] });
    expect((await approver.get<AssetDetail>(`/api/assets/${room}`)).body.photoIds).toEqual(photoIds);

    // A photo is reached through its own asset only, and a file id of another owner is no photo.
    expect((await fetch(`${t.baseUrl}/api/assets/${hall}/photos/${photoIds[0]}`)).status).toBe(404);
    expect((await approver.delete(`/api/assets/${hall}/photos/${photoIds[0]}`)).status).toBe(404);
    const notAnImage = await upload(
      t,
      approver,
      hall,
      Buffer.from('%PDF-1.4 not a photo'),
      'application/pdf',
    );
    expect(notAnImage.status).toBe(415);
    expect(notAnImage.body).toMatchObject({ errors: [{ field: 'photo' }] });

    // A retired asset's photos are hidden from visitors, as the asset is.
    expect((await approver.patch(`/api/assets/${room}`, { active: false })).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/api/assets/${room}/photos/${photoIds[0]}`)).status).toBe(404);
    const cookie = `madang_session=${approver.cookie('madang_session')}`;
    const seen = await fetch(`${t.baseUrl}/api/assets/${room}/photos/${photoIds[0]}`, {
      headers: { cookie },
    });
    expect(seen.status).toBe(200);
    expect(seen.headers.get('cache-control')).toBe('private, no-cache');
    expect(Buffer.from(await seen.arrayBuffer()).equals(Buffer.concat([PNG, Buffer.from([0])]))).toBe(true);

    const removed = await approver.delete<AssetDetail>(`/api/assets/${room}/photos/${photoIds[0]}`);
    expect(removed.status).toBe(200);
    expect(removed.body.photoIds).toEqual(photoIds.slice(1));
    const actions = (await t.db.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE entity_type = 'asset' AND entity_id = $1
        AND action LIKE 'file.%' GROUP BY action ORDER BY action`,
      [room],
    )) as { action: string; n: number }[];
    expect(actions).toEqual([
      { action: 'file.attached', n: 12 },
      { action: 'file.deleted', n: 1 },
    ]);
  });

  it('decides many pending requests at once, each answered on its own', async () => {
    const resident = await t.signIn('resident@madang.local');
    const approver = await t.signIn('approver@madang.local');
    const assets = (await t.client().get<{ id: string; name: { en: string } }[]>('/api/assets')).body;
    const studio = (assets.find((a) => a.name.en === 'Media Studio') as { id: string }).id;
    const monday = DateTime.now().setZone('Asia/Seoul').startOf('week').plus({ weeks: 3, hours: 10 });
    const ids: string[] = [];
    for (const day of [0, 1]) {
      const start = monday.plus({ days: day });
      const created = await resident.post<BookingDto>('/api/bookings', {
        items: [{ assetId: studio }],
        start: start.toISO(),
        end: start.plus({ hours: 2 }).toISO(),
        purpose: `촬영 ${day}`,
        attendees: 2,
      });
      expect(created.body.decision).toBe('pending');
      ids.push(created.body.id);
    }
    const missingReason = await approver.post('/api/bookings/decisions', { ids, action: 'reject' });
    expect(missingReason.status).toBe(400);
    const result = await approver.post<BulkDecisionResult>('/api/bookings/decisions', {
      ids: [...ids, '00000000-0000-4000-8000-000000000000'],
      action: 'reject',
      reason: '장비 점검 기간',
    });
    expect(result.status).toBe(200);
    expect(result.body.results).toEqual([
      { id: ids[0], ok: true, status: 200, decision: 'rejected' },
      { id: ids[1], ok: true, status: 200, decision: 'rejected' },
      { id: '00000000-0000-4000-8000-000000000000', ok: false, status: 404, code: 'not_found' },
    ]);
    const again = await approver.post<BulkDecisionResult>('/api/bookings/decisions', {
      ids: [ids[0]],
      action: 'approve',
    });
    expect(again.body.results[0]).toMatchObject({ ok: false, status: 409, code: 'state_conflict' });
  });
});
