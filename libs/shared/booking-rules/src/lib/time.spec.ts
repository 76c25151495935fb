import { formatDuration, joinOr, withParticle } from './format';
import { DEFAULT_RULES, mergeRules } from './rules';
import { DateTime, IANAZone } from 'luxon';
import { bufferedRange, openingIntervalsOn, parseInstant, wallClockToIso, zoneNamed } from './time';
import { VIOLATION_CODES, VIOLATION_MESSAGES, makeViolation } from './violations';

describe('zoneNamed', () => {
  it('gives the same offsets as luxon, second by second around both 2026 New York transitions', () => {
    const plain = IANAZone.create('America/New_York');
    const remembering = zoneNamed('America/New_York');
    for (const transition of [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6)]) {
      for (let ts = transition - 5_000; ts <= transition + 5_000; ts += 250) {
        expect([ts, remembering.offset(ts)]).toEqual([ts, plain.offset(ts)]);
        expect(remembering.offset(ts)).toBe(plain.offset(ts)); // asked again: the remembered answer
      }
    }
    expect(remembering.offset(Date.UTC(2026, 2, 8, 6, 59, 59))).toBe(-300);
    expect(remembering.offset(Date.UTC(2026, 2, 8, 7))).toBe(-240);
  });

  it('is one shared zone per name that luxon treats as the IANA zone', () => {
    expect(zoneNamed('Asia/Seoul')).toBe(zoneNamed('Asia/Seoul'));
    const dt = DateTime.fromISO('2026-11-24T09:30', { zone: zoneNamed('Asia/Seoul') });
    expect(dt.toISO()).toBe('2026-11-24T09:30:00.000+09:00');
    expect(dt.zone.equals(IANAZone.create('Asia/Seoul'))).toBe(true);
    expect(dt.setLocale('en').toFormat('ZZZZ')).toBe(
      DateTime.fromISO('2026-11-24T09:30', { zone: 'Asia/Seoul' }).setLocale('en').toFormat('ZZZZ'),
    );
  });

  it('leaves an unknown name invalid', () => {
    expect(zoneNamed('Mars/Olympus').isValid).toBe(false);
    expect(DateTime.now().setZone(zoneNamed('Mars/Olympus')).isValid).toBe(false);
  });
});

describe('bufferedRange', () => {
  it('widens by the buffers, in UTC', () => {
    expect(
      bufferedRange('2026-06-02T10:00:00+09:00', '2026-06-02T12:00:00+09:00', {
        bufferBeforeMinutes: 15,
        bufferAfterMinutes: 30,
      }),
    ).toEqual({ start: '2026-06-02T00:45:00.000Z', end: '2026-06-02T03:30:00.000Z' });
  });
  it('is the range itself without buffers', () => {
    expect(bufferedRange('2026-06-02T10:00:00+09:00', '2026-06-02T12:00:00+09:00', DEFAULT_RULES)).toEqual({
      start: '2026-06-02T01:00:00.000Z',
      end: '2026-06-02T03:00:00.000Z',
    });
  });
  it('refuses instants without offset', () => {
    expect(() => bufferedRange('2026-06-02T10:00:00', '2026-06-02T12:00:00Z', DEFAULT_RULES)).toThrow(
      RangeError,
    );
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-06-02T10:00:00+09:00', true],
    ['2026-06-02T01:00:00Z', true],
    ['2026-06-02T10:00:00+0900', true],
    ['2026-06-02T10:00:00', false],
    ['2026-02-30T10:00:00Z', false],
    ['', false],
  ])('%s → %s', (iso, valid) => {
    expect(parseInstant(iso) !== null).toBe(valid);
  });
});

describe('wallClockToIso and openingIntervalsOn in Seoul', () => {
  it('builds instants with the +09:00 offset', () => {
    expect(wallClockToIso('2026-06-02', '10:00', 'Asia/Seoul')).toBe('2026-06-02T10:00:00.000+09:00');
    expect(wallClockToIso('2026-06-02', '24:00', 'Asia/Seoul')).toBe('2026-06-03T00:00:00.000+09:00');
    expect(wallClockToIso('2026-06-02', '25:00', 'Asia/Seoul')).toBeNull();
    expect(wallClockToIso('2026-06-02', '10:00', 'Nowhere/City')).toBeNull();
  });
  it('merges a day’s spans and returns nothing on a closure', () => {
    const rules = mergeRules(DEFAULT_RULES, {
      openingHours: [
        { weekday: 2, open: '13:00', close: '18:00' },
        { weekday: 2, open: '09:00', close: '13:00' },
        { weekday: 2, open: '19:00', close: '22:00' },
      ],
    });
    expect(openingIntervalsOn('2026-06-02', rules)).toEqual([
      { start: '2026-06-02T09:00:00.000+09:00', end: '2026-06-02T18:00:00.000+09:00' },
      { start: '2026-06-02T19:00:00.000+09:00', end: '2026-06-02T22:00:00.000+09:00' },
    ]);
    expect(openingIntervalsOn('2026-06-03', rules)).toEqual([]);
    const closed = mergeRules(rules, {
      closures: [{ from: '2026-06-02', to: '2026-06-02', reason: { ko: '휴관', en: 'closed' } }],
    });
    expect(openingIntervalsOn('2026-06-02', closed)).toEqual([]);
  });
});

describe('wording helpers', () => {
  it.each([
    [0, '0분', '0 min'],
    [45, '45분', '45 min'],
    [60, '1시간', '1 h'],
    [150, '2시간 30분', '2 h 30 min'],
  ])('formatDuration(%d)', (minutes, ko, en) => {
    expect(formatDuration(minutes, 'ko')).toBe(ko);
    expect(formatDuration(minutes, 'en')).toBe(en);
  });
  it.each([
    ['강당', '강당은'],
    ['나눔터', '나눔터는'],
    ['회의실 3', '회의실 3은'],
    ['회의실 2', '회의실 2는'],
    ['회의실 A', '회의실 A은(는)'],
  ])('withParticle(%s)', (word, expected) => {
    expect(withParticle(word, '은', '는')).toBe(expected);
  });
  it('joinOr', () => {
    expect(joinOr(['A', 'B', 'C'], 'ko')).toBe('A, B 또는 C');
    expect(joinOr(['A', 'B'], 'en')).toBe('A or B');
    expect(joinOr(['A'], 'en')).toBe('A');
  });
  it('every violation code has a message (or message variants) in both languages', () => {
    const keys = Object.keys(VIOLATION_MESSAGES);
    for (const code of VIOLATION_CODES) {
      expect(keys.filter((k) => k === code || k.startsWith(`${code}.`)).length).toBeGreaterThan(0);
    }
    for (const text of Object.values(VIOLATION_MESSAGES)) {
      expect(text.ko.length).toBeGreaterThan(0);
      expect(text.en.length).toBeGreaterThan(0);
    }
  });
  it('makeViolation refuses a code whose message needs a variant', () => {
    expect(() => makeViolation('outside_opening_hours')).toThrow('No message template');
  });
});
