import { DateTime } from 'luxon';
import { evaluateBooking } from './evaluate-booking';
import { DEFAULT_RULES, mergeRules } from './rules';
import { openingIntervalsOn, wallClockToIso } from './time';
import type { AssetForRules, IsoWeekday, RentalRulesOverride } from './types';
import { codes, resident } from '../testing/fixtures';

// America/New_York: 2026-03-08 02:00 EST → 03:00 EDT (23-hour day); 2026-11-01 02:00 EDT → 01:00 EST (25-hour day).
const NY = 'America/New_York';
const everyDay = (open: string, close: string) =>
  ([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).map((weekday) => ({ weekday, open, close }));
const nyRules = (o: RentalRulesOverride = {}) =>
  mergeRules(
    DEFAULT_RULES,
    {
      timeZone: NY,
      openingHours: everyDay('00:00', '24:00'),
      slotStepMinutes: 60,
      minDurationMinutes: 60,
      maxDurationMinutes: 1500,
      minNoticeMinutes: 0,
      maxAdvanceDays: 365,
      approval: { required: false },
      pricing: { rate: 10_000 },
    },
    o,
  );
const studio = (o: RentalRulesOverride = {}): AssetForRules => ({
  id: 'studio',
  kind: 'space',
  name: { ko: '스튜디오', en: 'Studio' },
  capacity: null,
  poolSize: null,
  active: true,
  rules: nyRules(o),
});
const evaluate = (start: string, end: string, o: RentalRulesOverride = {}, now = '2026-03-01T12:00:00Z') =>
  evaluateBooking({
    now,
    request: { start, end, items: [{ assetId: 'studio', quantity: 1 }], attendees: 1, purpose: 'rehearsal' },
    actor: resident,
    assets: [studio(o)],
    usage: [],
  });

describe('DST — spring forward, New York 2026-03-08', () => {
  it('the wall-clock hour 02:00–03:00 does not exist', () => {
    expect(wallClockToIso('2026-03-08', '02:00', NY)).toBeNull();
    expect(wallClockToIso('2026-03-08', '02:30', NY)).toBeNull();
    expect(wallClockToIso('2026-03-08', '01:00', NY)).toBe('2026-03-08T01:00:00.000-05:00');
    expect(wallClockToIso('2026-03-08', '03:00', NY)).toBe('2026-03-08T03:00:00.000-04:00');
  });

  it('a 02:00–03:00 booking collapses to zero length and is refused as invalid_range', () => {
    const start = DateTime.fromObject({ year: 2026, month: 3, day: 8, hour: 2 }, { zone: NY }).toISO() ?? '';
    const end = DateTime.fromObject({ year: 2026, month: 3, day: 8, hour: 3 }, { zone: NY }).toISO() ?? '';
    const result = evaluate(start, end);
    expect(codes(result)).toEqual(['invalid_range']);
    expect(result.quote.total).toBe(0);
    expect(codes(evaluate('2026-03-08T02:00:00-05:00', '2026-03-08T03:00:00-04:00'))).toEqual([
      'invalid_range',
    ]);
  });

  it('01:00–03:00 on the clock lasts one real hour: billed 1 h, too short for a 2 h minimum', () => {
    const result = evaluate('2026-03-08T01:00:00-05:00', '2026-03-08T03:00:00-04:00');
    expect(result.ok).toBe(true);
    expect(result.quote.lines[0]).toMatchObject({
      quantity: 1,
      amount: 10_000,
      label: { ko: '스튜디오: 1시간 × 10,000원', en: 'Studio: 1 h × ₩10,000' },
    });
    const short = evaluate('2026-03-08T01:00:00-05:00', '2026-03-08T03:00:00-04:00', {
      minDurationMinutes: 120,
    });
    expect(short.violations.map((v) => [v.code, v.params['actualMinutes']])).toEqual([['too_short', 60]]);
  });

  it('the whole day lasts 23 hours (hourly) and counts as one day (daily)', () => {
    const hourly = evaluate('2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00');
    expect(hourly.ok).toBe(true);
    expect(hourly.quote.total).toBe(230_000);
    const daily = evaluate('2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00', {
      pricing: { unit: 'day', rate: 50_000 },
    });
    expect(daily.quote.lines[0]).toMatchObject({ quantity: 1, unit: 'day', amount: 50_000 });
    const twoDays = evaluate('2026-03-07T20:00:00-05:00', '2026-03-08T10:00:00-04:00', {
      pricing: { unit: 'day', rate: 50_000 },
    });
    expect(twoDays.quote.lines[0]).toMatchObject({ quantity: 2, amount: 100_000 });
  });

  it.each([
    ['09:00–10:00 EDT opens on time', '2026-03-08T13:00:00Z', '2026-03-08T14:00:00Z', []],
    [
      '08:00–09:00 EDT is before opening',
      '2026-03-08T12:00:00Z',
      '2026-03-08T13:00:00Z',
      ['outside_opening_hours'],
    ],
    ['17:00–18:00 EDT closes on time', '2026-03-08T21:00:00Z', '2026-03-08T22:00:00Z', []],
    [
      '18:00–19:00 EDT is after closing',
      '2026-03-08T22:00:00Z',
      '2026-03-08T23:00:00Z',
      ['outside_opening_hours'],
    ],
    [
      'the day before, 13:00Z is 08:00 EST: closed',
      '2026-03-07T13:00:00Z',
      '2026-03-07T14:00:00Z',
      ['outside_opening_hours'],
    ],
    ['the day before, 14:00Z is 09:00 EST: open', '2026-03-07T14:00:00Z', '2026-03-07T15:00:00Z', []],
  ])('opening hours 09:00–18:00 on the wall clock: %s', (_name, start, end, expected) => {
    expect(codes(evaluate(start, end, { openingHours: everyDay('09:00', '18:00') }))).toEqual(expected);
  });

  it.each([
    ['03:30 EDT on a 30-min grid', '2026-03-08T07:30:00Z', '2026-03-08T08:30:00Z', []],
    ['03:15 EDT off the grid', '2026-03-08T07:15:00Z', '2026-03-08T08:15:00Z', ['misaligned_to_slot']],
  ])('slot alignment counts wall-clock minutes: %s', (_name, start, end, expected) => {
    expect(codes(evaluate(start, end, { slotStepMinutes: 30 }))).toEqual(expected);
  });

  it('slot grid is wall-clock, not elapsed time: 03:00 EDT is on a 90-min grid (only 120 real minutes after midnight)', () => {
    expect(codes(evaluate('2026-03-08T07:00:00Z', '2026-03-08T08:30:00Z', { slotStepMinutes: 90 }))).toEqual(
      [],
    );
    expect(codes(evaluate('2026-03-08T06:00:00Z', '2026-03-08T08:30:00Z', { slotStepMinutes: 90 }))).toEqual([
      'misaligned_to_slot',
    ]);
  });

  it('peak minutes follow the wall clock: peak 00:00–03:00 is two real hours that night', () => {
    const peak = [{ weekdays: [7] as IsoWeekday[], from: '00:00', to: '03:00', rate: 30_000 }];
    const result = evaluate('2026-03-08T00:00:00-05:00', '2026-03-08T04:00:00-04:00', { pricing: { peak } });
    expect(result.quote.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([
      ['rate', 1, 10_000],
      ['peak', 2, 60_000],
    ]);
  });

  it('opening intervals of the day span 23 hours', () => {
    expect(openingIntervalsOn('2026-03-08', nyRules())).toEqual([
      { start: '2026-03-08T00:00:00.000-05:00', end: '2026-03-09T00:00:00.000-04:00' },
    ]);
  });

  it('advance days count local dates across the jump', () => {
    const now = '2026-03-08T04:30:00Z'; // 23:30 EST on 7 March
    expect(
      codes(evaluate('2026-03-08T14:00:00Z', '2026-03-08T15:00:00Z', { maxAdvanceDays: 1 }, now)),
    ).toEqual([]);
    expect(
      codes(evaluate('2026-03-09T14:00:00Z', '2026-03-09T15:00:00Z', { maxAdvanceDays: 1 }, now)),
    ).toEqual(['too_far_ahead']);
  });
});

describe('DST — fall back, New York 2026-11-01', () => {
  it('the repeated hour 01:00 EDT → 01:00 EST is one real hour on the grid', () => {
    const result = evaluate('2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z', {}, '2026-10-01T00:00:00Z');
    expect(result.ok).toBe(true);
    expect(result.quote.lines[0]).toMatchObject({ quantity: 1, amount: 10_000 });
  });

  it('the second 01:30 (EST) is on a 30-min grid', () => {
    expect(
      codes(
        evaluate(
          '2026-11-01T06:30:00Z',
          '2026-11-01T07:30:00Z',
          { slotStepMinutes: 30 },
          '2026-10-01T00:00:00Z',
        ),
      ),
    ).toEqual([]);
  });

  it('the whole day lasts 25 hours (hourly) and counts as one day (daily)', () => {
    const now = '2026-10-01T00:00:00Z';
    expect(evaluate('2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00', {}, now).quote.total).toBe(
      250_000,
    );
    const daily = evaluate(
      '2026-11-01T00:00:00-04:00',
      '2026-11-02T00:00:00-05:00',
      { pricing: { unit: 'day', rate: 50_000 } },
      now,
    );
    expect(daily.quote.lines[0]).toMatchObject({ quantity: 1, amount: 50_000 });
    const longer = evaluate(
      '2026-11-01T00:00:00-04:00',
      '2026-11-02T00:00:00-05:00',
      { maxDurationMinutes: 1440 },
      now,
    );
    expect(longer.violations.map((v) => [v.code, v.params['actualMinutes']])).toEqual([['too_long', 1500]]);
  });

  it.each([
    ['09:00–10:00 EST opens on time', '2026-11-01T14:00:00Z', '2026-11-01T15:00:00Z', []],
    [
      '08:00–09:00 EST is before opening',
      '2026-11-01T13:00:00Z',
      '2026-11-01T14:00:00Z',
      ['outside_opening_hours'],
    ],
    ['the day before, 13:00Z is 09:00 EDT: open', '2026-10-31T13:00:00Z', '2026-10-31T14:00:00Z', []],
    ['17:00–18:00 EST closes on time', '2026-11-01T22:00:00Z', '2026-11-01T23:00:00Z', []],
    [
      '18:00–19:00 EST is after closing',
      '2026-11-01T23:00:00Z',
      '2026-11-02T00:00:00Z',
      ['outside_opening_hours'],
    ],
  ])('opening hours 09:00–18:00 on the wall clock: %s', (_name, start, end, expected) => {
    expect(
      codes(evaluate(start, end, { openingHours: everyDay('09:00', '18:00') }, '2026-10-01T00:00:00Z')),
    ).toEqual(expected);
  });

  it('opening intervals of the day span 25 hours', () => {
    expect(openingIntervalsOn('2026-11-01', nyRules())).toEqual([
      { start: '2026-11-01T00:00:00.000-04:00', end: '2026-11-02T00:00:00.000-05:00' },
    ]);
  });
});
