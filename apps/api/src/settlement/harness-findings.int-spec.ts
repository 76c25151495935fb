import type { ProblemDetails } from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { startTestApp, TestApp } from '../test/test-app';

/**
 * The settlement routes that record booking money by hand refuse a booking Madang knows that is not
 * approved (found by the issue-7 route × role matrix: a waiver on a pending request was posted).
 */
describe('settlement payments and waivers on a booking that is not approved', () => {
  let t: TestApp;
  let ops: MadangClient;
  let pending: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    ops = await t.signIn('operations@madang.local', 'en');
    const [row] = (await t.db.query(`SELECT id FROM bookings WHERE decision = 'pending' LIMIT 1`)) as {
      id: string;
    }[];
    pending = row.id;
  }, 60000);
  afterAll(async () => t?.close());

  const counts = async () =>
    (
      (await t.db.query(
        `SELECT (SELECT count(*) FROM booking_payments WHERE booking_id = $1)::int AS payments,
                (SELECT count(*) FROM in_kind_waivers WHERE booking_id = $1)::int AS waivers,
                (SELECT count(*) FROM journal_entries WHERE source_id = $1)::int AS entries`,
        [pending],
      )) as { payments: number; waivers: number; entries: number }[]
    )[0];

  it('answers 409 state_conflict (not_approved) and posts nothing', async () => {
    const before = await counts();
    const payment = await ops.post<ProblemDetails>('/api/settlement/payments', {
      bookingId: pending,
      kind: 'fee',
      method: 'bank_transfer',
      amount: 10_000,
      receivedOn: '2027-03-02',
    });
    expect(payment.status).toBe(409);
    expect(payment.body).toMatchObject({ code: 'state_conflict' });
    const waiver = await ops.post<ProblemDetails>('/api/settlement/waivers', {
      bookingId: pending,
      value: 1000,
      reason: 'waived by hand',
    });
    expect(waiver.status).toBe(409);
    expect(waiver.body).toMatchObject({ code: 'state_conflict' });
    expect(await counts()).toEqual(before);
  });
});
