import {
  interpolate,
  RECRUITMENT_RULE_MESSAGES,
  type Locale,
  type RecruitmentRule,
  type RecruitmentViolation,
} from '@madang/contracts';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '../core/domain-error';
import type { RuleProblem } from './recruitment-rules';

function violation(locale: Locale, problem: RuleProblem): RecruitmentViolation {
  return {
    code: problem.code,
    message: interpolate(RECRUITMENT_RULE_MESSAGES[problem.code][locale], problem.params ?? {}),
    ...(problem.field ? { field: problem.field } : {}),
    ...(problem.params ? { params: problem.params } : {}),
  };
}

/** One or more recruitment rules refused the change: 422 `recruitment_rule`, naming the fields. */
export function recruitmentRule(locale: Locale, problems: readonly RuleProblem[]): DomainError {
  return new DomainError(
    'recruitment_rule',
    { violations: problems.map((p) => violation(locale, p)) },
    {},
    problems.filter((p) => p.field).map((p) => ({ field: p.field as string, code: 'invalid' as const })),
  );
}

export const rule = (
  locale: Locale,
  code: RecruitmentRule,
  field?: string,
  params?: Record<string, string | number>,
): DomainError => recruitmentRule(locale, [{ code, field, params }]);

/** The database's rules, by constraint name, as the rule a client reads. */
const CONSTRAINT_RULES: Readonly<Record<string, RecruitmentRule>> = {
  recruitment_applications_deadline: 'deadline_passed',
  recruitment_applications_group_key: 'already_applied',
  recruitment_assignments_conflict_check: 'conflict_of_interest',
  recruitment_assignments_sealed: 'already_submitted',
  recruitment_assignments_submitted_check: 'sheet_invalid',
  recruitment_agreements_application_key: 'agreement_invalid',
};

/** Runs work; a recruitment rule refused by PostgreSQL becomes a 422 naming the rule. */
export async function withRecruitmentDbRules<T>(locale: Locale, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryFailedError) {
      const driver = error.driverError as { code?: string; constraint?: string };
      const code = driver.constraint ? CONSTRAINT_RULES[driver.constraint] : undefined;
      if ((driver.code === '23514' || driver.code === '23505') && code) throw rule(locale, code);
    }
    throw error;
  }
}
