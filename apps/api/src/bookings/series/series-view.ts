import type { BookingSeriesDto, GroupKind, SeriesOccurrenceDto, SeriesSummaryDto } from '@madang/contracts';
import { expandSeries, parseRRuleText, toRRuleText, type SeriesDefinition } from '@madang/recurrence';
import { DateTime } from 'luxon';
import { zoneNamed } from '@madang/booking-rules';
import type { OccurrenceRow, SeriesRow } from './series.repository';

/** The stored series as a recurrence definition (its rule was validated when it was written). */
export function definitionOf(row: SeriesRow): SeriesDefinition {
  const parsed = parseRRuleText(row.rrule, {
    timeZone: row.time_zone,
    startDate: row.start_date,
    startTime: row.start_time,
    duration: { minutes: row.duration_minutes },
  });
  if (!parsed.ok) throw new Error(`booking_series ${row.id}: stored rule does not read: ${row.rrule}`);
  return parsed.definition;
}

const wall = (at: Date, zone: string) =>
  DateTime.fromJSDate(at, { zone: zoneNamed(zone) }).toFormat("yyyy-MM-dd'T'HH:mm");

const seriesItems = (row: SeriesRow) =>
  (row.items ?? []).map((i) => ({
    assetId: i.assetId,
    assetName: { ko: i.nameKo, en: i.nameEn },
    quantity: i.quantity,
  }));

/**
 * The series with every occurrence: each date of the expansion with its booking when it has one
 * (its own times: a moved occurrence keeps its move), plus bookings whose date an edit removed.
 */
export function toSeriesDto(row: SeriesRow, bookings: readonly OccurrenceRow[]): BookingSeriesDto {
  const definition = definitionOf(row);
  const expansion = expandSeries(definition);
  const byDate = new Map(bookings.map((b) => [b.occurrence_date, b]));
  const defaults = seriesItems(row);
  const fromBooking = (date: string, b: OccurrenceRow): SeriesOccurrenceDto => ({
    date,
    bookingId: b.id,
    start: b.start_at.toISOString(),
    end: b.end_at.toISOString(),
    localStart: wall(b.start_at, row.time_zone),
    localEnd: wall(b.end_at, row.time_zone),
    state: b.holds_slot ? 'booked' : 'cancelled',
    decision: b.decision,
    holdsSlot: b.holds_slot,
    exception: b.series_exception,
    assets: (b.items ?? []).map((i) => ({
      assetId: i.assetId,
      assetName: { ko: i.nameKo, en: i.nameEn },
      quantity: i.quantity,
    })),
  });
  const occurrences: SeriesOccurrenceDto[] = (expansion.ok ? expansion.occurrences : []).map((o) => {
    const booking = byDate.get(o.key);
    byDate.delete(o.key);
    if (booking) return fromBooking(o.key, booking);
    return {
      date: o.key,
      bookingId: null,
      start: o.start,
      end: o.end,
      localStart: o.localStart,
      localEnd: o.localEnd,
      state: 'not_booked',
      decision: null,
      holdsSlot: false,
      exception: null,
      assets: defaults,
    };
  });
  for (const [date, booking] of byDate) occurrences.push(fromBooking(date, booking));
  occurrences.sort((a, b) => a.date.localeCompare(b.date));
  return {
    id: row.id,
    requester: { id: row.requester_id, displayName: row.requester_name },
    group: row.group_id
      ? { id: row.group_id, name: row.group_name ?? '', kind: row.group_kind as GroupKind }
      : null,
    items: defaults,
    timeZone: row.time_zone,
    rrule: row.rrule,
    rruleText: toRRuleText(definition),
    startDate: row.start_date,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    until: row.until_date,
    count: row.occurrence_count,
    purpose: row.purpose,
    purposeTag: row.purpose_tag,
    attendees: row.attendees,
    status: row.status,
    splitFrom: row.split_from,
    createdAt: row.created_at.toISOString(),
    occurrences,
  };
}

export function toSeriesSummary(row: SeriesRow): SeriesSummaryDto {
  return {
    id: row.id,
    requester: { id: row.requester_id, displayName: row.requester_name },
    items: seriesItems(row),
    rrule: row.rrule,
    startDate: row.start_date,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    purpose: row.purpose,
    status: row.status,
    booked: row.booked ?? 0,
    pending: row.pending ?? 0,
    createdAt: row.created_at.toISOString(),
  };
}
