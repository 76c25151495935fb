import type { ProblemDetails } from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { startTestApp, TestApp } from '../test/test-app';

/**
 * What the issue-7 harness found in settlement: the routes that record booking money by hand posted
 * a waiver on a pending request (route × role matrix), and an unknown approver id was a 500 (fuzz).
 */
describe('settlement: harness findings', () => {
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

  it('answers 400 naming userIds for an approver who does not exist, and changes nothing', async () => {
    const [programme] = (await t.db.query(`SELECT id FROM programmes ORDER BY code LIMIT 1`)) as {
      id: string;
    }[];
    const approvers = async () =>
      (
        (await t.db.query(
          `SELECT user_id FROM programme_approvers WHERE programme_id = $1 ORDER BY user_id`,
          [programme.id],
        )) as { user_id: string }[]
      ).map((r) => r.user_id);
    const before = await approvers();
    const r = await ops.put<ProblemDetails>(`/api/settlement/programmes/${programme.id}/approvers`, {
      userIds: [...before, '45ed9c59-bc0b-1624-8b6d-2932bc29f38a'],
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('userIds');
    expect(await approvers()).toEqual(before);
  });
});
