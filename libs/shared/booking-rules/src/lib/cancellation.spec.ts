import { evaluateCancellation } from './cancellation';

const START = '2026-06-10T10:00:00+09:00';
const rules = { cancellation: { freeUntilHoursBefore: 48, feePercent: 10 } };

describe('evaluateCancellation', () => {
  it.each([
    ['long before: free', '2026-06-01T10:00:00+09:00', 33_333, { allowed: true, fee: 0, free: true }],
    [
      'one minute before the deadline: free',
      '2026-06-08T09:59:00+09:00',
      33_333,
      { allowed: true, fee: 0, free: true },
    ],
    [
      'exactly at the deadline: fee',
      '2026-06-08T10:00:00+09:00',
      33_333,
      { allowed: true, fee: 3_333, free: false },
    ],
    [
      'inside the deadline, fee rounds half up',
      '2026-06-10T09:00:00+09:00',
      5_005,
      { allowed: true, fee: 501, free: false },
    ],
    [
      'deadline counted in elapsed time, any offset',
      '2026-06-08T00:59:59Z',
      10_000,
      { allowed: true, fee: 0, free: true },
    ],
    [
      'deadline counted in elapsed time, any offset (after)',
      '2026-06-08T01:00:00Z',
      10_000,
      { allowed: true, fee: 1_000, free: false },
    ],
  ])('%s', (_name, now, quoteTotal, expected) => {
    expect(evaluateCancellation({ now, start: START, quoteTotal, rules })).toMatchObject(expected);
  });

  it('reports the free-until instant', () => {
    const result = evaluateCancellation({ now: '2026-06-01T00:00:00Z', start: START, quoteTotal: 1, rules });
    expect(result).toMatchObject({ freeUntil: '2026-06-08T01:00:00.000Z' });
  });

  it('no fee percent means free even inside the deadline', () => {
    const result = evaluateCancellation({
      now: '2026-06-10T09:00:00+09:00',
      start: START,
      quoteTotal: 40_000,
      rules: { cancellation: { freeUntilHoursBefore: 48, feePercent: 0 } },
    });
    expect(result).toMatchObject({ allowed: true, fee: 0, free: true });
  });

  it.each([
    ['at the start', START],
    ['after the start', '2026-06-10T11:00:00+09:00'],
  ])('refuses %s with cancel_after_start', (_name, now) => {
    const result = evaluateCancellation({ now, start: START, quoteTotal: 10_000, rules });
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result.violation.code).toBe('cancel_after_start');
    expect(result.violation.message).toEqual({
      ko: '이미 시작된 예약은 취소할 수 없습니다.',
      en: 'A booking that has already started cannot be cancelled.',
    });
  });

  it('one minute before the start is still allowed', () => {
    expect(
      evaluateCancellation({ now: '2026-06-10T09:59:00+09:00', start: START, quoteTotal: 10_000, rules })
        .allowed,
    ).toBe(true);
  });
});
