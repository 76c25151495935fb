import type { Locale, LocalizedText } from '@madang/contracts';
import { formatWonLenient } from '@madang/money';
import type { IsoWeekday } from './types';

function groupThousands(value: number): string {
  return String(Math.abs(Math.trunc(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats won: `20,000원` (ko) or `₩20,000` (en), a fraction dropped. Deterministic (no Intl), so the API
 * and every browser print the same string. The money library's `formatWonLenient`.
 */
export function formatKrw(amount: number, locale: Locale): string {
  return formatWonLenient(amount, locale);
}

function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Number.isInteger(rounded) ? groupThousands(rounded) : String(rounded);
}

/** `1시간 30분` / `1 h 30 min`. */
export function formatDuration(minutes: number, locale: Locale): string {
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (locale === 'ko') {
    if (h === 0) return `${m}분`;
    return m === 0 ? `${formatNumber(h)}시간` : `${formatNumber(h)}시간 ${m}분`;
  }
  if (h === 0) return `${m} min`;
  return m === 0 ? `${formatNumber(h)} h` : `${formatNumber(h)} h ${m} min`;
}

export function formatDays(days: number, locale: Locale): string {
  if (locale === 'ko') return `${formatNumber(days)}일`;
  return days === 1 ? '1 day' : `${formatNumber(days)} days`;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026년 5월 5일` / `5 May 2026` from `2026-05-05`. */
export function formatLocalDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  return locale === 'ko' ? `${y}년 ${m}월 ${d}일` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

const WEEKDAYS: Record<IsoWeekday, LocalizedText> = {
  1: { ko: '월요일', en: 'Mondays' },
  2: { ko: '화요일', en: 'Tuesdays' },
  3: { ko: '수요일', en: 'Wednesdays' },
  4: { ko: '목요일', en: 'Thursdays' },
  5: { ko: '금요일', en: 'Fridays' },
  6: { ko: '토요일', en: 'Saturdays' },
  7: { ko: '일요일', en: 'Sundays' },
};

/** `일요일` / `Sundays` — used as "closed on Sundays". */
export function weekdayName(weekday: IsoWeekday, locale: Locale): string {
  return WEEKDAYS[weekday][locale];
}

// Final consonants of the Sino-Korean digit readings: 영 일 이 삼 사 오 육 칠 팔 구.
const DIGIT_HAS_FINAL = [true, true, false, true, false, false, true, true, true, false];

/**
 * Appends a Korean particle that depends on the last syllable (은/는, 이/가, 을/를).
 * Hangul and digits are decided; anything else (e.g. "회의실 A") gets the neutral `은(는)`.
 */
export function withParticle(word: string, withFinal: string, withoutFinal: string): string {
  const last = word.trim().slice(-1);
  const code = last.charCodeAt(0);
  let hasFinal: boolean | null = null;
  if (code >= 0xac00 && code <= 0xd7a3) hasFinal = (code - 0xac00) % 28 !== 0;
  else if (last >= '0' && last <= '9') hasFinal = DIGIT_HAS_FINAL[Number(last)];
  if (hasFinal === null) return `${word}${withFinal}(${withoutFinal})`;
  return `${word}${hasFinal ? withFinal : withoutFinal}`;
}

/** Joins with "또는" / "or": `A, B 또는 C` / `A, B or C`. */
export function joinOr(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(', ');
  return `${head} ${locale === 'ko' ? '또는' : 'or'} ${items[items.length - 1]}`;
}
