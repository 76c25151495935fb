import { RESIDENT_BASE_TAG, type RentalRulesOverride } from '@madang/contracts';
import { formToOverride, overrideToForm } from './rules-form';

describe('rules editor form mapping', () => {
  const override: RentalRulesOverride = {
    openingHours: [
      { weekday: 1, open: '09:00', close: '12:00' },
      { weekday: 1, open: '13:00', close: '22:00' },
      { weekday: 6, open: '10:00', close: '18:00' },
    ],
    minDurationMinutes: 60,
    approval: { required: true, autoApproveGroupKinds: ['resident_team'] },
    pricing: { rate: 20000, waivers: [] },
    closures: [{ from: '2026-12-25', to: '2026-12-25', reason: { ko: '성탄절', en: 'Christmas' } }],
  };

  it('round-trips an override without losing fields the form does not show', () => {
    expect(formToOverride(overrideToForm(override), override)).toEqual(override);
  });

  it('treats empty fields as inherited and removes them', () => {
    const value = overrideToForm(override);
    value.minDurationMinutes = '';
    value.approvalRequired = '';
    value.rate = '';
    value.setHours = false;
    const result = formToOverride(value, override);
    expect(result.minDurationMinutes).toBeUndefined();
    expect(result.openingHours).toBeUndefined();
    expect(result.approval).toEqual({ autoApproveGroupKinds: ['resident_team'] });
    expect(result.pricing).toEqual({ waivers: [] });
    expect(result.closures).toHaveLength(1);
  });

  it('sets numbers, booleans and roles typed into the form', () => {
    const value = overrideToForm({});
    value.slotStepMinutes = '15';
    value.approvalRequired = 'no';
    value.autoApproveRoles = ['approver'];
    value.unit = 'day';
    value.feePercent = '50';
    expect(formToOverride(value, {})).toEqual({
      slotStepMinutes: 15,
      approval: { required: false, autoApproveRoles: ['approver'] },
      pricing: { unit: 'day' },
      cancellation: { feePercent: 50 },
    });
  });

  it('writes closed weekdays out of the opening hours', () => {
    const value = overrideToForm({});
    value.setHours = true;
    value.hours = value.hours.map((h, i) => ({ ...h, closed: i >= 5, open: '09:00', close: '22:00' }));
    expect(formToOverride(value, {}).openingHours?.map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5]);
  });

  it('round-trips every list rule and eligibility through the form controls', () => {
    const full: RentalRulesOverride = {
      timeZone: 'Europe/Berlin',
      closures: [{ from: '2026-12-24', to: '2026-12-26', reason: { ko: '연휴', en: 'Holidays' } }],
      quotas: [
        { scope: 'person', period: 'week', maxBookings: 2 },
        { scope: 'group', period: 'month', maxHours: 12.5 },
      ],
      windowOverrides: [{ roles: ['approver'], maxAdvanceDays: 365 }],
      eligibility: { groupKinds: ['resident_team', 'ngo'] },
      approval: { required: true, autoApproveGroupKinds: ['partner_org'] },
      pricing: {
        rate: 10000,
        peak: [{ weekdays: [5, 6], from: '18:00', to: '22:00', rate: 15000 }],
        waivers: [
          { purposes: ['public_interest', 'youth'], percent: 50, label: { ko: '공익', en: 'Public' } },
        ],
      },
      maxPendingPerPerson: 2,
    };
    expect(formToOverride(overrideToForm(full), full)).toEqual(full);
  });

  it('writes rows added in the form and drops an emptied list back to inherited', () => {
    const value = overrideToForm({});
    value.closures = [
      { from: '2027-01-01', to: '2027-01-01', reasonKo: ' 신정 ', reasonEn: "New Year's Day" },
    ];
    value.quotas = [{ scope: 'person', period: 'month', maxBookings: '4', maxHours: '' }];
    value.waivers = [
      {
        groupKinds: ['ngo'],
        groupTags: '',
        purposes: ' a_b , c ',
        percent: '100',
        labelKo: '비영리',
        labelEn: 'NGO',
      },
    ];
    value.eligibilityMode = 'anyone';
    expect(formToOverride(value, {})).toEqual({
      closures: [{ from: '2027-01-01', to: '2027-01-01', reason: { ko: '신정', en: "New Year's Day" } }],
      quotas: [{ scope: 'person', period: 'month', maxBookings: 4 }],
      eligibility: {},
      pricing: {
        waivers: [
          { groupKinds: ['ngo'], purposes: ['a_b', 'c'], percent: 100, label: { ko: '비영리', en: 'NGO' } },
        ],
      },
    });
    const emptied = overrideToForm({ quotas: [{ scope: 'person', period: 'week', maxBookings: 1 }] });
    emptied.quotas = [];
    expect(
      formToOverride(emptied, { quotas: [{ scope: 'person', period: 'week', maxBookings: 1 }] }).quotas,
    ).toEqual([]);
    expect(formToOverride(overrideToForm({}), {}).quotas).toBeUndefined();
  });

  it('sends text typed into a number field as it is, so the schema check names the field', () => {
    const value = overrideToForm({});
    value.quotas = [{ scope: 'person', period: 'week', maxBookings: 'two', maxHours: '' }];
    expect(formToOverride(value, {}).quotas?.[0].maxBookings).toBe('two');
  });
  it('round-trips a document with every key, incl. the demo hall waiver with groupTags', () => {
    const every: RentalRulesOverride = {
      timeZone: 'America/New_York',
      openingHours: [{ weekday: 2, open: '09:00', close: '18:00' }],
      closures: [{ from: '2026-12-24', to: '2026-12-26', reason: { ko: '연휴', en: 'Holidays' } }],
      slotStepMinutes: 30,
      minDurationMinutes: 60,
      maxDurationMinutes: 240,
      minNoticeMinutes: 60,
      maxAdvanceDays: 60,
      windowOverrides: [
        { groupKinds: ['resident_team'], maxAdvanceDays: 90 },
        { groupTags: [RESIDENT_BASE_TAG, 'pilot_team'], minNoticeMinutes: 0, maxAdvanceDays: 120 },
      ],
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 30,
      quotas: [{ scope: 'group', period: 'month', maxBookings: 8, maxHours: 20 }],
      eligibility: { roles: ['resident'], groupKinds: ['ngo'], groupTags: [RESIDENT_BASE_TAG] },
      approval: { required: true, autoApproveRoles: ['operations'], autoApproveGroupKinds: ['partner_org'] },
      pricing: {
        unit: 'hour',
        rate: 20000,
        peak: [{ weekdays: [5, 6], from: '18:00', to: '22:00', rate: 30000 }],
        deposit: 50000,
        waivers: [
          {
            groupKinds: ['resident_team'],
            percent: 100,
            label: { ko: '주민 팀 대관료 면제', en: 'Fee waived for resident teams' },
          },
          {
            groupTags: [RESIDENT_BASE_TAG],
            percent: 100,
            label: { ko: '입주 팀(협약) 대관료 면제', en: 'Fee waived for resident-base teams (agreement)' },
          },
          { purposes: ['public_interest'], percent: 50, label: { ko: '공익', en: 'Public' } },
        ],
      },
      cancellation: { freeUntilHoursBefore: 24, feePercent: 30 },
      maxPendingPerPerson: 2,
      checkInOpensMinutesBefore: 20,
      noShowAfterMinutes: 15,
      noShowLimit: { count: 3, periodDays: 60, consequence: 'suspend' },
      returnGraceMinutes: 45,
      waitlistOfferMinutes: 90,
    };
    const value = overrideToForm(every);
    expect(value.waivers[1].groupTags).toBe(RESIDENT_BASE_TAG);
    expect(value.noShowLimit).toEqual({ count: '3', periodDays: '60', consequence: 'suspend' });
    // Against the document itself and against an empty base: the form alone carries every key.
    expect(formToOverride(value, every)).toEqual(every);
    expect(formToOverride(value, { openingHours: every.openingHours })).toEqual(every);
  });

  it('writes group tags and attendance keys typed into the form, and clears them when emptied', () => {
    const value = overrideToForm({});
    value.eligibilityMode = 'only';
    value.eligibilityGroupTags = ' resident_base , pilot ';
    value.windowOverrides = [
      { roles: [], groupKinds: [], groupTags: 'resident_base', minNoticeMinutes: '', maxAdvanceDays: '90' },
    ];
    value.noShowAfterMinutes = '10';
    value.waitlistOfferMinutes = '45';
    value.noShowLimit = { count: '2', periodDays: '30', consequence: 'require_approval' };
    expect(formToOverride(value, {})).toEqual({
      windowOverrides: [{ groupTags: ['resident_base'], maxAdvanceDays: 90 }],
      eligibility: { groupTags: ['resident_base', 'pilot'] },
      noShowAfterMinutes: 10,
      waitlistOfferMinutes: 45,
      noShowLimit: { count: 2, periodDays: 30, consequence: 'require_approval' },
    });
    const base: RentalRulesOverride = {
      noShowLimit: { count: 2, periodDays: 30, consequence: 'suspend' },
      returnGraceMinutes: 60,
      eligibility: { groupTags: ['resident_base'] },
    };
    const cleared = overrideToForm(base);
    expect(cleared.eligibilityMode).toBe('only');
    cleared.noShowLimit = { count: '', periodDays: '', consequence: 'suspend' };
    cleared.returnGraceMinutes = '';
    cleared.eligibilityGroupTags = '';
    expect(formToOverride(cleared, base)).toEqual({ eligibility: {} });
  });

  it('sends a half-filled no-show limit as it is, so the schema check names the missing part', () => {
    const value = overrideToForm({});
    value.noShowLimit = { count: '3', periodDays: '', consequence: 'suspend' };
    const limit = formToOverride(value, {}).noShowLimit;
    expect(limit?.count).toBe(3);
    expect(limit?.periodDays).toBeUndefined();
  });
});
