import { TUESDAYS } from '../testing/fixtures';
import { expandSeries } from './expand';
import { parseRRuleText, toRRuleText } from './rrule-text';
import type { SeriesDefinition } from './types';

const defaults = { timeZone: 'Asia/Seoul', duration: { minutes: 120 } };

const definition: SeriesDefinition = {
  timeZone: 'America/New_York',
  startDate: '2026-03-03',
  startTime: '19:00',
  duration: { minutes: 120 },
  pattern: { kind: 'weekly', interval: 2, weekdays: [2, 4] },
  end: { kind: 'until', until: '2026-06-30' },
};

describe('toRRuleText', () => {
  it('writes DTSTART with TZID and UNTIL in UTC (end of the local until day)', () => {
    expect(toRRuleText(definition)).toBe(
      'DTSTART;TZID=America/New_York:20260303T190000\nRRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=TU,TH;UNTIL=20260701T035959Z',
    );
  });

  it.each<[SeriesDefinition['pattern'], SeriesDefinition['end'], string]>([
    [
      { kind: 'monthly-by-date', interval: 1, dayOfMonth: 31 },
      { kind: 'count', count: 6 },
      'FREQ=MONTHLY;INTERVAL=1;WKST=MO;BYMONTHDAY=31;COUNT=6',
    ],
    [
      { kind: 'monthly-by-weekday', interval: 1, weekday: 5, ordinal: -1 },
      { kind: 'count', count: 3 },
      'FREQ=MONTHLY;INTERVAL=1;WKST=MO;BYDAY=-1FR;COUNT=3',
    ],
    [
      { kind: 'monthly-by-weekday', interval: 2, weekday: 2, ordinal: 5 },
      { kind: 'count', count: 3 },
      'FREQ=MONTHLY;INTERVAL=2;WKST=MO;BYDAY=5TU;COUNT=3',
    ],
  ])('%j, %j → %s, and reads back the same', (pattern, end, rule) => {
    const original = { ...definition, timeZone: 'Asia/Seoul', pattern, end };
    const text = toRRuleText(original);
    expect(text.split('\n')[1]).toBe(`RRULE:${rule}`);
    expect(parseRRuleText(text, defaults)).toEqual({ ok: true, definition: original });
  });

  it.each(['America/New_York', 'Europe/Berlin', 'Asia/Seoul', 'Pacific/Auckland', 'Pacific/Kiritimati'])(
    'round-trips an until-series in %s to the same occurrences',
    (timeZone) => {
      const original = { ...definition, timeZone };
      const parsed = parseRRuleText(toRRuleText(original), defaults);
      expect(parsed).toEqual({ ok: true, definition: original });
    },
  );
});

