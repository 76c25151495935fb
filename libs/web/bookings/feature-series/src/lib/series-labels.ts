import type {
  Locale,
  OccurrenceCheck,
  OccurrenceExceptionKind,
  SeriesOccurrenceState,
  SlotConflict,
} from '@madang/contracts';
import type { MessageKey } from '@madang/web/i18n';
import { formatRange } from '@madang/web/bookings/util';

/** RFC 5545 day codes by ISO weekday − 1. */
export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const NAMES: Record<Locale, readonly string[]> = {
  ko: ['월', '화', '수', '목', '금', '토', '일'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

const SHORT: Record<Locale, readonly string[]> = {
  ko: NAMES.ko,
  en: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
};
const FULL: Record<Locale, readonly string[]> = {
  ko: ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** Weekday toggles: a short label that fits seven across a phone, the full name for screen readers. */
export function weekdayLabels(locale: Locale): { value: number; label: string; name: string }[] {
  return SHORT[locale].map((label, i) => ({ value: i + 1, label, name: FULL[locale][i] }));
}

/** "화 12월 8일" — a local date with its weekday (the date is already local). */
export function dateLabel(date: string, locale: Locale): string {
  const d = new Date(`${date}T12:00:00Z`);
  return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** `HH:mm–HH:mm` of two local wall-clock stamps `yyyy-MM-ddTHH:mm`. */
export function timeLabel(localStart: string, localEnd: string): string {
  return `${localStart.slice(11, 16)}–${localEnd.slice(11, 16)}`;
}

/** When each colliding window is held (never who holds it). */
export function conflictText(conflicts: readonly SlotConflict[], locale: Locale, timeZone: string): string {
  return conflicts
    .map((c) => `${c.assetName[locale]} ${formatRange(c.start, c.end, locale, timeZone)}`)
    .join(', ');
}

export const CHECK_KEYS = {
  ok: 'series.check.ok',
  conflict: 'series.check.conflict',
  violation: 'series.check.violation',
} as const satisfies Record<OccurrenceCheck, MessageKey>;

export const STATE_KEYS = {
  booked: 'series.state.booked',
  cancelled: 'series.state.cancelled',
  not_booked: 'series.state.not_booked',
} as const satisfies Record<SeriesOccurrenceState, MessageKey>;

export const EXCEPTION_KEYS = {
  moved: 'series.exception.moved',
  other_room: 'series.exception.other_room',
  cancelled: 'series.exception.cancelled',
} as const satisfies Record<OccurrenceExceptionKind, MessageKey>;

/**
 * The stored RRULE part in words: "매주 화 · 12회" / "Every week on Tue · 12 times". Parts the
 * pages do not make (monthly rules) fall back to the rule text itself.
 */
export function ruleWords(rrule: string, locale: Locale): string {
  const parts = new Map(
    rrule.split(';').map((p) => {
      const [k, v] = p.split('=');
      return [k, v ?? ''] as const;
    }),
  );
  if (parts.get('FREQ') !== 'WEEKLY') return rrule;
  const names = NAMES[locale];
  const days = (parts.get('BYDAY') ?? '')
    .split(',')
    .map((code) => names[DAY_CODES.indexOf(code as (typeof DAY_CODES)[number])])
    .filter(Boolean)
    .join(', ');
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL')?.slice(0, 8);
  const untilDate = until ? `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` : '';
  if (locale === 'ko') {
    const every = interval === 1 ? '매주' : `${interval}주마다`;
    return `${every} ${days} · ${count ? `${count}회` : `${untilDate}까지`}`;
  }
  const every = interval === 1 ? 'Every week' : `Every ${interval} weeks`;
  return `${every} on ${days} · ${count ? `${count} times` : `until ${untilDate}`}`;
}
