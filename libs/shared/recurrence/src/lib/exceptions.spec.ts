import { applyExceptions, compareExpansions, type OccurrenceException } from './exceptions';
import { expand, TUESDAYS } from '../testing/fixtures';
import { splitSeries } from './split';
import type { Occurrence, SeriesDefinition } from './types';

const tuesdays = TUESDAYS;

describe('applyExceptions', () => {
  const moved: OccurrenceException = {
    key: '2026-03-17',
    kind: 'changed',
    start: '2026-03-18T20:00:00+09:00',
    end: '2026-03-18T22:00:00+09:00',
  };
  const cancelled: OccurrenceException = { key: '2026-03-24', kind: 'cancelled' };
  const otherRoom: OccurrenceException = { key: '2026-03-31', kind: 'changed', assetIds: ['room-b'] };

  it('marks moved, cancelled and re-roomed occurrences and leaves the rest as the series says', () => {
    const { occurrences, orphaned, rejected } = applyExceptions(expand(tuesdays), [
      moved,
      cancelled,
      otherRoom,
    ]);
    expect(orphaned).toEqual([]);
    expect(rejected).toEqual([]);
    expect(occurrences).toHaveLength(12);
    expect(occurrences[2]).toMatchObject({
      key: '2026-03-17',
      status: 'changed',
      start: '2026-03-18T11:00:00.000Z',
      end: '2026-03-18T13:00:00.000Z',
      seriesStart: '2026-03-17T10:00:00.000Z',
      assetIds: null,
    });
    expect(occurrences[3]).toMatchObject({ status: 'cancelled', start: '2026-03-24T10:00:00.000Z' });
    expect(occurrences[4]).toMatchObject({
      status: 'changed',
      start: '2026-03-31T10:00:00.000Z',
      assetIds: ['room-b'],
    });
    expect(occurrences.filter((o) => o.status === 'scheduled')).toHaveLength(9);
  });

  it('the acceptance journey: one occurrence moved, then the series time edited — the move survives', () => {
    const edited = { ...tuesdays, startTime: '18:00' };
    const before = expand(tuesdays);
    const after = expand(edited);
    const diff = compareExpansions(before, after);
    expect(diff.retimed).toHaveLength(12);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);

    const { occurrences, orphaned } = applyExceptions(after, [moved, cancelled, otherRoom]);
    expect(orphaned).toEqual([]);
    expect(occurrences[2]).toMatchObject({ status: 'changed', start: '2026-03-18T11:00:00.000Z' });
    expect(occurrences[3]).toMatchObject({ status: 'cancelled' });
    // Re-roomed but not moved: follows the series' new time.
    expect(occurrences[4]).toMatchObject({
      status: 'changed',
      start: '2026-03-31T09:00:00.000Z',
      assetIds: ['room-b'],
    });
    expect(occurrences[0]).toMatchObject({ status: 'scheduled', start: '2026-03-03T09:00:00.000Z' });
  });

  it('reports exceptions whose occurrence no longer exists after an edit of the weekday or the end', () => {
    const wednesdays = {
      ...tuesdays,
      startDate: '2026-03-04',
      pattern: { kind: 'weekly' as const, interval: 1, weekdays: [3 as const] },
    };
    expect(applyExceptions(expand(wednesdays), [moved, cancelled]).orphaned).toEqual([moved, cancelled]);
    const shorter = { ...tuesdays, end: { kind: 'count' as const, count: 4 } };
    const result = applyExceptions(expand(shorter), [moved, cancelled, otherRoom]);
    expect(result.orphaned).toEqual([otherRoom]);
    expect(compareExpansions(expand(tuesdays), expand(shorter)).removed.map((o) => o.key)).toHaveLength(8);
  });

  it('rejects duplicate keys, backwards or offset-less times and empty changes, keeping the occurrence', () => {
    const bad: OccurrenceException[] = [
      {
        key: '2026-03-03',
        kind: 'changed',
        start: '2026-03-03T21:00:00+09:00',
        end: '2026-03-03T20:00:00+09:00',
      },
      { key: '2026-03-10', kind: 'changed', start: '2026-03-10T21:00:00' },
      { key: '2026-03-17', kind: 'changed' },
      { key: '2026-03-24', kind: 'cancelled' },
      { key: '2026-03-24', kind: 'changed', assetIds: ['x'] },
    ];
    const { occurrences, rejected } = applyExceptions(expand(tuesdays), bad);
    expect(rejected.map((r) => [r.exception.key, r.reason])).toEqual([
      ['2026-03-24', 'duplicate_key'],
      ['2026-03-03', 'invalid_times'],
      ['2026-03-10', 'invalid_times'],
      ['2026-03-17', 'empty_change'],
    ]);
    expect(occurrences.slice(0, 4).map((o) => o.status)).toEqual([
      'scheduled',
      'scheduled',
      'scheduled',
      'cancelled',
    ]);
  });

  it('moving only the end keeps the start', () => {
    const { occurrences } = applyExceptions(expand(tuesdays), [
      { key: '2026-03-03', kind: 'changed', end: '2026-03-03T22:00:00+09:00' },
    ]);
    expect(occurrences[0]).toMatchObject({
      start: '2026-03-03T10:00:00.000Z',
      end: '2026-03-03T13:00:00.000Z',
    });
  });
});

