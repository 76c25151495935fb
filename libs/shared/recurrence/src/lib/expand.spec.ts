import { expandSeries, validateSeries } from './expand';
import { expand, keys, series } from '../testing/fixtures';
import type { SeriesDefinition, SeriesPattern, SeriesEnd } from './types';

describe('expandSeries: weekly', () => {
  it('"every Tuesday 19:00–21:00 for 12 weeks" in Seoul: 12 occurrences at 10:00Z', () => {
    const occurrences = expand(series());
    expect(occurrences).toHaveLength(12);
    expect(occurrences[0]).toEqual({
      key: '2026-03-03',
      index: 0,
      start: '2026-03-03T10:00:00.000Z',
      end: '2026-03-03T12:00:00.000Z',
      localStart: '2026-03-03T19:00',
      localEnd: '2026-03-03T21:00',
      startShifted: false,
    });
    expect(occurrences[11].key).toBe('2026-05-19');
    expect(occurrences.every((o) => o.start.endsWith('T10:00:00.000Z'))).toBe(true);
  });

  it('starts on the first matching date on or after the start date', () => {
    expect(keys(series({ startDate: '2026-03-04', end: { kind: 'count', count: 2 } }))).toEqual([
      '2026-03-10',
      '2026-03-17',
    ]);
  });

  it('every 2 weeks on Tuesday and Thursday, weeks counted from the start week (WKST=MO)', () => {
    const pattern: SeriesPattern = { kind: 'weekly', interval: 2, weekdays: [4, 2] };
    expect(keys(series({ pattern, end: { kind: 'count', count: 5 } }))).toEqual([
      '2026-03-03',
      '2026-03-05',
      '2026-03-17',
      '2026-03-19',
      '2026-03-31',
    ]);
    // Started on Thursday: that week's Tuesday is before the start and is not an occurrence.
    expect(keys(series({ startDate: '2026-03-05', pattern, end: { kind: 'count', count: 3 } }))).toEqual([
      '2026-03-05',
      '2026-03-17',
      '2026-03-19',
    ]);
  });

  it('until a local date, inclusive', () => {
    expect(keys(series({ end: { kind: 'until', until: '2026-03-17' } }))).toEqual([
      '2026-03-03',
      '2026-03-10',
      '2026-03-17',
    ]);
  });
});

describe('expandSeries across DST changes: the wall-clock time is kept, the UTC instant moves', () => {
  it.each([
    // America/New_York: DST from 2026-03-08, back on 2026-11-01.
    [
      'America/New_York',
      '2026-03-03',
      ['2026-03-04T00:00:00.000Z', '2026-03-10T23:00:00.000Z', '2026-03-17T23:00:00.000Z'],
    ],
    [
      'America/New_York',
      '2026-10-27',
      ['2026-10-27T23:00:00.000Z', '2026-11-04T00:00:00.000Z', '2026-11-11T00:00:00.000Z'],
    ],
    // Europe/Berlin: summer time from 2026-03-29, back on 2026-10-25.
    [
      'Europe/Berlin',
      '2026-03-24',
      ['2026-03-24T18:00:00.000Z', '2026-03-31T17:00:00.000Z', '2026-04-07T17:00:00.000Z'],
    ],
    [
      'Europe/Berlin',
      '2026-10-20',
      ['2026-10-20T17:00:00.000Z', '2026-10-27T18:00:00.000Z', '2026-11-03T18:00:00.000Z'],
    ],
    // Asia/Seoul has no DST.
    [
      'Asia/Seoul',
      '2026-03-24',
      ['2026-03-24T10:00:00.000Z', '2026-03-31T10:00:00.000Z', '2026-04-07T10:00:00.000Z'],
    ],
  ])('%s from %s (Tuesdays 19:00)', (timeZone, startDate, starts) => {
    const occurrences = expand(series({ timeZone, startDate, end: { kind: 'count', count: 3 } }));
    expect(occurrences.map((o) => o.start)).toEqual(starts);
    expect(occurrences.map((o) => o.localStart.slice(11))).toEqual(['19:00', '19:00', '19:00']);
    expect(occurrences.map((o) => o.localEnd.slice(11))).toEqual(['21:00', '21:00', '21:00']);
  });

  it('a start time that does not exist (02:30 on the spring-forward Sunday) moves forward by the gap', () => {
    const occurrences = expand(
      series({
        timeZone: 'America/New_York',
        startDate: '2026-03-01',
        startTime: '02:30',
        duration: { minutes: 60 },
        pattern: { kind: 'weekly', interval: 1, weekdays: [7] },
        end: { kind: 'count', count: 3 },
      }),
    );
    expect(occurrences.map((o) => [o.key, o.start, o.localStart, o.startShifted])).toEqual([
      ['2026-03-01', '2026-03-01T07:30:00.000Z', '2026-03-01T02:30', false],
      ['2026-03-08', '2026-03-08T07:30:00.000Z', '2026-03-08T03:30', true],
      ['2026-03-15', '2026-03-15T06:30:00.000Z', '2026-03-15T02:30', false],
    ]);
  });

  it('a start time that occurs twice (01:30 on the fall-back Sunday) is the first of the two (RFC 5545)', () => {
    const [, fallBack] = expand(
      series({
        timeZone: 'America/New_York',
        startDate: '2026-10-25',
        startTime: '01:30',
        duration: { minutes: 60 },
        pattern: { kind: 'weekly', interval: 1, weekdays: [7] },
        end: { kind: 'count', count: 2 },
      }),
    );
    expect(fallBack.start).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT, not 01:30 EST
    expect(fallBack.localStart).toBe('2026-11-01T01:30');
    expect(fallBack.startShifted).toBe(false);
  });

  it('days of duration are calendar days on the wall clock; minutes are elapsed time', () => {
    const [loan] = expand(
      series({
        timeZone: 'Europe/Berlin',
        startDate: '2026-03-27',
        startTime: '17:00',
        duration: { days: 3 },
        pattern: { kind: 'weekly', interval: 1, weekdays: [5] },
        end: { kind: 'count', count: 1 },
      }),
    );
    expect([loan.localStart, loan.localEnd]).toEqual(['2026-03-27T17:00', '2026-03-30T17:00']);
    expect(Date.parse(loan.end) - Date.parse(loan.start)).toBe((72 - 1) * 3_600_000);
    const [overnight] = expand(
      series({
        timeZone: 'Europe/Berlin',
        startDate: '2026-03-28',
        startTime: '22:00',
        duration: { minutes: 8 * 60 },
        pattern: { kind: 'weekly', interval: 1, weekdays: [6] },
        end: { kind: 'count', count: 1 },
      }),
    );
    expect(overnight.localEnd).toBe('2026-03-29T07:00');
  });
});

