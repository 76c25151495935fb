import { DEFAULT_RULES, mergeRules } from '@madang/booking-rules';
import { expandSeries } from '@madang/recurrence';
import type { DomainError } from '../../core/domain-error';
import {
  checkOccurrences,
  normaliseRRule,
  readDefinition,
  UsageWindow,
  type RuledAsset,
} from './series-plan';

const EVERY_DAY = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
  weekday,
  open: '00:00',
  close: '24:00',
}));
const room = (quotas: RuledAsset['rules']['quotas']): RuledAsset => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'space',
  name: { ko: '방', en: 'Room' },
  capacity: 10,
  poolSize: null,
  active: true,
  rulesVersion: 1,
  rules: mergeRules(DEFAULT_RULES, {
    openingHours: EVERY_DAY,
    maxAdvanceDays: 730,
    minNoticeMinutes: 0,
    approval: { required: false },
    quotas,
  }),
});

const errorOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe('series plan', () => {
  const now = '2027-01-01T00:00:00Z';
  const actor = { userId: 'u1', roles: ['resident' as const], groups: [] };

  it('counts quotas per occurrence: each one that fits uses up the quota for the next', () => {
    const definition = readDefinition(
      {
        rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6',
        startDate: '2027-03-01',
        startTime: '10:00',
        durationMinutes: 60,
      },
      'Asia/Seoul',
    );
    const expansion = expandSeries(definition);
    if (!expansion.ok) throw new Error('expands');
    const asset = room([{ scope: 'person', period: 'month', maxBookings: 2 }]);
    const items = [{ assetId: asset.id, quantity: 1 }];
    const checked = checkOccurrences({
      now,
      planned: expansion.occurrences.map((occurrence) => ({
        occurrence,
        start: occurrence.start,
        end: occurrence.end,
        items,
        bookingId: null,
      })),
      facts: { purpose: 'x', purposeTag: undefined, attendees: 1, groupId: null },
      actor,
      assets: [asset],
      usage: new UsageWindow(),
      pendingByAsset: undefined,
      conflicts: new Map([[1, [{ assetId: asset.id, assetName: asset.name, start: now, end: now }]]]),
    });
    // March: 2, 9 (taken), 16, 23 (over the quota), 30; April: 6.
    expect(checked.map((c) => [c.occurrence.key, c.check])).toEqual([
      ['2027-03-02', 'ok'],
      ['2027-03-09', 'conflict'],
      ['2027-03-16', 'ok'],
      ['2027-03-23', 'violation'],
      ['2027-03-30', 'violation'],
      ['2027-04-06', 'ok'],
    ]);
    expect(checked[3].evaluation.violations.map((v) => v.code)).toEqual(['quota_bookings_exceeded']);
  });

  it('reads only the RRULE part, in the configured zone, and names the field of each problem', () => {
    expect(normaliseRRule(' rrule:freq=weekly; byday=tu; count=3 ')).toBe('FREQ=WEEKLY;BYDAY=TU;COUNT=3');
    const nyc = readDefinition(
      {
        rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
        startDate: '2027-03-02',
        startTime: '19:00',
        durationMinutes: 120,
      },
      'America/New_York',
    );
    expect(nyc.timeZone).toBe('America/New_York');

    const tooMany = errorOf(() =>
      readDefinition(
        { rrule: 'FREQ=WEEKLY;COUNT=261', startDate: '2027-03-02', startTime: '19:00', durationMinutes: 60 },
        'Asia/Seoul',
      ),
    );
    expect(tooMany.code).toBe('validation_failed');
    expect(tooMany.fieldErrors).toEqual([{ field: 'rrule', code: 'too_large', params: { max: 260 } }]);
    const zoned = errorOf(() =>
      readDefinition(
        {
          rrule: 'DTSTART;TZID=Europe/Paris:20270302T190000\nRRULE:FREQ=WEEKLY;COUNT=2',
          startDate: '2027-03-02',
          startTime: '19:00',
          durationMinutes: 60,
        },
        'Asia/Seoul',
      ),
    );
    expect(zoned.fieldErrors?.[0]).toMatchObject({ field: 'rrule', code: 'invalid' });
    const hourly = errorOf(() =>
      readDefinition(
        { rrule: 'FREQ=HOURLY;COUNT=2', startDate: '2027-03-02', startTime: '19:00', durationMinutes: 60 },
        'Asia/Seoul',
      ),
    );
    expect(hourly.fieldErrors?.[0]).toMatchObject({ field: 'rrule', code: 'invalid' });
    expect((hourly.extensions['seriesProblems'] as { code: string }[])[0].code).toBe('rrule_unsupported');
  });
});
