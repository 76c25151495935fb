import { checkInWindow, noShowDeadline, noShowStanding, returnDue } from './attendance';
import { checkRulesOverride } from './schema';
import { roomA, run } from '../testing/fixtures';

const START = '2026-06-02T01:00:00.000Z';
const END = '2026-06-02T03:00:00.000Z';
const LIMIT = { count: 2, periodDays: 30, consequence: 'require_approval' as const };

describe('attendance rules', () => {
  it.each([
    [{}, '2026-06-02T00:45:00.000Z', END],
    [{ checkInOpensMinutesBefore: 0, noShowAfterMinutes: 20 }, START, '2026-06-02T01:20:00.000Z'],
    [
      { checkInOpensMinutesBefore: 60, noShowAfterMinutes: 10 },
      '2026-06-02T00:00:00.000Z',
      '2026-06-02T01:10:00.000Z',
    ],
  ])('check-in window of %j', (rules, opens, closes) => {
    expect(checkInWindow(rules, START, END)).toEqual({ opens, closes });
  });

  it('a no-show deadline only when tracked; return due after the grace', () => {
    expect(noShowDeadline({}, START)).toBeNull();
    expect(noShowDeadline({ noShowAfterMinutes: 15 }, START)).toBe('2026-06-02T01:15:00.000Z');
    expect(returnDue({}, END)).toBe('2026-06-02T03:30:00.000Z');
    expect(returnDue({ returnGraceMinutes: 0 }, END)).toBe(END);
  });

  it.each([
    [[], 0, null],
    [['2026-05-20T00:00:00Z'], 1, null],
    [['2026-05-20T00:00:00Z', '2026-05-31T00:00:00Z'], 2, 'require_approval'],
    // Exactly 30 days before now no longer counts; one in the future (clock skew) neither.
    [['2026-05-02T00:00:00Z', '2026-05-31T00:00:00Z'], 1, null],
    [['2026-06-05T00:00:00Z', '2026-05-31T00:00:00Z'], 1, null],
  ])('no-shows %j count %i → %s', (noShows, count, consequence) => {
    expect(noShowStanding({ noShowLimit: LIMIT }, noShows, '2026-06-01T00:00:00Z')).toEqual({
      count,
      consequence,
      periodDays: 30,
    });
  });

  it('without a limit, no-shows change nothing', () => {
    expect(noShowStanding({}, ['2026-05-31T00:00:00Z'], '2026-06-01T00:00:00Z').consequence).toBeNull();
  });

  it('over a require-approval limit, an auto-approved asset needs approval; under it, it does not', () => {
    const asset = roomA({ noShowAfterMinutes: 15, noShowLimit: LIMIT });
    const over = run({
      assets: [asset],
      noShows: ['2026-05-20T10:00:00+09:00', '2026-05-31T10:00:00+09:00'],
    });
    expect(over).toMatchObject({ ok: true, approvalRequired: true });
    const under = run({ assets: [asset], noShows: ['2026-05-31T10:00:00+09:00'] });
    expect(under).toMatchObject({ ok: true, approvalRequired: false });
    expect(run({ assets: [asset] }).approvalRequired).toBe(false);
  });

  it('the schema takes the attendance keys and refuses a partial or unknown limit', () => {
    expect(
      checkRulesOverride({
        checkInOpensMinutesBefore: 30,
        noShowAfterMinutes: 15,
        noShowLimit: LIMIT,
        returnGraceMinutes: 60,
      }),
    ).toEqual([]);
    const paths = (doc: unknown) => checkRulesOverride(doc).map((p) => `${p.path}:${p.code}`);
    expect(paths({ noShowLimit: { count: 2 } })).toEqual([
      'noShowLimit.periodDays:required',
      'noShowLimit.consequence:required',
    ]);
    expect(paths({ noShowLimit: { ...LIMIT, consequence: 'fine' } })).toEqual([
      'noShowLimit.consequence:not_in',
    ]);
    expect(paths({ noShowAfterMinutes: 0, returnGraceMinutes: -1 })).toEqual([
      'noShowAfterMinutes:too_small',
      'returnGraceMinutes:too_small',
    ]);
  });
});
