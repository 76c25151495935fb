import type { RentalRulesOverride } from '@madang/contracts';
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
});
