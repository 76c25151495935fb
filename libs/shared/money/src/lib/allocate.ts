import { MoneyError, won, type Won } from './won';

/**
 * Splits `amount` across `weights` in proportion, in whole won, so the parts always sum to
 * `amount` exactly. Each part first gets the floor of its exact share; the won left over go one
 * each to the largest remainders, ties to the earlier share (deterministic). Negative amounts are
 * split as their absolute value and negated. Weights are non-negative safe integers (e.g. won or
 * basis points) with a positive sum.
 */
export function allocate(amount: Won, weights: readonly number[]): Won[] {
  won(amount);
  if (weights.length === 0) throw new MoneyError('bad_shares', 'No shares to allocate to');
  let total = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new MoneyError('bad_shares', `Bad share: ${w}`);
    total += BigInt(w);
  }
  if (total === 0n) throw new MoneyError('bad_shares', 'Shares sum to zero');
  const negative = amount < 0;
  const abs = BigInt(Math.abs(amount));
  const parts = weights.map((w, index) => {
    const exact = abs * BigInt(w);
    return { index, floor: exact / total, remainder: exact % total };
  });
  let left = abs - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const p of order) {
    if (left === 0n) break;
    if (p.remainder === 0n) continue;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => (negative ? -Number(p.floor) : Number(p.floor)) || 0);
}

/** Splits `amount` by shares given in basis points (must sum to 10000). */
export function allocateBp(amount: Won, sharesBp: readonly number[]): Won[] {
  const sum = sharesBp.reduce((s, x) => s + x, 0);
  if (sum !== 10000) throw new MoneyError('bad_shares', `Shares must sum to 100 % (10000 bp), got ${sum}`);
  return allocate(amount, sharesBp);
}
