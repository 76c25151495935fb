export const EXPENSE_STATES = [
  'requested',
  'approved',
  'paid',
  'evidence_complete',
  'verified',
  'rejected',
  'evidence_missing',
  'disallowed',
] as const;
export type ExpenseState = (typeof EXPENSE_STATES)[number];

export const EXPENSE_ACTIONS = [
  'approve',
  'reject',
  'pay',
  'complete_evidence',
  'flag_evidence_missing',
  'verify',
  'disallow',
] as const;
export type ExpenseAction = (typeof EXPENSE_ACTIONS)[number];

export type VerificationKind = 'substantive' | 'financial';

/** Where each action may start and where it leads (verify stays until both verifications exist). */
const TRANSITIONS: Readonly<Record<ExpenseAction, { from: readonly ExpenseState[]; to: ExpenseState }>> = {
  approve: { from: ['requested'], to: 'approved' },
  reject: { from: ['requested', 'approved'], to: 'rejected' },
  pay: { from: ['approved'], to: 'paid' },
  complete_evidence: { from: ['paid', 'evidence_missing'], to: 'evidence_complete' },
  flag_evidence_missing: { from: ['paid', 'evidence_complete'], to: 'evidence_missing' },
  verify: { from: ['evidence_complete'], to: 'verified' },
  disallow: { from: ['paid', 'evidence_complete', 'evidence_missing', 'verified'], to: 'disallowed' },
};

export interface ExpenseFacts {
  state: ExpenseState;
  requestedBy: string;
  substantiveVerifiedBy: string | null;
  financialVerifiedBy: string | null;
  /** Evidence items still missing from the checklist. */
  missingEvidence: readonly string[];
}

export type TransitionRefusal =
  | { code: 'wrong_state'; state: ExpenseState; allowed: readonly ExpenseState[] }
  | { code: 'evidence_incomplete'; missing: readonly string[] }
  | { code: 'requester_cannot_verify' }
  | { code: 'already_verified'; kind: VerificationKind }
  | { code: 'same_verifier' };

export type TransitionResult = { ok: true; to: ExpenseState } | { ok: false; refusal: TransitionRefusal };

/**
 * Decides an action on an expense. `verify` records one of the two verifications; the expense
 * becomes `verified` only when both exist, each by a different person and neither the requester.
 */
export function decideExpense(
  facts: ExpenseFacts,
  action: ExpenseAction,
  by: string,
  kind?: VerificationKind,
): TransitionResult {
  const rule = TRANSITIONS[action];
  // Verifying a paid expense whose checklist is still incomplete: say what is missing.
  if (
    action === 'verify' &&
    (facts.state === 'paid' || facts.state === 'evidence_missing') &&
    facts.missingEvidence.length > 0
  )
    return { ok: false, refusal: { code: 'evidence_incomplete', missing: facts.missingEvidence } };
  if (!rule.from.includes(facts.state))
    return { ok: false, refusal: { code: 'wrong_state', state: facts.state, allowed: rule.from } };
  if (action === 'complete_evidence' && facts.missingEvidence.length > 0)
    return { ok: false, refusal: { code: 'evidence_incomplete', missing: facts.missingEvidence } };
  if (action !== 'verify') return { ok: true, to: rule.to };
  if (facts.missingEvidence.length > 0)
    return { ok: false, refusal: { code: 'evidence_incomplete', missing: facts.missingEvidence } };
  if (by === facts.requestedBy) return { ok: false, refusal: { code: 'requester_cannot_verify' } };
  const which: VerificationKind = kind ?? 'substantive';
  const mine = which === 'substantive' ? facts.substantiveVerifiedBy : facts.financialVerifiedBy;
  const other = which === 'substantive' ? facts.financialVerifiedBy : facts.substantiveVerifiedBy;
  if (mine) return { ok: false, refusal: { code: 'already_verified', kind: which } };
  if (other === by) return { ok: false, refusal: { code: 'same_verifier' } };
  return { ok: true, to: other ? 'verified' : facts.state };
}

/** Expense states whose amount counts against the line's budget (everything not rejected). */
export function countsAgainstBudget(state: ExpenseState): boolean {
  return state !== 'rejected';
}
