import type { BookingDto, CategoryDto } from '@madang/contracts';
import { MadangClient } from '@madang/testing';
import { type Cell, type MatrixContext, type Person, ROUTE_MATRIX, type Variant } from './route-matrix';
import { signedIn, uploadPhoto } from './support/fixture';
import { fetchOperations, type Operation } from './support/openapi';
import { describeRequest, ProbeSession, ROLES, type RoleName } from './support/probe';
import { settlementContext } from './support/settlement-context';
import { bkDeskContext } from './support/bk-desk-context';
import { bkSeriesContext } from './support/bk-series-context';
import { livingLabsContext } from './support/living-labs-context';
import { recruitmentContext } from './support/recruitment-context';
import { bkNotifyContext } from './support/bk-notify-context';
import { HarnessStack } from './support/stack';

/**
 * The route × role matrix, generated from the OpenAPI description and checked against the table in
 * route-matrix.ts: every operation × {anonymous, resident A, resident B, approver, operations, admin}
 * × {own object, another's} where an object applies.
 */
const PERSONS: Person[] = ['residentA', 'residentB', 'approver', 'operations', 'admin'];
const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));

function expectOk<T>(what: string, r: { status: number; body: T }, status = [200, 201]): T {
  if (!status.includes(r.status))
    throw new Error(`matrix setup: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Builds fresh objects for each cell through the demo accounts' own sessions (not the probed ones). */
async function contextFor(baseUrl: string): Promise<MatrixContext> {
  const setup = Object.fromEntries(
    await Promise.all(PERSONS.map(async (p) => [p, await signedIn(baseUrl, p)] as const)),
  ) as Record<Person, MadangClient>;
  const ids = Object.fromEntries(
    await Promise.all(
      PERSONS.map(
        async (p) => [p, expectOk(`${p} me`, await setup[p].get<{ id: string }>('/api/auth/me')).id] as const,
      ),
    ),
  ) as Record<Person, string>;
  const approver = setup.approver;
  const category = expectOk(
    'matrix category',
    await approver.post<CategoryDto>('/api/categories', {
      code: `matrix-${Date.now()}`,
      name: { ko: '매트릭스', en: 'Matrix' },
      rules: {
        openingHours: ALL_DAY,
        closures: [],
        slotStepMinutes: 60,
        minDurationMinutes: 60,
        maxDurationMinutes: 240,
        minNoticeMinutes: 0,
        maxAdvanceDays: 365,
        quotas: [],
        approval: { required: true },
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        pricing: { unit: 'hour', rate: 1000, deposit: 0, waivers: [] },
        cancellation: { freeUntilHoursBefore: 0, feePercent: 0 },
        // Every cell books a fresh pending request on the one matrix room: lift the fair-holding cap.
        maxPendingPerPerson: 100,
      },
    }),
  );
  const newAsset = async () =>
    expectOk(
      'matrix asset',
      await approver.post<{ id: string }>('/api/assets', {
        categoryId: category.id,
        kind: 'space',
        name: { ko: `매트릭스 방 ${counter}`, en: `Matrix room ${counter++}` },
        capacity: 10,
      }),
    ).id;
  let counter = 0;
  const room = await newAsset();
  const base = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 10);
  let slotIndex = 0;
  const slot = () => {
    const start = base + slotIndex++ * 3_600_000;
    return { start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() };
  };
  // The fair-holding cap counts a person's pending requests per asset, and the schema allows at most 100:
  // with more than 200 operations the cells need more than one room, so a fresh one is taken every 90.
  let bookingRoom = room;
  let onBookingRoom = 0;
  const pendingBooking = async (person: Person) => {
    if (onBookingRoom >= 90) {
      bookingRoom = await newAsset();
      onBookingRoom = 0;
    }
    onBookingRoom++;
    const booking = expectOk(
      `booking for ${person}`,
      await setup[person].post<BookingDto>('/api/bookings', {
        items: [{ assetId: bookingRoom }],
        ...slot(),
        purpose: 'matrix',
        attendees: 1,
      }),
    );
    if (booking.decision !== 'pending')
      throw new Error(`matrix setup: booking is ${booking.decision}, not pending`);
    return booking.id;
  };
  let scratch: { id: string; email: string } | undefined;
  const scratchUser = async () => {
    if (!scratch) {
      const email = `matrix-user-${Date.now()}@example.kr`;
      const user = await new MadangClient(baseUrl, 'en').register(email, 'Matrix Scratch');
      scratch = { id: user.id, email };
    }
    return scratch;
  };
  const freshGroup = async () =>
    expectOk(
      'group',
      await setup.admin.post<{ id: string }>('/api/groups', {
        name: `Matrix ${Date.now()} ${counter++}`,
        kind: 'resident_team',
      }),
    ).id;
  let group: string | undefined;
  const settlement = await settlementContext(baseUrl, setup);
  const recruitment = await recruitmentContext(baseUrl, setup);
  return {
    owner: (role: RoleName, variant: Variant): Person => {
      if (variant === 'own') return role === 'anonymous' ? 'residentA' : role;
      return role === 'residentA' ? 'residentB' : 'residentA';
    },
    userId: (person) => ids[person],
    pendingBooking,
    notification: async (person) => {
      const booking = await pendingBooking(person);
      expectOk('cancel for a notification', await setup[person].post(`/api/bookings/${booking}/cancel`, {}));
      const list = expectOk(
        'notifications',
        await setup[person].get<{ id: string; bookingId?: string | null }[]>('/api/notifications'),
      );
      const found = list.find((n) => n.bookingId === booking) ?? list[0];
      if (!found) throw new Error(`matrix setup: no notification for ${person}`);
      return found.id;
    },
    slot,
    roomId: room,
    categoryId: category.id,
    scratchUser,
    group: async () => (group ??= await freshGroup()),
    freshGroup,
    membership: async () => {
      const groupId = await freshGroup();
      const user = await scratchUser();
      expectOk('member', await setup.admin.post(`/api/groups/${groupId}/members`, { email: user.email }));
      return { groupId, userId: user.id };
    },
    freshCategory: async () =>
      expectOk(
        'category',
        await approver.post<{ id: string }>('/api/categories', {
          code: `matrix-c-${Date.now()}-${counter++}`,
          name: { ko: '임시', en: 'Scratch' },
        }),
      ).id,
    freshAsset: newAsset,
    photo: async () => {
      const assetId = await newAsset();
      const upload = await uploadPhoto(approver, assetId);
      if (upload.status !== 201) throw new Error(`matrix setup: photo upload ${upload.status}`);
      return { assetId, photoId: upload.photoIds[0] };
    },
    unique: () => `${Date.now().toString(36)}${(counter++).toString(36)}`,
    settlement,
    bkDesk: bkDeskContext(setup, newAsset, category.id),
    bkSeries: bkSeriesContext(setup, newAsset),
    labs: await livingLabsContext(baseUrl, setup),
    recruitment,
    bkNotify: bkNotifyContext(setup, room, slot),
  };
}

const allowed = (cell: Cell) => (Array.isArray(cell) ? cell : [cell]) as number[];

describe('route × role matrix (generated from the OpenAPI description)', () => {
  let stack: HarnessStack;
  let operations: Operation[];
  let ctx: MatrixContext;

  beforeAll(async () => {
    stack = await HarnessStack.start();
    operations = await fetchOperations(stack.baseUrl);
    ctx = await contextFor(stack.baseUrl);
  }, 180_000);
  afterAll(async () => stack?.stop());

  it('has a decided row for every operation, and no row for an operation that does not exist', () => {
    const described = operations.map((o) => o.key);
    const undecided = described.filter((key) => !ROUTE_MATRIX[key]);
    const stale = Object.keys(ROUTE_MATRIX).filter((key) => !described.includes(key));
    expect({ undecided, stale }).toEqual({ undecided: [], stale: [] });
    const malformed = Object.entries(ROUTE_MATRIX)
      .filter(([, entry]) => !entry.all && !(entry.own && entry.other))
      .map(([key]) => key);
    expect(malformed).toEqual([]);
  });

  it('answers every cell as the table says', async () => {
    const mismatches: string[] = [];
    let cellCount = 0;
    const sessions = new Map<RoleName, ProbeSession>();
    const sessionOf = async (role: RoleName) => {
      if (!sessions.has(role)) sessions.set(role, await ProbeSession.open(stack.baseUrl, role));
      return sessions.get(role) as ProbeSession;
    };
    for (const op of operations) {
      const entry = ROUTE_MATRIX[op.key];
      if (!entry) continue;
      const variants: [Variant, NonNullable<typeof entry.all>][] = entry.all
        ? [['own', entry.all]]
        : [
            ['own', entry.own as NonNullable<typeof entry.own>],
            ['other', entry.other as NonNullable<typeof entry.other>],
          ];
      for (const [variant, row] of variants) {
        for (const role of ROLES) {
          cellCount += 1;
          const session = await sessionOf(role);
          const req = await entry.request(ctx, role, variant);
          const res = await session.send(req);
          const expected = allowed(row[role]);
          if (!expected.includes(res.status)) {
            const code = (res.json as { code?: string } | undefined)?.code;
            mismatches.push(
              `${op.key} [${role}, ${entry.all ? 'no object' : `${variant} object`}]: expected ${expected.join(' or ')}, got ${res.status}${code ? ` (${code})` : ''} — ${entry.rule}\n    ${describeRequest(role, req, 200)}`,
            );
          }
          if (entry.endsSession) sessions.delete(role);
        }
      }
    }
    process.stdout.write(
      `\nroute × role matrix: ${operations.length} operations, ${cellCount} cells, ${mismatches.length} mismatches\n${mismatches.join('\n')}\n`,
    );
    expect(mismatches).toEqual([]);
  });

  it('refuses every unsafe operation without the CSRF header (403 csrf_failed), signed in or not', async () => {
    const failures: string[] = [];
    for (const role of ['anonymous', 'residentA', 'admin'] as RoleName[]) {
      const session = await ProbeSession.open(stack.baseUrl, role);
      for (const op of operations.filter((o) => o.method !== 'GET')) {
        const entry = ROUTE_MATRIX[op.key];
        if (!entry) continue;
        const req = { ...(await entry.request(ctx, role, 'own')), csrf: false };
        const res = await session.send(req);
        const code = (res.json as { code?: string } | undefined)?.code;
        if (res.status !== 403 || code !== 'csrf_failed')
          failures.push(`${op.key} [${role}] without CSRF header: ${res.status} ${code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps every role out of another role’s session: a forged or stale cookie is anonymous (401)', async () => {
    const forged = new ProbeSession(
      'anonymous',
      stack.baseUrl,
      new Map([['madang_session', 'forged-token']]),
    );
    for (const key of ['GET /api/auth/me', 'GET /api/bookings', 'GET /api/audit', 'GET /api/users']) {
      const [, url] = key.split(' ');
      expect({ key, status: (await forged.send({ method: 'GET', url })).status }).toEqual({
        key,
        status: 401,
      });
    }
  });
});
