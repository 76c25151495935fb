// Pure helpers for FullCalendar options: types only from FullCalendar, so a page can build a calendar's
// options without loading FullCalendar (the calendar itself loads with the component that draws it; its
// plugins are in calendar-zone.ts).
import type { BusinessHoursInput, EventInput } from '@fullcalendar/core';
import type { Locale, BookingDto, Decision, Interval, OpeningHours } from '@madang/contracts';

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
