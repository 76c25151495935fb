import type { FormSection } from '@madang/contracts';
import { termWindows } from './agreements.service';
import {
  blindAnswers,
  canMove,
  checkAnswers,
  checkForm,
  checkSchedule,
  duePhases,
  nextPhase,
  reviewerLetter,
} from './recruitment-rules';

const FORM: FormSection[] = [
  {
    id: 's',
    title: { ko: '소개', en: 'About' },
    fields: [
      {
        id: 'name',
        type: 'text',
        label: { ko: '이름', en: 'Name' },
        required: true,
        maxLength: 5,
        hiddenWhenBlind: true,
      },
      { id: 'plan', type: 'long_text', label: { ko: '계획', en: 'Plan' }, required: true },
      { id: 'n', type: 'number', label: { ko: '수', en: 'N' }, required: false, min: 0, max: 10 },
      {
        id: 'pick',
        type: 'choice',
        label: { ko: '선택', en: 'Pick' },
        required: false,
        options: [
          { value: 'a', label: { ko: 'A', en: 'A' } },
          { value: 'b', label: { ko: 'B', en: 'B' } },
        ],
      },
      { id: 'day', type: 'date', label: { ko: '날짜', en: 'Day' }, required: false },
      { id: 'doc', type: 'file', label: { ko: '파일', en: 'File' }, required: false },
      { id: 'team', type: 'team_members', label: { ko: '팀원', en: 'Team' }, required: false },
    ],
  },
];
const codes = (p: { code: string; field?: string }[]) => p.map((x) => `${x.code}:${x.field}`);

describe('phases', () => {
  it.each([
    ['draft', false, 'open'],
    ['review_document', false, 'provisional_results'],
    ['review_document', true, 'review_interview'],
    ['final_results', false, 'agreements'],
    ['agreements', false, null],
  ] as const)('after %s (interview %s) comes %s', (phase, interview, next) => {
    expect(nextPhase(phase, interview)).toBe(next);
  });

  it('moves by hand only to the next phase, never back or past one', () => {
    expect(canMove('open', 'closed', false)).toBe(true);
    expect(canMove('open', 'screening', false)).toBe(false);
    expect(canMove('closed', 'open', false)).toBe(false);
    expect(canMove('review_document', 'review_interview', false)).toBe(false);
  });

  it('walks every phase whose date has come, stopping at the first without one', () => {
    const now = new Date('2027-02-01T00:00:00Z');
    const schedule = {
      open: '2027-01-01T00:00:00Z',
      closed: '2027-01-20T00:00:00Z',
      screening: '2027-03-01T00:00:00Z',
    };
    expect(duePhases('draft', schedule, false, now)).toEqual(['open', 'closed']);
    expect(duePhases('closed', schedule, false, now)).toEqual([]);
    expect(duePhases('draft', {}, false, now)).toEqual([]);
  });

  it('wants the dates in order and the deadline inside the open phase', () => {
    expect(
      checkSchedule({ open: '2027-01-01T00:00:00Z', closed: '2027-02-01T00:00:00Z' }, '2027-01-31T09:00:00Z'),
    ).toEqual([]);
    expect(
      codes(
        checkSchedule(
          { open: '2027-02-01T00:00:00Z', closed: '2027-01-01T00:00:00Z' },
          '2027-01-31T09:00:00Z',
        ),
      ),
    ).toContain('schedule_invalid:schedule.closed');
    expect(codes(checkSchedule({ open: '2027-02-01T00:00:00Z' }, '2027-01-31T09:00:00Z'))).toEqual([
      'schedule_invalid:deadline',
    ]);
  });
});

