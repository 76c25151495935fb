import type { Page, AssetSummary, AvailabilityResponse, BookingDto } from '@madang/contracts';
import { MadangClient, openSlot } from '@madang/testing';

const baseUrl = () => process.env['E2E_BASE_URL'] as string;
const signIn = async (email: string, language = 'ko') => {
  const client = new MadangClient(baseUrl(), language);
  await client.login(email, 'madang-demo');
  return client;
};
describe('booking journey over HTTP (built app, demo centre)', () => {
  let assets: AssetSummary[];
  const id = (nameEn: string) => (assets.find((a) => a.name.en === nameEn) as AssetSummary).id;

  beforeAll(async () => {
    assets = (await new MadangClient(baseUrl()).get<AssetSummary[]>('/api/assets')).body;
  });

  it('shows the public catalogue and availability without signing in', async () => {
    expect(assets.map((a) => a.name.en)).toEqual(
      expect.arrayContaining(['Hall', 'Meeting Room A', 'Laptop', 'Desk 18']),
    );
    const { start, end } = await openSlot(new MadangClient(baseUrl()), id('Hall'), 15, 9, 13);
    const from = encodeURIComponent(start);
    const to = encodeURIComponent(end);
    const availability = await new MadangClient(baseUrl()).get<AvailabilityResponse>(
      `/api/availability?from=${from}&to=${to}&assetIds=${id('Hall')},${id('Laptop')}`,
    );
    expect(availability.status).toBe(200);
    expect(availability.body.assets.map((a) => a.kind).sort()).toEqual(['equipment_pool', 'space']);
  });

  it('books a meeting room and the hall; the approver approves the hall; a second resident cannot take the same hour', async () => {
    const resident = await signIn('resident@madang.local');
    const room = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: id('Meeting Room A') }],
      ...(await openSlot(resident, id('Meeting Room A'), 14, 10, 2)),
      purpose: '주민 모임',
      attendees: 6,
    });
    expect(room.status).toBe(201);
    expect(room.body.decision).toBe('approved');

    const hallTime = await openSlot(resident, id('Hall'), 15, 13, 3);
    const hall = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: id('Hall') }],
      ...hallTime,
      purpose: '마을 음악회',
      attendees: 70,
    });
    expect(hall.status).toBe(201);
    expect(hall.body).toMatchObject({ decision: 'pending', holdsSlot: true });

    const approver = await signIn('approver@madang.local');
    const queue = await approver.get<Page<{ id: string }>>('/api/approvals/queue?limit=200');
    expect(queue.body.items.map((q) => q.id)).toContain(hall.body.id);
    expect(queue.body.total).toBeGreaterThanOrEqual(queue.body.items.length);
    const approved = await approver.post<BookingDto>(`/api/bookings/${hall.body.id}/approve`, {
      reason: '좋은 행사입니다',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.decision).toBe('approved');

    const neighbour = await signIn('resident2@madang.local', 'en');
    const clash = await neighbour.post('/api/bookings', {
      items: [{ assetId: id('Hall') }],
      ...hallTime,
      purpose: 'Another event',
      attendees: 20,
    });
    expect(clash.status).toBe(409);
    expect(clash.headers.get('content-type')).toContain('application/problem+json');
    expect(clash.problem).toMatchObject({
      code: 'slot_taken',
      status: 409,
      detail: 'That time is already taken.',
    });
    expect(clash.problem['conflicts']).toEqual([
      expect.objectContaining({ assetId: id('Hall'), assetName: { ko: '강당', en: 'Hall' } }),
    ]);
    expect(JSON.stringify(clash.body)).not.toMatch(/김주민|resident@/);

    const mine = await resident.get<Page<BookingDto>>('/api/bookings');
    expect(mine.body.items.find((b) => b.id === hall.body.id)?.decision).toBe('approved');
    expect((await neighbour.get(`/api/bookings/${hall.body.id}`)).status).toBe(404);
  });

  it('lets many residents race for one room: exactly one wins, no 5xx', async () => {
    const when = await openSlot(new MadangClient(baseUrl()), id('Meeting Room C'), 17, 19, 1);
    const body = { items: [{ assetId: id('Meeting Room C') }], ...when, purpose: 'race', attendees: 2 };
    const clients = await Promise.all(
      ['resident@madang.local', 'resident2@madang.local'].map((e) => signIn(e)),
    );
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => clients[i % 2].post('/api/bookings', body)),
    );
    // Every answer but the losers' 409s, with its problem code, so a failure says what went wrong.
    const notLost = results
      .filter((r) => r.status !== 409)
      .map((r) => (r.status === 201 ? '201' : `${r.status} ${JSON.stringify(r.body)}`));
    expect(notLost).toEqual(['201']);
  });

  it.each([
    [
      'wrong types',
      { items: [{ assetId: 7 }], start: 'tomorrow', end: 3, purpose: '', attendees: -1 },
      400,
      'validation_failed',
    ],
    [
      'end before start',
      {
        items: [{ assetId: '00000000-0000-4000-8000-000000000001' }],
        start: '2027-03-03T12:00:00+09:00',
        end: '2027-03-03T10:00:00+09:00',
        purpose: 'x',
        attendees: 1,
      },
      422,
      'rule_violation',
    ],
    [
      'unknown asset',
      {
        items: [{ assetId: '00000000-0000-4000-8000-000000000001' }],
        start: '2027-03-03T10:00:00+09:00',
        end: '2027-03-03T12:00:00+09:00',
        purpose: 'x',
        attendees: 1,
      },
      422,
      'rule_violation',
    ],
  ])('answers %s with a clear 4xx', async (_name, body, status, code) => {
    const resident = await signIn('resident@madang.local', 'en');
    const result = await resident.post('/api/bookings', body);
    expect(result.status).toBe(status);
    expect(result.problem.code).toBe(code);
    expect(result.problem.detail).toBeTruthy();
  });

  it('answers bad ids and other people’s bookings with 4xx, never 5xx', async () => {
    const resident = await signIn('resident@madang.local', 'en');
    expect((await resident.get('/api/bookings/not-a-uuid')).status).toBe(400);
    expect((await resident.get('/api/bookings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(
      (await resident.post('/api/bookings/00000000-0000-4000-8000-000000000000/approve', {})).status,
    ).toBe(403);
    expect((await new MadangClient(baseUrl()).post('/api/bookings', {})).status).toBe(401);
  });
});
