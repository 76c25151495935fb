import type { Won } from '@madang/money';

export interface BankLineFacts {
  id: string;
  date: string;
  amount: Won;
  counterparty: string;
  memo: string;
}

/** Something a statement line can settle: a paid expense (negative) or a payment (signed). */
export interface MatchCandidate {
  kind: 'expense' | 'payment';
  id: string;
  date: string;
  /** As it appears on the statement: expenses negative, payments received positive. */
  amount: Won;
  name: string;
  reference: string;
}

export interface AutoMatch {
  bankLineId: string;
  kind: 'expense' | 'payment';
  targetId: string;
  score: number;
}

const DAY = 86_400_000;
const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY;
const squash = (s: string) => s.replace(/[\s()㈜(주)주식회사.,-]/g, '').toLowerCase();

/** How well a candidate fits a line: 0 means no match (amount must be equal and date inside the window). */
export function matchScore(line: BankLineFacts, candidate: MatchCandidate, windowDays: number): number {
  if (line.amount !== candidate.amount) return 0;
  const gap = days(line.date, candidate.date);
  if (gap > windowDays) return 0;
  let score = 10 + (windowDays - gap);
  const text = squash(`${line.counterparty} ${line.memo}`);
  const name = squash(candidate.name);
  if (
    name &&
    (text.includes(name) || (squash(line.counterparty) && name.includes(squash(line.counterparty))))
  )
    score += 20;
  if (candidate.reference && text.includes(squash(candidate.reference))) score += 40;
  return score;
}

/**
 * Matches statement lines to candidates one-to-one: every (line, candidate) pair with a positive
 * score, best first; ties broken by line then candidate id, so the result is deterministic. A line
 * whose two best candidates tie (and which no reference or name separates) is left for a person.
 */
export function autoMatch(
  lines: readonly BankLineFacts[],
  candidates: readonly MatchCandidate[],
  windowDays = 7,
): AutoMatch[] {
  const byAmount = new Map<Won, MatchCandidate[]>();
  for (const c of candidates) {
    const list = byAmount.get(c.amount);
    if (list) list.push(c);
    else byAmount.set(c.amount, [c]);
  }
  const pairs: AutoMatch[] = [];
  const ambiguous = new Set<string>();
  for (const line of lines) {
    const scored = (byAmount.get(line.amount) ?? [])
      .map((c) => ({ c, score: matchScore(line, c, windowDays) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score);
    if (scored.length > 1 && scored[0].score === scored[1].score) ambiguous.add(line.id);
    for (const { c, score } of scored)
      pairs.push({ bankLineId: line.id, kind: c.kind, targetId: c.id, score });
  }
  pairs.sort(
    (a, b) =>
      b.score - a.score || a.bankLineId.localeCompare(b.bankLineId) || a.targetId.localeCompare(b.targetId),
  );
  const usedLines = new Set<string>();
  const usedTargets = new Set<string>();
  const result: AutoMatch[] = [];
  for (const pair of pairs) {
    if (ambiguous.has(pair.bankLineId)) continue;
    const target = `${pair.kind}:${pair.targetId}`;
    if (usedLines.has(pair.bankLineId) || usedTargets.has(target)) continue;
    usedLines.add(pair.bankLineId);
    usedTargets.add(target);
    result.push(pair);
  }
  return result;
}
