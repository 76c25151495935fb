import type { Locale } from '@madang/contracts';
import type { DateTime } from 'luxon';
import { formatDuration } from './format';
import { inZone, parseInstant } from './time';
import type { AssetForRules, Quota, UsageEntry } from './types';
import { makeViolation, type Violation } from './violations';

const SCOPE: Record<Quota['scope'], Record<Locale, string>> = {
  person: { ko: '1인당', en: 'person' },
  group: { ko: '단체당', en: 'group' },
};
const PERIOD: Record<Quota['period'], Record<Locale, string>> = {
  week: { ko: '한 주에', en: 'week' },
  month: { ko: '한 달에', en: 'month' },
};
const PERIOD_NAME: Record<Quota['period'], string> = { week: '주', month: '달' };

/** The local period containing `at`: ISO week from Monday 00:00, or the calendar month. */
export function quotaPeriod(
  at: DateTime,
  period: Quota['period'],
  timeZone: string,
): { start: DateTime; end: DateTime } {
  const local = inZone(at, timeZone);
  const start = period === 'week' ? local.startOf('week') : local.startOf('month');
  return { start, end: period === 'week' ? start.plus({ weeks: 1 }) : start.plus({ months: 1 }) };
}

export interface QuotaContext {
  asset: AssetForRules;
  start: DateTime;
  end: DateTime;
  userId: string;
  /** The request's group when the actor is a member of it; group quotas apply only then. */
  groupId: string | null;
  usage: UsageEntry[];
}

/**
 * Checks the asset's quotas. A booking counts in the period where it starts (local time), with its
 * whole duration; `person` counts the actor's own bookings, `group` the bookings for the request's
 * group. The request itself is included in the count.
 */
export function checkQuotas(ctx: QuotaContext): Violation[] {
  const { asset, start, end, userId, groupId, usage } = ctx;
  const violations: Violation[] = [];
  const requestedMinutes = (end.toMillis() - start.toMillis()) / 60_000;
  for (const quota of asset.rules.quotas) {
    if (quota.scope === 'group' && !groupId) continue;
    const period = quotaPeriod(start, quota.period, asset.rules.timeZone);
    let count = 0;
    let minutes = 0;
    for (const entry of usage) {
      if (!entry.assetIds.includes(asset.id)) continue;
      if (quota.scope === 'person' ? entry.userId !== userId : entry.groupId !== groupId) continue;
      const s = parseInstant(entry.start);
      const e = parseInstant(entry.end);
      if (!s || !e) continue;
      if (s.toMillis() < period.start.toMillis() || s.toMillis() >= period.end.toMillis()) continue;
      count += 1;
      minutes += Math.max(0, (e.toMillis() - s.toMillis()) / 60_000);
    }
    const common = {
      scope: quota.scope,
      period: quota.period,
      periodStart: period.start.toISODate() ?? '',
    };
    const text = (locale: Locale) => ({
      scope: SCOPE[quota.scope][locale],
      period: PERIOD[quota.period][locale],
      periodName: PERIOD_NAME[quota.period],
    });
    if (quota.maxBookings !== undefined && count + 1 > quota.maxBookings) {
      const limit = quota.maxBookings;
      violations.push(
        makeViolation(
          'quota_bookings_exceeded',
          { ...common, limit, used: count },
          {
            asset,
            text: (locale) => ({
              ...text(locale),
              limitTimes: limit === 1 ? 'once' : limit === 2 ? 'twice' : `${limit} times`,
            }),
          },
        ),
      );
    }
    const maxHours = quota.maxHours;
    if (maxHours !== undefined && minutes + requestedMinutes > maxHours * 60) {
      violations.push(
        makeViolation(
          'quota_hours_exceeded',
          { ...common, limitHours: maxHours, usedMinutes: minutes, requestedMinutes },
          {
            asset,
            text: (locale) => ({
              ...text(locale),
              limit: formatDuration(maxHours * 60, locale),
              used: formatDuration(minutes, locale),
              requested: formatDuration(requestedMinutes, locale),
            }),
          },
        ),
      );
    }
  }
  return violations;
}
