import { FormControl, FormGroup } from '@angular/forms';
import type { ProblemDetails } from '@madang/contracts';
import { applyRecruitmentProblem, recruitmentFailure, recruitmentViolations } from './recruitment-problem';

const problem = (violations: unknown[]): ProblemDetails => ({
  type: 'about:blank',
  title: 'Unprocessable',
  status: 422,
  detail: 'The change breaks a rule of the call.',
  code: 'recruitment_rule',
  violations,
});

describe('recruitment problems', () => {
  it('reads the violations of a recruitment_rule problem only', () => {
    expect(recruitmentViolations(problem([{ code: 'deadline_passed', message: 'late' }]))).toHaveLength(1);
    expect(recruitmentViolations({ ...problem([{ code: 'deadline_passed' }]), code: 'conflict' })).toEqual(
      [],
    );
    expect(recruitmentViolations(problem(['junk', null]))).toEqual([]);
  });

  it('puts an answer violation under its field, in the page language, and leaves no form message', () => {
    const form = new FormGroup({ plan: new FormControl(''), teamName: new FormControl('') });
    const applied = applyRecruitmentProblem(
      form,
      problem([
        {
          code: 'answer_too_long',
          message: 'too long',
          field: 'answers.teamName',
          params: { field: 'teamName', max: 40 },
        },
      ]),
      'ko',
      (id) => (id === 'teamName' ? '팀 이름' : undefined),
    );
    expect(applied).toEqual({ formMessage: null, fields: ['teamName'] });
    expect(form.controls.teamName.errors?.['server']).toBe('팀 이름 항목은 40자 이하여야 합니다.');
    expect(form.controls.teamName.touched).toBe(true);
  });

  it('finds a nested control by its full path (scores.impact)', () => {
    const form = new FormGroup({ scores: new FormGroup({ impact: new FormControl<number | null>(null) }) });
    applyRecruitmentProblem(
      form,
      problem([{ code: 'sheet_invalid', message: 'x', field: 'scores.impact' }]),
      'en',
    );
    expect(form.get('scores.impact')?.errors?.['server']).toBe('Please check the review sheet.');
  });

  it('keeps what lands on no field as the form message, after the problem sentence', () => {
    const form = new FormGroup({ plan: new FormControl('') });
    const applied = applyRecruitmentProblem(
      form,
      problem([{ code: 'deadline_passed', message: 'late' }]),
      'en',
    );
    expect(applied.fields).toEqual([]);
    expect(applied.formMessage).toBe(
      'The change breaks a rule of the call. The submission deadline has passed.',
    );
    expect(recruitmentFailure(problem([{ code: 'deadline_passed', message: 'late' }]), 'ko')).toBe(
      '접수 마감 시각이 지났습니다.',
    );
    // Without the form's labels, the field is named by its id.
    expect(
      recruitmentFailure(problem([{ code: 'answer_required', message: 'x', field: 'answers.budget' }]), 'en'),
    ).toBe('This field is required: budget');
  });
});
