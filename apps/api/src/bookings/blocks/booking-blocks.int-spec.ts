import type {
  AssetSummary,
  AvailabilityResponse,
  BlockConflict,
  BookingDto,
  OutOfServiceDto,
  Page,
} from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { DateTime } from 'luxon';
import { QueryFailedError } from 'typeorm';
import type { Actor } from '../../core/actor';
import { DomainError } from '../../core/domain-error';
import { startTestApp, TestApp } from '../../test/test-app';
import { BookingBlocksService } from './booking-blocks.service';

const SEOUL = 'Asia/Seoul';
/** A weekday `weeks` weeks ahead (1 = Monday), at a local hour. */
const slot = (weeks: number, weekday: number, hour: number, minutes = 60) => {
  const start = DateTime.now()
    .setZone(SEOUL)
    .startOf('week')
    .plus({ weeks, days: weekday - 1, hours: hour });
  return { start: start.toISO() as string, end: start.plus({ minutes }).toISO() as string };
};

const pgError = (error: unknown) =>
  error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : {};

describe('blocks: staff hold time through the booking constraint (real PostgreSQL)', () => {
  let t: TestApp;
  let blocks: BookingBlocksService;
  let assets: AssetSummary[];
  let approver: MadangClient;
  let resident: MadangClient;
  let staff: Actor;
  const id = (nameEn: string) => (assets.find((a) => a.name.en === nameEn) as AssetSummary).id;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    blocks = t.app.get(BookingBlocksService);
    assets = (await t.client().get<AssetSummary[]>('/api/assets')).body;
    approver = await t.signIn('approver@madang.local', 'en');
    resident = await t.signIn('resident@madang.local', 'en');
    const [me] = (await t.db.query(
      `SELECT id, display_name FROM users WHERE email = 'approver@madang.local'`,
    )) as { id: string; display_name: string }[];
    staff = {
      userId: me.id,
      sessionId: 'test',
      email: 'approver@madang.local',
      displayName: me.display_name,
      locale: 'en',
      roles: ['approver'],
      permissions: ['self', 'bookings:read-all', 'bookings:decide', 'catalogue:manage'],
      groups: [],
      requestId: 'blocks-test',
      ip: '127.0.0.1',
    };
  });
  afterAll(() => t.close());

  it('a block holds its slot: a resident booking over it is 409, told "blocked: maintenance" and not who', async () => {
    const room = id('Meeting Room B');
    const { start, end } = slot(3, 2, 10, 180);
    const { id: blockId } = await blocks.createBlock(staff, {
      assetIds: [room],
      start,
      end,
      reason: 'maintenance',
      note: '천장 누수 점검',
    });
    const inside = slot(3, 2, 11);
    const refused = await resident.post('/api/bookings', {
      items: [{ assetId: room }],
      ...inside,
      purpose: 'meeting',
      attendees: 3,
    });
    expect(refused.status).toBe(409);
    expect(refused.problem.code).toBe('slot_taken');
    expect(refused.problem['conflicts']).toEqual([
      expect.objectContaining({ assetId: room, blocked: 'maintenance' }),
    ]);
    expect(JSON.stringify(refused.body)).not.toContain(staff.userId);

    const day = slot(3, 2, 0, 24 * 60);
    const free = await t
      .client()
      .get<AvailabilityResponse>(
        `/api/availability?assetIds=${room}&from=${encodeURIComponent(day.start)}&to=${encodeURIComponent(day.end)}`,
      );
    expect(free.body.assets[0].busy).toEqual([
      {
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        quantity: 1,
        blocked: 'maintenance',
      },
    ]);

    // The block is not the staff member's own booking: not in their list, not in their quota.
    const mine = await approver.get<Page<BookingDto>>('/api/bookings?scope=mine');
    expect(mine.body.items.map((b) => b.id)).not.toContain(blockId);
    const all = await approver.get<Page<BookingDto>>(`/api/bookings?scope=all&assetId=${room}`);
    expect(all.body.items.find((b) => b.id === blockId)).toMatchObject({
      kind: 'block',
      blockReason: 'maintenance',
      decision: 'approved',
      holdsSlot: true,
      payment: { quotedTotal: 0 },
    });
  });

  it('a block over a booking is refused with the colliding booking listed; checkBlock says the same and writes nothing', async () => {
    const room = id('Meeting Room B');
    const booked = slot(4, 3, 14);
    const booking = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: room }],
      ...booked,
      purpose: 'meeting',
      attendees: 3,
    });
    expect(booking.status).toBe(201);
    const wide = slot(4, 3, 9, 10 * 60);
    const input = { assetIds: [room], ...wide, reason: 'repair' as const };
    const expected: BlockConflict[] = [
      expect.objectContaining({
        bookingId: booking.body.id,
        kind: 'request',
        blockReason: null,
        assetId: room,
      }),
    ];
    expect(await blocks.checkBlock(input)).toEqual(expected);
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM bookings WHERE kind = 'block'`)) as {
      n: number;
    }[];
    const error = await blocks.createBlock(staff, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('slot_taken');
    expect((error as DomainError).extensions['conflicts']).toEqual(expected);
    const after = (await t.db.query(`SELECT count(*)::int AS n FROM bookings WHERE kind = 'block'`)) as {
      n: number;
    }[];
    expect(after[0].n).toBe(before[0].n);
  });

  it("inside the caller's transaction a collision leaves that transaction usable, and a success commits with it", async () => {
    const room = id('Meeting Room B');
    const taken = slot(5, 1, 10);
    await blocks.createBlock(staff, { assetIds: [room], ...taken, reason: 'event' });
    const madeId = await t.db.transaction(async (tx) => {
      const clash = await blocks
        .createBlock(staff, { assetIds: [room], ...taken, reason: 'residency' }, tx)
        .catch((e: unknown) => e);
      expect((clash as DomainError).code).toBe('slot_taken');
      const later = slot(5, 1, 14);
      const made = await blocks.createBlock(
        staff,
        {
          assetIds: [room],
          ...later,
          reason: 'residency',
          source: { type: 'agreement', id: '00000000-0000-4000-8000-000000000001' },
        },
        tx,
      );
      return made.id;
    });
    const [row] = (await t.db.query(
      `SELECT kind, block_reason, source_type, source_id FROM bookings WHERE id = $1`,
      [madeId],
    )) as Record<string, string>[];
    expect(row).toEqual({
      kind: 'block',
      block_reason: 'residency',
      source_type: 'agreement',
      source_id: '00000000-0000-4000-8000-000000000001',
    });
    // A rolled-back caller takes its block with it.
    const rolled = slot(5, 1, 17);
    await t.db
      .transaction(async (tx) => {
        await blocks.createBlock(staff, { assetIds: [room], ...rolled, reason: 'event' }, tx);
        throw new Error('caller gives up');
      })
      .catch(() => undefined);
    expect(await blocks.checkBlock({ assetIds: [room], ...rolled, reason: 'event' })).toEqual([]);
  });

  it('a block and a booking racing for the same slot: exactly one wins', async () => {
    const room = id('Meeting Room A');
    for (let round = 0; round < 3; round++) {
      const s = slot(6, 1 + round, 10);
      const results = await Promise.allSettled([
        blocks.createBlock(staff, { assetIds: [room], ...s, reason: 'maintenance' }),
        resident
          .post<BookingDto>('/api/bookings', {
            items: [{ assetId: room }],
            ...s,
            purpose: 'race',
            attendees: 2,
          })
          .then((r) => {
            if (r.status !== 201) throw new Error(String(r.status));
            return r;
          }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const held = (await t.db.query(
        `SELECT count(*)::int AS n FROM booking_items WHERE asset_id = $1 AND holds_slot AND during && tstzrange($2, $3)`,
        [room, s.start, s.end],
      )) as { n: number }[];
      expect(held[0].n).toBe(1);
    }
  });

  it('the database itself refuses: an overlapping raw block item, a priced block, a block without reason, half a source', async () => {
    const room = id('Meeting Room A');
    const s = slot(7, 2, 10);
    const booking = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: room }],
      ...s,
      purpose: 'raw',
      attendees: 2,
    });
    expect(booking.status).toBe(201);
    const insertBlock = (columns: Record<string, string>) => {
      const row: Record<string, string> = {
        requester_id: `'${staff.userId}'`,
        purpose: `'raw'`,
        attendees: '0',
        start_at: `'${s.start}'`,
        end_at: `'${s.end}'`,
        holds_slot: 'true',
        decision: `'approved'`,
        payment_status: `'quoted'`,
        quoted_total: '0',
        quote: `'{}'`,
        approval_required: 'false',
        ...columns,
      };
      return t.db.query(
        `INSERT INTO bookings (${Object.keys(row).join(', ')}) VALUES (${Object.values(row).join(', ')}) RETURNING id`,
      ) as Promise<{ id: string }[]>;
    };
    const [raw] = await insertBlock({ kind: `'block'`, block_reason: `'repair'` });
    const overlap = await t.db
      .query(
        `INSERT INTO booking_items (booking_id, asset_id, asset_kind, quantity, rules_version, during, holds_slot)
         VALUES ($1, $2, 'space', 1, 1, tstzrange($3, $4), true)`,
        [raw.id, room, s.start, s.end],
      )
      .catch((e: unknown) => e);
    expect(pgError(overlap)).toMatchObject({ code: '23P01', constraint: 'booking_items_no_overlap' });

    const refusals: [Record<string, string>, string][] = [
      [{ kind: `'block'`, block_reason: `'repair'`, quoted_total: '5000' }, 'bookings_block_free_check'],
      [{ kind: `'block'`, block_reason: `'repair'`, attendees: '4' }, 'bookings_block_free_check'],
      [{ kind: `'block'`, block_reason: `'repair'`, decision: `'pending'` }, 'bookings_block_free_check'],
      [{ kind: `'block'` }, 'bookings_block_reason_check'],
      [{ block_reason: `'repair'` }, 'bookings_block_reason_check'],
      [{ kind: `'block'`, block_reason: `'holiday'` }, 'bookings_block_reason_check'],
      [{ kind: `'block'`, block_reason: `'residency'`, source_type: `'agreement'` }, 'bookings_source_check'],
      [{ source_type: `'agreement'`, source_id: 'gen_random_uuid()' }, 'bookings_source_check'],
      [{ kind: `'lease'` }, 'bookings_kind_check'],
    ];
    for (const [columns, constraint] of refusals) {
      const error = await insertBlock(columns).catch((e: unknown) => e);
      expect(pgError(error)).toMatchObject({ code: '23514', constraint });
    }
  });

  it('releasing a block frees the slot through the ordinary transition; twice is a 409, a booking is not a block', async () => {
    const room = id('Meeting Room A');
    const s = slot(8, 4, 10);
    const { id: blockId } = await blocks.createBlock(staff, { assetIds: [room], ...s, reason: 'experiment' });
    await blocks.releaseBlock(staff, blockId);
    const [row] = (await t.db.query(`SELECT decision, holds_slot, cancelled_by FROM bookings WHERE id = $1`, [
      blockId,
    ])) as { decision: string; holds_slot: boolean; cancelled_by: string }[];
    expect(row).toEqual({ decision: 'cancelled', holds_slot: false, cancelled_by: staff.userId });
    const audit = (await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`, [
      blockId,
    ])) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['booking.block_created', 'booking.block_released']);
    const booked = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: room }],
      ...s,
      purpose: 'after release',
      attendees: 2,
    });
    expect(booked.status).toBe(201);
    expect(((await blocks.releaseBlock(staff, blockId).catch((e: unknown) => e)) as DomainError).code).toBe(
      'state_conflict',
    );
    expect(
      ((await blocks.releaseBlock(staff, booked.body.id).catch((e: unknown) => e)) as DomainError).code,
    ).toBe('not_found');
    // Nor is a block cancelled, approved or rejected as if it were a request.
    const other = await blocks.createBlock(staff, { assetIds: [room], ...slot(8, 5, 10), reason: 'event' });
    for (const action of ['cancel', 'approve', 'reject']) {
      const refused = await approver.post(`/api/bookings/${other.id}/${action}`, { reason: 'x' });
      expect(refused.problem).toMatchObject({ status: 409, code: 'state_conflict' });
    }
  });

  it('a pool is blocked whole; a block input is validated field by field', async () => {
    const pool = assets.find((a) => a.kind === 'equipment_pool') as AssetSummary;
    const s = slot(1, 2, 10);
    await blocks.createBlock(staff, { assetIds: [pool.id], ...s, reason: 'maintenance' });
    const one = await resident.post('/api/bookings', {
      items: [{ assetId: pool.id, quantity: 1 }],
      ...s,
      purpose: 'one unit',
      attendees: 1,
    });
    expect(one.problem).toMatchObject({ status: 409, code: 'slot_taken' });

    const cases: [Record<string, unknown>, string][] = [
      [{ assetIds: [] }, 'assetIds'],
      [{ assetIds: ['nope'] }, 'assetIds'],
      [{ start: '2026-02-30T10:00:00Z' }, 'start'],
      [{ end: s.start }, 'end'],
      [{ reason: 'holiday' }, 'reason'],
      [{ note: 'x'.repeat(501) }, 'note'],
      [{ source: { type: 'agreement', id: 'x' } }, 'source.id'],
      [{ source: { type: 'Bad Type', id: '00000000-0000-4000-8000-000000000001' } }, 'source.type'],
    ];
    for (const [change, field] of cases) {
      const input = { assetIds: [pool.id], ...s, reason: 'maintenance', ...change } as Parameters<
        BookingBlocksService['createBlock']
      >[1];
      const error = (await blocks.createBlock(staff, input).catch((e: unknown) => e)) as DomainError;
      expect(error.code).toBe('validation_failed');
      expect(error.fieldErrors?.map((f) => f.field)).toEqual([field]);
    }
  });

  it('HTTP: staff set, list and end an out-of-service period; residents cannot; bad input names the field', async () => {
    const room = id('Meeting Room A');
    const s = slot(10, 2, 9, 8 * 60);
    const denied = await resident.post(`/api/assets/${room}/out-of-service`, { ...s, reason: 'repair' });
    expect(denied.status).toBe(403);
    const bad = await approver.post(`/api/assets/${room}/out-of-service`, {
      start: 'tomorrow',
      end: s.end,
      reason: 'residency',
      force: true,
    });
    expect(bad.status).toBe(400);
    expect((bad.problem.errors ?? []).map((e) => e.field).sort()).toEqual(['force', 'reason', 'start']);
    const missing = await approver.post(`/api/assets/00000000-0000-4000-8000-000000000009/out-of-service`, {
      ...s,
      reason: 'repair',
    });
    expect(missing.status).toBe(404);

    const made = await approver.post<OutOfServiceDto>(`/api/assets/${room}/out-of-service`, {
      ...s,
      reason: 'repair',
      note: '프로젝터 교체',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      assetId: room,
      reason: 'repair',
      note: '프로젝터 교체',
      active: true,
      source: null,
      start: new Date(s.start).toISOString(),
    });
    const again = await approver.post(`/api/assets/${room}/out-of-service`, { ...s, reason: 'maintenance' });
    expect(again.status).toBe(409);
    expect(again.problem['conflicts']).toEqual([
      expect.objectContaining({ bookingId: made.body.id, kind: 'block', blockReason: 'repair' }),
    ]);
    const listed = await approver.get<OutOfServiceDto[]>(`/api/assets/${room}/out-of-service`);
    expect(listed.body.map((b) => b.id)).toContain(made.body.id);

    const gone = await approver.delete(`/api/assets/${room}/out-of-service/${made.body.id}`);
    expect(gone.status).toBe(204);
    const twice = await approver.delete(`/api/assets/${room}/out-of-service/${made.body.id}`);
    expect(twice.status).toBe(409);
    const elsewhere = await approver.delete(`/api/assets/${id('Hall')}/out-of-service/${made.body.id}`);
    expect(elsewhere.status).toBe(404);
    const active = await approver.get<OutOfServiceDto[]>(`/api/assets/${room}/out-of-service`);
    expect(active.body.map((b) => b.id)).not.toContain(made.body.id);
    const withReleased = await approver.get<OutOfServiceDto[]>(
      `/api/assets/${room}/out-of-service?released=true`,
    );
    expect(withReleased.body.find((b) => b.id === made.body.id)).toMatchObject({ active: false });

    // A block made by another record (an agreement) is ended there, not here.
    const later = slot(10, 3, 9);
    const agreement = await blocks.createBlock(staff, {
      assetIds: [room],
      ...later,
      reason: 'residency',
      source: { type: 'agreement', id: '00000000-0000-4000-8000-000000000002' },
    });
    const refused = await approver.delete(`/api/assets/${room}/out-of-service/${agreement.id}`);
    expect(refused.status).toBe(409);
  });
});
