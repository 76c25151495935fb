import type { Locale } from '@madang/contracts';

/**
 * Where an observation stands against the answer the centre promised: still due (and how long
 * is left), already late (by how much), or answered (on time or late, and by how much).
 */
export type PromiseStatus =
  | { kind: 'due'; minutes: number }
  | { kind: 'late'; minutes: number }
  | { kind: 'answeredOnTime'; minutes: number }
  | { kind: 'answeredLate'; minutes: number };

const MINUTE = 60_000;

/**
 * The status of a promise due at `promisedBy`, answered at `answeredAt` (or not yet), seen at
 * `now`. `minutes` is the time left (due), overdue (late) or the margin either side (answered),
 * rounded down to whole minutes and never negative.
 */
export function promiseStatus(promisedBy: string, answeredAt: string | null, now: Date): PromiseStatus {
  const due = Date.parse(promisedBy);
  if (answeredAt) {
    const answered = Date.parse(answeredAt);
    const minutes = Math.floor(Math.abs(due - answered) / MINUTE);
    return answered <= due ? { kind: 'answeredOnTime', minutes } : { kind: 'answeredLate', minutes };
  }
  const left = due - now.getTime();
  return left >= 0
    ? { kind: 'due', minutes: Math.floor(left / MINUTE) }
    : { kind: 'late', minutes: Math.floor(-left / MINUTE) };
}

/** A duration in the largest two units that matter: "2일 3시간", "2 d 3 h", "45분", "45 min". */
export function formatDuration(minutes: number, locale: Locale): string {
  const whole = Math.max(0, Math.floor(minutes));
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const mins = whole % 60;
  const unit = locale === 'ko' ? { d: '일', h: '시간', m: '분' } : { d: ' d', h: ' h', m: ' min' };
  const parts: string[] = [];
  if (days > 0) parts.push(`${days}${unit.d}`);
  if (hours > 0) parts.push(`${hours}${unit.h}`);
  if (days === 0 && (mins > 0 || parts.length === 0)) parts.push(`${mins}${unit.m}`);
  return parts.slice(0, 2).join(' ');
}
