import fc from 'fast-check';
import { officeCalendar, type WorkingCalendar } from './calendar';
import { deadlineFor, describeTarget, isValidTarget, targetStatus, type ServiceTarget } from './targets';
import { workingMinutesBetween } from './working-time';

const seoul = officeCalendar('Asia/Seoul', ['2026-09-24', '2026-09-25']);
/** Korean public offices: 09:00–18:00 with a lunch hour, 1 day = 8 working hours. */
const civil: WorkingCalendar = {
  timeZone: 'Asia/Seoul',
  week: Object.fromEntries(
    [1, 2, 3, 4, 5].map((d) => [
      d,
      [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '18:00' },
      ],
    ]),
  ),
  holidays: [],
  dayMinutes: 480,
};

describe('deadlineFor', () => {
  it.each<[string, string, ServiceTarget, WorkingCalendar, string]>([
    [
      '3 working hours, Friday 20:00 → Monday 12:00',
      '2026-11-27T20:00:00+09:00',
      { kind: 'working-hours', hours: 3 },
      seoul,
      '2026-11-30T03:00:00.000Z',
    ],
    [
      '3 working hours, Monday 16:30 → Tuesday 10:30',
      '2026-11-23T16:30:00+09:00',
      { kind: 'working-hours', hours: 3 },
      seoul,
      '2026-11-24T01:30:00.000Z',
    ],
    [
      '1 working day as hours (the approval target), Wednesday 10:00 → Thursday 10:00',
      '2026-11-25T10:00:00+09:00',
      { kind: 'working-days', days: 1 },
      seoul,
      '2026-11-26T01:00:00.000Z',
    ],
    [
      '3 working days as hours, Wednesday 10:00 → Monday 10:00',
      '2026-11-25T10:00:00+09:00',
      { kind: 'working-days', days: 3 },
      seoul,
      '2026-11-30T01:00:00.000Z',
    ],
    [
      '3 working days before Chuseok: Wednesday 10:00 → Wednesday 10:00',
      '2026-09-23T10:00:00+09:00',
      { kind: 'working-days', days: 3 },
      seoul,
      '2026-09-30T01:00:00.000Z',
    ],
    [
      '5 working days at 8 h with lunch, Monday 11:00 → next Monday 11:00',
      '2026-11-23T11:00:00+09:00',
      { kind: 'working-days', days: 5 },
      civil,
      '2026-11-30T02:00:00.000Z',
    ],
    [
      '5 working days to the end of the day',
      '2026-11-23T11:00:00+09:00',
      { kind: 'working-days', days: 5, counting: 'end-of-day' },
      seoul,
      '2026-11-30T09:00:00.000Z',
    ],
    [
      '5 working days counting the receipt day',
      '2026-11-23T11:00:00+09:00',
      { kind: 'working-days', days: 5, counting: 'end-of-day', includeReceiptDay: true },
      seoul,
      '2026-11-27T09:00:00.000Z',
    ],
  ])('%s', (_name, received, target, calendar, expected) => {
    expect(deadlineFor(received, target, calendar)).toBe(expected);
  });

  it('Berlin across the autumn DST change: Friday 17:00 CEST + 3 working hours = Monday 11:00 CET', () => {
    expect(
      deadlineFor(
        '2026-10-23T17:00:00+02:00',
        { kind: 'working-hours', hours: 3 },
        officeCalendar('Europe/Berlin'),
      ),
    ).toBe('2026-10-26T10:00:00.000Z');
  });
});