describe('parseRRuleText', () => {
  it('reads a bare rule with the start given beside it', () => {
    expect(
      parseRRuleText('FREQ=WEEKLY;BYDAY=TU;COUNT=12', {
        ...defaults,
        startDate: '2026-03-03',
        startTime: '19:00',
      }),
    ).toEqual({
      ok: true,
      definition: TUESDAYS,
    });
  });

  it('takes the weekday or day of month from DTSTART when the rule leaves it out (RFC 5545)', () => {
    const weekly = parseRRuleText('DTSTART:20260305T190000\nRRULE:FREQ=WEEKLY;COUNT=2', defaults);
    expect(weekly.ok && weekly.definition.pattern).toEqual({ kind: 'weekly', interval: 1, weekdays: [4] });
    const monthly = parseRRuleText('DTSTART:20260131T090000\nRRULE:FREQ=MONTHLY;COUNT=2', defaults);
    expect(monthly.ok && monthly.definition.pattern).toEqual({
      kind: 'monthly-by-date',
      interval: 1,
      dayOfMonth: 31,
    });
  });

  it('reads a UTC DTSTART in the given zone, and BYSETPOS as the ordinal', () => {
    const parsed = parseRRuleText(
      'DTSTART:20260303T100000Z\nRRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1;COUNT=2',
      defaults,
    );
    expect(parsed).toMatchObject({
      ok: true,
      definition: {
        startDate: '2026-03-03',
        startTime: '19:00',
        pattern: { kind: 'monthly-by-weekday', weekday: 2, ordinal: -1 },
      },
    });
  });

  it('an UNTIL before the start time on its local day ends the day before; a date-only UNTIL is inclusive', () => {
    // 2026-03-17T09:00Z is 18:00 in Seoul, before the 19:00 start: the 17th is not included.
    const early = parseRRuleText(
      'DTSTART;TZID=Asia/Seoul:20260303T190000\nRRULE:FREQ=WEEKLY;UNTIL=20260317T090000Z',
      defaults,
    );
    expect(early.ok && early.definition.end).toEqual({ kind: 'until', until: '2026-03-16' });
    const exact = parseRRuleText(
      'DTSTART;TZID=Asia/Seoul:20260303T190000\nRRULE:FREQ=WEEKLY;UNTIL=20260317T100000Z',
      defaults,
    );
    expect(exact.ok && exact.definition.end).toEqual({ kind: 'until', until: '2026-03-17' });
    const dateOnly = parseRRuleText(
      'DTSTART;TZID=Asia/Seoul:20260303T190000\nRRULE:FREQ=WEEKLY;UNTIL=20260317',
      defaults,
    );
    expect(dateOnly.ok && dateOnly.definition.end).toEqual({ kind: 'until', until: '2026-03-17' });
    if (!exact.ok) throw new Error('parsed');
    const expanded = expandSeries(exact.definition);
    expect(expanded.ok && expanded.occurrences.map((o) => o.key)).toEqual([
      '2026-03-03',
      '2026-03-10',
      '2026-03-17',
    ]);
  });

  it('accepts folded lines and lower case', () => {
    const parsed = parseRRuleText(
      'DTSTART;TZID=Asia/Seoul:20260303T190000\r\nRRULE:freq=weekly;byday=tu;\r\n count=3',
      defaults,
    );
    expect(parsed.ok && parsed.definition.end).toEqual({ kind: 'count', count: 3 });
  });

  it.each([
    ['FREQ=DAILY;COUNT=3', 'rrule_unsupported', 'FREQ=DAILY'],
    ['FREQ=WEEKLY;BYDAY=TU', 'rrule_unsupported', 'a series without COUNT or UNTIL'],
    ['FREQ=WEEKLY;BYHOUR=9;COUNT=2', 'rrule_unsupported', 'BYHOUR'],
    ['FREQ=WEEKLY;WKST=SU;COUNT=2', 'rrule_unsupported', 'WKST=SU'],
    ['FREQ=MONTHLY;BYDAY=TU,TH;COUNT=2', 'rrule_unsupported', 'BYDAY=TU,TH'],
    ['FREQ=MONTHLY;BYDAY=TU;COUNT=2', 'rrule_unsupported', 'BYDAY=TU'],
    ['FREQ=WEEKLY;BYDAY=XX;COUNT=2', 'rrule_syntax', 'BYDAY=XX'],
    ['FREQ=WEEKLY;BYDAY=2TU;COUNT=2', 'rrule_syntax', 'BYDAY=2TU'],
    ['FREQ=WEEKLY;COUNT=2;COUNT=3', 'rrule_syntax', 'COUNT twice'],
    ['FREQ=WEEKLY;COUNT=two', 'rrule_syntax', 'COUNT=TWO'],
    ['FREQ=WEEKLY;COUNT=2;UNTIL=20260401', 'rrule_syntax', 'COUNT and UNTIL together'],
    ['FREQ=WEEKLY;UNTIL=20260231', 'rrule_syntax', 'UNTIL=20260231'],
    ['EXDATE:20260310\nFREQ=WEEKLY;COUNT=2', 'rrule_unsupported', 'EXDATE'],
    [
      'DTSTART:20260303T190030\nRRULE:FREQ=WEEKLY;COUNT=2',
      'rrule_unsupported',
      'seconds in DTSTART=20260303T190030',
    ],
    ['', 'rrule_syntax', 'no RRULE'],
  ])('%j → %s (%s)', (text, code, detail) => {
    const result = parseRRuleText(text, { ...defaults, startDate: '2026-03-03', startTime: '19:00' });
    expect(result).toMatchObject({ ok: false, problems: [{ code, field: 'rrule', params: { detail } }] });
  });

  it('validates what it read (count over the cap, unknown TZID)', () => {
    expect(parseRRuleText('DTSTART:20260303T190000\nRRULE:FREQ=WEEKLY;COUNT=261', defaults)).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid_count', field: 'end.count' }],
    });
    expect(
      parseRRuleText('DTSTART;TZID=Mars/Olympus:20260303T190000\nRRULE:FREQ=WEEKLY;COUNT=2', defaults),
    ).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid_time_zone' }],
    });
    expect(parseRRuleText('FREQ=WEEKLY;COUNT=2', defaults)).toMatchObject({
      ok: false,
      problems: [{ code: 'rrule_syntax' }],
    });
  });
});
