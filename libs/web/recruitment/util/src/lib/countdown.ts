import type { Locale } from '@madang/contracts';
import { centreTimeZone, dateTimeFormat } from '@madang/web/util';
import { DateTime } from 'luxon';

export interface Countdown {
  /** True once the deadline has passed (the server refuses a submission from then on). */
  passed: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** What is left until `deadline` at `now`, in whole days, hours, minutes and seconds. */
export function countdown(deadline: string | Date, now: Date): Countdown {
  const end = typeof deadline === 'string' ? new Date(deadline) : deadline;
  const left = Math.floor((end.getTime() - now.getTime()) / 1000);
  if (!Number.isFinite(left) || left <= 0) return { passed: true, days: 0, hours: 0, minutes: 0, seconds: 0 };
  return {
    passed: false,
    days: Math.floor(left / 86_400),
    hours: Math.floor((left % 86_400) / 3600),
    minutes: Math.floor((left % 3600) / 60),
    seconds: left % 60,
  };
}

/** `3일 4시간 5분 6초` / `3d 4h 5m 6s`, leading zero units left out (seconds always shown). */
export function countdownText(left: Countdown, locale: Locale): string {
  const units: [number, string, string][] = [
    [left.days, '일', 'd'],
    [left.hours, '시간', 'h'],
    [left.minutes, '분', 'm'],
    [left.seconds, '초', 's'],
  ];
  const first = units.findIndex(([value]) => value > 0);
  const shown = first === -1 ? units.slice(3) : units.slice(first);
  return shown.map(([value, ko, en]) => `${value}${locale === 'ko' ? ko : en}`).join(' ');
}

/**
 * A date-time in the centre's time zone (the server's, `centreTimeZone()`, unless `timeZone` is
 * given), to the minute, on a 24-hour clock, with the zone named: `2027년 3월 31일 18:00 한국 표준시`,
 * `31 March 2027 at 18:00 Korean Standard Time` (a deadline is never set to the second).
 */
export function formatInCentre(value: string, locale: Locale, timeZone = centreTimeZone()): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'long',
    timeZone,
  }).format(date);
}

/** Characters as a person counts them (a Hangul syllable or an emoji is one), for length counters. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/**
 * An instant as the value of a `datetime-local` input on the centre's wall clock
 * (`YYYY-MM-DDTHH:mm`), in `timeZone` (default: the server's zone).
 */
export function toCentreInput(value: string | null | undefined, timeZone = centreTimeZone()): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const local = DateTime.fromJSDate(date, { zone: timeZone });
  return local.isValid ? local.toFormat("yyyy-MM-dd'T'HH:mm") : '';
}

/**
 * A `datetime-local` value read on the centre's wall clock in `timeZone` (default: the server's
 * zone), as an ISO instant with that zone's offset at that moment (summer time included).
 */
export function fromCentreInput(local: string, timeZone = centreTimeZone()): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const instant = DateTime.fromISO(local, { zone: timeZone });
  return instant.isValid ? instant.toISO({ suppressMilliseconds: true }) : null;
}
