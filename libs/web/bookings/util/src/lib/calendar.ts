import { type BusinessHoursInput, type EventInput, type PluginDef, createPlugin } from '@fullcalendar/core';
import { NamedTimeZoneImpl } from '@fullcalendar/core/internal';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import koLocale from '@fullcalendar/core/locales/ko';
import type { Locale, BookingDto, Decision, Interval, OpeningHours } from '@madang/contracts';
import { zoneNamed } from '@madang/booking-rules';
import { DateTime } from 'luxon';

/**
 * FullCalendar needs a plugin to show named time zones (rules.timeZone) correctly. This is the
 * official luxon3 plugin's algorithm, built on the luxon the rules engine already ships.
 */
class LuxonNamedTimeZone extends NamedTimeZoneImpl {
  offsetForArray(a: number[]): number {
    return DateTime.fromObject(
      { year: a[0], month: a[1] + 1, day: a[2], hour: a[3], minute: a[4], second: a[5], millisecond: a[6] },
      { zone: zoneNamed(this.timeZoneName) },
    ).offset;
  }

  timestampToArray(ms: number): number[] {
    const dt = DateTime.fromMillis(ms, { zone: zoneNamed(this.timeZoneName) });
    return [dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second, dt.millisecond];
  }
}

export const luxonTimeZonePlugin: PluginDef = createPlugin({
  name: 'madang-luxon-time-zone',
  namedTimeZonedImpl: LuxonNamedTimeZone,
});

export const CALENDAR_LOCALES = [koLocale, enGbLocale];

/** FullCalendar's locale code for the app language. */
export function calendarLocale(locale: Locale): string {
  return locale === 'ko' ? 'ko' : 'en-gb';
}

/** Opening hours as FullCalendar business hours (ISO weekday 7 → 0 for Sunday). */
export function businessHoursOf(openingHours: readonly OpeningHours[]): BusinessHoursInput {
  return openingHours.map((entry) => ({
    daysOfWeek: [entry.weekday % 7],
    startTime: entry.open,
    endTime: entry.close === '24:00' ? '24:00' : entry.close,
  }));
}

/** Earliest opening and latest closing over the week, to trim the time grid. */
export function visibleHours(openingHours: readonly OpeningHours[]): { min: string; max: string } {
  if (openingHours.length === 0) return { min: '00:00:00', max: '24:00:00' };
  const opens = openingHours.map((h) => h.open).sort();
  const closes = openingHours.map((h) => h.close).sort();
  return { min: `${opens[0]}:00`, max: `${closes[closes.length - 1]}:00` };
}

/** Busy windows as background events. */
export function busyEvents(busy: readonly Interval[], title: string): EventInput[] {
  return busy.map((b, i) => ({
    id: `busy-${i}`,
    start: b.start,
    end: b.end,
    display: 'background',
    classNames: ['busy-slot'],
    title,
  }));
}

export const DECISION_COLOURS: Readonly<Record<Decision, { bg: string; fg: string }>> = {
  pending: { bg: '#8a5300', fg: '#ffffff' },
  approved: { bg: '#1b6b3a', fg: '#ffffff' },
  rejected: { bg: '#a8200d', fg: '#ffffff' },
  cancelled: { bg: '#5f6368', fg: '#ffffff' },
};

/** A booking as a calendar event, coloured by its decision. */
export function bookingEvent(booking: BookingDto, title: string): EventInput {
  const colour = DECISION_COLOURS[booking.decision];
  return {
    id: booking.id,
    start: booking.start,
    end: booking.end,
    title,
    backgroundColor: colour.bg,
    borderColor: colour.bg,
    textColor: colour.fg,
    classNames: [`decision-${booking.decision}`],
  };
}
