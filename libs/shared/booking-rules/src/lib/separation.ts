/**
 * Separation of duties: whoever asked for a booking does not decide it. Another approver must,
 * unless the centre has said it is too small for that (`allowSelfApproval`); either way the audit
 * row names the decider.
 */
export interface SelfDecisionInput {
  /** Who is approving or rejecting. */
  deciderId: string;
  /** Who made the request. */
  requesterId: string;
  /** The centre's setting (ALLOW_SELF_APPROVAL); false by default. */
  allowSelfApproval: boolean;
}

/** True when this decision must be left to another approver. */
export function decisionBlockedBySelf(input: SelfDecisionInput): boolean {
  return !input.allowSelfApproval && input.deciderId === input.requesterId;
}
