import {
  Locale,
  SETTLEMENT_RULE_MESSAGES,
  SettlementRule,
  SettlementViolation,
  interpolate,
} from '@madang/contracts';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '../core/domain-error';

export function violation(
  code: SettlementRule,
  locale: Locale,
  params?: SettlementViolation['params'],
): SettlementViolation {
  return {
    code,
    message: interpolate(SETTLEMENT_RULE_MESSAGES[code][locale], {}),
    ...(params ? { params } : {}),
  };
}

/** A settlement rule refused the change: 422 with the rule's code and sentence. */
export function ruleViolation(
  code: SettlementRule,
  locale: Locale,
  params?: SettlementViolation['params'],
): DomainError {
  return new DomainError('rule_violation', { violations: [violation(code, locale, params)] });
}

/** The database rules' names, mapped to the rule a client reads (the database has the last word). */
const CONSTRAINT_RULES: Readonly<Record<string, SettlementRule>> = {
  journal_entries_period_open: 'period_closed',
  journal_entries_balanced: 'unbalanced_entry',
  expenses_verifiers_check: 'same_verifier',
  expenses_history_immutable: 'already_verified',
  expenses_verified_check: 'evidence_incomplete',
  budget_amendments_decider_check: 'decider_is_requester',
};

/** Runs work and turns a settlement rule refused by PostgreSQL into a 422 naming the rule. */
export async function withDatabaseRules<T>(locale: Locale, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryFailedError) {
      const driver = error.driverError as { code?: string; constraint?: string };
      const rule = driver.constraint ? CONSTRAINT_RULES[driver.constraint] : undefined;
      if (driver.code === '23514' && rule) throw ruleViolation(rule, locale);
    }
    throw error;
  }
}
