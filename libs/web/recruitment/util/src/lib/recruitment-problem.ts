import type { FormGroup } from '@angular/forms';
import {
  type Locale,
  type ProblemDetails,
  RECRUITMENT_RULE_MESSAGES,
  type RecruitmentRule,
  type RecruitmentViolation,
  interpolate,
} from '@madang/contracts';
import { type AppliedProblem, applyProblemToForm, problemMessage } from '@madang/web/util';

function isViolation(value: unknown): value is RecruitmentViolation {
  return (
    typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
  );
}

/** The violations of a `recruitment_rule` problem (422), empty for any other problem. */
export function recruitmentViolations(problem: ProblemDetails): RecruitmentViolation[] {
  const list = problem['violations'];
  return problem.code === 'recruitment_rule' && Array.isArray(list) ? list.filter(isViolation) : [];
}

/** The label of a form field by its id, in the page language, when the page knows the form. */
export type FieldLabel = (fieldId: string) => string | undefined;

/**
 * One violation in the page language: the contracts text with its placeholders (a field named by
 * its label when `labelOf` knows it), else the server's own message.
 */
export function violationText(violation: RecruitmentViolation, locale: Locale, labelOf?: FieldLabel): string {
  const text = RECRUITMENT_RULE_MESSAGES[violation.code as RecruitmentRule];
  if (!text) return violation.message;
  const fieldId = String(violation.params?.['field'] ?? violation.field?.replace(/^answers\./, '') ?? '');
  const params: Record<string, string | number> = {
    ...(violation.params ?? {}),
    field: labelOf?.(fieldId) ?? fieldId,
  };
  return interpolate(text[locale], params);
}

/**
 * A `FormSubmitter` mapping for recruitment forms: a violation naming a control's path (`scores.impact`),
 * or `answers.<id>` for a form whose controls are the field ids, lands under that control; the rest (and the problem's own sentence) is the form message.
 */
export function applyRecruitmentProblem(
  form: FormGroup,
  problem: ProblemDetails,
  locale: Locale,
  labelOf?: FieldLabel,
): AppliedProblem {
  const violations = recruitmentViolations(problem);
  if (violations.length === 0) return applyProblemToForm(form, problem, locale);
  const fields: string[] = [];
  const leftOver: string[] = [];
  for (const violation of violations) {
    const path = violation.field;
    const name = path ? (form.get(path) ? path : path.replace(/^answers\./, '')) : null;
    const control = name ? form.get(name) : null;
    const message = violationText(violation, locale, labelOf);
    if (control && name) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
      fields.push(name);
    } else leftOver.push(message);
  }
  if (leftOver.length === 0) return { formMessage: null, fields };
  return { formMessage: [problemMessage(problem, locale), ...leftOver].join(' '), fields };
}

/** One sentence for a failed recruitment call outside a form (snack-bars, page errors). */
export function recruitmentFailure(problem: ProblemDetails, locale: Locale, labelOf?: FieldLabel): string {
  const violations = recruitmentViolations(problem);
  if (violations.length === 0) return problemMessage(problem, locale);
  return violations.map((v) => violationText(v, locale, labelOf)).join(' ');
}
