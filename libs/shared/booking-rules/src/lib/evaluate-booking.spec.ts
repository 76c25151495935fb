import { VIOLATION_CODES } from './violations';
import { chairs, codes, projector, resident, roomA, run, type Scenario } from '../testing/fixtures';

const day = (date: string, from: string, to: string) => ({
  start: `${date}T${from}:00+09:00`,
  end: `${date}T${to}:00+09:00`,
});

// Every row: a scenario and exactly the violation codes it must produce ([] = accepted).
const cases: [string, Scenario, string[]][] = [
  ['baseline request passes', {}, []],
  // request-wide
  ['unreadable start → invalid_time', { request: { start: 'tomorrow 10am' } }, ['invalid_time']],
  ['start without offset → invalid_time', { request: { start: '2026-06-02T10:00:00' } }, ['invalid_time']],
  ['end equal to start → invalid_range', { request: day('2026-06-02', '10:00', '10:00') }, ['invalid_range']],
  ['end before start → invalid_range', { request: day('2026-06-02', '12:00', '10:00') }, ['invalid_range']],
  ['start in the past → in_the_past only', { request: day('2026-05-30', '10:00', '12:00') }, ['in_the_past']],
  [
    'start exactly now is not past, but notice fails',
    { now: '2026-06-02T10:00:00+09:00' },
    ['notice_too_short'],
  ],
  ['no items → no_items', { request: { items: [] } }, ['no_items']],
  [
    'same asset twice → duplicate_item',
    {
      request: {
        items: [
          { assetId: 'room-a', quantity: 1 },
          { assetId: 'room-a', quantity: 1 },
        ],
      },
    },
    ['duplicate_item'],
  ],
  ['negative attendees → attendees_invalid', { request: { attendees: -1 } }, ['attendees_invalid']],
  ['fractional attendees → attendees_invalid', { request: { attendees: 2.5 } }, ['attendees_invalid']],
  ['zero attendees is fine', { request: { attendees: 0 } }, []],
  ['group the actor belongs to passes', { request: { groupId: 'g1' } }, []],
  ['foreign group → group_not_member', { request: { groupId: 'g9' } }, ['group_not_member']],
  // assets
  [
    'unknown asset → asset_unknown',
    { request: { items: [{ assetId: 'nope', quantity: 1 }] } },
    ['asset_unknown'],
  ],
  ['inactive asset → asset_inactive', { assets: [roomA({}, { active: false })] }, ['asset_inactive']],
  // eligibility
  [
    'role-restricted asset refuses a resident',
    { assets: [roomA({ eligibility: { roles: ['approver'] } })] },
    ['not_eligible'],
  ],
  [
    'role-restricted asset accepts the role',
    {
      assets: [roomA({ eligibility: { roles: ['approver'] } })],
      actor: { ...resident, roles: ['resident', 'approver'] },
    },
    [],
  ],
  [
    'group-kind asset accepts a request for that kind of group',
    { assets: [roomA({ eligibility: { groupKinds: ['resident_team'] } })], request: { groupId: 'g1' } },
    [],
  ],
  [
    'group-kind asset refuses a personal request from a team member',
    { assets: [roomA({ eligibility: { groupKinds: ['resident_team'] } })] },
    ['not_eligible'],
  ],
  [
    'group-kind asset refuses a request for another kind of group',
    { assets: [roomA({ eligibility: { groupKinds: ['resident_team'] } })], request: { groupId: 'g2' } },
    ['not_eligible'],
  ],
  [
    'roles and group kinds: either suffices (role)',
    {
      assets: [roomA({ eligibility: { roles: ['resident'], groupKinds: ['partner_org'] } })],
    },
    [],
  ],
  [
    'roles and group kinds: either suffices (group)',
    {
      assets: [roomA({ eligibility: { roles: ['admin'], groupKinds: ['ngo'] } })],
      request: { groupId: 'g2' },
    },
    [],
  ],
  // opening hours
  [
    'Sunday → outside_opening_hours',
    { request: day('2026-06-07', '10:00', '12:00') },
    ['outside_opening_hours'],
  ],
  [
    'before opening → outside_opening_hours',
    { request: day('2026-06-02', '08:00', '10:00') },
    ['outside_opening_hours'],
  ],
  [
    'past closing → outside_opening_hours',
    { request: day('2026-06-02', '21:00', '23:00') },
    ['outside_opening_hours'],
  ],
  [
    'exactly opening to closing passes',
    { assets: [roomA({ maxDurationMinutes: 780 })], request: day('2026-06-02', '09:00', '22:00') },
    [],
  ],
  ['no opening hours at all → closed', { assets: [roomA({ openingHours: [] })] }, ['outside_opening_hours']],
  [
    'gap between two spans of one day → outside_opening_hours',
    {
      assets: [
        roomA({
          openingHours: [
            { weekday: 2, open: '09:00', close: '12:00' },
            { weekday: 2, open: '13:00', close: '18:00' },
          ],
        }),
      ],
      request: day('2026-06-02', '11:00', '14:00'),
    },
    ['outside_opening_hours'],
  ],
  [
    'across midnight when one day closes 24:00 and the next opens 00:00',
    {
      assets: [
        roomA({
          openingHours: [
            { weekday: 2, open: '18:00', close: '24:00' },
            { weekday: 3, open: '00:00', close: '02:00' },
          ],
        }),
      ],
      request: { start: '2026-06-02T23:00:00+09:00', end: '2026-06-03T01:00:00+09:00' },
    },
    [],
  ],
  // closures
  [
    'closure on the day → closed_on_date',
    {
      assets: [
        roomA({
          closures: [
            { from: '2026-06-02', to: '2026-06-03', reason: { ko: '시설 점검', en: 'maintenance' } },
          ],
        }),
      ],
    },
    ['closed_on_date'],
  ],
  [
    'closure ending the day before passes',
    {
      assets: [
        roomA({
          closures: [{ from: '2026-05-25', to: '2026-06-01', reason: { ko: '점검', en: 'maintenance' } }],
        }),
      ],
    },
    [],
  ],
  // slot step
  [
    'quarter past with 30-min step → misaligned_to_slot',
    { request: day('2026-06-02', '10:15', '12:15') },
    ['misaligned_to_slot'],
  ],
  [
    'quarter past with 15-min step passes',
    { assets: [roomA({ slotStepMinutes: 15 })], request: day('2026-06-02', '10:15', '12:15') },
    [],
  ],
  [
    'seconds off the grid → misaligned_to_slot',
    { request: { start: '2026-06-02T10:00:30+09:00', end: '2026-06-02T12:00:30+09:00' } },
    ['misaligned_to_slot'],
  ],
  [
    'step counted from local midnight, not UTC (2-h step, 10:00 KST = 01:00Z)',
    { assets: [roomA({ slotStepMinutes: 120 })], request: day('2026-06-02', '10:00', '12:00') },
    [],
  ],
  [
    'step from local midnight: 09:00 KST (= 00:00Z) is not on a 2-h grid',
    { assets: [roomA({ slotStepMinutes: 120 })], request: day('2026-06-02', '09:00', '11:00') },
    ['misaligned_to_slot'],
  ],
  // duration
  [
    'shorter than minimum → too_short',
    { assets: [roomA({ minDurationMinutes: 60 })], request: day('2026-06-02', '10:00', '10:30') },
    ['too_short'],
  ],
  [
    'exactly minimum passes',
    { assets: [roomA({ minDurationMinutes: 60 })], request: day('2026-06-02', '10:00', '11:00') },
    [],
  ],
  ['longer than maximum → too_long', { request: day('2026-06-02', '10:00', '14:30') }, ['too_long']],
  ['exactly maximum passes', { request: day('2026-06-02', '10:00', '14:00') }, []],
  [
    'an end centuries away → range_too_long, nothing walked',
    { request: { start: '2026-06-02T10:00:00+09:00', end: '2626-06-02T10:00:00+09:00' } },
    ['range_too_long'],
  ],
  [
    'two no-shows in the last 30 days under a suspend-after-2 rule → no_show_suspended',
    {
      assets: [
        roomA({ noShowAfterMinutes: 15, noShowLimit: { count: 2, periodDays: 30, consequence: 'suspend' } }),
      ],
      noShows: ['2026-05-20T10:00:00+09:00', '2026-05-31T10:00:00+09:00'],
    },
    ['no_show_suspended'],
  ],
  [
    'one no-show in the period and one older than it leave self-service open',
    {
      assets: [
        roomA({ noShowAfterMinutes: 15, noShowLimit: { count: 2, periodDays: 30, consequence: 'suspend' } }),
      ],
      noShows: ['2026-04-01T10:00:00+09:00', '2026-05-31T10:00:00+09:00'],
    },
    [],
  ],
  [
    'a fourth pending request on an asset that needs approval → too_many_pending',
    { assets: [roomA({ approval: { required: true } })], pendingByAsset: { 'room-a': 3 } },
    ['too_many_pending'],
  ],
  [
    'two pending requests leave room for a third',
    { assets: [roomA({ approval: { required: true } })], pendingByAsset: { 'room-a': 2 } },
    [],
  ],
  // booking window
  [
    '30 min ahead with 60 min notice → notice_too_short',
    { now: '2026-06-02T09:30:00+09:00' },
    ['notice_too_short'],
  ],
  ['exactly the notice passes', { now: '2026-06-02T09:00:00+09:00' }, []],
  [
    'role override lowers the notice',
    {
      now: '2026-06-02T09:45:00+09:00',
      assets: [roomA({ windowOverrides: [{ roles: ['resident'], minNoticeMinutes: 0 }] })],
    },
    [],
  ],
  [
    'group-kind override only counts for the request group',
    {
      now: '2026-06-02T09:45:00+09:00',
      assets: [roomA({ windowOverrides: [{ groupKinds: ['resident_team'], minNoticeMinutes: 0 }] })],
    },
    ['notice_too_short'],
  ],
  [
    'most generous matching override wins',
    {
      now: '2026-06-02T09:45:00+09:00',
      request: { groupId: 'g1' },
      assets: [
        roomA({
          windowOverrides: [
            { roles: ['resident'], minNoticeMinutes: 30 },
            { groupKinds: ['resident_team'], minNoticeMinutes: 10 },
            { roles: ['admin'], minNoticeMinutes: 0 },
          ],
        }),
      ],
    },
    [],
  ],
  ['last bookable local day passes (30 days)', { request: day('2026-07-01', '10:00', '12:00') }, []],
  ['one day later → too_far_ahead', { request: day('2026-07-02', '10:00', '12:00') }, ['too_far_ahead']],
  [
    'advance override for resident teams',
    {
      request: { ...day('2026-07-02', '10:00', '12:00'), groupId: 'g1' },
      assets: [roomA({ windowOverrides: [{ groupKinds: ['resident_team'], maxAdvanceDays: 60 }] })],
    },
    [],
  ],
  [
    'advance counts local dates: 23:30 KST tonight + 1 day is tomorrow in Seoul',
    {
      now: '2026-06-01T23:30:00+09:00',
      assets: [roomA({ maxAdvanceDays: 1 })],
      request: day('2026-06-02', '20:00', '22:00'),
    },
    [],
  ],
  [
    'advance counts local dates: the day after tomorrow is too far',
    {
      now: '2026-06-01T23:30:00+09:00',
      assets: [roomA({ maxAdvanceDays: 1 })],
      request: day('2026-06-03', '10:00', '12:00'),
    },
    ['too_far_ahead'],
  ],
  // capacity and quantity
  ['13 attendees in a 12-person room → over_capacity', { request: { attendees: 13 } }, ['over_capacity']],
  ['12 attendees fit', { request: { attendees: 12 } }, []],
  [
    'capacity only applies to spaces',
    { assets: [projector()], request: { items: [{ assetId: 'projector', quantity: 1 }], attendees: 300 } },
    [],
  ],
  [
    'whole pool passes',
    { assets: [chairs()], request: { items: [{ assetId: 'chairs', quantity: 20 }] } },
    [],
  ],
  [
    'pool quantity 0',
    { assets: [chairs()], request: { items: [{ assetId: 'chairs', quantity: 0 }] } },
    ['quantity_invalid'],
  ],
  [
    'pool quantity above size',
    { assets: [chairs()], request: { items: [{ assetId: 'chairs', quantity: 21 }] } },
    ['quantity_invalid'],
  ],
  [
    'pool quantity fractional',
    { assets: [chairs()], request: { items: [{ assetId: 'chairs', quantity: 1.5 }] } },
    ['quantity_invalid'],
  ],
  [
    'single item quantity 2',
    { assets: [projector()], request: { items: [{ assetId: 'projector', quantity: 2 }] } },
    ['quantity_invalid'],
  ],
  ['space quantity 2', { request: { items: [{ assetId: 'room-a', quantity: 2 }] } }, ['quantity_invalid']],
];

describe('evaluateBooking — one rule at a time', () => {
  it.each(cases)('%s', (_name, s, expected) => {
    const result = run(s);
    expect(codes(result)).toEqual([...expected].sort());
    expect(result.ok).toBe(expected.length === 0);
  });

  it('covers every booking violation code with a failing case', () => {
    const covered = new Set(cases.flatMap(([, , expected]) => expected));
    const bookingCodes = VIOLATION_CODES.filter(
      (c) => !['cancel_after_start', 'quota_bookings_exceeded', 'quota_hours_exceeded'].includes(c),
    );
    expect(bookingCodes.filter((c) => !covered.has(c))).toEqual([]);
  });
});
