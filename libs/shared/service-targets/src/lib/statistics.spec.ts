import { officeCalendar } from './calendar';
import { median, monthlyStatistics, responseStatistics, type ServiceRecord } from './statistics';

const seoul = officeCalendar('Asia/Seoul');
const now = '2026-12-01T12:00:00+09:00';

const records: ServiceRecord[] = [
  // answered within 60 working minutes, on time
  {
    receivedAt: '2026-11-23T10:00:00+09:00',
    deadline: '2026-11-23T13:00:00+09:00',
    respondedAt: '2026-11-23T11:00:00+09:00',
  },
  // Friday night, answered Monday 10:00: 60 working minutes, 2 days 12 hours on the clock
  {
    receivedAt: '2026-11-27T22:00:00+09:00',
    deadline: '2026-11-30T12:00:00+09:00',
    respondedAt: '2026-11-30T10:00:00+09:00',
  },
  // answered late: 240 working minutes
  {
    receivedAt: '2026-11-24T09:00:00+09:00',
    deadline: '2026-11-24T12:00:00+09:00',
    respondedAt: '2026-11-24T13:00:00+09:00',
  },
  // open, past its deadline
  { receivedAt: '2026-11-26T09:00:00+09:00', deadline: '2026-11-26T12:00:00+09:00', respondedAt: null },
  // open, not yet due
  { receivedAt: '2026-12-01T11:00:00+09:00', deadline: '2026-12-01T14:00:00+09:00' },
];

describe('responseStatistics', () => {
  it('counts outcomes, the share on time over known outcomes, and medians over answers', () => {
    expect(responseStatistics(records, seoul, now)).toEqual({
      count: 5,
      responded: 3,
      met: 2,
      missed: 1,
      openLate: 1,
      openOnTime: 1,
      onTimeShare: 0.5,
      medianResponseWorkingMinutes: 60,
      medianResponseMinutes: 240,
    });
  });

  it('has no share or median without data', () => {
    expect(responseStatistics([], seoul, now)).toMatchObject({
      count: 0,
      onTimeShare: null,
      medianResponseWorkingMinutes: null,
    });
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('monthlyStatistics', () => {
  it('groups by the local month of receipt in the calendar’s zone', () => {
    const april = {
      receivedAt: '2026-04-01T08:00:00+09:00',
      deadline: '2026-04-01T12:00:00+09:00',
      respondedAt: '2026-04-01T09:30:00+09:00',
    };
    const march = {
      receivedAt: '2026-03-31T17:00:00+09:00',
      deadline: '2026-04-01T11:00:00+09:00',
      respondedAt: '2026-04-01T12:00:00+09:00',
    };
    const result = monthlyStatistics([april, march, ...records], seoul, now);
    expect(result.map((m) => [m.month, m.statistics.count, m.statistics.onTimeShare])).toEqual([
      ['2026-03', 1, 0],
      ['2026-04', 1, 1],
      ['2026-11', 4, 0.5],
      ['2026-12', 1, null],
    ]);
    // 2026-04-01T08:00+09:00 is still March in UTC: grouping follows the zone, not UTC.
    expect(monthlyStatistics([april], officeCalendar('UTC'), now)[0].month).toBe('2026-03');
  });
});
