import { addWon, rateBp, type BasisPoints, type Won } from '@madang/money';

export interface GuardInput {
  /** The line's current amended budget. */
  amended: Won;
  /** Already committed on the line (requested, approved, paid … — not rejected). */
  committed: Won;
  /** The new expense. */
  amount: Won;
  warnThresholdBp: BasisPoints;
  refuseThresholdBp: BasisPoints;
}

export interface GuardDecision {
  level: 'ok' | 'warn' | 'refuse';
  rateAfterBp: BasisPoints;
  remaining: Won;
  remainingAfter: Won;
}

/**
 * The budget guardrail, always against the amended budget: warn when the line's execution would
 * pass the warn threshold, refuse when it would pass the refuse threshold (10000 bp = the whole
 * amended budget). A line with no amended budget refuses any positive amount.
 */
export function guardExpense(input: GuardInput): GuardDecision {
  const after = addWon(input.committed, input.amount);
  const remaining = input.amended - input.committed;
  const remainingAfter = input.amended - after;
  if (input.amended <= 0)
    return { level: input.amount > 0 ? 'refuse' : 'ok', rateAfterBp: 0, remaining, remainingAfter };
  const rateAfterBp = rateBp(after, input.amended);
  // Compare exactly in integers: after * 10000 > amended * threshold.
  const over = (threshold: BasisPoints) => BigInt(after) * 10000n > BigInt(input.amended) * BigInt(threshold);
  const level = over(input.refuseThresholdBp) ? 'refuse' : over(input.warnThresholdBp) ? 'warn' : 'ok';
  return { level, rateAfterBp, remaining, remainingAfter };
}
