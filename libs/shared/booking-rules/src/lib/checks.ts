import { GROUP_KIND_LABELS, ROLE_LABELS, type GroupKind, type Locale, type Role } from '@madang/contracts';
import { DateTime } from 'luxon';
import { formatDays, formatDuration, formatLocalDate, joinOr, weekdayName } from './format';
import {
  formatWallTime,
  inZone,
  isoWeekday,
  localDaysTouched,
  mergeSpans,
  openSpansOfDay,
  parseWallTime,
  wallClockMinutes,
  zoneNamed,
  type Span,
} from './time';
import type { AssetForRules, IsoWeekday, RentalRules } from './types';
import { DEFAULT_MAX_PENDING_PER_PERSON } from './schema';
import { makeViolation, type Violation } from './violations';

/** Who is asking, as far as rules that look at roles and group kinds are concerned. */
export interface Standing {
  roles: Role[];
  /** Kind of the group the request is for, when the actor is a member of it; otherwise null. */
  groupKind: GroupKind | null;
  /**
   * Standing tags the request's group holds right now (time-bound group privileges such as
   * `resident_base` from a residency agreement); matched like group kinds. Absent: none.
   */
  groupTags?: readonly string[];
}

function matches(
  standing: Standing,
  roles: Role[] | undefined,
  kinds: GroupKind[] | undefined,
  tags?: string[],
): boolean {
  return (
    (roles ?? []).some((r) => standing.roles.includes(r)) ||
    (standing.groupKind !== null && (kinds ?? []).includes(standing.groupKind)) ||
    (tags ?? []).some((t) => (standing.groupTags ?? []).includes(t))
  );
}

export function isEligible(rules: RentalRules, standing: Standing): boolean {
  const { roles, groupKinds, groupTags } = rules.eligibility;
  if (!roles?.length && !groupKinds?.length && !groupTags?.length) return true;
  return matches(standing, roles, groupKinds, groupTags);
}

export function checkEligibility(asset: AssetForRules, standing: Standing): Violation | null {
  if (isEligible(asset.rules, standing)) return null;
  const roles = asset.rules.eligibility.roles ?? [];
  const kinds = asset.rules.eligibility.groupKinds ?? [];
  const who = (locale: Locale) =>
    joinOr(
      [
        ...roles.map((r) => ROLE_LABELS[r][locale]),
        ...kinds.map((k) =>
          locale === 'ko'
            ? `${GROUP_KIND_LABELS[k].ko}(단체 이름으로 예약)`
            : `${GROUP_KIND_LABELS[k].en} (booking for the group)`,
        ),
      ],
      locale,
    );
  return makeViolation(
    'not_eligible',
    { roles: roles.join(','), groupKinds: kinds.join(',') },
    { asset, text: (locale) => ({ who: who(locale) }) },
  );
}

export function requiresApproval(rules: RentalRules, standing: Standing): boolean {
  const { required, autoApproveRoles, autoApproveGroupKinds } = rules.approval;
  return required && !matches(standing, autoApproveRoles, autoApproveGroupKinds);
}

/** The opening hours of a weekday as wall-clock text, e.g. `09:00–12:00, 13:00–18:00`. */
function hoursText(rules: RentalRules, weekday: IsoWeekday): string {
  const spans: Span[] = [];
  for (const h of rules.openingHours) {
    const open = parseWallTime(h.open);
    const close = parseWallTime(h.close, true);
    if (h.weekday === weekday && open !== null && close !== null && close > open)
      spans.push({ start: open, end: close });
  }
  return mergeSpans(spans)
    .map((s) => `${formatWallTime(s.start)}–${formatWallTime(s.end)}`)
    .join(', ');
}

/**
 * The whole range must lie inside opening hours (local wall clock, read per calendar day, so a DST
 * day's opening hours are as long as they really are). Adjacent spans join, so a range can run
 * past midnight when one day closes at 24:00 and the next opens at 00:00.
 */
export function checkOpeningHours(asset: AssetForRules, start: DateTime, end: DateTime): Violation | null {
  const { rules } = asset;
  const spans = mergeSpans(
    localDaysTouched(start, end, rules.timeZone).flatMap((d) => openSpansOfDay(d, rules)),
  );
  const s = start.toMillis();
  const containing = spans.find((span) => span.start <= s && s < span.end);
  if (containing && containing.end >= end.toMillis()) return null;
  const gap = DateTime.fromMillis(containing ? containing.end : s, { zone: zoneNamed(rules.timeZone) });
  const weekday = isoWeekday(gap);
  const hours = hoursText(rules, weekday);
  return makeViolation(
    'outside_opening_hours',
    { weekday, date: gap.toISODate() ?? '', hours },
    {
      asset,
      key: hours ? 'outside_opening_hours.hours' : 'outside_opening_hours.closed',
      text: (locale) => ({ weekday: weekdayName(weekday, locale) }),
    },
  );
}

export function checkClosures(asset: AssetForRules, start: DateTime, end: DateTime): Violation[] {
  const dates = localDaysTouched(start, end, asset.rules.timeZone).map((d) => d.toISODate() ?? '');
  const violations: Violation[] = [];
  for (const closure of asset.rules.closures) {
    const date = dates.find((d) => closure.from <= d && d <= closure.to);
    if (!date) continue;
    violations.push(
      makeViolation(
        'closed_on_date',
        { date, from: closure.from, to: closure.to },
        {
          asset,
          text: (locale) => ({ date: formatLocalDate(date, locale), reason: closure.reason[locale] }),
        },
      ),
    );
  }
  return violations;
}