describe('splitSeries ("this and following")', () => {
  const cases: [string, SeriesDefinition, string][] = [
    ['weekly, counted', tuesdays, '2026-04-07'],
    ['weekly, until', { ...tuesdays, end: { kind: 'until', until: '2026-06-30' } }, '2026-04-07'],
    [
      'every 2 weeks on Tue and Thu, split on a Thursday',
      {
        ...tuesdays,
        pattern: { kind: 'weekly', interval: 2, weekdays: [2, 4] },
        end: { kind: 'count', count: 10 },
      },
      '2026-03-19',
    ],
    [
      'every 3 months on the 5th Tuesday',
      {
        ...tuesdays,
        startDate: '2026-01-01',
        pattern: { kind: 'monthly-by-weekday', interval: 1, weekday: 2, ordinal: 5 },
        end: { kind: 'until', until: '2027-12-31' },
      },
      '2026-09-29',
    ],
    [
      'monthly on the 31st in New York across DST',
      {
        ...tuesdays,
        timeZone: 'America/New_York',
        startDate: '2026-01-01',
        pattern: { kind: 'monthly-by-date', interval: 2, dayOfMonth: 31 },
        end: { kind: 'count', count: 6 },
      },
      '2026-05-31',
    ],
  ];

  it.each(cases)('%s: head + tail expand to exactly the original', (_name, definition, key) => {
    const split = splitSeries(definition, key);
    if (!split.ok) throw new Error(JSON.stringify(split.problems));
    const original = expand(definition);
    const head = expand(split.head);
    const tail = expand(split.tail);
    const strip = (o: Occurrence) => [o.key, o.start, o.end];
    expect([...head, ...tail].map(strip)).toEqual(original.map(strip));
    expect(tail[0].key).toBe(key);
    expect(split.tail.startDate).toBe(key);
  });

  it('sends each exception with its part, and the tail can then be edited alone', () => {
    const exceptions: OccurrenceException[] = [
      { key: '2026-03-10', kind: 'cancelled' },
      { key: '2026-04-07', kind: 'changed', assetIds: ['room-b'] },
      { key: '2026-04-14', kind: 'cancelled' },
    ];
    const split = splitSeries(tuesdays, '2026-04-07', exceptions);
    if (!split.ok) throw new Error('split');
    expect(split.head.end).toEqual({ kind: 'count', count: 5 });
    expect(split.tail.end).toEqual({ kind: 'count', count: 7 });
    expect(split.headExceptions).toEqual([exceptions[0]]);
    expect(split.tailExceptions).toEqual(exceptions.slice(1));
    const later = expand({ ...split.tail, startTime: '20:00' });
    expect(applyExceptions(later, split.tailExceptions).occurrences[1]).toMatchObject({
      key: '2026-04-14',
      status: 'cancelled',
      start: '2026-04-14T11:00:00.000Z',
    });
  });

  it('refuses a key that is not an occurrence, or the first one', () => {
    expect(splitSeries(tuesdays, '2026-04-08')).toMatchObject({
      ok: false,
      problems: [{ code: 'not_an_occurrence', field: 'key' }],
    });
    expect(splitSeries(tuesdays, '2026-03-03')).toMatchObject({
      ok: false,
      problems: [{ code: 'split_at_first' }],
    });
    expect(splitSeries({ ...tuesdays, startTime: 'x' }, '2026-04-07')).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid_start_time' }],
    });
  });
});
