import { expandSeries } from '../lib/expand';
import type { Occurrence, SeriesDefinition } from '../lib/types';

/** Test fixtures (not exported from the lib): "every Tuesday 19:00–21:00 for 12 weeks" in Seoul. */
export const TUESDAYS: SeriesDefinition = {
  timeZone: 'Asia/Seoul',
  startDate: '2026-03-03',
  startTime: '19:00',
  duration: { minutes: 120 },
  pattern: { kind: 'weekly', interval: 1, weekdays: [2] },
  end: { kind: 'count', count: 12 },
};

export const series = (overrides: Partial<SeriesDefinition> = {}): SeriesDefinition => ({
  ...TUESDAYS,
  ...overrides,
});

/** The occurrences of a definition that must expand. */
export function expand(definition: SeriesDefinition): Occurrence[] {
  const result = expandSeries(definition);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.occurrences;
}

export const keys = (definition: SeriesDefinition): string[] => expand(definition).map((o) => o.key);
