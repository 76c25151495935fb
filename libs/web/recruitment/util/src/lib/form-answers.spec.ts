import type { FormField, FormSection } from '@madang/contracts';
import { answerProblem, answersFor, answersToSend, fieldIdFrom, problemsOf } from './form-answers';

const label = { ko: '항목', en: 'Field' };
const field = (over: Partial<FormField> & Pick<FormField, 'id' | 'type'>): FormField => ({
  label,
  required: false,
  ...over,
});

describe('answerProblem', () => {
  it('asks for a required answer and lets an optional one stay empty', () => {
    expect(answerProblem(field({ id: 'a', type: 'text', required: true }), '  ')).toEqual({
      kind: 'required',
    });
    expect(answerProblem(field({ id: 'a', type: 'text' }), '')).toBeNull();
    expect(answerProblem(field({ id: 'f', type: 'file', required: true }), [])).toEqual({ kind: 'required' });
  });

  it('counts characters as people do against the limit', () => {
    const plan = field({ id: 'plan', type: 'long_text', maxLength: 3 });
    expect(answerProblem(plan, '마당터')).toBeNull();
    expect(answerProblem(plan, '마당터😀')).toEqual({ kind: 'tooLong', max: 3 });
  });

  it('checks numbers against their bounds', () => {
    const size = field({ id: 'size', type: 'number', min: 1, max: 10 });
    expect(answerProblem(size, 0)).toEqual({ kind: 'min', min: 1 });
    expect(answerProblem(size, 11)).toEqual({ kind: 'max', max: 10 });
    expect(answerProblem(size, 5)).toBeNull();
  });

  it('accepts only offered choices and calendar dates', () => {
    const kind = field({ id: 'k', type: 'choice', options: [{ value: 'a', label }] });
    expect(answerProblem(kind, 'a')).toBeNull();
    expect(answerProblem(kind, 'b')).toEqual({ kind: 'invalid' });
    expect(answerProblem(field({ id: 'd', type: 'date' }), '2027-3-1')).toEqual({ kind: 'invalid' });
  });

  it('does not count unnamed team rows as members', () => {
    const team = field({ id: 't', type: 'team_members', required: true });
    expect(answerProblem(team, [{ name: ' ' }])).toEqual({ kind: 'required' });
    expect(answerProblem(team, [{ name: '김마당' }])).toBeNull();
  });
});

describe('answers of a form', () => {
  const sections: FormSection[] = [
    {
      id: 's',
      title: label,
      fields: [
        field({ id: 'name', type: 'text', required: true }),
        field({ id: 'team', type: 'team_members' }),
        field({ id: 'many', type: 'choice', multiple: true, options: [{ value: 'x', label }] }),
      ],
    },
  ];

  it('starts every field from its saved answer or its empty one', () => {
    expect(answersFor(sections, { name: '마당' })).toEqual({ name: '마당', team: [], many: [] });
  });

  it('lists the problems in form order', () => {
    expect(problemsOf(sections, answersFor(sections, null))).toEqual([
      { fieldId: 'name', problem: { kind: 'required' } },
    ]);
  });

  it('drops empty team rows when sending', () => {
    expect(
      answersToSend(sections, {
        name: 'a',
        team: [{ name: '' }, { name: ' 김 ', role: '대표' }, { name: '오', role: ' ' }],
      }),
    ).toEqual({
      name: 'a',
      team: [{ name: '김', role: '대표' }, { name: '오' }],
    });
  });
});

describe('fieldIdFrom', () => {
  it('makes a unique id from a label', () => {
    expect(fieldIdFrom('Activity plan', new Set())).toBe('activity_plan');
    expect(fieldIdFrom('Activity plan', new Set(['activity_plan']))).toBe('activity_plan_2');
    expect(fieldIdFrom('활동 계획', new Set())).toBe('field');
  });
});
