import { isValidLocalDate, isValidTimeZone, parseWallTime } from './time';
import type { IsoWeekday, OpeningHours, RentalRules, RentalRulesOverride } from './types';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const weekdays = (days: IsoWeekday[], open: string, close: string): OpeningHours[] =>
  days.map((weekday) => ({ weekday, open, close }));

/**
 * Rules an asset gets when its category and the asset say nothing: Asia/Seoul, open Mon–Fri
 * 09:00–22:00 and Sat 09:00–18:00, 30-minute slots, 30 min – 4 h, one hour notice, 30 days ahead,
 * approval required, free of charge, cancellation free until 24 h before.
 */
export const DEFAULT_RULES: RentalRules = deepFreeze({
  timeZone: 'Asia/Seoul',
  openingHours: [...weekdays([1, 2, 3, 4, 5], '09:00', '22:00'), ...weekdays([6], '09:00', '18:00')],
  closures: [],
  slotStepMinutes: 30,
  minDurationMinutes: 30,
  maxDurationMinutes: 240,
  minNoticeMinutes: 60,
  maxAdvanceDays: 30,
  windowOverrides: [],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  quotas: [],
  eligibility: {},
  approval: { required: true },
  pricing: { unit: 'hour', rate: 0, deposit: 0, waivers: [] },
  cancellation: { freeUntilHoursBefore: 24, feePercent: 0 },
});

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Applies overrides in order (category, then asset): a key that is undefined leaves the base value,
 * arrays replace the base array, nested objects (eligibility, approval, pricing, cancellation) are
 * merged per key. Returns a fresh object; the inputs are not touched.
 */
export function mergeRules(
  base: RentalRules,
  ...overrides: (RentalRulesOverride | null | undefined)[]
): RentalRules {
  const result = clone(base) as unknown as Record<string, unknown>;
  for (const override of overrides) {
    if (!override) continue;
    for (const [key, value] of Object.entries(override)) {
      if (value === undefined) continue;
      const current = result[key];
      if (Array.isArray(value) || value === null || typeof value !== 'object') {
        result[key] = clone(value);
      } else {
        const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) };
        for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
          if (innerValue !== undefined) merged[inner] = clone(innerValue);
        }
        result[key] = merged;
      }
    }
  }
  return result as unknown as RentalRules;
}

export interface RulesProblem {
  /** Dotted path of the offending field, e.g. `openingHours.2.close`. */
  path: string;
  message: string;
}

const isNonNegInt = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * Checks effective rules for configuration mistakes the engine would otherwise silently read as
 * "closed" or throw on (unknown zone, non-integer money). The API should run it when rules are saved.
 */
export function validateRules(rules: RentalRules): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isValidTimeZone(rules.timeZone)) add('timeZone', 'unknown IANA time zone');
  rules.openingHours.forEach((h, i) => {
    if (![1, 2, 3, 4, 5, 6, 7].includes(h.weekday)) add(`openingHours.${i}.weekday`, 'ISO weekday 1..7');
    const open = parseWallTime(h.open);
    const close = parseWallTime(h.close, true);
    if (open === null) add(`openingHours.${i}.open`, 'HH:mm expected');
    if (close === null) add(`openingHours.${i}.close`, 'HH:mm or 24:00 expected');
    if (open !== null && close !== null && close <= open)
      add(`openingHours.${i}.close`, 'must be after open');
  });
  rules.closures.forEach((c, i) => {
    if (!isValidLocalDate(c.from)) add(`closures.${i}.from`, 'YYYY-MM-DD expected');
    if (!isValidLocalDate(c.to)) add(`closures.${i}.to`, 'YYYY-MM-DD expected');
    if (c.to < c.from) add(`closures.${i}.to`, 'must not be before from');
  });
  if (
    !Number.isSafeInteger(rules.slotStepMinutes) ||
    rules.slotStepMinutes < 1 ||
    rules.slotStepMinutes > 1440
  )
    add('slotStepMinutes', 'integer 1..1440');
  for (const key of [
    'minDurationMinutes',
    'maxDurationMinutes',
    'minNoticeMinutes',
    'maxAdvanceDays',
    'bufferBeforeMinutes',
    'bufferAfterMinutes',
  ] as const) {
    if (!isNonNegInt(rules[key])) add(key, 'non-negative integer');
  }
  if (rules.maxDurationMinutes < rules.minDurationMinutes)
    add('maxDurationMinutes', 'must be ≥ minDurationMinutes');
  rules.windowOverrides.forEach((o, i) => {
    if (!o.roles?.length && !o.groupKinds?.length && !o.groupTags?.length)
      add(`windowOverrides.${i}`, 'names no role, group kind or group tag');
    if (o.minNoticeMinutes !== undefined && !isNonNegInt(o.minNoticeMinutes))
      add(`windowOverrides.${i}.minNoticeMinutes`, 'non-negative integer');
    if (o.maxAdvanceDays !== undefined && !isNonNegInt(o.maxAdvanceDays))
      add(`windowOverrides.${i}.maxAdvanceDays`, 'non-negative integer');
  });
  rules.quotas.forEach((q, i) => {
    if (q.maxBookings === undefined && q.maxHours === undefined) add(`quotas.${i}`, 'sets no limit');
    if (q.maxBookings !== undefined && !isNonNegInt(q.maxBookings))
      add(`quotas.${i}.maxBookings`, 'non-negative integer');
    if (q.maxHours !== undefined && !(q.maxHours >= 0)) add(`quotas.${i}.maxHours`, 'non-negative number');
  });
  const p = rules.pricing;
  if (p.unit !== 'hour' && p.unit !== 'day') add('pricing.unit', "'hour' or 'day'");
  if (!isNonNegInt(p.rate)) add('pricing.rate', 'non-negative integer KRW');
  if (!isNonNegInt(p.deposit)) add('pricing.deposit', 'non-negative integer KRW');
  (p.peak ?? []).forEach((w, i) => {
    if (p.unit !== 'hour') add(`pricing.peak.${i}`, 'peak prices apply to hourly pricing only');
    if (!isNonNegInt(w.rate)) add(`pricing.peak.${i}.rate`, 'non-negative integer KRW');
    const from = parseWallTime(w.from);
    const to = parseWallTime(w.to, true);
    if (from === null || to === null || to <= from) add(`pricing.peak.${i}`, 'from < to, HH:mm');
  });
  p.waivers.forEach((w, i) => {
    if (!Number.isSafeInteger(w.percent) || w.percent < 1 || w.percent > 100)
      add(`pricing.waivers.${i}.percent`, 'integer 1..100');
    if (!w.groupKinds?.length && !w.groupTags?.length && !w.purposes?.length)
      add(`pricing.waivers.${i}`, 'names no group kind or purpose');
  });
  const c = rules.cancellation;
  if (!(c.freeUntilHoursBefore >= 0)) add('cancellation.freeUntilHoursBefore', 'non-negative number');
  if (!Number.isSafeInteger(c.feePercent) || c.feePercent < 0 || c.feePercent > 100)
    add('cancellation.feePercent', 'integer 0..100');
  return problems;
}
