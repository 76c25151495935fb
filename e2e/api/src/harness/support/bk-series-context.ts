import type { CreateSeriesResponse } from '@madang/contracts';
import type { MadangClient } from '@madang/testing';

type Person = 'residentA' | 'residentB' | 'approver' | 'operations' | 'admin';

/** Recurring series for the matrix: each made fresh, by its owner, on a room of its own. */
export interface BkSeriesContext {
  /** A series request body (two Mondays at 10:00) on a fresh room of the matrix category. */
  body(): Promise<Record<string, unknown>>;
  /** A fresh series of `person` (pending: the matrix category needs approval), with its occurrence dates. */
  series(person: Person): Promise<{ id: string; dates: string[] }>;
}

let weeks = 0;

export function bkSeriesContext(
  setup: Readonly<Record<Person, MadangClient>>,
  freshAsset: () => Promise<string>,
): BkSeriesContext {
  const body = async () => {
    // A Monday some weeks ahead (each body its own), inside the matrix category's year of advance.
    const start = new Date(Date.now() + (14 + 7 * (weeks++ % 40)) * 86_400_000);
    start.setUTCDate(start.getUTCDate() + ((8 - start.getUTCDay()) % 7));
    return {
      items: [{ assetId: await freshAsset() }],
      startDate: start.toISOString().slice(0, 10),
      startTime: '10:00',
      durationMinutes: 60,
      rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2',
      purpose: 'matrix series',
      attendees: 1,
    };
  };
  return {
    body,
    series: async (person) => {
      const r = await setup[person].post<CreateSeriesResponse>('/api/bookings/series', {
        ...(await body()),
        mode: 'all_or_nothing',
      });
      if (r.status !== 201)
        throw new Error(`matrix setup: series for ${person} answered ${r.status} ${JSON.stringify(r.body)}`);
      return { id: r.body.series.id, dates: r.body.series.occurrences.map((o) => o.date) };
    },
  };
}