describe('expandSeries: monthly', () => {
  const monthly = (pattern: SeriesPattern, end: SeriesEnd = { kind: 'count', count: 5 }) =>
    keys(series({ startDate: '2026-01-01', pattern, end }));

  it('on the 31st: months without one are skipped (RFC 5545)', () => {
    expect(monthly({ kind: 'monthly-by-date', interval: 1, dayOfMonth: 31 })).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
      '2026-08-31',
    ]);
  });

  it('on the last day (-1), every month including February', () => {
    expect(
      monthly({ kind: 'monthly-by-date', interval: 1, dayOfMonth: -1 }, { kind: 'count', count: 4 }),
    ).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(
      keys(
        series({
          startDate: '2028-02-01',
          pattern: { kind: 'monthly-by-date', interval: 1, dayOfMonth: -1 },
          end: { kind: 'count', count: 1 },
        }),
      ),
    ).toEqual(['2028-02-29']);
  });

  it('on the 5th Tuesday: only months that have one', () => {
    expect(
      monthly(
        { kind: 'monthly-by-weekday', interval: 1, weekday: 2, ordinal: 5 },
        { kind: 'until', until: '2026-12-31' },
      ),
    ).toEqual(['2026-03-31', '2026-06-30', '2026-09-29', '2026-12-29']);
  });

  it('on the 2nd Tuesday every 3 months, and on the last Friday', () => {
    expect(
      monthly(
        { kind: 'monthly-by-weekday', interval: 3, weekday: 2, ordinal: 2 },
        { kind: 'count', count: 3 },
      ),
    ).toEqual(['2026-01-13', '2026-04-14', '2026-07-14']);
    expect(
      monthly(
        { kind: 'monthly-by-weekday', interval: 1, weekday: 5, ordinal: -1 },
        { kind: 'count', count: 3 },
      ),
    ).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
  });
});

