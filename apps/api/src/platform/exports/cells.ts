import { DateTime } from 'luxon';
import type { Cell, ColumnKind } from './export-spec';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** The instant as wall-clock time in `zone`, or a calendar date as it is. */
function localTime(value: Date | string, zone: string): DateTime {
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) return DateTime.fromISO(value, { zone: 'UTC' });
  const instant =
    typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : DateTime.fromJSDate(value);
  if (!instant.isValid) throw new Error(`not a date: ${String(value)}`);
  return instant.setZone(zone);
}

function wholeNumber(value: Cell, kind: ColumnKind): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n))
    throw new Error(`${kind} cell is not a whole number: ${String(value)}`);
  return n;
}

function ratio(value: Cell): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw new Error(`percent cell is not a number: ${String(value)}`);
  return n;
}

/** A cell as text for people (PDF): grouped digits, local dates, percentages. */
export function displayText(value: Cell, kind: ColumnKind, zone: string): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'text':
      return value instanceof Date ? value.toISOString() : String(value);
    case 'integer':
    case 'won':
      return grouped.format(wholeNumber(value, kind));
    case 'percent':
      return percent.format(ratio(value));
    case 'date':
      return localTime(value as Date | string, zone).toFormat('yyyy-MM-dd');
    case 'datetime':
      return localTime(value as Date | string, zone).toFormat('yyyy-MM-dd HH:mm');
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/**
 * A cell as text for CSV: numbers as plain digits (so spreadsheets and scripts read numbers),
 * dates local. Text that a spreadsheet would run as a formula (= + - @ tab CR first) is prefixed
 * with an apostrophe (OWASP "CSV injection").
 */
export function csvText(value: Cell, kind: ColumnKind, zone: string): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'text': {
      const text = value instanceof Date ? value.toISOString() : String(value);
      return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    }
    case 'integer':
    case 'won':
      return String(wholeNumber(value, kind));
    default:
      return displayText(value, kind, zone);
  }
}

/** A cell as an XLSX value: numbers stay numbers, dates become Excel dates in local wall-clock time. */
export function xlsxValue(value: Cell, kind: ColumnKind, zone: string): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'text':
      return value instanceof Date ? value.toISOString() : String(value);
    case 'integer':
    case 'won':
      return wholeNumber(value, kind);
    case 'percent':
      return ratio(value);
    case 'date':
    case 'datetime': {
      // Excel has no time zones: write the local wall-clock reading as if it were UTC.
      const local = localTime(value as Date | string, zone);
      const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
      return new Date(kind === 'date' ? Date.UTC(local.year, local.month - 1, local.day) : wall);
    }
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

export const XLSX_FORMATS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  integer: '#,##0',
  won: '#,##0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  percent: '0.0%',
};

export const DEFAULT_WIDTHS: Readonly<Record<ColumnKind, number>> = {
  text: 24,
  integer: 10,
  won: 14,
  date: 12,
  datetime: 17,
  percent: 9,
};

export function isNumeric(kind: ColumnKind): boolean {
  return kind === 'integer' || kind === 'won' || kind === 'percent';
}
