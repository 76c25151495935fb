import {
  addDays,
  isClosedOn,
  isoWeekdayOf,
  localDateIn,
  offsetOn,
  openDayAhead,
  type DayRules,
} from './open-days';

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '22:00' }));
const rules: DayRules = {
  timeZone: 'Asia/Seoul',
  openingHours: [...weekdays, { weekday: 6, open: '10:00', close: '18:00' }],
  closures: [
    { from: '2026-12-25', to: '2026-12-25' },
    { from: '2027-01-01', to: '2027-01-01' },
  ],
};
// Thursday 3 December 2026, 09:00 in Seoul (00:00 UTC).
const now = new Date('2026-12-03T00:00:00Z');

describe('openDayAhead', () => {
  it('counts days on the wall clock of the rules’ zone', () => {
    expect(localDateIn('Asia/Seoul', new Date('2026-12-02T15:30:00Z'))).toBe('2026-12-03');
    expect(localDateIn('UTC', new Date('2026-12-02T15:30:00Z'))).toBe('2026-12-02');
    expect(isoWeekdayOf('2026-12-03')).toBe(4);
    expect(isoWeekdayOf('2026-12-06')).toBe(7);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isClosedOn(rules, '2026-12-25')).toBe(true);
    expect(isClosedOn(rules, '2026-12-24')).toBe(false);
  });

  it('writes the zone’s offset of that date, summer time included', () => {
    expect(offsetOn('Asia/Seoul', '2026-12-03')).toBe('+09:00');
    expect(offsetOn('UTC', '2026-12-03')).toBe('+00:00');
    expect(offsetOn('Europe/Berlin', '2026-12-03')).toBe('+01:00');
    expect(offsetOn('Europe/Berlin', '2026-07-03')).toBe('+02:00');
  });

  it('takes the day itself when it is an open weekday', () => {
    expect(openDayAhead(rules, 5, { now })).toBe('2026-12-08');
  });

  it('moves past a weekend, and past a holiday that falls on a weekday', () => {
    expect(openDayAhead(rules, 2, { now })).toBe('2026-12-07');
    expect(openDayAhead(rules, 22, { now })).toBe('2026-12-28');
    expect(openDayAhead(rules, 29, { now })).toBe('2027-01-04');
  });

  it('keeps to the weekdays asked for and to the opening hours of the time asked for', () => {
    expect(openDayAhead(rules, 22, { now, weekdays: [5] })).toBe('2027-01-08');
    expect(openDayAhead(rules, 2, { now, weekdays: [6, 7] })).toBe('2026-12-05');
    expect(openDayAhead(rules, 2, { now, weekdays: [1, 6], from: '17:00', to: '19:00' })).toBe('2026-12-07');
  });

  it('says so when no day in a year fits', () => {
    expect(() => openDayAhead(rules, 1, { now, weekdays: [7] })).toThrow(/no open day/);
  });
});
