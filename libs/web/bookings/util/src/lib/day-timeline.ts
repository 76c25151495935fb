import type { BookingDto, Decision } from '@madang/contracts';

export interface TimelineBar {
  booking: BookingDto;
  /** Position in the visible hours, as percentages of the track. */
  left: number;
  width: number;
  /** Overlapping bars of one row stack in lanes (0 = top). */
  lane: number;
  /** The bar is cut at the visible window's start or end. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface TimelineRow {
  assetId: string;
  bars: TimelineBar[];
  lanes: number;
}

/** The visible window of a day: whole hours from `fromHour` to `toHour` (24 = midnight after). */
export interface TimelineWindow {
  /** Instants (ms) of the window's start and end. */
  start: number;
  end: number;
  fromHour: number;
  toHour: number;
}

/** The order states are drawn and listed in the legend. */
export const TIMELINE_DECISIONS: readonly Decision[] = ['pending', 'approved', 'rejected', 'cancelled'];

/**
 * Lays a day's bookings out as one row per asset (in the given order, empty rows kept): each item
 * of a booking is a bar on its asset's row, positioned in the window, overlapping bars in lanes.
 * Pure, so 200 rows × a day are laid out once per data change, not per render.
 */
export function layoutDay(
  assetIds: readonly string[],
  bookings: readonly BookingDto[],
  window: TimelineWindow,
): TimelineRow[] {
  const span = window.end - window.start;
  const byAsset = new Map<string, BookingDto[]>(assetIds.map((id) => [id, []]));
  for (const b of bookings) {
    for (const item of b.items) byAsset.get(item.assetId)?.push(b);
  }
  return assetIds.map((assetId) => {
    const list = (byAsset.get(assetId) ?? [])
      .map((booking) => ({ booking, s: Date.parse(booking.start), e: Date.parse(booking.end) }))
      .filter((x) => x.e > window.start && x.s < window.end)
      .sort((a, b) => a.s - b.s || b.e - a.e);
    const laneEnds: number[] = [];
    const bars = list.map(({ booking, s, e }) => {
      let lane = laneEnds.findIndex((end) => end <= s);
      if (lane === -1) {
        lane = laneEnds.length;
        laneEnds.push(e);
      } else laneEnds[lane] = e;
      const from = Math.max(s, window.start);
      const to = Math.min(e, window.end);
      return {
        booking,
        left: ((from - window.start) / span) * 100,
        width: Math.max(((to - from) / span) * 100, 0.5),
        lane,
        clippedStart: s < window.start,
        clippedEnd: e > window.end,
      };
    });
    return { assetId, bars, lanes: Math.max(1, laneEnds.length) };
  });
}

/**
 * A month with thousands of bookings: per local day of `timeZone`, the first `max` bookings (by
 * start) and how many more there are, so a calendar draws a handful of events per day and a
 * "+n" marker instead of laying out (and measuring) every one.
 */
export function capPerDay(
  bookings: readonly BookingDto[],
  timeZone: string,
  max: number,
): { shown: BookingDto[]; more: { date: string; count: number }[] } {
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone });
  const byDay = new Map<string, BookingDto[]>();
  for (const b of bookings) {
    const at = new Date(b.start);
    const day = Number.isNaN(at.getTime()) ? b.start : dayOf.format(at);
    const list = byDay.get(day);
    if (list) list.push(b);
    else byDay.set(day, [b]);
  }
  const shown: BookingDto[] = [];
  const more: { date: string; count: number }[] = [];
  for (const [date, list] of [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.start.localeCompare(b.start));
    if (list.length <= max) shown.push(...list);
    else {
      shown.push(...list.slice(0, max - 1));
      more.push({ date, count: list.length - (max - 1) });
    }
  }
  return { shown, more };
}
