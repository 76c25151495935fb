import type { Locale } from '@madang/contracts';

/** The centre's time zone: deadlines are shown (and enforced by the server) in it. */
export const CENTRE_TIME_ZONE = 'Asia/Seoul';

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

/** A date-time in the centre's time zone with the zone named, e.g. `2027년 3월 31일 오후 6:00:00 (KST)`. */
export function formatInCentre(value: string, locale: Locale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'long',
    timeZone: CENTRE_TIME_ZONE,
  }).format(date);
}

/** Characters as a person counts them (a Hangul syllable or an emoji is one), for length counters. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/** Korea has kept +09:00 all year since 1988: the centre's wall clock is UTC + 9 h. */
const CENTRE_OFFSET_MS = 9 * 3600 * 1000;

/** An instant as the value of a `datetime-local` input on the centre's wall clock (`YYYY-MM-DDTHH:mm`). */
export function toCentreInput(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() + CENTRE_OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value read on the centre's wall clock, as an ISO instant with its offset. */
export function fromCentreInput(local: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)
    ? `${local.length === 16 ? `${local}:00` : local}+09:00`
    : null;
}
