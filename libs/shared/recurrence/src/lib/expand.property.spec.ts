import fc from 'fast-check';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { expandSeries } from './expand';
import { parseRRuleText, toRRuleText } from './rrule-text';
import type { IsoWeekday, Ordinal, SeriesDefinition, SeriesPattern } from './types';
import { DEFAULT_SERIES_LIMITS } from './types';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Seoul', 'Australia/Sydney', 'America/Santiago'];
const pad = (n: number) => String(n).padStart(2, '0');

const weekday = fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<IsoWeekday>;
const pattern: fc.Arbitrary<SeriesPattern> = fc.oneof(
  fc.record({
    kind: fc.constant('weekly' as const),
    interval: fc.integer({ min: 1, max: 4 }),
    weekdays: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }),
  }),
  fc.record({
    kind: fc.constant('monthly-by-date' as const),
    interval: fc.constantFrom(1, 2, 3, 6, 12),
    dayOfMonth: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant(-1)),
  }),
  fc.record({
    kind: fc.constant('monthly-by-weekday' as const),
    interval: fc.constantFrom(1, 2, 3, 6, 12),
    weekday,
    ordinal: fc.constantFrom<Ordinal>(1, 2, 3, 4, 5, -1),
  }),
);

const definition: fc.Arbitrary<SeriesDefinition> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    start: fc.date({
      min: new Date('2025-01-01T00:00:00Z'),
      max: new Date('2028-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.constantFrom(0, 15, 30, 45),
    minutes: fc.integer({ min: 15, max: 600 }),
    pattern,
    end: fc.oneof(
      fc.record({ kind: fc.constant('count' as const), count: fc.integer({ min: 1, max: 300 }) }),
      fc.record({ kind: fc.constant('until' as const), days: fc.integer({ min: 0, max: 900 }) }),
    ),
  })
  .map(({ timeZone, start, hour, minute, minutes, pattern, end }) => {
    const startDate = start.toISOString().slice(0, 10);
    return {
      timeZone,
      startDate,
      startTime: `${pad(hour)}:${pad(minute)}`,
      duration: { minutes },
      pattern,
      end:
        end.kind === 'count'
          ? end
          : {
              kind: 'until' as const,
              until: DateTime.fromISO(startDate).plus({ days: end.days }).toISODate() as string,
            },
    };
  });

function matchesPattern(key: string, p: SeriesPattern): boolean {
  const date = DateTime.fromISO(key);
  if (p.kind === 'weekly') return p.weekdays.includes(date.weekday as IsoWeekday);
  if (p.kind === 'monthly-by-date')
    return p.dayOfMonth === -1 ? date.day === date.daysInMonth : date.day === p.dayOfMonth;
  if (date.weekday !== p.weekday) return false;
  return p.ordinal === -1
    ? date.plus({ days: 7 }).month !== date.month
    : Math.ceil(date.day / 7) === p.ordinal;
}

/** The same rule expanded by an independent implementation (ical.js) on floating local dates. */
function icalDates(def: SeriesDefinition, firstKey: string): string[] {
  const rule = toRRuleText(def)
    .split('\n')[1]
    .slice('RRULE:'.length)
    .replace(/UNTIL=[^;]+/, () =>
      def.end.kind === 'until' ? `UNTIL=${def.end.until.replaceAll('-', '')}T235959` : '',
    );
  const [year, month, day] = firstKey.split('-').map(Number);
  const [hour, minute] = def.startTime.split(':').map(Number);
  const iterator = ICAL.Recur.fromString(rule).iterator(
    ICAL.Time.fromData({ year, month, day, hour, minute, second: 0 }),
  );
  const dates: string[] = [];
  for (
    let next = iterator.next();
    next && dates.length <= DEFAULT_SERIES_LIMITS.maxOccurrences;
    next = iterator.next()
  ) {
    dates.push(next.toString().slice(0, 10));
  }
  return dates;
}

describe('expandSeries properties', () => {
  it('never exceeds the caps; every occurrence is in range, matches the pattern and keeps its wall-clock time', () => {
    fc.assert(
      fc.property(definition, (def) => {
        const result = expandSeries(def);
        if (!result.ok) {
          // Refused only for a reason a person can act on.
          const [problem] = result.problems;
          expect(['too_many_occurrences', 'span_too_long', 'no_occurrences', 'invalid_count']).toContain(
            problem.code,
          );
          if (problem.code === 'invalid_count') expect(def.end).toMatchObject({ count: expect.any(Number) });
          if (problem.code === 'no_occurrences') {
            // The independent implementation finds no matching date within the span either.
            const spanEnd = DateTime.fromISO(def.startDate)
              .plus({ days: DEFAULT_SERIES_LIMITS.maxSpanDays })
              .toISODate() as string;
            const last = def.end.kind === 'until' && def.end.until < spanEnd ? def.end.until : spanEnd;
            const within = { ...def, end: { kind: 'until' as const, until: last } };
            expect(
              icalDates(within, def.startDate).filter(
                (d) => d >= def.startDate && matchesPattern(d, def.pattern),
              ),
            ).toEqual([]);
          }
          if (def.end.kind === 'count' && problem.code === 'invalid_count') {
            expect(def.end.count).toBeGreaterThan(DEFAULT_SERIES_LIMITS.maxOccurrences);
          }
          return;
        }
        const { occurrences } = result;
        expect(occurrences.length).toBeGreaterThan(0);
        expect(occurrences.length).toBeLessThanOrEqual(DEFAULT_SERIES_LIMITS.maxOccurrences);
        if (def.end.kind === 'count') expect(occurrences).toHaveLength(def.end.count);
        const first = DateTime.fromISO(def.startDate);
        occurrences.forEach((o, i) => {
          expect(o.index).toBe(i);
          if (i > 0) expect(o.key > occurrences[i - 1].key).toBe(true);
          expect(o.key >= def.startDate).toBe(true);
          if (def.end.kind === 'until') expect(o.key <= def.end.until).toBe(true);
          expect(DateTime.fromISO(o.key).diff(first, 'days').days).toBeLessThanOrEqual(
            DEFAULT_SERIES_LIMITS.maxSpanDays,
          );
          expect(matchesPattern(o.key, def.pattern)).toBe(true);
          // The UTC instant, read back in the zone, is the local start.
          const local = DateTime.fromISO(o.start, { zone: def.timeZone });
          expect(local.toFormat("yyyy-MM-dd'T'HH:mm")).toBe(o.localStart);
          expect(Date.parse(o.end) - Date.parse(o.start)).toBe((def.duration.minutes ?? 0) * 60_000);
          if (o.startShifted) {
            // Only when the wall-clock time does not exist that day (a DST gap).
            const wall = DateTime.fromISO(`${o.key}T${def.startTime}`, { zone: def.timeZone });
            expect(wall.toFormat('HH:mm')).not.toBe(def.startTime);
          } else {
            expect(o.localStart).toBe(`${o.key}T${def.startTime}`);
          }
        });
        expect(occurrences.map((o) => o.key)).toEqual(
          icalDates(def, occurrences[0].key).slice(0, occurrences.length),
        );
        if (def.end.kind === 'until')
          expect(icalDates(def, occurrences[0].key)).toHaveLength(occurrences.length);
      }),
      { numRuns: 300 },
    );
  });

  it('RRULE text round-trips every valid definition', () => {
    fc.assert(
      fc.property(definition, (def) => {
        const normalised =
          def.pattern.kind === 'weekly'
            ? {
                ...def,
                pattern: { ...def.pattern, weekdays: [...def.pattern.weekdays].sort((a, b) => a - b) },
              }
            : def;
        const parsed = parseRRuleText(toRRuleText(def), { timeZone: 'UTC', duration: def.duration });
        if (def.end.kind === 'count' && def.end.count > DEFAULT_SERIES_LIMITS.maxOccurrences) {
          expect(parsed.ok).toBe(false);
        } else if (
          !(
            def.end.kind === 'until' &&
            DateTime.fromISO(def.end.until).diff(DateTime.fromISO(def.startDate), 'days').days >
              DEFAULT_SERIES_LIMITS.maxSpanDays
          )
        ) {
          expect(parsed).toEqual({ ok: true, definition: normalised });
        }
      }),
      { numRuns: 300 },
    );
  });
});