describe('targetStatus', () => {
  const base = {
    receivedAt: '2026-11-23T10:00:00+09:00',
    target: { kind: 'working-hours', hours: 3 } as ServiceTarget,
    calendar: seoul,
  };

  it.each([
    [
      'on time',
      '2026-11-23T10:30:00+09:00',
      undefined,
      { state: 'on-time', elapsedWorkingMinutes: 30, remainingWorkingMinutes: 150 },
    ],
    [
      'due soon (last quarter)',
      '2026-11-23T12:15:00+09:00',
      undefined,
      { state: 'due-soon', remainingWorkingMinutes: 45 },
    ],
    [
      'at the deadline itself, still due soon',
      '2026-11-23T13:00:00+09:00',
      undefined,
      { state: 'due-soon', remainingWorkingMinutes: 0 },
    ],
    [
      'late',
      '2026-11-24T09:30:00+09:00',
      undefined,
      { state: 'late', elapsedWorkingMinutes: 510, overdueWorkingMinutes: 330 },
    ],
    [
      'answered in time',
      '2026-11-30T00:00:00+09:00',
      '2026-11-23T12:59:00+09:00',
      { state: 'met', elapsedWorkingMinutes: 179, overdueWorkingMinutes: 0 },
    ],
    [
      'answered late',
      '2026-11-30T00:00:00+09:00',
      '2026-11-23T13:01:00+09:00',
      { state: 'missed', overdueWorkingMinutes: 1, remainingWorkingMinutes: 0 },
    ],
  ])('%s', (_name, now, respondedAt, expected) => {
    expect(targetStatus({ ...base, now, respondedAt })).toEqual({
      deadline: '2026-11-23T04:00:00.000Z',
      allowedWorkingMinutes: 180,
      elapsedWorkingMinutes: expect.any(Number),
      remainingWorkingMinutes: expect.any(Number),
      overdueWorkingMinutes: expect.any(Number),
      ...expected,
    });
  });

  it('a custom due-soon threshold', () => {
    expect(targetStatus({ ...base, now: '2026-11-23T12:15:00+09:00', dueSoonWorkingMinutes: 30 }).state).toBe(
      'on-time',
    );
  });

  it('a request received on Friday night is not late on Saturday or Monday at 11:59', () => {
    const friday = { ...base, receivedAt: '2026-11-27T22:00:00+09:00' };
    expect(targetStatus({ ...friday, now: '2026-11-28T15:00:00+09:00' }).state).toBe('on-time');
    expect(targetStatus({ ...friday, now: '2026-11-30T11:59:00+09:00' }).state).toBe('due-soon');
    expect(targetStatus({ ...friday, now: '2026-11-30T12:01:00+09:00' }).state).toBe('late');
  });

  it('"1 working day" late ⇔ more than 540 working minutes waited (the approval queue’s rule)', () => {
    const office = officeCalendar('Asia/Seoul');
    const instant = fc.integer({ min: Date.UTC(2026, 10, 1), max: Date.UTC(2026, 11, 31) });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 14 * 86_400_000 }), (received, wait) => {
        const now = received + wait;
        const late =
          targetStatus({
            receivedAt: received,
            target: { kind: 'working-days', days: 1 },
            calendar: office,
            now,
          }).state === 'late';
        const waited = workingMinutesBetween(received, now, office);
        if (waited > 540) expect(late).toBe(true);
        if (waited < 540) expect(late).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('describeTarget and isValidTarget', () => {
  it.each<[ServiceTarget, string, string]>([
    [{ kind: 'working-hours', hours: 3 }, '3근무시간 이내', 'within 3 working hours'],
    [{ kind: 'working-hours', hours: 1 }, '1근무시간 이내', 'within 1 working hour'],
    [{ kind: 'working-days', days: 5 }, '5근무일 이내', 'within 5 working days'],
    [
      { kind: 'working-days', days: 3, counting: 'end-of-day' },
      '접수 다음 날부터 3근무일째 업무 종료 시까지',
      'by the close of the 3rd working day after the day received',
    ],
    [
      { kind: 'working-days', days: 11, counting: 'end-of-day', includeReceiptDay: true },
      '접수일 포함 11근무일째 업무 종료 시까지',
      'by the close of the 11th working day, counting the day received',
    ],
  ])('%j', (target, ko, en) => {
    expect(describeTarget(target)).toEqual({ ko, en });
    expect(isValidTarget(target)).toBe(true);
  });

  it.each([
    { kind: 'working-hours', hours: 0 },
    { kind: 'working-days', days: 1.5 },
    { kind: 'working-days', days: 2, counting: 'weeks' },
    { kind: 'minutes' },
  ])('refuses %j', (target) => {
    expect(isValidTarget(target as ServiceTarget)).toBe(false);
    expect(() => deadlineFor('2026-11-23T10:00:00+09:00', target as ServiceTarget, seoul)).toThrow(
      RangeError,
    );
  });
});
