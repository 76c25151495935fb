import { decideExpense, ExpenseFacts } from './expense-state';

const base: ExpenseFacts = {
  state: 'evidence_complete',
  requestedBy: 'req',
  substantiveVerifiedBy: null,
  financialVerifiedBy: null,
  missingEvidence: [],
};

describe('decideExpense', () => {
  it.each([
    ['requested', 'approve', 'approved'],
    ['requested', 'reject', 'rejected'],
    ['approved', 'reject', 'rejected'],
    ['approved', 'pay', 'paid'],
    ['paid', 'complete_evidence', 'evidence_complete'],
    ['evidence_missing', 'complete_evidence', 'evidence_complete'],
    ['paid', 'flag_evidence_missing', 'evidence_missing'],
    ['verified', 'disallow', 'disallowed'],
    ['paid', 'disallow', 'disallowed'],
  ] as const)('%s --%s--> %s', (state, action, to) => {
    expect(decideExpense({ ...base, state }, action, 'ops')).toEqual({ ok: true, to });
  });

  it.each([
    ['requested', 'pay'],
    ['paid', 'approve'],
    ['rejected', 'approve'],
    ['verified', 'pay'],
    ['disallowed', 'disallow'],
    ['requested', 'verify'],
    ['paid', 'verify'],
  ] as const)('refuses %s --%s-->', (state, action) => {
    const result = decideExpense({ ...base, state }, action, 'ops');
    expect(result).toMatchObject({ ok: false, refusal: { code: 'wrong_state', state } });
  });

  it('needs the checklist complete before evidence is complete or verified', () => {
    const facts = { ...base, state: 'paid' as const, missingEvidence: ['minutes'] };
    expect(decideExpense(facts, 'complete_evidence', 'ops')).toEqual({
      ok: false,
      refusal: { code: 'evidence_incomplete', missing: ['minutes'] },
    });
    expect(
      decideExpense({ ...base, missingEvidence: ['minutes'] }, 'verify', 'ops', 'substantive'),
    ).toMatchObject({ ok: false, refusal: { code: 'evidence_incomplete' } });
    expect(decideExpense(facts, 'verify', 'ops', 'financial')).toEqual({
      ok: false,
      refusal: { code: 'evidence_incomplete', missing: ['minutes'] },
    });
  });

  it('two verifications by two different people, neither the requester', () => {
    expect(decideExpense(base, 'verify', 'req', 'substantive')).toEqual({
      ok: false,
      refusal: { code: 'requester_cannot_verify' },
    });
    expect(decideExpense(base, 'verify', 'a', 'substantive')).toEqual({ ok: true, to: 'evidence_complete' });
    const once = { ...base, substantiveVerifiedBy: 'a' };
    expect(decideExpense(once, 'verify', 'a', 'financial')).toEqual({
      ok: false,
      refusal: { code: 'same_verifier' },
    });
    expect(decideExpense(once, 'verify', 'b', 'substantive')).toEqual({
      ok: false,
      refusal: { code: 'already_verified', kind: 'substantive' },
    });
    expect(decideExpense(once, 'verify', 'b', 'financial')).toEqual({ ok: true, to: 'verified' });
  });
});
