import type { RentalRulesOverride } from '@madang/contracts';
import { describeRules } from './describe-rules';
import { DEFAULT_RULES } from './rules';

const doc: RentalRulesOverride = {
  closures: [
    { from: '2026-12-24', to: '2026-12-26', reason: { ko: '성탄 연휴', en: 'Christmas break' } },
    { from: '2027-01-01', to: '2027-01-01', reason: { ko: '신정', en: "New Year's Day" } },
  ],
  quotas: [
    { scope: 'person', period: 'week', maxBookings: 2 },
    { scope: 'group', period: 'month', maxBookings: 8, maxHours: 20 },
  ],
  windowOverrides: [{ roles: ['approver'], groupKinds: ['ngo'], maxAdvanceDays: 180, minNoticeMinutes: 0 }],
  eligibility: { groupKinds: ['resident_team'] },
  approval: { required: true, autoApproveRoles: ['operations'] },
  pricing: {
    unit: 'hour',
    rate: 20000,
    peak: [{ weekdays: [6, 1], from: '18:00', to: '22:00', rate: 30000 }],
    deposit: 50000,
    waivers: [
      {
        purposes: ['public_interest'],
        groupKinds: ['ngo'],
        percent: 100,
        label: { ko: '공익 감면', en: 'Public interest' },
      },
    ],
  },
  cancellation: { freeUntilHoursBefore: 24, feePercent: 50 },
  checkInOpensMinutesBefore: 20,
  noShowAfterMinutes: 15,
  noShowLimit: { count: 3, periodDays: 60, consequence: 'require_approval' },
  returnGraceMinutes: 90,
  waitlistOfferMinutes: 45,
};

/** Time-bound group privileges (the demo hall's resident-base waiver and its window). */
const tagged: RentalRulesOverride = {
  windowOverrides: [{ groupTags: ['resident_base'], maxAdvanceDays: 90 }],
  eligibility: { groupTags: ['resident_base'] },
  pricing: {
    waivers: [{ groupTags: ['resident_base'], percent: 100, label: { ko: '입주 팀', en: 'Resident base' } }],
  },
  noShowLimit: { count: 2, periodDays: 30, consequence: 'suspend' },
};

describe('describeRules (the rules editor preview)', () => {
  it.each([
    ['closures[0]', 'ko', '2026년 12월 24일 – 2026년 12월 26일에는 닫습니다 (성탄 연휴).'],
    ['closures[0]', 'en', 'Closed 24 December 2026 – 26 December 2026 (Christmas break).'],
    ['closures[1]', 'en', "Closed 1 January 2027 (New Year's Day)."],
    ['quotas[0]', 'ko', '한 사람은 한 주에 최대 2건까지 예약할 수 있습니다.'],
    ['quotas[1]', 'en', 'Each group may book at most 8 bookings and 20 hours per month.'],
    [
      'windowOverrides[0]',
      'en',
      'Approver (Foundation Development Team) or bookings for a NGO may book up to 0 min before the start and up to 180 days ahead.',
    ],
    ['eligibility', 'ko', '주민 팀 예약만 예약할 수 있습니다.'],
    ['approval', 'en', 'Requests need an approver’s decision. Operations (Finance): confirmed at once.'],
    ['pricing.rate', 'ko', '한 시간에 20,000원입니다.'],
    ['pricing.peak[0]', 'en', 'Mondays or Saturdays 18:00–22:00: ₩30,000 per hour.'],
    ['pricing.deposit', 'ko', '보증금 50,000원을(를) 받습니다.'],
    ['pricing.waivers[0]', 'en', "Public interest: 100% off for NGO or purpose 'public_interest'."],
    [
      'pricing.waivers[0]',
      'ko',
      "공익 감면: 비영리 단체 또는 목적 'public_interest'에는 요금을 100% 감면합니다.",
    ],
    ['cancellation', 'en', 'Free cancellation until 24 h before the start; then 50% of the price.'],
    ['checkInOpensMinutesBefore', 'ko', '체크인은 시작 20분 전부터 할 수 있습니다.'],
    ['checkInOpensMinutesBefore', 'en', 'Check-in opens 20 min before the start.'],
    [
      'noShowAfterMinutes',
      'ko',
      '시작 후 15분 안에 체크인하지 않으면 노쇼로 처리하고 자리를 다른 사람에게 엽니다.',
    ],
    [
      'noShowAfterMinutes',
      'en',
      'Not checked in 15 min after the start: a no-show, and the slot is released.',
    ],
    ['noShowLimit', 'ko', '60일 안에 노쇼가 3번이면 신청에 승인이 필요합니다.'],
    ['noShowLimit', 'en', 'After 3 no-shows within 60 days, requests need an approver’s decision.'],
    ['returnGraceMinutes', 'ko', '장비는 예약이 끝나고 1시간 30분 안에 반납해야 합니다.'],
    ['returnGraceMinutes', 'en', 'Equipment is due back within 1 h 30 min after the end.'],
    ['waitlistOfferMinutes', 'ko', '자리가 나면 대기 순서대로 45분 동안 먼저 제안합니다.'],
    ['waitlistOfferMinutes', 'en', 'A freed slot is offered to the next in line for 45 min.'],
  ] as const)('%s in %s', (path, locale, text) => {
    expect(describeRules(doc, locale).find((s) => s.path === path)?.text).toBe(text);
  });

  it.each([
    ['windowOverrides[0]', 'ko', "'resident_base' 태그 그룹 예약은(는) 최대 90일 앞까지 예약할 수 있습니다."],
    ['windowOverrides[0]', 'en', "Bookings for groups tagged 'resident_base' may book up to 90 days ahead."],
    ['eligibility', 'ko', "'resident_base' 태그 그룹 예약만 예약할 수 있습니다."],
    ['eligibility', 'en', "Only bookings for groups tagged 'resident_base' may book."],
    ['pricing.waivers[0]', 'ko', "입주 팀: 'resident_base' 태그 그룹에는 요금을 100% 감면합니다."],
    ['pricing.waivers[0]', 'en', "Resident base: 100% off for groups tagged 'resident_base'."],
    ['noShowLimit', 'ko', '30일 안에 노쇼가 2번이면 신청할 수 없습니다.'],
    ['noShowLimit', 'en', 'After 2 no-shows within 30 days, requests are refused.'],
  ] as const)('group tags and no-show limits: %s in %s', (path, locale, text) => {
    expect(describeRules(tagged, locale).find((s) => s.path === path)?.text).toBe(text);
  });

  it('says nothing about what an override leaves to the level above', () => {
    expect(describeRules({}, 'ko')).toEqual([]);
    expect(describeRules({ quotas: [] }, 'en')).toEqual([]);
  });

  it('reads every rule of the full default document, in both languages, with the same paths', () => {
    const ko = describeRules(DEFAULT_RULES, 'ko');
    const en = describeRules(DEFAULT_RULES, 'en');
    expect(ko.map((s) => s.path)).toEqual(en.map((s) => s.path));
    expect(ko.map((s) => s.path)).toEqual(
      expect.arrayContaining([
        'openingHours',
        'duration',
        'minNoticeMinutes',
        'maxAdvanceDays',
        'approval',
        'cancellation',
        'timeZone',
      ]),
    );
    for (const s of [...ko, ...en]) expect(s.text).not.toMatch(/undefined|NaN|\[object/);
  });
});
