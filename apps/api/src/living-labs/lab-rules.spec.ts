import { officeCalendar } from '@madang/service-targets';
import type { ProjectStage } from '@madang/contracts';
import {
  deadlineState,
  gateViolations,
  reachableStages,
  stageChangeViolations,
  targetReached,
} from './lab-rules';
import { holidayDates } from './response-promise';

const none = { problemStatement: null, resultsNote: null, linkedObservations: 0, concludedExperiments: 0 };
const all = { problemStatement: '문제', resultsNote: '결과', linkedObservations: 2, concludedExperiments: 1 };

describe('stage gates', () => {
  it.each<[ProjectStage, string[]]>([
    ['observation', []],
    ['experiment', ['problem_statement_missing', 'no_linked_observation']],
    ['cooperation', ['problem_statement_missing', 'no_linked_observation', 'no_concluded_experiment']],
    [
      'sharing',
      [
        'problem_statement_missing',
        'no_linked_observation',
        'no_concluded_experiment',
        'results_note_missing',
      ],
    ],
    ['on_hold', []],
    ['discontinued', []],
  ])('entering %s with nothing needs %j', (stage, expected) => {
    expect(gateViolations(stage, none)).toEqual(expected);
    expect(gateViolations(stage, all)).toEqual([]);
  });

  it('treats a blank problem statement or results note as missing', () => {
    expect(gateViolations('sharing', { ...all, problemStatement: '   ', resultsNote: '\n' })).toEqual([
      'problem_statement_missing',
      'results_note_missing',
    ]);
  });

  it('moves one step forward, any step back, on hold or discontinued; discontinued is final', () => {
    expect(reachableStages('observation', null)).toEqual(['experiment', 'on_hold', 'discontinued']);
    expect(reachableStages('cooperation', null)).toEqual([
      'observation',
      'experiment',
      'sharing',
      'on_hold',
      'discontinued',
    ]);
    expect(reachableStages('sharing', null)).toEqual([
      'observation',
      'experiment',
      'cooperation',
      'on_hold',
      'discontinued',
    ]);
    expect(reachableStages('on_hold', 'experiment')).toEqual(['experiment', 'discontinued']);
    expect(reachableStages('discontinued', null)).toEqual([]);
  });

  it('refuses a jump, a move out of discontinued, and a resume that no longer passes its gate', () => {
    expect(stageChangeViolations('observation', null, 'cooperation', all)).toEqual(['stage_not_allowed']);
    expect(stageChangeViolations('discontinued', null, 'observation', all)).toEqual(['project_closed']);
    expect(
      stageChangeViolations('on_hold', 'experiment', 'experiment', { ...all, linkedObservations: 0 }),
    ).toEqual(['no_linked_observation']);
    expect(stageChangeViolations('experiment', null, 'on_hold', none)).toEqual([]);
  });
});

describe('metric targets', () => {
  it.each([
    ['increase', 30, 31, true],
    ['increase', 30, 30, true],
    ['increase', 30, 29.9, false],
    ['decrease', 6, 5.8, true],
    ['decrease', 6, 6.1, false],
    ['decrease', 6, null, false],
  ] as const)('%s to %d with %p reached: %p', (direction, target, actual, expected) => {
    expect(targetReached(direction, target, actual)).toBe(expected);
  });
});

describe('deadline state against a stored promise', () => {
  const calendar = officeCalendar('Asia/Seoul', holidayDates(''));
  // Monday 2026-11-30 10:00 KST, due 13:00 (3 working hours).
  const received = new Date('2026-11-30T01:00:00Z');
  const due = new Date('2026-11-30T04:00:00Z');

  it('is on time early, due soon in the last quarter, late after, met or missed once answered', () => {
    expect(deadlineState(received, due, null, new Date('2026-11-30T01:30:00Z'), calendar).state).toBe(
      'on-time',
    );
    expect(deadlineState(received, due, null, new Date('2026-11-30T03:30:00Z'), calendar).state).toBe(
      'due-soon',
    );
    const late = deadlineState(received, due, null, new Date('2026-11-30T05:00:00Z'), calendar);
    expect(late).toEqual({ state: 'late', elapsedWorkingMinutes: 240, overdueWorkingMinutes: 60 });
    expect(deadlineState(received, due, new Date('2026-11-30T02:00:00Z'), new Date(), calendar).state).toBe(
      'met',
    );
    expect(
      deadlineState(received, due, new Date('2026-12-01T01:00:00Z'), new Date(), calendar),
    ).toMatchObject({
      state: 'missed',
      elapsedWorkingMinutes: 540,
    });
  });

  it('counts Korean public holidays as days off (Christmas 2026)', () => {
    expect(holidayDates('2026-12-31')).toEqual(
      expect.arrayContaining(['2026-12-25', '2026-12-31', '2026-02-17']),
    );
    // Thursday 24 Dec 17:00 KST, checked Monday 28 Dec 09:30: 60 working minutes on the 24th, 30 on the 28th.
    const state = deadlineState(
      new Date('2026-12-24T08:00:00Z'),
      new Date('2026-12-28T01:00:00Z'),
      null,
      new Date('2026-12-28T00:30:00Z'),
      calendar,
    );
    expect(state.elapsedWorkingMinutes).toBe(90);
    expect(state.state).not.toBe('late');
  });
});
