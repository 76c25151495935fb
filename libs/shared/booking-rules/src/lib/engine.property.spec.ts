import { GROUP_KINDS, ROLES } from '@madang/contracts';
import fc from 'fast-check';
import { evaluateBooking } from './evaluate-booking';
import { checkRulesDocument, MAX_ADVANCE_LIMIT_DAYS, MAX_DURATION_LIMIT_MINUTES } from './schema';
import type { AssetForRules, BookingEvaluationInput, RentalRules } from './types';

/**
 * Property: for every rules document the schema accepts and every request a client could send, the
 * engine returns an answer — it never throws and never walks without bound. Seeds are printed by
 * fast-check on failure (`seed`, `path`) so a failure replays with `fc.assert(…, { seed, path })`.
 */
const wall = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const span = fc.tuple(wall, fc.integer({ min: 15, max: 24 * 60 })).map(([open, minutes]) => {
  const start = Number(open.slice(0, 2)) * 60 + Number(open.slice(3));
  const end = Math.min(1440, start + minutes);
  const close =
    end === 1440
      ? '24:00'
      : `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
  return { open, close };
});
const date = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const label = fc.record({ ko: fc.string({ maxLength: 20 }), en: fc.string({ maxLength: 20 }) });
const roles = fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 3 });
const kinds = fc.uniqueArray(fc.constantFrom(...GROUP_KINDS), { maxLength: 3 });
const weekday = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<1 | 2 | 3 | 4 | 5 | 6 | 7>;

const rulesArb: fc.Arbitrary<RentalRules> = fc
  .record({
    timeZone: fc.constantFrom(
      'Asia/Seoul',
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
    ),
    openingHours: fc.array(
      fc.tuple(weekday, span).map(([w, s]) => ({ weekday: w, ...s })),
      { maxLength: 10 },
    ),
    closures: fc.array(
      fc.tuple(date, fc.integer({ min: 0, max: 10 }), label).map(([from, days, reason]) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        return { from, to, reason };
      }),
      { maxLength: 5 },
    ),
    slotStepMinutes: fc.constantFrom(1, 5, 15, 30, 60, 90, 1440),
    minDurationMinutes: fc.integer({ min: 0, max: 600 }),
    extraDuration: fc.integer({ min: 1, max: MAX_DURATION_LIMIT_MINUTES - 600 }),
    minNoticeMinutes: fc.integer({ min: 0, max: 10_000 }),
    maxAdvanceDays: fc.integer({ min: 0, max: MAX_ADVANCE_LIMIT_DAYS }),
    windowOverrides: fc.array(
      fc
        .record(
          {
            roles,
            groupKinds: kinds,
            minNoticeMinutes: fc.integer({ min: 0, max: 10_000 }),
            maxAdvanceDays: fc.integer({ min: 0, max: MAX_ADVANCE_LIMIT_DAYS }),
          },
          { requiredKeys: [] },
        )
        .filter((o) => !!o.roles?.length || !!o.groupKinds?.length),
      { maxLength: 3 },
    ),
    bufferBeforeMinutes: fc.integer({ min: 0, max: 1440 }),
    bufferAfterMinutes: fc.integer({ min: 0, max: 1440 }),
    quotas: fc.array(
      fc
        .record(
          {
            scope: fc.constantFrom('person' as const, 'group' as const),
            period: fc.constantFrom('week' as const, 'month' as const),
            maxBookings: fc.integer({ min: 0, max: 20 }),
            maxHours: fc.double({ min: 0, max: 744, noNaN: true }),
          },
          { requiredKeys: ['scope', 'period'] },
        )
        .filter((q) => q.maxBookings !== undefined || q.maxHours !== undefined),
      { maxLength: 3 },
    ),
    eligibility: fc.record({ roles, groupKinds: kinds }, { requiredKeys: [] }),
    approval: fc.record(
      { required: fc.boolean(), autoApproveRoles: roles, autoApproveGroupKinds: kinds },
      { requiredKeys: ['required'] },
    ),
    unit: fc.constantFrom('hour' as const, 'day' as const),
    rate: fc.integer({ min: 0, max: 100_000_000 }),
    deposit: fc.integer({ min: 0, max: 100_000_000 }),
    peak: fc.array(
      fc.record({
        weekdays: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }),
        window: span,
        rate: fc.integer({ min: 0, max: 100_000_000 }),
      }),
      { maxLength: 3 },
    ),
    waivers: fc.array(
      fc
        .record({
          groupKinds: kinds,
          purposes: fc.uniqueArray(fc.constantFrom('public_interest', 'youth', 'elderly'), { maxLength: 2 }),
          percent: fc.integer({ min: 1, max: 100 }),
          label,
        })
        .filter((w) => w.groupKinds.length > 0 || w.purposes.length > 0),
      { maxLength: 3 },
    ),
    cancellation: fc.record({
      freeUntilHoursBefore: fc.double({ min: 0, max: 8760, noNaN: true }),
      feePercent: fc.integer({ min: 0, max: 100 }),
    }),
    maxPendingPerPerson: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  })
  .map((r) => {
    const rules: RentalRules = {
      timeZone: r.timeZone,
      openingHours: r.openingHours,
      closures: r.closures,
      slotStepMinutes: r.slotStepMinutes,
      minDurationMinutes: r.minDurationMinutes,
      maxDurationMinutes: r.minDurationMinutes + r.extraDuration,
      minNoticeMinutes: r.minNoticeMinutes,
      maxAdvanceDays: r.maxAdvanceDays,
      windowOverrides: r.windowOverrides,
      bufferBeforeMinutes: r.bufferBeforeMinutes,
      bufferAfterMinutes: r.bufferAfterMinutes,
      quotas: r.quotas,
      eligibility: r.eligibility,
      approval: r.approval,
      pricing: {
        unit: r.unit,
        rate: r.rate,
        deposit: r.deposit,
        waivers: r.waivers,
        ...(r.unit === 'hour'
          ? {
              peak: r.peak.map((p) => ({
                weekdays: p.weekdays,
                from: p.window.open,
                to: p.window.close,
                rate: p.rate,
              })),
            }
          : {}),
      },
      cancellation: r.cancellation,
    };
    if (r.maxPendingPerPerson !== undefined) rules.maxPendingPerPerson = r.maxPendingPerPerson;
    return rules;
  });

/** Instants a client could send: valid with odd offsets, far away, garbage, or not a string at all. */
const instant = fc.oneof(
  fc
    .tuple(
      fc.date({
        min: new Date('2025-06-01T00:00:00Z'),
        max: new Date('2027-06-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      fc.constantFrom('Z', '+09:00', '-05:00', '+05:45', '+14:00'),
    )
    .map(([d, zone]) => d.toISOString().replace('Z', zone === 'Z' ? 'Z' : zone)),
  fc.constantFrom(
    '2626-12-01T10:00:00Z',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '20261201T100000Z',
    '',
    'x',
  ),
  fc.string(),
);

const inputArb: fc.Arbitrary<BookingEvaluationInput> = fc
  .record({
    rules: fc.array(rulesArb, { minLength: 1, maxLength: 3 }),
    kinds: fc.array(fc.constantFrom('space' as const, 'equipment_item' as const, 'equipment_pool' as const), {
      minLength: 3,
      maxLength: 3,
    }),
    start: instant,
    end: instant,
    quantities: fc.array(fc.oneof(fc.integer({ min: -2, max: 30 }), fc.double()), {
      minLength: 1,
      maxLength: 4,
    }),
    attendees: fc.oneof(fc.integer({ min: -1, max: 500 }), fc.double()),
    purposeTag: fc.option(fc.constantFrom('public_interest', 'youth', 'x'), { nil: undefined }),
    roles: roles,
    groupKind: fc.option(fc.constantFrom(...GROUP_KINDS), { nil: null }),
    usage: fc.array(fc.record({ start: instant, end: instant, mine: fc.boolean() }), { maxLength: 5 }),
    pending: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  })
  .map((x) => {
    const assets: AssetForRules[] = x.rules.map((rules, i) => ({
      id: `asset-${i}`,
      kind: x.kinds[i],
      name: { ko: `자원${i}`, en: `Asset ${i}` },
      capacity: x.kinds[i] === 'space' ? 10 : null,
      poolSize: x.kinds[i] === 'equipment_pool' ? 5 : null,
      active: true,
      rules,
    }));
    return {
      now: '2026-06-01T09:00:00+09:00',
      request: {
        start: x.start,
        end: x.end,
        items: x.quantities.map((quantity, i) => ({ assetId: `asset-${i % (assets.length + 1)}`, quantity })),
        attendees: x.attendees,
        purpose: 'p',
        purposeTag: x.purposeTag,
        groupId: x.groupKind ? 'g1' : null,
      },
      actor: { userId: 'u1', roles: x.roles, groups: x.groupKind ? [{ id: 'g1', kind: x.groupKind }] : [] },
      assets,
      usage: x.usage.map((u) => ({
        userId: u.mine ? 'u1' : 'u2',
        groupId: null,
        start: u.start,
        end: u.end,
        assetIds: assets.map((a) => a.id),
      })),
      pendingByAsset: x.pending === undefined ? undefined : { 'asset-0': x.pending },
    };
  });

describe('the rules engine on any valid rules and any request', () => {
  it('generates only documents the schema accepts (the generator is honest)', () => {
    fc.assert(
      fc.property(rulesArb, (rules) => checkRulesDocument(rules).length === 0),
      { numRuns: 300 },
    );
  });

  it('returns an evaluation and never throws', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const started = Date.now();
        const result = evaluateBooking(input);
        expect(typeof result.ok).toBe('boolean');
        expect(Number.isSafeInteger(result.quote.total)).toBe(true);
        // Bounded work: one evaluation of a few assets stays far below a second.
        expect(Date.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a range centuries long without walking it', () => {
    const [asset] = fc.sample(rulesArb, { numRuns: 1, seed: 7 }).map(
      (rules): AssetForRules => ({
        id: 'a',
        kind: 'space',
        name: { ko: 'a', en: 'a' },
        capacity: null,
        poolSize: null,
        active: true,
        rules,
      }),
    );
    const started = Date.now();
    const result = evaluateBooking({
      now: '2026-06-01T09:00:00+09:00',
      request: {
        start: '2026-12-01T10:00:00+09:00',
        end: '2626-12-01T10:00:00+09:00',
        items: [{ assetId: 'a', quantity: 1 }],
        attendees: 1,
        purpose: 'p',
      },
      actor: { userId: 'u1', roles: ['resident'], groups: [] },
      assets: [asset],
      usage: [],
    });
    expect(Date.now() - started).toBeLessThan(200);
    expect(result.violations.map((v) => v.code)).toContain('range_too_long');
  });
});

describe('fair holding', () => {
  const base = fc.sample(rulesArb, { numRuns: 1, seed: 3 })[0];
  const asset = (rules: Partial<RentalRules>): AssetForRules => ({
    id: 'printer',
    kind: 'equipment_item',
    name: { ko: '3D 프린터', en: '3D printer' },
    capacity: null,
    poolSize: null,
    active: true,
    rules: { ...base, approval: { required: true }, maxPendingPerPerson: undefined, ...rules },
  });
  const input = (a: AssetForRules, pending: number | undefined): BookingEvaluationInput => ({
    now: '2026-06-01T09:00:00+09:00',
    request: {
      start: '2026-06-03T10:00:00+09:00',
      end: '2026-06-03T11:00:00+09:00',
      items: [{ assetId: a.id, quantity: 1 }],
      attendees: 1,
      purpose: 'p',
    },
    actor: { userId: 'u1', roles: ['resident'], groups: [] },
    assets: [a],
    usage: [],
    pendingByAsset: pending === undefined ? undefined : { [a.id]: pending },
  });
  const codes = (i: BookingEvaluationInput) => evaluateBooking(i).violations.map((v) => v.code);

  it.each([
    ['under the default cap of 3', {}, 2, false],
    ['at the default cap of 3', {}, 3, true],
    ['37 pending (the outside run)', {}, 37, true],
    ['a raised cap', { maxPendingPerPerson: 10 }, 9, false],
    ['a lowered cap', { maxPendingPerPerson: 1 }, 1, true],
    ['auto-approved: nothing waits', { approval: { required: false } }, 37, false],
    ['not counted by the caller', {}, undefined, false],
  ])('%s', (_name, rules, pending, refused) => {
    expect(codes(input(asset(rules as Partial<RentalRules>), pending)).includes('too_many_pending')).toBe(
      refused,
    );
  });

  it('says why in both languages', () => {
    const v = evaluateBooking(input(asset({}), 3)).violations.find((x) => x.code === 'too_many_pending');
    expect(v?.params).toEqual({ limit: 3, pending: 3 });
    expect(v?.message.ko).toContain('3D 프린터에 대해 승인을 기다리는 예약 요청이 이미 3건');
    expect(v?.message.en).toContain('at most 3 pending');
  });
});
