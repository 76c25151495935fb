import fc from 'fast-check';
import { officeCalendar, validateCalendar, type WorkingCalendar } from './calendar';
import {
  addWorkingMinutes,
  endOfWorkingDay,
  workingMillisBetween,
  workingMinutesBetween,
} from './working-time';

const seoul = officeCalendar('Asia/Seoul');

describe('workingMinutesBetween (the approval queue’s cases, unchanged)', () => {
  it.each([
    ['same working morning', '2026-11-23T10:00:00+09:00', '2026-11-23T11:30:00+09:00', 90],
    ['before opening counts from 09:00', '2026-11-23T07:00:00+09:00', '2026-11-23T10:00:00+09:00', 60],
    ['overnight counts only working hours', '2026-11-23T17:00:00+09:00', '2026-11-24T10:00:00+09:00', 120],
    ['a weekend counts nothing', '2026-11-28T10:00:00+09:00', '2026-11-29T20:00:00+09:00', 0],
    ['Friday afternoon to Monday morning', '2026-11-27T17:00:00+09:00', '2026-11-30T09:30:00+09:00', 90],
    ['a full working day is 540 minutes', '2026-11-23T09:00:00+09:00', '2026-11-23T18:00:00+09:00', 540],
    ['backwards is zero', '2026-11-24T10:00:00+09:00', '2026-11-23T10:00:00+09:00', 0],
  ])('%s', (_name, from, to, expected) => {
    expect(workingMinutesBetween(new Date(from), new Date(to), seoul)).toBe(expected);
    expect(workingMinutesBetween(from, to, seoul)).toBe(expected);
  });

  it('skips public holidays passed in', () => {
    const chuseok = officeCalendar('Asia/Seoul', ['2026-09-24', '2026-09-25']);
    expect(workingMinutesBetween('2026-09-23T17:00:00+09:00', '2026-09-28T10:00:00+09:00', chuseok)).toBe(
      120,
    );
    expect(workingMinutesBetween('2026-09-23T17:00:00+09:00', '2026-09-28T10:00:00+09:00', seoul)).toBe(
      120 + 2 * 540,
    );
  });

  it('counts split hours (a lunch break) and a 24-hour desk through DST days (23 h and 25 h)', () => {
    const lunch: WorkingCalendar = {
      timeZone: 'Asia/Seoul',
      week: {
        1: [
          { start: '13:00', end: '18:00' },
          { start: '09:00', end: '12:00' },
        ],
      },
      holidays: [],
    };
    expect(workingMinutesBetween('2026-11-23T08:00:00+09:00', '2026-11-23T20:00:00+09:00', lunch)).toBe(480);
    expect(workingMinutesBetween('2026-11-23T11:30:00+09:00', '2026-11-23T13:30:00+09:00', lunch)).toBe(60);
    const allDay = [{ start: '00:00', end: '24:00' }];
    const desk: WorkingCalendar = {
      timeZone: 'Europe/Berlin',
      week: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay },
      holidays: [],
    };
    expect(workingMinutesBetween('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', desk)).toBe(
      23 * 60,
    );
    expect(workingMinutesBetween('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', desk)).toBe(
      25 * 60,
    );
  });

  it('refuses an instant without an offset rather than guess the zone', () => {
    expect(() => workingMinutesBetween('2026-11-23T10:00:00', '2026-11-23T11:00:00+09:00', seoul)).toThrow(
      RangeError,
    );
  });
});

describe('addWorkingMinutes', () => {
  it.each([
    ['within the day', '2026-11-23T10:00:00+09:00', 180, '2026-11-23T04:00:00.000Z'],
    [
      'runs out exactly at closing: ends at closing',
      '2026-11-23T15:00:00+09:00',
      180,
      '2026-11-23T09:00:00.000Z',
    ],
    ['carries over the night', '2026-11-23T16:00:00+09:00', 180, '2026-11-24T01:00:00.000Z'],
    ['after-hours Friday: starts Monday 09:00', '2026-11-27T20:00:00+09:00', 180, '2026-11-30T03:00:00.000Z'],
    ['Saturday: starts Monday', '2026-11-28T11:00:00+09:00', 60, '2026-11-30T01:00:00.000Z'],
    ['zero is the receipt itself', '2026-11-28T11:00:00+09:00', 0, '2026-11-28T02:00:00.000Z'],
  ])('%s', (_name, from, minutes, expected) => {
    expect(addWorkingMinutes(from, minutes, seoul)).toBe(expected);
  });

  it('New York across the spring DST change: Friday 17:00 EST + 3 h = Monday 11:00 EDT', () => {
    expect(addWorkingMinutes('2026-03-06T17:00:00-05:00', 180, officeCalendar('America/New_York'))).toBe(
      '2026-03-09T15:00:00.000Z',
    );
    expect(addWorkingMinutes('2026-10-30T17:00:00-04:00', 180, officeCalendar('America/New_York'))).toBe(
      '2026-11-02T16:00:00.000Z',
    );
  });

  it('gives up clearly on a calendar without working time', () => {
    expect(() =>
      addWorkingMinutes('2026-11-23T10:00:00+09:00', 60, { timeZone: 'Asia/Seoul', week: {}, holidays: [] }),
    ).toThrow(/No working time/);
  });
});