describe('forms and answers', () => {
  it('refuses duplicate field ids and choices without options', () => {
    const bad: FormSection[] = [
      {
        id: 's',
        title: { ko: 'x', en: 'x' },
        fields: [
          { id: 'a', type: 'text', label: { ko: 'a', en: 'a' }, required: false },
          { id: 'a', type: 'choice', label: { ko: 'a', en: 'a' }, required: false },
        ],
      },
    ];
    expect(codes(checkForm(bad))).toEqual([
      'answer_invalid:sections[0].fields[1].id',
      'answer_invalid:sections[0].fields[1].options',
    ]);
    expect(checkForm(FORM)).toEqual([]);
  });

  it.each([
    [{ name: '가나다라마바' }, 'answer_too_long:answers.name'],
    [{ n: 11 }, 'answer_invalid:answers.n'],
    [{ n: '3' }, 'answer_invalid:answers.n'],
    [{ pick: 'c' }, 'answer_invalid:answers.pick'],
    [{ pick: ['a'] }, 'answer_invalid:answers.pick'],
    [{ day: '2027-02-30x' }, 'answer_invalid:answers.day'],
    [{ doc: ['not-a-uuid'] }, 'answer_invalid:answers.doc'],
    [{ team: [{ name: '' }] }, 'answer_invalid:answers.team'],
    [{ team: [{ name: 'a', email: 'x' }] }, 'answer_invalid:answers.team'],
    [{ unknown: 'x' }, 'answer_invalid:answers.unknown'],
  ])('refuses %j', (answers, code) => {
    expect(codes(checkAnswers(FORM, answers as never, { complete: false }))).toEqual([code]);
  });

  it('counts characters as people do (a Hangul syllable or an emoji is one)', () => {
    expect(checkAnswers(FORM, { name: '가나다라마' }, { complete: false })).toEqual([]);
    expect(checkAnswers(FORM, { name: '😀😀😀😀😀' }, { complete: false })).toEqual([]);
  });

  it('requires the required fields on submission only', () => {
    expect(checkAnswers(FORM, { name: '팀' }, { complete: false })).toEqual([]);
    expect(codes(checkAnswers(FORM, {}, { complete: true, previous: { name: '팀' } }))).toEqual([
      'answer_required:answers.plan',
    ]);
  });

  it('lets a supplement change only the fields it asked for', () => {
    const previous = { name: '팀', plan: '원래 계획' };
    expect(checkAnswers(FORM, { plan: '보완' }, { complete: false, onlyFields: ['plan'], previous })).toEqual(
      [],
    );
    expect(
      codes(checkAnswers(FORM, { name: '새팀' }, { complete: false, onlyFields: ['plan'], previous })),
    ).toEqual(['field_not_requested:answers.name']);
    // Sending an unchanged field along is fine.
    expect(
      checkAnswers(FORM, { name: '팀', plan: '보완' }, { complete: false, onlyFields: ['plan'], previous }),
    ).toEqual([]);
  });

  it('blind answers drop hidden fields and team members’ names and accounts', () => {
    const shown = blindAnswers(FORM, {
      name: '함께걷는',
      plan: '계획',
      team: [{ name: '김주민', role: '대표', userId: '00000000-0000-4000-8000-000000000001' }],
    });
    expect(shown).toEqual({ plan: '계획', team: [{ name: '#1', role: '대표' }] });
  });

  it('labels reviewers A, B, … Z, AA', () => {
    expect([0, 1, 25, 26, 27].map(reviewerLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});

describe('term windows of a room block', () => {
  it('runs from the first local midnight to the midnight after the last day', () => {
    expect(termWindows('2027-01-04', '2027-12-31', 'Asia/Seoul')).toEqual([
      { start: '2027-01-04T00:00:00.000+09:00', end: '2028-01-01T00:00:00.000+09:00' },
    ]);
  });

  it('cuts a term longer than the booking engine allows into consecutive pieces', () => {
    const windows = termWindows('2027-03-01', '2030-02-28', 'Asia/Seoul');
    expect(windows).toHaveLength(2);
    expect(windows[0].end).toBe(windows[1].start);
    expect(windows[1].end).toBe('2030-03-01T00:00:00.000+09:00');
  });
});
