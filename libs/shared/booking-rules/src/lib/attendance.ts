import type { NoShowConsequence, RentalRules } from './types';

/** Check-in opens this long before the start unless the rules say otherwise. */
export const DEFAULT_CHECK_IN_OPENS_MINUTES_BEFORE = 15;
/** Equipment is overdue this long after the end unless the rules say otherwise. */
export const DEFAULT_RETURN_GRACE_MINUTES = 30;

const MINUTE = 60_000;
const DAY = 86_400_000;

type AttendanceRules = Pick<
  RentalRules,
  'checkInOpensMinutesBefore' | 'noShowAfterMinutes' | 'noShowLimit' | 'returnGraceMinutes'
>;

/**
 * When a booking may be checked in: from `checkInOpensMinutesBefore` before the start until the
 * no-show deadline (or, when no-shows are not tracked, until the end).
 */
export function checkInWindow(
  rules: AttendanceRules,
  start: string,
  end: string,
): { opens: string; closes: string } {
  const s = Date.parse(start);
  const before = rules.checkInOpensMinutesBefore ?? DEFAULT_CHECK_IN_OPENS_MINUTES_BEFORE;
  const deadline = noShowDeadline(rules, start);
  return {
    opens: new Date(s - before * MINUTE).toISOString(),
    closes: deadline ?? new Date(Date.parse(end)).toISOString(),
  };
}

/** The instant after which a booking not checked in is a no-show; null when not tracked. */
export function noShowDeadline(rules: AttendanceRules, start: string): string | null {
  if (rules.noShowAfterMinutes === undefined) return null;
  return new Date(Date.parse(start) + rules.noShowAfterMinutes * MINUTE).toISOString();
}

/** When borrowed equipment becomes overdue. */
export function returnDue(rules: AttendanceRules, end: string): string {
  const grace = rules.returnGraceMinutes ?? DEFAULT_RETURN_GRACE_MINUTES;
  return new Date(Date.parse(end) + grace * MINUTE).toISOString();
}

export interface NoShowStanding {
  /** No-shows within the rule's period before `now`. */
  count: number;
  /** What the rule does now (null: nothing, or no rule). */
  consequence: NoShowConsequence | null;
  periodDays: number | null;
}

/**
 * What a person's no-shows mean under an asset's rules: the limit applies once `count` no-shows fall
 * within the last `periodDays` days (a no-show exactly `periodDays` ago no longer counts).
 */
export function noShowStanding(
  rules: AttendanceRules,
  noShows: readonly string[],
  now: string,
): NoShowStanding {
  const limit = rules.noShowLimit;
  if (!limit) return { count: 0, consequence: null, periodDays: null };
  const at = Date.parse(now);
  const since = at - limit.periodDays * DAY;
  const count = noShows.filter((t) => {
    const x = Date.parse(t);
    return x > since && x <= at;
  }).length;
  return {
    count,
    consequence: count >= limit.count ? limit.consequence : null,
    periodDays: limit.periodDays,
  };
}