describe('endOfWorkingDay', () => {
  it.each([
    [
      'Wednesday morning, 3 days: Thu, Fri, Mon',
      '2026-11-25T10:00:00+09:00',
      3,
      false,
      '2026-11-30T09:00:00.000Z',
    ],
    [
      'counting the receipt day: Wed, Thu, Fri',
      '2026-11-25T10:00:00+09:00',
      3,
      true,
      '2026-11-27T09:00:00.000Z',
    ],
    [
      'received after closing, the day does not count',
      '2026-11-25T19:00:00+09:00',
      3,
      true,
      '2026-11-30T09:00:00.000Z',
    ],
    ['received on Saturday', '2026-11-28T10:00:00+09:00', 1, true, '2026-11-30T09:00:00.000Z'],
  ])('%s', (_name, from, days, include, expected) => {
    expect(endOfWorkingDay(from, days, seoul, include)).toBe(expected);
  });

  it('skips holidays', () => {
    expect(
      endOfWorkingDay(
        '2026-09-23T10:00:00+09:00',
        1,
        officeCalendar('Asia/Seoul', ['2026-09-24', '2026-09-25']),
      ),
    ).toBe('2026-09-28T09:00:00.000Z');
  });
});

describe('validateCalendar', () => {
  it('accepts the office calendar', () =>
    expect(validateCalendar(officeCalendar('Asia/Seoul', ['2026-01-01']))).toEqual([]));

  it.each([
    [{ timeZone: 'Nowhere/City' }, 'invalid_time_zone', 'timeZone'],
    [{ week: { 1: [{ start: '18:00', end: '09:00' }] } }, 'invalid_hours', 'week.1'],
    [
      {
        week: {
          2: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '18:00' },
          ],
        },
      },
      'invalid_hours',
      'week.2',
    ],
    [{ week: { 3: [{ start: '9:00', end: '18:00' }] } }, 'invalid_hours', 'week.3'],
    [{ week: {} }, 'no_working_time', 'week'],
    [{ holidays: ['2026-02-30'] }, 'invalid_holiday', 'holidays[0]'],
    [{ dayMinutes: 0 }, 'invalid_day_minutes', 'dayMinutes'],
  ])('%j → %s', (overrides, code, field) => {
    const problems = validateCalendar({
      ...officeCalendar('Asia/Seoul'),
      ...(overrides as Partial<WorkingCalendar>),
    });
    expect(problems).toContainEqual({
      code,
      field,
      message: { ko: expect.stringMatching(/[가-힣]/), en: expect.any(String) },
    });
  });
});

describe('properties', () => {
  const calendar = fc
    .record({
      timeZone: fc.constantFrom('Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'),
      holidays: fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 10 }),
      open: fc.integer({ min: 0, max: 12 }),
      length: fc.integer({ min: 1, max: 12 }),
      weekend: fc.boolean(),
    })
    .map(({ timeZone, holidays, open, length, weekend }): WorkingCalendar => {
      const hours = [
        { start: `${String(open).padStart(2, '0')}:00`, end: `${String(open + length).padStart(2, '0')}:00` },
      ];
      return {
        timeZone,
        week: { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, ...(weekend ? { 6: hours } : {}) },
        holidays: holidays.map((d) => new Date(Date.UTC(2026, 1, 15 + d)).toISOString().slice(0, 10)),
      };
    });
  const instant = fc.integer({ min: Date.UTC(2026, 1, 15), max: Date.UTC(2026, 5, 1) });

  it('addWorkingMinutes is the earliest instant with exactly that much working time since the start', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 5000 }), (cal, from, minutes) => {
        const end = Date.parse(addWorkingMinutes(from, minutes, cal));
        expect(workingMillisBetween(from, end, cal)).toBe(minutes * 60_000);
        if (minutes > 0) expect(workingMillisBetween(from, end - 1, cal)).toBe(minutes * 60_000 - 1);
      }),
      { numRuns: 200 },
    );
  });

  it('working time is additive over any middle point and never exceeds clock time', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (cal, a, b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q);
        expect(workingMillisBetween(x, z, cal)).toBe(
          workingMillisBetween(x, y, cal) + workingMillisBetween(y, z, cal),
        );
        expect(workingMillisBetween(x, z, cal)).toBeLessThanOrEqual(z - x);
      }),
      { numRuns: 200 },
    );
  });
});
