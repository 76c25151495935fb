import { BookingMoney, paymentStatusAfter } from './booking-money';

const hall: BookingMoney = {
  decision: 'approved',
  status: 'quoted',
  quote: { subtotal: 60_000, waived: 0, deposit: 50_000 },
  cancellationFee: 0,
};

describe('paymentStatusAfter', () => {
  it.each([
    ['a fee only part of what is due', hall, [], { kind: 'fee', amount: 60_000 }, { status: 'invoiced' }],
    [
      'the deposit after the fee',
      hall,
      [{ kind: 'fee', amount: 60_000 }],
      { kind: 'deposit', amount: 50_000 },
      { status: 'paid' },
    ],
    [
      'the deposit returned',
      { ...hall, status: 'paid' },
      [
        { kind: 'fee', amount: 60_000 },
        { kind: 'deposit', amount: 50_000 },
      ],
      { kind: 'deposit_return', amount: 50_000 },
      { status: 'refunded' },
    ],
    [
      'the deposit kept',
      { ...hall, status: 'paid' },
      [
        { kind: 'fee', amount: 60_000 },
        { kind: 'deposit', amount: 50_000 },
      ],
      { kind: 'deposit_kept', amount: 50_000 },
      { status: 'paid' },
    ],
    [
      'more deposit returned than held',
      { ...hall, status: 'paid' },
      [{ kind: 'deposit', amount: 50_000 }],
      { kind: 'deposit_return', amount: 50_001 },
      { refused: 'more_than_deposit_held' },
    ],
    [
      'a refund above the fees received',
      hall,
      [{ kind: 'fee', amount: 10_000 }],
      { kind: 'refund', amount: 10_001 },
      { refused: 'more_than_fees_received' },
    ],
    [
      'a fee on a pending booking',
      { ...hall, decision: 'pending' },
      [],
      { kind: 'fee', amount: 1 },
      { refused: 'not_approved' },
    ],
    [
      'anything on a waived booking',
      { ...hall, status: 'waived' },
      [],
      { kind: 'fee', amount: 1 },
      { refused: 'waived' },
    ],
    [
      'a cancellation fee on a cancelled booking',
      { ...hall, decision: 'cancelled', status: 'invoiced', cancellationFee: 30_000 },
      [],
      { kind: 'cancellation_fee', amount: 30_000 },
      { status: 'paid' },
    ],
    [
      'a cancellation fee on a booking cancelled for free',
      { ...hall, decision: 'cancelled' },
      [],
      { kind: 'cancellation_fee', amount: 30_000 },
      { refused: 'not_cancelled_with_fee' },
    ],
    [
      'a partly waived fee paid in full',
      { ...hall, quote: { subtotal: 60_000, waived: 30_000, deposit: 0 } },
      [],
      { kind: 'fee', amount: 30_000 },
      { status: 'paid' },
    ],
  ] as const)('%s', (_name, booking, earlier, next, expected) => {
    expect(paymentStatusAfter(booking, earlier, next)).toEqual(expected);
  });
});
