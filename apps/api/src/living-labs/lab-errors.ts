import { LAB_RULE_MESSAGES, type LabRule, type LabViolation, type Locale } from '@madang/contracts';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '../core/domain-error';

export const labViolation = (code: LabRule, locale: Locale): LabViolation => ({
  code,
  message: LAB_RULE_MESSAGES[code][locale],
});

/** A living-lab rule refused the change: 422 `lab_rule` with every broken rule and its sentence. */
export function labRule(codes: LabRule | readonly LabRule[], locale: Locale): DomainError {
  const list = typeof codes === 'string' ? [codes] : codes;
  return new DomainError('lab_rule', { violations: list.map((c) => labViolation(c, locale)) });
}

/** The database's own rules (triggers and checks, SQLSTATE 23514) as the rule they enforce. */
const CONSTRAINT_RULES: Readonly<Record<string, LabRule>> = {
  lab_gate_problem_statement: 'problem_statement_missing',
  lab_gate_observation: 'no_linked_observation',
  lab_gate_concluded_experiment: 'no_concluded_experiment',
  lab_gate_results_note: 'results_note_missing',
  lab_outcomes_verifier_not_lead: 'verifier_is_lead',
  lab_outcomes_verifier_check: 'verifier_is_recorder',
  lab_outcomes_verified_once: 'outcome_already_verified',
};

/** Runs `work`; a living-lab rule the database refused becomes the same 422 the service gives. */
export async function withLabRules<T>(locale: Locale, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryFailedError) {
      const pg = error.driverError as { code?: string; constraint?: string };
      const rule = pg.code === '23514' && pg.constraint ? CONSTRAINT_RULES[pg.constraint] : undefined;
      if (rule) throw labRule(rule, locale);
    }
    throw error;
  }
}
