import { DEFAULT_RULES, mergeRules, validateRules } from './rules';
import type { RentalRules } from './types';

describe('mergeRules', () => {
  it('returns the base unchanged without overrides, as a fresh copy', () => {
    const merged = mergeRules(DEFAULT_RULES);
    expect(merged).toEqual(DEFAULT_RULES);
    expect(merged).not.toBe(DEFAULT_RULES);
    expect(merged.openingHours).not.toBe(DEFAULT_RULES.openingHours);
  });

  it('replaces arrays instead of concatenating them', () => {
    const merged = mergeRules(DEFAULT_RULES, {
      openingHours: [{ weekday: 7, open: '10:00', close: '16:00' }],
    });
    expect(merged.openingHours).toEqual([{ weekday: 7, open: '10:00', close: '16:00' }]);
  });

  it('merges nested objects per key', () => {
    const merged = mergeRules(DEFAULT_RULES, {
      pricing: { rate: 15_000 },
      approval: { autoApproveRoles: ['approver'] },
    });
    expect(merged.pricing).toEqual({ unit: 'hour', rate: 15_000, deposit: 0, waivers: [] });
    expect(merged.approval).toEqual({ required: true, autoApproveRoles: ['approver'] });
  });

  it('applies category then asset, the later winning, undefined leaving the value', () => {
    const category = {
      slotStepMinutes: 60,
      pricing: { rate: 10_000, deposit: 5_000 },
      cancellation: { feePercent: 10 },
    };
    const asset = { slotStepMinutes: undefined, pricing: { rate: 30_000 }, timeZone: 'Europe/Berlin' };
    const merged = mergeRules(DEFAULT_RULES, category, asset, null);
    expect(merged).toMatchObject({
      timeZone: 'Europe/Berlin',
      slotStepMinutes: 60,
      pricing: { unit: 'hour', rate: 30_000, deposit: 5_000 },
      cancellation: { freeUntilHoursBefore: 24, feePercent: 10 },
    });
  });

  it('does not mutate its inputs', () => {
    const base = mergeRules(DEFAULT_RULES);
    const override = { quotas: [{ scope: 'person' as const, period: 'week' as const, maxBookings: 1 }] };
    const merged = mergeRules(base, override);
    merged.quotas[0].maxBookings = 9;
    merged.pricing.rate = 1;
    expect(override.quotas[0].maxBookings).toBe(1);
    expect(base.pricing.rate).toBe(0);
  });

  it('DEFAULT_RULES is deeply frozen and Asia/Seoul', () => {
    expect(DEFAULT_RULES.timeZone).toBe('Asia/Seoul');
    expect(Object.isFrozen(DEFAULT_RULES.pricing)).toBe(true);
    expect(() => {
      (DEFAULT_RULES.openingHours as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe('validateRules', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(validateRules(DEFAULT_RULES)).toEqual([]);
  });

  it.each<[string, Partial<RentalRules> | ((r: RentalRules) => RentalRules), string]>([
    ['unknown zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    [
      'bad open time',
      { openingHours: [{ weekday: 1, open: '9:00', close: '18:00' }] },
      'openingHours.0.open',
    ],
    [
      'close before open',
      { openingHours: [{ weekday: 1, open: '18:00', close: '09:00' }] },
      'openingHours.0.close',
    ],
    [
      '24:00 is not an opening time',
      { openingHours: [{ weekday: 1, open: '24:00', close: '24:00' }] },
      'openingHours.0.open',
    ],
    [
      'closure backwards',
      { closures: [{ from: '2026-05-05', to: '2026-05-04', reason: { ko: '', en: '' } }] },
      'closures.0.to',
    ],
    ['zero step', { slotStepMinutes: 0 }, 'slotStepMinutes'],
    ['max below min', { minDurationMinutes: 60, maxDurationMinutes: 30 }, 'maxDurationMinutes'],
    ['override for nobody', { windowOverrides: [{ minNoticeMinutes: 0 }] }, 'windowOverrides.0'],
    ['quota without limit', { quotas: [{ scope: 'person', period: 'week' }] }, 'quotas.0'],
    ['fractional won', (r) => ({ ...r, pricing: { ...r.pricing, rate: 1000.5 } }), 'pricing.rate'],
    [
      'waiver 0%',
      (r) => ({
        ...r,
        pricing: { ...r.pricing, waivers: [{ groupKinds: ['ngo'], percent: 0, label: { ko: '', en: '' } }] },
      }),
      'pricing.waivers.0.percent',
    ],
    [
      'peak on daily pricing',
      (r) => ({
        ...r,
        pricing: {
          ...r.pricing,
          unit: 'day',
          peak: [{ weekdays: [1], from: '18:00', to: '22:00', rate: 1 }],
        },
      }),
      'pricing.peak.0',
    ],
    [
      'fee over 100%',
      (r) => ({ ...r, cancellation: { freeUntilHoursBefore: 24, feePercent: 150 } }),
      'cancellation.feePercent',
    ],
  ])('%s', (_name, change, path) => {
    const rules =
      typeof change === 'function'
        ? change(mergeRules(DEFAULT_RULES))
        : { ...mergeRules(DEFAULT_RULES), ...change };
    expect(validateRules(rules).map((p) => p.path)).toContain(path);
  });
});
