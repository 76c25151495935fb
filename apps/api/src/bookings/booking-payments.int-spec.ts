import type {
  AssetSummary,
  BookingDto,
  BookingPaymentResult,
  MeResponse,
  PaymentView,
  ProgrammeView,
  SettlementReport,
} from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../test/test-app';

const SEOUL = 'Asia/Seoul';
/** A weekday `weeks` weeks ahead (1 = Monday), at a local hour. */
const slot = (weeks: number, weekday: number, hour: number, minutes = 60) => {
  const start = DateTime.now()
    .setZone(SEOUL)
    .startOf('week')
    .plus({ weeks, days: weekday - 1, hours: hour });
  return { start: start.toISO() as string, end: start.plus({ minutes }).toISO() as string };
};
const today = () => DateTime.now().setZone(SEOUL).toISODate() as string;

/** Bookings → settlement: payments move the money axis and post income; waivers post in-kind support. */
describe('booking payments and waivers (real PostgreSQL)', () => {
  let t: TestApp;
  let ops: MadangClient;
  let approver: MadangClient;
  let resident: MadangClient;
  let neighbour: MadangClient;
  let hall: AssetSummary;
  let room: AssetSummary;
  /** The budget line the demo maps every asset category's rental income to (OWN-2027 대관료 수입). */
  let rentalLine: string;
  let ownProgramme: ProgrammeView;

  const ledgerOf = async (bookingId: string) =>
    (await t.db.query(
      `SELECT a.code, l.budget_line_id, sum(l.amount)::bigint AS total
         FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id JOIN ledger_accounts a ON a.id = l.account_id
        WHERE e.source_id = $1 GROUP BY a.code, l.budget_line_id ORDER BY a.code`,
      [bookingId],
    )) as { code: string; budget_line_id: string | null; total: string }[];

  /** Income on the rental line in this month's settlement report of the centre's own programme. */
  const incomeOnLine = async () => {
    const month = today().slice(0, 7);
    const report = await ops.get<SettlementReport>(
      `/api/settlement/programmes/${ownProgramme.id}/report?from=${month}&to=${month}`,
    );
    expect(report.status).toBe(200);
    return report.body.income.find((l) => l.budgetLineId === rentalLine) ?? { fees: 0, rent: 0, inKind: 0 };
  };
  let incomeBefore: { fees: number; inKind: number };

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    ops = await t.signIn('operations@madang.local');
    approver = await t.signIn('approver@madang.local');
    resident = await t.signIn('resident@madang.local');
    neighbour = await t.signIn('resident2@madang.local');
    const assets = (await t.client().get<AssetSummary[]>('/api/assets')).body;
    hall = assets.find((a) => a.name.en === 'Hall') as AssetSummary;
    room = assets.find((a) => a.name.en === 'Meeting Room C') as AssetSummary;
    const [mapping] = (await t.db.query(
      `SELECT m.budget_line_id FROM income_mappings m JOIN assets a ON a.category_id = m.asset_category_id WHERE a.id = $1`,
      [hall.id],
    )) as { budget_line_id: string }[];
    rentalLine = mapping.budget_line_id;
    const programmes = await ops.get<ProgrammeView[]>('/api/settlement/programmes?year=2027');
    ownProgramme = programmes.body.find((p) => p.code === 'OWN-2027') as ProgrammeView;
    incomeBefore = await incomeOnLine();
  }, 60000);
  afterAll(() => t.close());

  it('records a paid hall booking as income on the line of the hall’s category, and moves its money axis', async () => {
    const requested = await neighbour.post<BookingDto>('/api/bookings', {
      items: [{ assetId: hall.id }],
      ...slot(5, 3, 14, 120),
      purpose: '동네 음악회',
      attendees: 40,
    });
    expect(requested.status).toBe(201);
    expect(requested.body.quote).toMatchObject({
      subtotal: 60_000,
      waived: 0,
      deposit: 50_000,
      total: 110_000,
    });
    const id = requested.body.id;
    const pay = (body: Record<string, unknown>, client: MadangClient = ops) =>
      client.post<BookingPaymentResult>(`/api/bookings/${id}/payments`, {
        method: 'bank_transfer',
        receivedOn: today(),
        ...body,
      });

    // Not before it is approved; never by the requester or an approver.
    const early = await pay({ kind: 'fee', amount: 60_000 });
    expect(early.status).toBe(409);
    expect(early.problem['reason']).toBe('not_approved');
    expect((await approver.post(`/api/bookings/${id}/approve`, {})).status).toBe(200);
    expect((await pay({ kind: 'fee', amount: 60_000 }, neighbour)).status).toBe(403);
    expect((await pay({ kind: 'fee', amount: 60_000 }, approver)).status).toBe(403);
    const bad = await pay({ kind: 'tip', amount: 0, receivedOn: '2027-02-30' });
    expect(bad.status).toBe(400);
    expect((bad.problem.errors ?? []).map((e) => e.field).sort()).toEqual(['amount', 'kind', 'receivedOn']);
    expect((await pay({ kind: 'fee', amount: 60_000 }).then((r) => r)).status).toBe(201);

    const deposit = await pay({ kind: 'deposit', amount: 50_000, reference: 'DEP-1', payerName: '박이웃' });
    expect(deposit.status).toBe(201);
    expect(deposit.body.booking.payment.status).toBe('paid');
    expect(deposit.body.payment).toMatchObject({ kind: 'deposit', amount: 50_000, reference: 'DEP-1' });

    // The fee is income (4010) and the deposit a liability (2010) until returned or kept, both
    // tagged with the line the hall's category is mapped to.
    expect(await ledgerOf(id)).toEqual([
      { code: '1010', budget_line_id: rentalLine, total: '110000' },
      { code: '2010', budget_line_id: rentalLine, total: '-50000' },
      { code: '4010', budget_line_id: rentalLine, total: '-60000' },
    ]);
    const payments = await ops.get<PaymentView[]>(`/api/settlement/payments?bookingId=${id}`);
    expect(payments.body.map((p) => [p.kind, p.amount, p.budgetLineId]).sort()).toEqual([
      ['deposit', 50_000, rentalLine],
      ['fee', 60_000, rentalLine],
    ]);

    // Returning more than the deposit held is refused; returning it refunds the booking.
    const tooMuch = await pay({ kind: 'deposit_return', amount: 50_001 });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.problem['reason']).toBe('more_than_deposit_held');
    const returned = await pay({ kind: 'deposit_return', amount: 50_000 });
    expect(returned.status).toBe(201);
    expect(returned.body.booking.payment.status).toBe('refunded');
    const booking = await neighbour.get<BookingDto>(`/api/bookings/${id}`);
    expect(booking.body.payment.status).toBe('refunded');

    const audit = (await t.db.query(
      `SELECT action FROM audit_log WHERE entity_type = 'booking' AND entity_id = $1 ORDER BY at, id`,
      [id],
    )) as { action: string }[];
    expect(audit.filter((a) => a.action === 'booking.payment_recorded')).toHaveLength(3);
  });

  it('shows the booking income on the line in the programme’s settlement report', async () => {
    const after = await incomeOnLine();
    // This test file's hall fee (the deposit was returned, the in-kind waivers come later).
    expect(after.fees - incomeBefore.fees).toBe(60_000);
    expect(after.inKind - incomeBefore.inKind).toBe(0);
  });

  it('records a waived booking as in-kind support: by the rule when approved at once, by the approver otherwise', async () => {
    const me = (await resident.get<MeResponse>('/api/auth/me')).body;
    const team = me.groups[0].groupId;
    const instant = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: room.id }],
      ...slot(5, 4, 10, 120),
      purpose: '골목 지도 회의',
      attendees: 6,
      groupId: team,
    });
    expect(instant.status).toBe(201);
    expect(instant.body).toMatchObject({
      decision: 'approved',
      payment: { status: 'waived', quotedTotal: 0 },
    });
    const pending = await resident.post<BookingDto>('/api/bookings', {
      items: [{ assetId: hall.id }],
      ...slot(5, 4, 14, 180),
      purpose: '주민 팀 발표회',
      attendees: 50,
      groupId: team,
    });
    expect(pending.status).toBe(201);
    expect(pending.body).toMatchObject({ decision: 'pending', quote: { waived: 90_000, total: 0 } });
    // Nothing is in-kind before the approval.
    expect(await ledgerOf(pending.body.id)).toEqual([]);
    expect((await approver.post(`/api/bookings/${pending.body.id}/approve`, {})).status).toBe(200);

    const waivers = (await t.db.query(
      `SELECT w.booking_id, w.value::bigint AS value, w.reason, u.email, w.budget_line_id
         FROM in_kind_waivers w JOIN users u ON u.id = w.waived_by WHERE w.booking_id = ANY($1) ORDER BY w.value`,
      [[instant.body.id, pending.body.id]],
    )) as { booking_id: string; value: string; reason: string; email: string; budget_line_id: string }[];
    expect(waivers).toEqual([
      {
        booking_id: instant.body.id,
        value: '20000',
        reason: '대관 규칙 자동 감면: 회의실 C: 주민 팀 대관료 면제 — 20,000원의 100%',
        email: 'resident@madang.local',
        budget_line_id: rentalLine,
      },
      {
        booking_id: pending.body.id,
        value: '90000',
        reason: '승인자 감면 (이승인 (재단발전팀)): 강당: 주민 팀 대관료 면제 — 90,000원의 100%',
        email: 'approver@madang.local',
        budget_line_id: rentalLine,
      },
    ]);
    const after = await incomeOnLine();
    expect(after.inKind - incomeBefore.inKind).toBe(20_000 + 90_000);
    expect(await ledgerOf(pending.body.id)).toEqual([
      { code: '4090', budget_line_id: rentalLine, total: '-90000' },
      { code: '5090', budget_line_id: rentalLine, total: '90000' },
    ]);
    // A waived booking takes no payment.
    const refused = await ops.post(`/api/bookings/${pending.body.id}/payments`, {
      kind: 'fee',
      method: 'cash',
      amount: 1000,
      receivedOn: today(),
    });
    expect(refused.status).toBe(409);
    expect(refused.problem['reason']).toBe('waived');
  });

  it('answers 404 for a booking that does not exist and 400 for an id that is not one', async () => {
    const body = { kind: 'fee', method: 'cash', amount: 1000, receivedOn: today() };
    expect((await ops.post('/api/bookings/6a0c3d52-1d9c-4c7e-9a51-6f0d2c7e8a11/payments', body)).status).toBe(
      404,
    );
    expect((await ops.post('/api/bookings/not-a-uuid/payments', body)).status).toBe(400);
  });
});