describe('limits and validation', () => {
  it('refuses, never truncates, a series over the occurrence cap', () => {
    const result = expandSeries(
      series({
        pattern: { kind: 'weekly', interval: 1, weekdays: [1, 2, 3, 4, 5] },
        end: { kind: 'until', until: '2027-12-31' },
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: 'too_many_occurrences', field: 'end', params: { max: 260 } }],
    });
  });

  it('honours given limits and refuses a count-based series that spans too long', () => {
    const limits = { maxOccurrences: 10, maxSpanDays: 63 }; // 10 Tuesdays span 63 days
    expect(expandSeries(series({ end: { kind: 'count', count: 10 } }), limits).ok).toBe(true);
    expect(expandSeries(series({ end: { kind: 'count', count: 11 } }), limits)).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid_count', field: 'end.count' }],
    });
    expect(
      expandSeries(
        series({
          pattern: { kind: 'monthly-by-date', interval: 1, dayOfMonth: 3 },
          end: { kind: 'count', count: 4 },
        }),
        limits,
      ),
    ).toMatchObject({ ok: false, problems: [{ code: 'span_too_long', params: { max: 63 } }] });
    expect(expandSeries(series({ end: { kind: 'until', until: '2026-06-01' } }), limits)).toMatchObject({
      ok: false,
      problems: [{ code: 'span_too_long', field: 'end.until' }],
    });
  });

  it('refuses at once a monthly pattern that never comes within the span, and finds a rare one', () => {
    const yearly31 = { kind: 'monthly-by-date' as const, interval: 12, dayOfMonth: 31 };
    expect(
      expandSeries(series({ startDate: '2026-04-01', pattern: yearly31, end: { kind: 'count', count: 5 } })),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'no_occurrences', field: 'pattern' }],
    });
    const leapDay = { kind: 'monthly-by-date' as const, interval: 12, dayOfMonth: 29 };
    expect(
      keys(series({ startDate: '2027-02-01', pattern: leapDay, end: { kind: 'count', count: 1 } })),
    ).toEqual(['2028-02-29']);
    expect(
      expandSeries(series({ startDate: '2027-02-01', pattern: leapDay, end: { kind: 'count', count: 2 } })),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'span_too_long' }],
    });
    const fifthSundayOfFebruary = {
      kind: 'monthly-by-weekday' as const,
      interval: 12,
      weekday: 7 as const,
      ordinal: 5 as const,
    };
    expect(
      expandSeries(
        series({
          startDate: '2026-02-01',
          pattern: fifthSundayOfFebruary,
          end: { kind: 'until', until: '2027-12-31' },
        }),
      ),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'no_occurrences' }],
    });
  });

  it('says when nothing matches', () => {
    expect(
      expandSeries(
        series({
          startDate: '2026-04-01',
          pattern: { kind: 'monthly-by-date', interval: 1, dayOfMonth: 31 },
          end: { kind: 'until', until: '2026-04-30' },
        }),
      ),
    ).toMatchObject({ ok: false, problems: [{ code: 'no_occurrences' }] });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'invalid_time_zone', 'timeZone'],
    [{ startDate: '2026-02-30' }, 'invalid_start_date', 'startDate'],
    [{ startTime: '24:00' }, 'invalid_start_time', 'startTime'],
    [{ duration: {} }, 'invalid_duration', 'duration'],
    [{ duration: { minutes: -5 } }, 'invalid_duration', 'duration'],
    [{ duration: { minutes: 1.5 } }, 'invalid_duration', 'duration'],
    [{ pattern: { kind: 'weekly', interval: 0, weekdays: [2] } }, 'invalid_interval', 'pattern.interval'],
    [{ pattern: { kind: 'weekly', interval: 1, weekdays: [] } }, 'invalid_weekdays', 'pattern.weekdays'],
    [{ pattern: { kind: 'weekly', interval: 1, weekdays: [2, 2] } }, 'invalid_weekdays', 'pattern.weekdays'],
    [{ pattern: { kind: 'weekly', interval: 1, weekdays: [8] } }, 'invalid_weekdays', 'pattern.weekdays'],
    [
      { pattern: { kind: 'monthly-by-date', interval: 1, dayOfMonth: 32 } },
      'invalid_day_of_month',
      'pattern.dayOfMonth',
    ],
    [
      { pattern: { kind: 'monthly-by-date', interval: 1, dayOfMonth: 0 } },
      'invalid_day_of_month',
      'pattern.dayOfMonth',
    ],
    [
      { pattern: { kind: 'monthly-by-weekday', interval: 1, weekday: 2, ordinal: 6 } },
      'invalid_ordinal',
      'pattern.ordinal',
    ],
    [{ pattern: { kind: 'daily', interval: 1 } }, 'rrule_unsupported', 'pattern.kind'],
    [{ end: { kind: 'count', count: 0 } }, 'invalid_count', 'end.count'],
    [{ end: { kind: 'until', until: '2026-13-01' } }, 'invalid_until', 'end.until'],
    [{ end: { kind: 'until', until: '2026-03-02' } }, 'until_before_start', 'end.until'],
  ])('%j → %s on %s, with ko/en sentences', (overrides, code, field) => {
    const problems = validateSeries(series(overrides as Partial<SeriesDefinition>));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, field });
    expect(problems[0].message.ko).toMatch(/[가-힣]/);
    expect(problems[0].message.en).toMatch(/[a-z]/);
    expect(problems[0].message.en).not.toContain('{');
  });
});
