import { DEFAULT_RULES, mergeRules } from './rules';
import { checkRulesDocument, checkRulesOverride } from './schema';
import { decisionBlockedBySelf } from './separation';

describe('checkRulesOverride: rules are data with a schema', () => {
  it.each([
    // The documents the outside run stored with a 200 that then broke every quote.
    ['roles as a string', { eligibility: { roles: 'admin' } }, 'eligibility.roles', 'not_array'],
    [
      'group kinds as numbers',
      { eligibility: { groupKinds: [1, 2] } },
      'eligibility.groupKinds[0]',
      'not_in',
    ],
    [
      'group kinds as numbers (2nd)',
      { eligibility: { groupKinds: [1, 2] } },
      'eligibility.groupKinds[1]',
      'not_in',
    ],
    [
      'override roles as a string',
      { windowOverrides: [{ roles: 'resident' }] },
      'windowOverrides[0].roles',
      'not_array',
    ],
    ['unknown role', { eligibility: { roles: ['admin', 'king'] } }, 'eligibility.roles[1]', 'not_in'],
    ['unknown top-level key', { colour: 'red' }, 'colour', 'unknown_field'],
    ['unknown nested key', { pricing: { rate: 1, currency: 'USD' } }, 'pricing.currency', 'unknown_field'],
    ['a list as an object', { openingHours: { weekday: 1 } }, 'openingHours', 'not_array'],
    ['an element of the wrong type', { openingHours: ['09:00'] }, 'openingHours[0]', 'not_object'],
    [
      'a missing element key',
      { openingHours: [{ weekday: 1, open: '09:00' }] },
      'openingHours[0].close',
      'required',
    ],
    [
      'weekday 8',
      { openingHours: [{ weekday: 8, open: '09:00', close: '10:00' }] },
      'openingHours[0].weekday',
      'too_large',
    ],
    [
      'close before open',
      { openingHours: [{ weekday: 1, open: '12:00', close: '10:00' }] },
      'openingHours[0].close',
      'invalid',
    ],
    [
      '25:00',
      { openingHours: [{ weekday: 1, open: '25:00', close: '26:00' }] },
      'openingHours[0].open',
      'invalid',
    ],
    ['a string where a number is', { slotStepMinutes: '30' }, 'slotStepMinutes', 'not_integer'],
    ['a fraction', { slotStepMinutes: 7.5 }, 'slotStepMinutes', 'not_integer'],
    ['a step of zero', { slotStepMinutes: 0 }, 'slotStepMinutes', 'too_small'],
    ['a year-long booking', { maxDurationMinutes: 525_600 }, 'maxDurationMinutes', 'too_large'],
    ['advance beyond two years', { maxAdvanceDays: 100_000 }, 'maxAdvanceDays', 'too_large'],
    ['null', { quotas: null }, 'quotas', 'not_array'],
    ['a quota without a limit', { quotas: [{ scope: 'person', period: 'week' }] }, 'quotas[0]', 'required'],
    [
      'a quota of an unknown period',
      { quotas: [{ scope: 'person', period: 'year', maxBookings: 1 }] },
      'quotas[0].period',
      'not_in',
    ],
    [
      'an override naming nobody',
      { windowOverrides: [{ maxAdvanceDays: 90 }] },
      'windowOverrides[0]',
      'required',
    ],
    ['a bad time zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'invalid'],
    ['a time zone as a number', { timeZone: 9 }, 'timeZone', 'not_string'],
    ['approval.required as a string', { approval: { required: 'yes' } }, 'approval.required', 'not_boolean'],
    ['a negative rate', { pricing: { rate: -1 } }, 'pricing.rate', 'too_small'],
    [
      'waiver 150 %',
      { pricing: { waivers: [{ groupKinds: ['ngo'], percent: 150, label: { ko: 'x', en: 'x' } }] } },
      'pricing.waivers[0].percent',
      'too_large',
    ],
    [
      'a waiver label missing en',
      { pricing: { waivers: [{ groupKinds: ['ngo'], percent: 50, label: { ko: 'x' } }] } },
      'pricing.waivers[0].label.en',
      'required',
    ],
    [
      'a peak with no weekdays',
      { pricing: { peak: [{ weekdays: [], from: '10:00', to: '12:00', rate: 1 }] } },
      'pricing.peak[0].weekdays',
      'too_small',
    ],
    [
      'closure date 2026-02-30',
      { closures: [{ from: '2026-02-30', to: '2026-03-01', reason: { ko: 'x', en: 'x' } }] },
      'closures[0].from',
      'invalid',
    ],
    [
      'closure backwards',
      { closures: [{ from: '2026-03-02', to: '2026-03-01', reason: { ko: 'x', en: 'x' } }] },
      'closures[0].to',
      'invalid',
    ],
    [
      'a huge list',
      {
        closures: Array.from({ length: 501 }, () => ({
          from: '2026-01-01',
          to: '2026-01-01',
          reason: { ko: 'x', en: 'x' },
        })),
      },
      'closures',
      'too_many',
    ],
    ['pending cap 0', { maxPendingPerPerson: 0 }, 'maxPendingPerPerson', 'too_small'],
    ['a 4-minute waitlist offer', { waitlistOfferMinutes: 4 }, 'waitlistOfferMinutes', 'too_small'],
    ['a 2-day waitlist offer', { waitlistOfferMinutes: 2880 }, 'waitlistOfferMinutes', 'too_large'],
    ['a fractional waitlist offer', { waitlistOfferMinutes: 12.5 }, 'waitlistOfferMinutes', 'not_integer'],
    ['duplicate roles', { eligibility: { roles: ['admin', 'admin'] } }, 'eligibility.roles', 'invalid'],
  ])('refuses %s', (_name, doc, path, code) => {
    expect(checkRulesOverride(doc)).toContainEqual(expect.objectContaining({ path, code }));
  });

  it.each([
    ['nothing', {}],
    ['a partial nested object', { pricing: { rate: 15_000 }, approval: { autoApproveRoles: ['approver'] } }],
    [
      'eligibility by role and kind',
      { eligibility: { roles: ['admin'], groupKinds: ['ngo', 'partner_org'] } },
    ],
    ['a window override', { windowOverrides: [{ roles: ['resident'], maxAdvanceDays: 90 }] }],
    ['a pending cap', { maxPendingPerPerson: 5 }],
    ['a waitlist offer time', { waitlistOfferMinutes: 45 }],
    [
      'day pricing with 24:00 hours',
      { openingHours: [{ weekday: 7, open: '00:00', close: '24:00' }], pricing: { unit: 'day' } },
    ],
  ])('accepts %s', (_name, doc) => {
    expect(checkRulesOverride(doc)).toEqual([]);
  });

  it('is not an object: the root is named', () => {
    expect(checkRulesOverride([])).toEqual([{ path: '', code: 'not_object' }]);
    expect(checkRulesOverride('rules')).toEqual([{ path: '', code: 'not_object' }]);
  });
});

describe('checkRulesDocument: complete effective rules', () => {
  it('accepts the defaults and merged overrides', () => {
    expect(checkRulesDocument(DEFAULT_RULES)).toEqual([]);
    expect(checkRulesDocument(mergeRules(DEFAULT_RULES, { pricing: { rate: 10_000 } }))).toEqual([]);
  });

  it('requires every key, and every key of nested objects', () => {
    const { quotas: _quotas, ...withoutQuotas } = mergeRules(DEFAULT_RULES);
    expect(checkRulesDocument(withoutQuotas)).toEqual([{ path: 'quotas', code: 'required' }]);
    const noRequired = mergeRules(DEFAULT_RULES) as unknown as { approval: Record<string, unknown> };
    delete noRequired.approval['required'];
    expect(checkRulesDocument(noRequired)).toEqual([{ path: 'approval.required', code: 'required' }]);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [null, undefined, 0, 'x', [], [[]], { openingHours: [null] }, { pricing: [] }])
      expect(() => checkRulesDocument(value)).not.toThrow();
  });
});

describe('decisionBlockedBySelf: separation of duties', () => {
  it.each([
    ['own request, no setting', 'u1', 'u1', false, true],
    ['own request, small centre', 'u1', 'u1', true, false],
    ["someone else's request", 'u1', 'u2', false, false],
    ["someone else's request, small centre", 'u1', 'u2', true, false],
  ])('%s', (_name, deciderId, requesterId, allowSelfApproval, blocked) => {
    expect(decisionBlockedBySelf({ deciderId, requesterId, allowSelfApproval })).toBe(blocked);
  });
});
