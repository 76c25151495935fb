import { DEFAULT_RULES } from './rules';
import { evaluateBooking } from './evaluate-booking';
import { codes, projector, resident, roomA, run, scenario, type Scenario } from '../testing/fixtures';

const day = (date: string, from: string, to: string) => ({
  start: `${date}T${from}:00+09:00`,
  end: `${date}T${to}:00+09:00`,
});

describe('evaluateBooking — collecting and wording', () => {
  it('collects every violation instead of stopping at the first', () => {
    const result = run({
      now: '2026-06-07T09:30:00+09:00',
      request: { ...day('2026-06-07', '10:15', '16:15'), attendees: 40, groupId: 'g9' },
      assets: [roomA({ eligibility: { roles: ['approver'] } })],
    });
    expect(codes(result)).toEqual(
      [
        'group_not_member',
        'misaligned_to_slot',
        'not_eligible',
        'notice_too_short',
        'outside_opening_hours',
        'over_capacity',
        'too_long',
      ].sort(),
    );
  });

  it('names the asset and the closed weekday', () => {
    const [v] = run({ request: day('2026-06-07', '10:00', '12:00') }).violations;
    expect(v).toMatchObject({
      code: 'outside_opening_hours',
      assetId: 'room-a',
      params: { weekday: 7, date: '2026-06-07' },
    });
    expect(v.message).toEqual({
      ko: '회의실 A은(는) 일요일에 문을 닫습니다.',
      en: 'Meeting Room A is closed on Sundays.',
    });
  });

  it('states the opening hours of that day when the booking runs past them', () => {
    const [v] = run({ request: day('2026-06-06', '17:00', '19:00') }).violations;
    expect(v.message).toEqual({
      ko: '회의실 A은(는) 토요일에는 09:00–18:00에만 이용할 수 있습니다.',
      en: 'Meeting Room A is open only 09:00–18:00 on Saturdays.',
    });
  });

  it('uses the proper Korean particle for Hangul names', () => {
    const hall = roomA({}, { name: { ko: '다목적 강당', en: 'Main hall' } });
    const [v] = run({ assets: [hall], request: { attendees: 99 } }).violations;
    expect(v.message.ko).toBe('다목적 강당은 최대 12명까지 이용할 수 있습니다(참석 인원 99명).');
    expect(v.message.en).toBe('Main hall holds at most 12 people (99 attendees).');
  });

  it('gives the closure reason', () => {
    const closures = [
      { from: '2026-06-02', to: '2026-06-02', reason: { ko: '현충일 대체 휴관', en: 'public holiday' } },
    ];
    const [v] = run({ assets: [roomA({ closures })] }).violations;
    expect(v.message).toEqual({
      ko: '회의실 A은(는) 2026년 6월 2일에 휴관합니다(현충일 대체 휴관).',
      en: 'Meeting Room A is closed on 2 June 2026 (public holiday).',
    });
  });

  it('names limits in durations people read', () => {
    const result = run({ request: day('2026-06-02', '10:00', '15:30') });
    expect(result.violations[0].message).toEqual({
      ko: '회의실 A은(는) 한 번에 최대 4시간까지 예약할 수 있습니다(요청: 5시간 30분).',
      en: 'Meeting Room A can be booked for at most 4 h at a time (requested 5 h 30 min).',
    });
    expect(result.violations[0].params).toEqual({ maxMinutes: 240, actualMinutes: 330 });
  });

  it('lists who may book a restricted asset', () => {
    const [v] = run({
      assets: [roomA({ eligibility: { roles: ['approver'], groupKinds: ['resident_team'] } })],
    }).violations;
    expect(v.message.en).toBe(
      'Meeting Room A can only be booked by: Approver (Foundation Development Team) or Resident team (booking for the group).',
    );
  });

  it('reports the last bookable day', () => {
    const [v] = run({ request: day('2026-07-02', '10:00', '12:00') }).violations;
    expect(v.params).toEqual({ maxAdvanceDays: 30, lastDate: '2026-07-01' });
    expect(v.message.en).toBe(
      'Meeting Room A can be booked at most 30 days ahead (last bookable day: 1 July 2026).',
    );
  });

  it('an inactive asset reports only that it is inactive', () => {
    const result = run({
      assets: [roomA({}, { active: false })],
      request: day('2026-06-07', '10:15', '12:00'),
    });
    expect(codes(result)).toEqual(['asset_inactive']);
  });

  it('throws on a malformed `now` (a programming error, not a resident mistake)', () => {
    expect(() => evaluateBooking(scenario({ now: 'yesterday' }))).toThrow(RangeError);
  });
});

describe('evaluateBooking — approval', () => {
  const needs = (approval: typeof DEFAULT_RULES.approval) => roomA({ approval });
  it.each<[string, Scenario, boolean]>([
    ['not required', { assets: [needs({ required: false })] }, false],
    ['required, no auto-approval', { assets: [needs({ required: true })] }, true],
    ['auto-approved role', { assets: [needs({ required: true, autoApproveRoles: ['resident'] })] }, false],
    [
      'other role does not help',
      { assets: [needs({ required: true, autoApproveRoles: ['approver'] })] },
      true,
    ],
    [
      'auto-approved group kind for the request group',
      {
        assets: [needs({ required: true, autoApproveGroupKinds: ['resident_team'] })],
        request: { groupId: 'g1' },
      },
      false,
    ],
    [
      'group kind does not count for a personal request',
      { assets: [needs({ required: true, autoApproveGroupKinds: ['resident_team'] })] },
      true,
    ],
    [
      'a group of another kind does not help',
      { assets: [needs({ required: true, autoApproveGroupKinds: ['ngo'] })], request: { groupId: 'g1' } },
      true,
    ],
    [
      'a group the actor is not a member of does not help',
      {
        assets: [needs({ required: true, autoApproveGroupKinds: ['resident_team'] })],
        actor: { ...resident, groups: [] },
        request: { groupId: 'g1' },
      },
      true,
    ],
    [
      'any asset needing approval makes the request need it',
      {
        assets: [needs({ required: false }), projector({ approval: { required: true } })],
        request: {
          items: [
            { assetId: 'room-a', quantity: 1 },
            { assetId: 'projector', quantity: 1 },
          ],
        },
      },
      true,
    ],
  ])('%s', (_name, s, expected) => {
    expect(run(s).approvalRequired).toBe(expected);
  });
});
