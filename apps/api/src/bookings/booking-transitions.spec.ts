import { changeFor, mayStart, Transition } from './booking-transitions';

const at = new Date('2026-12-01T01:00:00Z');
const by = '3f2b8c1e-5d4a-4b6f-9e8d-7c6b5a4f3e2d';

describe('booking transitions', () => {
  it.each([
    ['approve', 'pending', true],
    ['approve', 'approved', false],
    ['approve', 'rejected', false],
    ['approve', 'cancelled', false],
    ['reject', 'pending', true],
    ['reject', 'approved', false],
    ['cancel', 'pending', true],
    ['cancel', 'approved', true],
    ['cancel', 'rejected', false],
    ['cancel', 'cancelled', false],
  ] as const)('%s from %s: %s', (kind, from, allowed) => {
    const t = { kind, by, reason: 'x', fee: 0 } as Transition;
    expect(mayStart(t, from)).toBe(allowed);
  });

  it('approving re-claims the slot and records who decided', () => {
    expect(changeFor({ kind: 'approve', by, reason: null }, { paymentStatus: 'quoted' }, at)).toEqual({
      decision: 'approved',
      holdsSlot: true,
      decidedBy: by,
      decidedAt: at,
      decisionReason: null,
    });
  });

  it('rejecting releases the slot with the reason', () => {
    expect(changeFor({ kind: 'reject', by, reason: '점검' }, { paymentStatus: 'quoted' }, at)).toMatchObject({
      decision: 'rejected',
      holdsSlot: false,
      decisionReason: '점검',
    });
  });

  it('a cancellation fee invoices the booking; a free one keeps the payment status', () => {
    const paid = changeFor({ kind: 'cancel', by, reason: null, fee: 5000 }, { paymentStatus: 'quoted' }, at);
    expect(paid).toMatchObject({
      decision: 'cancelled',
      holdsSlot: false,
      cancellationFee: 5000,
      paymentStatus: 'invoiced',
    });
    const free = changeFor({ kind: 'cancel', by, reason: 'r', fee: 0 }, { paymentStatus: 'waived' }, at);
    expect(free).toMatchObject({
      cancellationFee: 0,
      paymentStatus: 'waived',
      cancelReason: 'r',
      cancelledBy: by,
    });
  });
});
