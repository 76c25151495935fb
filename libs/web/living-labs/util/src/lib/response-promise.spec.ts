import { formatDuration, promiseStatus } from './response-promise';

describe('promiseStatus', () => {
  const due = '2026-12-01T09:00:00Z';

  it.each([
    ['due in 90 minutes', null, '2026-12-01T07:30:00Z', { kind: 'due', minutes: 90 }],
    ['due right now', null, '2026-12-01T09:00:00Z', { kind: 'due', minutes: 0 }],
    ['late by one minute', null, '2026-12-01T09:01:00Z', { kind: 'late', minutes: 1 }],
    ['late by two days', null, '2026-12-03T09:00:30Z', { kind: 'late', minutes: 2880 }],
    [
      'answered an hour early',
      '2026-12-01T08:00:00Z',
      '2026-12-05T00:00:00Z',
      { kind: 'answeredOnTime', minutes: 60 },
    ],
    [
      'answered exactly on time',
      '2026-12-01T09:00:00Z',
      '2026-12-05T00:00:00Z',
      { kind: 'answeredOnTime', minutes: 0 },
    ],
    [
      'answered 3 hours late',
      '2026-12-01T12:00:00Z',
      '2026-12-01T12:00:00Z',
      { kind: 'answeredLate', minutes: 180 },
    ],
  ] as const)('%s', (_name, answeredAt, now, expected) => {
    expect(promiseStatus(due, answeredAt, new Date(now))).toEqual(expected);
  });

  it('ignores the clock once the observation is answered', () => {
    const answered = '2026-12-01T10:00:00Z';
    expect(promiseStatus(due, answered, new Date('2020-01-01T00:00:00Z'))).toEqual(
      promiseStatus(due, answered, new Date('2030-01-01T00:00:00Z')),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0분', '0 min'],
    [45, '45분', '45 min'],
    [60, '1시간', '1 h'],
    [61, '1시간 1분', '1 h 1 min'],
    [1440, '1일', '1 d'],
    [1440 * 2 + 180 + 7, '2일 3시간', '2 d 3 h'],
    [-5, '0분', '0 min'],
  ])('%d minutes', (minutes, ko, en) => {
    expect(formatDuration(minutes, 'ko')).toBe(ko);
    expect(formatDuration(minutes, 'en')).toBe(en);
  });
});
