/** Digits of a won amount as typed ("1,200,000", "1200000원", "₩1,200") → the number, or null. */
export function parseWon(text: string): number | null {
  const digits = text.replace(/[\s,₩원]/g, '');
  if (!/^\d{1,13}$/.test(digits)) return null;
  return Number(digits);
}

/**
 * How an amount splits over funding sources by their amended amounts on a line (largest
 * remainder, so the parts add up to the amount exactly). Empty when the line has no budget.
 */
export function splitByShares(
  amount: number,
  sources: readonly { fundingSourceId: string; amended: number }[],
): { fundingSourceId: string; amount: number }[] {
  const total = sources.reduce((sum, s) => sum + Math.max(0, s.amended), 0);
  if (total <= 0 || amount <= 0) return [];
  const parts = sources.map((s, index) => {
    const exact = (amount * Math.max(0, s.amended)) / total;
    return { index, fundingSourceId: s.fundingSourceId, amount: Math.floor(exact), rest: exact % 1 };
  });
  let left = amount - parts.reduce((sum, p) => sum + p.amount, 0);
  for (const part of [...parts].sort((a, b) => b.rest - a.rest || a.index - b.index)) {
    if (left <= 0) break;
    part.amount += 1;
    left -= 1;
  }
  return parts.map(({ fundingSourceId, amount: part }) => ({ fundingSourceId, amount: part }));
}

/** What the budget guardrail will say about requesting `amount` on a line. */
export function guardrail(
  amount: number,
  line: { amended: number; committed: number },
  thresholds: { warnThresholdBp: number; refuseThresholdBp: number },
): 'refuse' | 'warn' | 'ok' {
  if (amount <= 0) return 'ok';
  if (line.amended <= 0) return 'refuse';
  const after = ((line.committed + amount) * 10_000) / line.amended;
  if (after > thresholds.refuseThresholdBp) return 'refuse';
  if (after >= thresholds.warnThresholdBp) return 'warn';
  return 'ok';
}