/** Start and end on the slot grid: whole minutes, wall-clock minutes since local midnight % step. */
export function checkAlignment(asset: AssetForRules, start: DateTime, end: DateTime): Violation | null {
  const step = asset.rules.slotStepMinutes;
  const aligned = (dt: DateTime) => {
    const local = inZone(dt, asset.rules.timeZone);
    return local.second === 0 && local.millisecond === 0 && wallClockMinutes(local) % step === 0;
  };
  if (aligned(start) && aligned(end)) return null;
  return makeViolation(
    'misaligned_to_slot',
    { step },
    { asset, text: (locale) => ({ step: formatDuration(step, locale) }) },
  );
}

/** Duration limits in elapsed minutes (a 01:00–03:00 booking on spring-forward day lasts 60). */
export function checkDuration(asset: AssetForRules, start: DateTime, end: DateTime): Violation | null {
  const minutes = (end.toMillis() - start.toMillis()) / 60_000;
  const { minDurationMinutes: min, maxDurationMinutes: max } = asset.rules;
  if (minutes < min) {
    return makeViolation(
      'too_short',
      { minMinutes: min, actualMinutes: minutes },
      { asset, text: (l) => ({ min: formatDuration(min, l), actual: formatDuration(minutes, l) }) },
    );
  }
  if (minutes > max) {
    return makeViolation(
      'too_long',
      { maxMinutes: max, actualMinutes: minutes },
      { asset, text: (l) => ({ max: formatDuration(max, l), actual: formatDuration(minutes, l) }) },
    );
  }
  return null;
}

/**
 * The booking window that applies to this person: for each field, the most generous value among
 * matching overrides that set it (smallest notice, largest advance), else the base value.
 */
export function effectiveWindow(
  rules: RentalRules,
  standing: Standing,
): { minNoticeMinutes: number; maxAdvanceDays: number } {
  const matching = rules.windowOverrides.filter((o) => matches(standing, o.roles, o.groupKinds, o.groupTags));
  const notices = matching.flatMap((o) => (o.minNoticeMinutes === undefined ? [] : [o.minNoticeMinutes]));
  const advances = matching.flatMap((o) => (o.maxAdvanceDays === undefined ? [] : [o.maxAdvanceDays]));
  return {
    minNoticeMinutes: notices.length ? Math.min(...notices) : rules.minNoticeMinutes,
    maxAdvanceDays: advances.length ? Math.max(...advances) : rules.maxAdvanceDays,
  };
}

/**
 * Minimum notice in elapsed minutes before the start; maximum advance in local calendar days: the
 * start's local date may be at most `maxAdvanceDays` after today's local date.
 */
export function checkWindow(
  asset: AssetForRules,
  now: DateTime,
  start: DateTime,
  standing: Standing,
  inThePast: boolean,
): Violation[] {
  const violations: Violation[] = [];
  const { minNoticeMinutes, maxAdvanceDays } = effectiveWindow(asset.rules, standing);
  const noticeMinutes = (start.toMillis() - now.toMillis()) / 60_000;
  if (!inThePast && noticeMinutes < minNoticeMinutes) {
    violations.push(
      makeViolation(
        'notice_too_short',
        { minNoticeMinutes, noticeMinutes: Math.floor(noticeMinutes) },
        { asset, text: (l) => ({ notice: formatDuration(minNoticeMinutes, l) }) },
      ),
    );
  }
  const lastDate =
    inZone(now, asset.rules.timeZone).startOf('day').plus({ days: maxAdvanceDays }).toISODate() ?? '';
  const startDate = inZone(start, asset.rules.timeZone).toISODate() ?? '';
  if (startDate > lastDate) {
    violations.push(
      makeViolation(
        'too_far_ahead',
        { maxAdvanceDays, lastDate },
        {
          asset,
          text: (l) => ({ days: formatDays(maxAdvanceDays, l), lastDate: formatLocalDate(lastDate, l) }),
        },
      ),
    );
  }
  return violations;
}

export function checkCapacity(asset: AssetForRules, attendees: number): Violation | null {
  if (asset.kind !== 'space' || asset.capacity === null || !(attendees > asset.capacity)) return null;
  return makeViolation('over_capacity', { capacity: asset.capacity, attendees }, { asset });
}

/** Pools: whole number 1..poolSize; spaces and single items: exactly 1. Availability is the API's. */
export function checkQuantity(asset: AssetForRules, quantity: number): Violation | null {
  if (asset.kind === 'equipment_pool') {
    const max = asset.poolSize ?? Number.MAX_SAFE_INTEGER;
    if (Number.isSafeInteger(quantity) && quantity >= 1 && quantity <= max) return null;
    return makeViolation(
      'quantity_invalid',
      { quantity, poolSize: asset.poolSize ?? '' },
      { asset, key: 'quantity_invalid.pool' },
    );
  }
  if (quantity === 1) return null;
  return makeViolation('quantity_invalid', { quantity }, { asset, key: 'quantity_invalid.single' });
}

/**
 * Fair holding: a request that would wait for approval while holding its slot counts against the
 * person's pending cap on each asset, so nobody can hold an asset hostage with pending requests.
 * A request that is auto-approved for this person does not wait, and is not capped here.
 */
export function checkPendingCap(
  asset: AssetForRules,
  pendingByAsset: Record<string, number> | undefined,
  standing: Standing,
): Violation | null {
  if (!pendingByAsset || !requiresApproval(asset.rules, standing)) return null;
  const limit = asset.rules.maxPendingPerPerson ?? DEFAULT_MAX_PENDING_PER_PERSON;
  const pending = pendingByAsset[asset.id] ?? 0;
  if (pending + 1 <= limit) return null;
  return makeViolation('too_many_pending', { limit, pending }, { asset });
}
