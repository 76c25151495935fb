import { DateTime } from 'luxon';
import { zoneNamed } from '@madang/booking-rules';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** `yyyy-MM-dd` → its parts, or null when malformed or not a real date. */
export function parseLocalDate(value: unknown): DateParts | null {
  if (typeof value !== 'string') return null;
  const match = LOCAL_DATE.exec(value);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return DateTime.fromObject(parts, { zone: 'utc' }).isValid ? parts : null;
}

/** `HH:mm` (00:00–23:59) → hour and minute, or null. */
export function parseWallClock(value: unknown): { hour: number; minute: number } | null {
  if (typeof value !== 'string') return null;
  const match = WALL_TIME.exec(value);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

export function isKnownZone(timeZone: unknown): timeZone is string {
  return (
    typeof timeZone === 'string' && timeZone.length > 0 && DateTime.now().setZone(zoneNamed(timeZone)).isValid
  );
}

/** Days from one local date to another (both `yyyy-MM-dd`). */
export function daysBetween(from: DateParts, to: DateParts): number {
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000,
  );
}

export function formatLocalDate(parts: DateParts): string {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

/** A floating date-time: the wall clock stored in a Date's UTC fields (how rrule computes). */
export function floating(parts: DateParts, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, hour, minute, second));
}

export function partsOfFloating(date: Date): DateParts {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(parts: DateParts, days: number): DateParts {
  return partsOfFloating(new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days)));
}
