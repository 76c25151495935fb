import type { Quota, UsageEntry } from './types';
import { codes, roomA, run, type Scenario } from '../testing/fixtures';

// The request: Tuesday 2026-06-02 10:00–12:00 KST (ISO week Mon 2026-06-01 .. Sun 2026-06-07).
const booking = (start: string, end: string, extra: Partial<UsageEntry> = {}): UsageEntry => ({
  userId: 'u1',
  groupId: null,
  start,
  end,
  assetIds: ['room-a'],
  ...extra,
});
const withQuota = (quota: Quota, usage: UsageEntry[], extra: Scenario = {}): Scenario => ({
  assets: [roomA({ quotas: [quota] })],
  usage,
  ...extra,
});
const weekOnce: Quota = { scope: 'person', period: 'week', maxBookings: 1 };
const monthFourHours: Quota = { scope: 'person', period: 'month', maxHours: 4 };
const groupWeekOnce: Quota = { scope: 'group', period: 'week', maxBookings: 1 };

describe('quotas', () => {
  it.each<[string, Scenario, string[]]>([
    ['no earlier booking: the first of the week passes', withQuota(weekOnce, []), []],
    [
      'one earlier booking this week → quota_bookings_exceeded',
      withQuota(weekOnce, [booking('2026-06-04T10:00:00+09:00', '2026-06-04T11:00:00+09:00')]),
      ['quota_bookings_exceeded'],
    ],
    [
      'Sunday 23:30 KST belongs to the previous week',
      withQuota(weekOnce, [booking('2026-05-31T23:30:00+09:00', '2026-06-01T00:30:00+09:00')]),
      [],
    ],
    [
      'Monday 00:00 KST (still Sunday in UTC) is this week',
      withQuota(weekOnce, [booking('2026-05-31T15:00:00Z', '2026-05-31T16:00:00Z')]),
      ['quota_bookings_exceeded'],
    ],
    [
      'next Monday 00:00 KST is the next week',
      withQuota(weekOnce, [booking('2026-06-08T00:00:00+09:00', '2026-06-08T01:00:00+09:00')]),
      [],
    ],
    [
      'another person’s booking does not count for a person quota',
      withQuota(weekOnce, [
        booking('2026-06-04T10:00:00+09:00', '2026-06-04T11:00:00+09:00', { userId: 'u2' }),
      ]),
      [],
    ],
    [
      'a booking of another asset does not count',
      withQuota(weekOnce, [
        booking('2026-06-04T10:00:00+09:00', '2026-06-04T11:00:00+09:00', { assetIds: ['hall'] }),
      ]),
      [],
    ],
    [
      'my booking for a group counts for my person quota',
      withQuota(weekOnce, [
        booking('2026-06-04T10:00:00+09:00', '2026-06-04T11:00:00+09:00', { groupId: 'g1' }),
      ]),
      ['quota_bookings_exceeded'],
    ],
    [
      'group quota: a team-mate’s booking for the group counts',
      withQuota(
        groupWeekOnce,
        [booking('2026-06-03T10:00:00+09:00', '2026-06-03T11:00:00+09:00', { userId: 'u2', groupId: 'g1' })],
        {
          request: { groupId: 'g1' },
        },
      ),
      ['quota_bookings_exceeded'],
    ],
    [
      'group quota: another group’s booking does not count',
      withQuota(
        groupWeekOnce,
        [booking('2026-06-03T10:00:00+09:00', '2026-06-03T11:00:00+09:00', { userId: 'u2', groupId: 'g2' })],
        {
          request: { groupId: 'g1' },
        },
      ),
      [],
    ],
    [
      'group quota does not apply to a personal request',
      withQuota(groupWeekOnce, [
        booking('2026-06-03T10:00:00+09:00', '2026-06-03T11:00:00+09:00', { groupId: 'g1' }),
      ]),
      [],
    ],
    [
      'monthly hours: 2 h used + 2 h requested = 4 h passes',
      withQuota(monthFourHours, [booking('2026-06-20T10:00:00+09:00', '2026-06-20T12:00:00+09:00')]),
      [],
    ],
    [
      'monthly hours: 3 h used + 2 h requested → quota_hours_exceeded',
      withQuota(monthFourHours, [booking('2026-06-20T10:00:00+09:00', '2026-06-20T13:00:00+09:00')]),
      ['quota_hours_exceeded'],
    ],
    [
      'monthly hours: 31 May 21:00 KST is last month',
      withQuota(monthFourHours, [booking('2026-05-31T21:00:00+09:00', '2026-06-01T00:00:00+09:00')]),
      [],
    ],
    [
      'monthly hours: 1 June 00:00 KST (31 May in UTC) is this month',
      withQuota(monthFourHours, [booking('2026-05-31T15:00:00Z', '2026-05-31T18:00:00Z')]),
      ['quota_hours_exceeded'],
    ],
    [
      'monthly bookings and hours can both be exceeded',
      withQuota({ scope: 'person', period: 'month', maxBookings: 1, maxHours: 1 }, [
        booking('2026-06-10T10:00:00+09:00', '2026-06-10T11:00:00+09:00'),
      ]),
      ['quota_bookings_exceeded', 'quota_hours_exceeded'],
    ],
  ])('%s', (_name, s, expected) => {
    expect(codes(run(s))).toEqual(expected);
  });

  it('explains the limit and what is already used', () => {
    const result = run(
      withQuota(weekOnce, [booking('2026-06-04T10:00:00+09:00', '2026-06-04T11:00:00+09:00')]),
    );
    expect(result.violations[0]).toMatchObject({
      assetId: 'room-a',
      params: { scope: 'person', period: 'week', periodStart: '2026-06-01', limit: 1, used: 1 },
      message: {
        ko: '회의실 A은(는) 1인당 한 주에 1회까지 예약할 수 있습니다(이번 주 이미 1회).',
        en: 'Meeting Room A can be booked at most once per week per person (1 already this week).',
      },
    });
  });

  it('explains an hours quota', () => {
    const result = run(
      withQuota(monthFourHours, [booking('2026-06-20T10:00:00+09:00', '2026-06-20T13:30:00+09:00')]),
    );
    expect(result.violations[0].message).toEqual({
      ko: '회의실 A은(는) 1인당 한 달에 최대 4시간까지 예약할 수 있습니다(이번 달 이미 3시간 30분, 이번 요청 2시간).',
      en: 'Meeting Room A can be booked for at most 4 h per month per person (3 h 30 min already this month, 2 h requested).',
    });
  });
});
